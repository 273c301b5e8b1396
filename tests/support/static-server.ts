/**
 * A small static file server for the end-to-end tests: serves a built folder under a base path, with the 404
 * page for unknown paths, the way a plain static host would.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
};

export interface StaticServer {
	url: string;
	origin: string;
	close(): Promise<void>;
	/** Every path requested, for assertions. */
	requests: string[];
	/** Serves another folder from now on, at the same address (a new deployment). */
	setRoot(root: string): void;
}

/** Types a real host compresses; Pagefind's index files are gzipped already and go as they are. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.webmanifest', '.svg', '.txt', '.xml']);

/**
 * A slow line between this server and the browser, shared by every request (the pages' and the service worker's,
 * which the browser's own network emulation does not slow): each answer waits `latencyMs` before its first byte,
 * and with `bytesPerSecond` all bodies together cross at that rate, in turns of 8 kB.
 */
export interface Line {
	latencyMs: number;
	bytesPerSecond?: number;
}

const TURN = 8 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The time the shared line is busy; each turn is booked after the ones already booked. */
function lineBooking(bytesPerSecond: number) {
	let free = 0;
	return (bytes: number) => {
		const start = Math.max(performance.now(), free);
		free = start + (bytes / bytesPerSecond) * 1000;
		return sleep(free - performance.now());
	};
}

async function sendOverLine(body: NodeJS.ReadableStream, res: ServerResponse, book: (bytes: number) => Promise<unknown>) {
	for await (const chunk of body as AsyncIterable<Buffer>) {
		for (let i = 0; i < chunk.length; i += TURN) {
			const piece = chunk.subarray(i, i + TURN);
			await book(piece.length);
			if (res.destroyed) return;
			if (!res.write(piece)) await new Promise((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
		}
	}
	res.end();
}

/**
 * `gzip`: compress text the way a production host does (the benchmarks compare transfer sizes).
 * `line`: answer over a slow line (see Line).
 */
export async function serve(
	initialRoot: string,
	base = '/',
	port = 0,
	options: { gzip?: boolean; line?: Line } = {},
): Promise<StaticServer> {
	const { line } = options;
	const book = line?.bytesPerSecond ? lineBooking(line.bytesPerSecond) : undefined;
	const requests: string[] = [];
	let root = initialRoot;
	const server: Server = createServer((req, res) => {
		if (line) setTimeout(() => answer(req, res), line.latencyMs);
		else answer(req, res);
	});
	const answer = (req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		requests.push(url.pathname);
		let path = decodeURIComponent(url.pathname);
		if (!path.startsWith(base)) {
			res.writeHead(404).end('not found');
			return;
		}
		path = normalize(`/${path.slice(base.length)}`);
		let file = join(root, path);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		let status = 200;
		if (!existsSync(file)) {
			if (!extname(path) && existsSync(join(root, path, 'index.html'))) {
				res.writeHead(301, { location: `${url.pathname}/` }).end();
				return;
			}
			status = 404;
			file = join(root, '404.html');
			if (!existsSync(file)) {
				res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
				return;
			}
		}
		// Like a static host: the browser asks again every time (no-cache), and an unchanged file costs a 304.
		const { size, mtimeMs } = statSync(file);
		const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
		if (status === 200 && req.headers['if-none-match'] === etag) {
			res.writeHead(304, { etag, 'cache-control': 'no-cache', ...(options.gzip ? { vary: 'accept-encoding' } : {}) }).end();
			return;
		}
		const gzip = options.gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
		res.writeHead(status, {
			'content-type': types[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
			...(status === 200 ? { etag } : {}),
			...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
		});
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		const file$ = createReadStream(file);
		const body = gzip ? file$.pipe(createGzip()) : file$;
		res.once('close', () => file$.destroy()); // a client gone early leaves no file open
		if (book) void sendOverLine(body, res, book).catch(() => res.destroy());
		else body.pipe(res);
	};
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const { port: actual } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${actual}`;
	return {
		origin,
		url: `${origin}${base}`,
		requests,
		setRoot: (r) => {
			root = r;
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

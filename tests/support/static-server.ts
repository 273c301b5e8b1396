/**
 * A small static file server for the end-to-end tests: serves a built folder under a base path, with the 404
 * page for unknown paths, the way a plain static host would.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
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

/** `gzip`: compress text the way a production host does (the benchmarks compare transfer sizes). */
export async function serve(initialRoot: string, base = '/', port = 0, options: { gzip?: boolean } = {}): Promise<StaticServer> {
	const requests: string[] = [];
	let root = initialRoot;
	const server: Server = createServer((req, res) => {
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
		const gzip = options.gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
		res.writeHead(status, {
			'content-type': types[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
			...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
		});
		const body = createReadStream(file);
		if (gzip) body.pipe(createGzip()).pipe(res);
		else body.pipe(res);
	});
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

/**
 * Debian's Firefox ESR, driven over WebDriver BiDi (Firefox's built-in remote protocol) for the tests of the
 * offline edition in Firefox. playwright-core cannot drive it: its BiDi client sends commands this Firefox does
 * not have (emulation.setMediaFeaturesOverride) as soon as it opens a context. The few commands needed here —
 * open a page, run a function in it, press a key, switch the network off and on — are what this speaks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

interface Message {
	id?: number;
	type?: string;
	method?: string;
	params?: Record<string, any>;
	result?: Record<string, any>;
	error?: string;
	message?: string;
}

export interface FirefoxPage {
	/** The Firefox version. */
	version: string;
	/** Console errors and uncaught errors. */
	errors: string[];
	/** Every request's address (data: and blob: addresses included). */
	requests: string[];
	/** Cuts the network (as when there is none) or restores it. */
	setOffline(offline: boolean): Promise<void>;
	goto(url: string): Promise<void>;
	/** Calls `fn(arg)` in the page and returns its (JSON) result; `fn` must not close over anything. */
	evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
	/** Polls `fn(arg)` in the page until it returns true. */
	waitFor<A>(fn: (arg: A) => boolean, arg: A, timeoutMs?: number): Promise<void>;
	/** Presses a key in the focused element (WebDriver key values, e.g. '\uE007' for Enter). */
	press(key: string): Promise<void>;
	close(): Promise<void>;
}

/** Starts a headless Firefox with a fresh profile, with one page open. */
export async function openFirefox(): Promise<FirefoxPage> {
	if (!existsSync(FIREFOX)) {
		throw new Error(`找不到 Firefox（${FIREFOX}）。在 Debian/Ubuntu 上运行：apt-get install -y firefox-esr`);
	}
	const profile = mkdtempSync(join(tmpdir(), 'handbook-firefox-'));
	const child: ChildProcess = spawn(FIREFOX, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const endpoint = await new Promise<string>((resolve, reject) => {
		let log = '';
		const timer = setTimeout(() => reject(new Error(`Firefox 没有启动远程调试：\n${log}`)), 30_000);
		const read = (chunk: Buffer) => {
			log += chunk;
			const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code) => reject(new Error(`Firefox 退出了（${code}）：\n${log}`)));
	});
	const socket = new WebSocket(`${endpoint}/session`);
	await new Promise((resolve, reject) => {
		socket.addEventListener('open', resolve);
		socket.addEventListener('error', () => reject(new Error(`无法连接 Firefox：${endpoint}`)));
	});

	let next = 0;
	const pending = new Map<number, { resolve(r: Record<string, any>): void; reject(e: Error): void }>();
	const errors: string[] = [];
	const requests: string[] = [];
	socket.addEventListener('message', (e) => {
		const m = JSON.parse(String(e.data)) as Message;
		if (m.id !== undefined) {
			const p = pending.get(m.id);
			pending.delete(m.id);
			if (m.type === 'error') p?.reject(new Error(`${m.error}: ${m.message}`));
			else p?.resolve(m.result ?? {});
		} else if (m.method === 'log.entryAdded' && m.params?.level === 'error') {
			errors.push(`console: ${m.params.text}`);
		} else if (m.method === 'network.beforeRequestSent') {
			requests.push(m.params?.request?.url ?? '');
		}
	});
	const send = (method: string, params: Record<string, unknown> = {}) =>
		new Promise<Record<string, any>>((resolve, reject) => {
			const id = ++next;
			pending.set(id, { resolve, reject });
			socket.send(JSON.stringify({ id, method, params }));
		});

	const session = await send('session.new', { capabilities: {} });
	const context: string = (await send('browsingContext.getTree')).contexts[0].context;
	await send('session.subscribe', { events: ['log.entryAdded', 'network.beforeRequestSent'] });

	const evaluate = async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
		const r = await send('script.callFunction', {
			functionDeclaration: `async (json) => JSON.stringify((await (${fn.toString()})(JSON.parse(json))) ?? null)`,
			arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
			target: { context },
			awaitPromise: true,
		});
		if (r.type === 'exception') throw new Error(`页面中出错：${r.exceptionDetails?.text}`);
		return JSON.parse(r.result.value) as R;
	};

	return {
		version: session.capabilities.browserVersion,
		errors,
		requests,
		async setOffline(offline) {
			await send('emulation.setNetworkConditions', { networkConditions: offline ? { type: 'offline' } : null, contexts: [context] });
		},
		async goto(url) {
			await send('browsingContext.navigate', { context, url, wait: 'complete' });
		},
		evaluate,
		async waitFor(fn, arg, timeoutMs = 15_000) {
			const until = Date.now() + timeoutMs;
			while (!(await evaluate(fn, arg))) {
				if (Date.now() > until) throw new Error(`Firefox：等待超时（${timeoutMs} ms）：${fn.toString().slice(0, 200)}`);
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		async press(key) {
			await send('input.performActions', {
				context,
				actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
			});
		},
		async close() {
			await send('browser.close').catch(() => {});
			socket.close();
			if (child.exitCode === null) await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]);
			if (child.exitCode === null) child.kill('SIGKILL');
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

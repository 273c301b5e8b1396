/**
 * The reader's progress as every widget of a page opens it: `openProgress()` gives one store for the page, whether
 * the handbook's other pages see the same progress (`shared`), and `subscribe`, which tells a widget whenever the
 * progress changes: on this page (a quiz passed, a page read, a name typed, an import) or in another tab.
 *
 * Where the progress is kept. Online: the browser's localStorage; another tab's changes arrive as the window's
 * `storage` event. In the offline edition opened from file://, browsers differ: Chrome and Edge give all local
 * files one storage, Firefox gives every file its own (its `location.origin` reads "null"), so a quiz passed on one
 * page would not show on /progress/. There every page keeps progress in the storage of one small page of the
 * edition, `_offline/store.html`, loaded in a hidden frame and spoken to with postMessage: the same file, so the
 * same storage, from every page (tested end to end in Chromium; checked by hand in Firefox ESR 153). The frame
 * passes on other tabs' changes (`changed`) and sends everything again when asked (`items`).
 * The page marks that file with `<link rel="handbook-store">`. If the frame does not answer, the page's own
 * storage is used, and `shared` says whether other pages can see it.
 */
import { browserStorage, KEY, type Progress, ProgressStore, type StorageLike } from '../lib/progress-store';
import { STORE_MESSAGE } from '../lib/store-page';

/** True where each local file has a storage of its own (Firefox from file://). */
export function storageIsPerPage(loc: { protocol: string; origin: string }): boolean {
	return loc.protocol === 'file:' && loc.origin === 'null';
}

/**
 * Storage kept by the frame at `href`: a copy of its items, kept current with what other tabs change (the frame
 * passes changes on, and is asked again when the page is shown after being hidden or restored from the
 * back/forward cache; `onChange` is called then); every change here is sent to it. Null if the frame cannot use
 * its storage or does not answer within `timeoutMs`.
 */
export function frameStorage(href: string, onChange: () => void = () => {}, timeoutMs = 3000): Promise<StorageLike | null> {
	return new Promise((resolve) => {
		const frame = document.createElement('iframe');
		frame.hidden = true;
		frame.tabIndex = -1;
		frame.title = '学习记录存储';
		frame.setAttribute('aria-hidden', 'true');
		let items: Map<string, string> | undefined;
		const send = (message: Record<string, unknown>) => frame.contentWindow?.postMessage({ [STORE_MESSAGE]: 1, ...message }, '*');
		const storage: StorageLike = {
			getItem: (key) => items?.get(key) ?? null,
			setItem: (key, value) => {
				items?.set(key, String(value));
				send({ op: 'set', key, value: String(value) });
			},
			removeItem: (key) => {
				items?.delete(key);
				send({ op: 'remove', key });
			},
		};
		const sync = () => {
			if (document.visibilityState === 'visible') send({ op: 'sync' });
		};
		const fail = () => {
			clearTimeout(timer);
			removeEventListener('message', onMessage);
			frame.remove();
			resolve(null);
		};
		const timer = setTimeout(fail, timeoutMs);
		const onMessage = (e: MessageEvent) => {
			const d = e.data as { op?: string; items?: Record<string, string> | null; key?: string; value?: string | null } | null;
			if (e.source !== frame.contentWindow || !d || (d as Record<string, unknown>)[STORE_MESSAGE] !== 1) return;
			if (d.op === 'items') {
				if (!d.items) {
					if (!items) fail();
					return;
				}
				const first = !items;
				items = new Map(Object.entries(d.items));
				if (first) {
					clearTimeout(timer);
					addEventListener('pageshow', sync);
					document.addEventListener('visibilitychange', sync);
					resolve(storage);
				} else onChange();
			} else if (d.op === 'changed' && items && typeof d.key === 'string') {
				if (typeof d.value === 'string') items.set(d.key, d.value);
				else items.delete(d.key);
				onChange();
			}
		};
		addEventListener('message', onMessage);
		frame.src = href;
		document.body.append(frame);
	});
}

export interface OpenProgress {
	/** The one store of this page: every widget reads and writes through it. */
	store: ProgressStore;
	/** Whether the handbook's other pages see this progress (not where each local file keeps its own storage). */
	shared: boolean;
	/** Calls `listener` with the progress each time it changes, here or in another tab; returns the way to stop. */
	subscribe(listener: (progress: Progress) => void): () => void;
}

let opened: Promise<OpenProgress> | undefined;

/** The progress of this page, opened once: finding where it is kept can take a moment (the offline frame). */
export function openProgress(): Promise<OpenProgress> {
	opened ??= open();
	return opened;
}

async function open(): Promise<OpenProgress> {
	const listeners = new Set<(progress: Progress) => void>();
	let store: ProgressStore | undefined;
	let last = '';
	let queued = false;
	// Changes come in bursts (a quiz writes once, a frame re-sync sends every key): listeners hear once per burst,
	// and only when the progress itself is different.
	const changed = () => {
		if (queued) return;
		queued = true;
		queueMicrotask(() => {
			queued = false;
			if (!store) return;
			const progress = store.read();
			const now = JSON.stringify(progress);
			if (now === last) return;
			last = now;
			for (const listener of listeners) listener(structuredClone(progress));
		});
	};
	const link = document.querySelector<HTMLLinkElement>('link[rel="handbook-store"]');
	const framed = link ? await frameStorage(link.href, changed) : null;
	const storage = framed ?? browserStorage();
	if (!framed && storage) {
		addEventListener('storage', (e) => {
			if (e.storageArea === storage && (e.key === KEY || e.key === null)) changed();
		});
	}
	store = new ProgressStore(storage, changed);
	last = JSON.stringify(store.read());
	return {
		store,
		shared: framed ? true : !storageIsPerPage(location),
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}

/**
 * Where the reader's progress is kept. Online: the browser's localStorage. In the offline edition opened from
 * file://, browsers differ: Chrome and Edge give all local files one storage, Firefox gives every file its own
 * (its `location.origin` reads "null"), so a quiz passed on one page would not show on /progress/. There every
 * page keeps progress in the storage of one small page of the edition, `_offline/store.html`, loaded in a hidden
 * frame and spoken to with postMessage: the same file, so the same storage, from every page (tested end to end in
 * Chromium; checked by hand in Firefox ESR 153).
 * The page marks that file with `<link rel="handbook-store">`. If the frame does not answer, the page's own
 * storage is used, and `shared` says whether other pages can see it.
 */
import { browserStorage, type StorageLike } from './progress-store';
import { STORE_MESSAGE } from './store-page';

/** True where each local file has a storage of its own (Firefox from file://). */
export function storageIsPerPage(loc: { protocol: string; origin: string }): boolean {
	return loc.protocol === 'file:' && loc.origin === 'null';
}

/**
 * Storage kept by the frame at `href`: a copy of its items, kept current with what other tabs change (the frame
 * passes changes on, and is asked again when the page is shown after being hidden or restored from the
 * back/forward cache); every change here is sent to it. Null if the frame cannot use its storage or does not
 * answer within `timeoutMs`.
 */
export function frameStorage(href: string, timeoutMs = 3000): Promise<StorageLike | null> {
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
				}
			} else if (d.op === 'changed' && items && typeof d.key === 'string') {
				if (typeof d.value === 'string') items.set(d.key, d.value);
				else items.delete(d.key);
			}
		};
		addEventListener('message', onMessage);
		frame.src = href;
		document.body.append(frame);
	});
}

let chosen: Promise<{ storage: StorageLike | null; shared: boolean }> | undefined;

/** The storage for progress on this page, and whether the handbook's other pages see the same storage. */
export function progressStorage(): Promise<{ storage: StorageLike | null; shared: boolean }> {
	chosen ??= (async () => {
		const store = document.querySelector<HTMLLinkElement>('link[rel="handbook-store"]');
		const framed = store ? await frameStorage(store.href) : null;
		if (framed) return { storage: framed, shared: true };
		return { storage: browserStorage(), shared: !storageIsPerPage(location) };
	})();
	return chosen;
}

/**
 * The offline edition's shared progress store: a tiny page, `_offline/store.html`, that every page of the edition
 * opens in a hidden frame (src/components/progress.ts). The build bundles `serveStore` into that page's one
 * script (src/integrations/build/offline.ts).
 */

/** Marks the messages between pages and the store frame. */
export const STORE_MESSAGE = 'handbookStore';

type StoreMessage = { op?: unknown; key?: unknown; value?: unknown; [STORE_MESSAGE]?: unknown };

const handbookKey = (key: unknown): key is string => typeof key === 'string' && key.startsWith('handbook:');

/**
 * Runs in the store page. It sends all handbook items when it loads and when asked ("sync"), writes the changes
 * it is sent (from the page that framed it, naming a handbook key), and passes on every change another tab makes
 * (the `storage` event), so no page writes back an old copy. Any local page that frames it can read the
 * progress; it holds nothing more private than the learner's typed name. A write that fails (storage full) is
 * dropped, as with localStorage full.
 */
export function serveStore(win: Window = window): void {
	const snapshot = (): Record<string, string> | null => {
		const items: Record<string, string> = {};
		try {
			for (let i = 0; i < win.localStorage.length; i++) {
				const key = win.localStorage.key(i);
				if (handbookKey(key)) items[key] = win.localStorage.getItem(key)!;
			}
		} catch {
			return null;
		}
		return items;
	};
	const send = (message: Record<string, unknown>) => win.parent.postMessage({ ...message, [STORE_MESSAGE]: 1 }, '*');
	win.addEventListener('message', (e: MessageEvent<StoreMessage | null>) => {
		const d = e.data;
		if (e.source !== win.parent || !d || d[STORE_MESSAGE] !== 1) return;
		if (d.op === 'sync') return send({ op: 'items', items: snapshot() });
		if (!handbookKey(d.key)) return;
		try {
			if (d.op === 'set') win.localStorage.setItem(d.key, String(d.value));
			else if (d.op === 'remove') win.localStorage.removeItem(d.key);
		} catch {}
	});
	win.addEventListener('storage', (e) => {
		if (e.key === null) send({ op: 'items', items: snapshot() });
		else if (handbookKey(e.key)) send({ op: 'changed', key: e.key, value: e.newValue });
	});
	send({ op: 'items', items: snapshot() });
}

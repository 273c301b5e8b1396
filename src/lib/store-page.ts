/**
 * The offline edition's shared progress store: a tiny page, `_offline/store.html`, that every page of the edition
 * opens in a hidden frame (src/lib/progress-storage.ts). It sends the handbook's stored items when it loads and
 * writes the changes it is sent, checking that they come from the page that opened it and name a handbook key.
 * Written by scripts/build-offline.ts; no imports, so the build script can load it as it is.
 */

/** Marks the messages between pages and the store frame. */
export const STORE_MESSAGE = 'handbookStore';

/**
 * The page that keeps progress for the offline edition (scripts/build-offline.ts writes it). It sends all handbook
 * items when it loads and when asked ("sync"), and passes on every change another tab makes (the `storage` event),
 * so no page writes back an old copy. Any local page that frames it can read the progress; it holds nothing more
 * private than the learner's typed name. A write that fails (storage full) is dropped, as with localStorage full.
 */
export const STORE_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>学习记录存储</title></head><body><script>
(function () {
	var tag = ${JSON.stringify(STORE_MESSAGE)};
	function handbookKey(key) {
		return typeof key === 'string' && key.indexOf('handbook:') === 0;
	}
	function snapshot() {
		var items = {};
		try {
			for (var i = 0; i < localStorage.length; i++) {
				var key = localStorage.key(i);
				if (handbookKey(key)) items[key] = localStorage.getItem(key);
			}
		} catch (e) {
			return null;
		}
		return items;
	}
	function send(message) {
		message[tag] = 1;
		parent.postMessage(message, '*');
	}
	addEventListener('message', function (e) {
		var d = e.data;
		if (e.source !== parent || !d || d[tag] !== 1) return;
		if (d.op === 'sync') return send({ op: 'items', items: snapshot() });
		if (!handbookKey(d.key)) return;
		try {
			if (d.op === 'set') localStorage.setItem(d.key, String(d.value));
			else if (d.op === 'remove') localStorage.removeItem(d.key);
		} catch (e) {}
	});
	addEventListener('storage', function (e) {
		if (e.key === null) send({ op: 'items', items: snapshot() });
		else if (handbookKey(e.key)) send({ op: 'changed', key: e.key, value: e.newValue });
	});
	send({ op: 'items', items: snapshot() });
})();
</script></body></html>
`;

/**
 * The offline edition's shared progress store: a tiny page, `_offline/store.html`, that every page of the edition
 * opens in a hidden frame (src/lib/progress-storage.ts). It sends the handbook's stored items when it loads and
 * writes the changes it is sent, checking that they come from the page that opened it and name a handbook key.
 * Written by scripts/build-offline.ts; no imports, so the build script can load it as it is.
 */

/** Marks the messages between pages and the store frame. */
export const STORE_MESSAGE = 'handbookStore';

/** The page that keeps progress for the offline edition (scripts/build-offline.ts writes it). */
export const STORE_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>学习记录存储</title></head><body><script>
(function () {
	var tag = ${JSON.stringify(STORE_MESSAGE)};
	var items = {};
	try {
		for (var i = 0; i < localStorage.length; i++) {
			var key = localStorage.key(i);
			if (key && key.indexOf('handbook:') === 0) items[key] = localStorage.getItem(key);
		}
	} catch (e) {
		items = null;
	}
	addEventListener('message', function (e) {
		var d = e.data;
		if (e.source !== parent || !d || d[tag] !== 1 || typeof d.key !== 'string' || d.key.indexOf('handbook:') !== 0) return;
		try {
			if (d.op === 'set') localStorage.setItem(d.key, String(d.value));
			else if (d.op === 'remove') localStorage.removeItem(d.key);
		} catch (e) {}
	});
	var ready = { op: 'ready', items: items };
	ready[tag] = 1;
	parent.postMessage(ready, '*');
})();
</script></body></html>
`;


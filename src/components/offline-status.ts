/**
 * `<handbook-offline>`: says when the network is gone, registers the service worker once the page has loaded and is idle
 * (Workbox's window helper, imported then), offers a new edition with one click and looks for one when the reader
 * comes back and once an hour. Opened from file:// there is no worker, only the network notice.
 */
class HandbookOffline extends HTMLElement {
	connectedCallback() {
		const offline = this.querySelector<HTMLElement>('[data-offline]')!;
		const sync = () => {
			offline.hidden = navigator.onLine;
		};
		window.addEventListener('online', sync);
		window.addEventListener('offline', sync);
		sync();
		if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
		// The offline copy (several hundred files) downloads once the first page has loaded and the browser is idle,
		// so it never competes with what the reader is waiting for.
		const idle = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 5000 }) : setTimeout(run, 1000));
		const start = () => void idle(() => void this.register());
		if (document.readyState === 'complete') start();
		else window.addEventListener('load', start, { once: true });
	}

	async register() {
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox(this.dataset.sw!, { scope: this.dataset.scope });
		const banner = this.querySelector<HTMLElement>('[data-update]')!;
		wb.addEventListener('waiting', () => {
			banner.hidden = false;
		});
		this.querySelector('[data-reload]')!.addEventListener('click', () => {
			wb.addEventListener('controlling', () => window.location.reload());
			wb.messageSkipWaiting();
		});
		try {
			await wb.register();
		} catch {
			return; // No offline copy this time; the site works as before.
		}
		// Look for a new edition when the reader comes back to the page and once an hour.
		const check = () => void wb.update().catch(() => {});
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') check();
		});
		window.addEventListener('online', check);
		setInterval(check, 60 * 60 * 1000);
	}
}
customElements.define('handbook-offline', HandbookOffline);

/**
 * `<handbook-offline-info>` on /about/: whether this browser holds the offline copy and how much space it takes;
 * while the copy downloads (after the first page a reader opens has loaded, see offline-status.ts), how far it has
 * got, counted as the files already in the cache against the files in the copy (offline-copy.json, written by the
 * build beside the worker), updated as it goes.
 */
import type { OfflineCopy } from '../integrations/build/service-worker';

const TICK_MS = 700;
/** How long to wait for the worker to be registered before saying the download has not started. */
const START_WAIT_MS = 20_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

class HandbookOfflineInfo extends HTMLElement {
	#timer?: ReturnType<typeof setTimeout>;

	connectedCallback() {
		void this.#start();
	}

	disconnectedCallback() {
		clearTimeout(this.#timer);
	}

	async #start() {
		const state = this.querySelector<HTMLElement>('[data-offline-state]')!;
		if (!('serviceWorker' in navigator) || !('caches' in window)) {
			state.textContent = '这个浏览器不支持离线保存。';
			return;
		}
		// The size of the whole copy matters only while it downloads (and cannot be fetched offline).
		const registration = await navigator.serviceWorker.getRegistration();
		const downloading = !registration?.active || registration.installing !== null;
		const copy = downloading && navigator.onLine ? await this.#copy() : undefined;
		const since = performance.now();
		const tick = async () => {
			const finished = await this.#show(copy, performance.now() - since > START_WAIT_MS).catch(() => true);
			await this.#showSize(copy);
			if (!finished) this.#timer = setTimeout(tick, TICK_MS);
		};
		await tick();
	}

	/** The size of the whole copy, or undefined offline (then the count is shown without a total). */
	async #copy(): Promise<OfflineCopy | undefined> {
		try {
			const r = await fetch(this.dataset.copy!, { cache: 'no-store' });
			const c = (await r.json()) as OfflineCopy;
			return Number.isInteger(c.files) && c.files > 0 ? c : undefined;
		} catch {
			return undefined;
		}
	}

	/** Shows where the copy stands; true once there is nothing more to follow. */
	async #show(copy: OfflineCopy | undefined, waitedLong: boolean): Promise<boolean> {
		const state = this.querySelector<HTMLElement>('[data-offline-state]')!;
		const bar = this.querySelector<HTMLProgressElement>('[data-offline-progress]')!;
		const registration = await navigator.serviceWorker.getRegistration();
		const precache = (await caches.keys()).find((n) => n.includes('precache'));
		const cached = precache ? (await (await caches.open(precache)).keys()).length : 0;
		if (registration?.active) {
			bar.hidden = true;
			if (registration.installing) {
				state.textContent = `已保存，共 ${cached} 个文件，断网也能使用。新版本正在下载……`;
				return false;
			}
			state.textContent = `已保存，共 ${cached} 个文件，断网也能使用。`;
			return true;
		}
		if (registration?.installing || registration?.waiting) {
			const done = copy ? Math.min(cached, copy.files) : cached;
			state.textContent = copy
				? `正在保存：${done} / ${copy.files} 个文件（${Math.floor((done / copy.files) * 100)}%，全部约 ${mb(copy.bytes)}）。保存期间可以照常阅读。`
				: `正在保存：已下载 ${done} 个文件。保存期间可以照常阅读。`;
			bar.hidden = !copy;
			if (copy) {
				bar.max = copy.files;
				bar.value = done;
			}
			return false;
		}
		if (!waitedLong) {
			state.textContent = copy ? `正在准备保存（共 ${copy.files} 个文件，约 ${mb(copy.bytes)}）……` : '正在准备保存……';
			return false;
		}
		state.textContent = '还没有开始保存（网络很慢或浏览器不允许时会这样）。稍后刷新本页再看。';
		return true;
	}

	async #showSize(copy: OfflineCopy | undefined) {
		const size = this.querySelector<HTMLElement>('[data-offline-size]')!;
		const usage = navigator.storage?.estimate ? (await navigator.storage.estimate().catch(() => ({ usage: undefined }))).usage : undefined;
		if (usage !== undefined && usage > 0) size.textContent = `约 ${mb(usage)}`;
		else if (copy) size.textContent = `保存后约 ${mb(copy.bytes)}`;
	}
}
customElements.define('handbook-offline-info', HandbookOfflineInfo);

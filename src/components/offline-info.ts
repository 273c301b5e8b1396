/**
 * `<handbook-offline-info>` on /about/: whether this browser holds the offline copy and how much space it takes;
 * while the copy downloads (after the first page a reader opens has loaded, see offline-status.ts), how far it has
 * got, counted as the files already in the cache against the files in the copy (offline-copy.json, written by the
 * build beside the worker), updated as it goes.
 */
import type { OfflineCopy } from '../integrations/build/service-worker';

const TICK_MS = 700;
/** Before the worker is registered, or once the copy is saved, the state is looked at less often. */
const SLOW_TICK_MS = 3000;
/** How long to wait for the worker to be registered before saying the download has not started (it may yet). */
const START_WAIT_MS = 20_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The files in Workbox's precache so far. */
async function cachedFiles(): Promise<number> {
	const precache = (await caches.keys()).find((n) => n.includes('precache'));
	return precache ? (await (await caches.open(precache)).keys()).length : 0;
}

type Phase = 'waiting' | 'downloading' | 'updating' | 'saved';

class HandbookOfflineInfo extends HTMLElement {
	#timer?: ReturnType<typeof setTimeout>;
	#copy?: Promise<OfflineCopy | undefined>;
	#sawInstall = false;

	connectedCallback() {
		const state = this.querySelector<HTMLElement>('[data-offline-state]')!;
		if (!('serviceWorker' in navigator) || !('caches' in window)) {
			state.textContent = '这个浏览器不支持离线保存。';
			return;
		}
		const since = performance.now();
		const tick = async () => {
			let phase: Phase = 'saved';
			try {
				phase = await this.#show(performance.now() - since > START_WAIT_MS);
				await this.#showSize();
			} catch {
				state.textContent = '无法读取离线副本的状态（浏览器可能禁止了网站存储）。';
				this.#bar().hidden = true;
				return;
			}
			this.#timer = setTimeout(tick, phase === 'downloading' || phase === 'updating' ? TICK_MS : SLOW_TICK_MS);
		};
		void tick();
	}

	disconnectedCallback() {
		clearTimeout(this.#timer);
	}

	#bar(): HTMLProgressElement {
		return this.querySelector<HTMLProgressElement>('[data-offline-progress]')!;
	}

	/** The size of the whole copy, fetched once while it downloads; undefined offline (the count shows without a total). */
	#size(): Promise<OfflineCopy | undefined> {
		if (!navigator.onLine) return Promise.resolve(undefined);
		this.#copy ??= fetch(this.dataset.copy!, { cache: 'no-store' })
			.then((r) => r.json() as Promise<OfflineCopy>)
			.then((c) => (Number.isInteger(c.files) && c.files > 0 ? c : undefined))
			.catch(() => undefined);
		return this.#copy;
	}

	/** Shows where the copy stands. */
	async #show(waitedLong: boolean): Promise<Phase> {
		const state = this.querySelector<HTMLElement>('[data-offline-state]')!;
		const bar = this.#bar();
		const registration = await navigator.serviceWorker.getRegistration();
		if (registration?.active) {
			bar.hidden = true;
			// While a new edition downloads, the cache holds both editions' files: no count until it is done.
			if (registration.installing || registration.waiting) {
				state.textContent = registration.installing ? '已保存，断网也能使用。新版本正在下载……' : '已保存，断网也能使用。新版本已下载，等待启用。';
				return 'updating';
			}
			const cached = await cachedFiles();
			state.textContent = `已保存，共 ${cached} 个文件，断网也能使用。`;
			return 'saved';
		}
		if (registration?.installing || registration?.waiting) {
			this.#sawInstall = true;
			const copy = await this.#size();
			const cached = await cachedFiles();
			const done = copy ? Math.min(cached, copy.files) : cached;
			state.textContent = copy
				? `正在保存：${done} / ${copy.files} 个文件（${Math.floor((done / copy.files) * 100)}%，全部约 ${mb(copy.bytes)}）。保存期间可以照常阅读。`
				: `正在保存：已下载 ${done} 个文件。保存期间可以照常阅读。`;
			bar.hidden = !copy;
			if (copy) {
				bar.max = copy.files;
				bar.value = done;
			}
			return 'downloading';
		}
		bar.hidden = true;
		if (this.#sawInstall) {
			// The install was seen and the registration is gone: the browser gave it up (storage full, network lost).
			state.textContent = '保存没有完成（可能是网络断了或存储空间不够）。稍后刷新本页再试。';
			return 'waiting';
		}
		state.textContent = waitedLong ? '还没有开始保存（网络很慢或浏览器不允许时会这样）。稍后刷新本页再看。' : '正在准备保存……';
		return 'waiting';
	}

	async #showSize() {
		const size = this.querySelector<HTMLElement>('[data-offline-size]')!;
		const usage = navigator.storage?.estimate ? (await navigator.storage.estimate().catch(() => ({ usage: undefined }))).usage : undefined;
		if (usage !== undefined && usage > 0) size.textContent = `约 ${mb(usage)}`;
	}
}
customElements.define('handbook-offline-info', HandbookOfflineInfo);

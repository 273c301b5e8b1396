/** `<handbook-offline-info>` on /about/: whether this browser holds the offline copy, how many files, how much space. */
class HandbookOfflineInfo extends HTMLElement {
	async connectedCallback() {
		const state = this.querySelector('[data-offline-state]')!;
		const size = this.querySelector('[data-offline-size]')!;
		if (!('serviceWorker' in navigator) || !('caches' in window)) {
			state.textContent = '这个浏览器不支持离线保存。';
			return;
		}
		const registration = await navigator.serviceWorker.getRegistration();
		const names = await caches.keys();
		const precache = names.find((n) => n.includes('precache'));
		if (!registration?.active || !precache) {
			state.textContent = '还没有保存（首次打开后稍等片刻，再刷新本页查看）。';
		} else {
			const entries = (await (await caches.open(precache)).keys()).length;
			state.textContent = `已保存，共 ${entries} 个文件，断网也能使用。`;
		}
		if (navigator.storage?.estimate) {
			const { usage } = await navigator.storage.estimate();
			if (usage !== undefined) size.textContent = `约 ${(usage / 1024 / 1024).toFixed(1)} MB`;
		}
	}
}
customElements.define('handbook-offline-info', HandbookOfflineInfo);

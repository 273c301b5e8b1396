/**
 * Loads Pagefind's Component UI when it is first needed and configures it for this handbook: Chinese labels,
 * the site's base path, and the search bundle of this edition. Shared by the header dialog and /search/.
 */

interface PagefindInstance {
	triggerSearch(term: string): void;
	on(event: 'search', cb: (term: string) => void): void;
	searchTerm?: string;
}
declare global {
	interface Window {
		PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
	}
}

let loading: Promise<void> | undefined;

function load(bundle: string): Promise<void> {
	loading ??= new Promise<void>((resolve, reject) => {
		const css = document.createElement('link');
		css.rel = 'stylesheet';
		css.href = `${bundle}pagefind-component-ui.css`;
		document.head.append(css);
		const script = document.createElement('script');
		script.src = `${bundle}pagefind-component-ui.js`;
		script.onload = () => resolve();
		script.onerror = () => {
			loading = undefined;
			reject(new Error('搜索组件加载失败'));
		};
		document.head.append(script);
	});
	return loading;
}

/** The `<pagefind-config>` element that points the UI at this edition's index. */
export function configElement(base: string, bundle: string, edition: string): HTMLElement {
	const config = document.createElement('pagefind-config');
	config.setAttribute('bundle-path', bundle);
	config.setAttribute('base-url', base);
	config.setAttribute('lang', 'zh-cn');
	config.setAttribute('highlight-param', 'highlight');
	config.setAttribute('excerpt-length', '40');
	// A fixed tag per edition (instead of Pagefind's per-request timestamp) lets the offline cache answer the request.
	config.setAttribute('meta-cache-tag', edition);
	return config;
}

export async function ensureSearchUI(bundle: string): Promise<void> {
	await load(bundle);
}

export function instance(): PagefindInstance | undefined {
	return window.PagefindComponents?.getInstanceManager().getInstance('default');
}

/** Opens the search dialog, creating it on first use. */
export async function openSearch(base: string, bundle: string, edition: string): Promise<void> {
	let modal = document.querySelector<HTMLElement & { open(): void }>('pagefind-modal');
	if (!modal) {
		document.body.append(configElement(base, bundle, edition));
		modal = document.createElement('pagefind-modal') as HTMLElement & { open(): void };
		document.body.append(modal);
		try {
			await ensureSearchUI(bundle);
		} catch {
			window.location.href = `${base}search/`;
			return;
		}
		await customElements.whenDefined('pagefind-modal');
	}
	modal.open();
}

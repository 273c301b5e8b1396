/**
 * The header's search dialog (online edition): a native modal <dialog> (focus stays inside, Escape closes it)
 * holding a search box and its results (search-view.ts). Loaded when the reader is about to search; see
 * search-button.ts.
 */
import { onlineEngine, onlineLink } from './search-online';
import { SearchView } from './search-view';

const PLACEHOLDER = '输入要查的词，例如：言论免责、建议多久答复';

let dialog: HTMLDialogElement | undefined;

function build(base: string, bundle: string, edition: string): HTMLDialogElement {
	const d = document.createElement('dialog');
	d.className = 'search-dialog';
	d.setAttribute('aria-label', '搜索手册');
	d.innerHTML = `<div class="search-dialog__bar" role="search">
	<label class="visually-hidden" for="search-dialog-q">搜索词</label>
	<input id="search-dialog-q" type="search" autocomplete="off" enterkeyhint="search" placeholder="${PLACEHOLDER}" autofocus>
	<button class="search-dialog__close" type="button">关闭</button>
</div>
<p class="pf-summary" role="status" aria-live="polite"></p>
<ul class="pf-results" aria-label="搜索结果"></ul>
<button class="button search-more" type="button" hidden></button>`;
	const input = d.querySelector('input')!;
	const view = new SearchView(
		{ input, summary: d.querySelector('.pf-summary')!, list: d.querySelector('ul')!, more: d.querySelector('.search-more')! },
		{ engine: () => onlineEngine(base, bundle, edition), link: onlineLink, failure: '搜索没有加载。可以打开搜索页再试，或从首页按栏目浏览。' },
	);
	d.querySelector('.search-dialog__close')!.addEventListener('click', () => d.close());
	// A click on the dimmed page around the dialog closes it.
	d.addEventListener('click', (e) => {
		if (e.target === d) d.close();
	});
	input.addEventListener('keydown', (e) => {
		if (e.key === 'Enter' && !e.isComposing) view.searchNow();
	});
	document.body.append(d);
	return d;
}

/**
 * Gets the search dialog ready without showing it: the dialog, and Pagefind's engine with this edition's index
 * entry and WebAssembly. Resolves to undefined when the engine cannot load (the box then says so when searched).
 */
export async function prepareSearch(base: string, bundle: string, edition: string): Promise<HTMLDialogElement | undefined> {
	dialog ??= build(base, bundle, edition);
	try {
		await onlineEngine(base, bundle, edition);
	} catch {
		return undefined;
	}
	return dialog;
}

/**
 * Opens the search dialog at once, so the reader can type while the engine is still loading (on a slow line that
 * is a second or more): the box searches as soon as the engine is ready, and says so if it cannot load.
 */
export function openSearch(base: string, bundle: string, edition: string): void {
	dialog ??= build(base, bundle, edition);
	if (!dialog.open) dialog.showModal();
	dialog.querySelector('input')!.select();
	void onlineEngine(base, bundle, edition).catch(() => undefined);
}

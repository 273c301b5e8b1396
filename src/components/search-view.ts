/**
 * A search box and its results list, as the reader sees them in the header dialog (search-dialog.ts), on /search/
 * and in the offline edition (search-page.ts). It searches as the reader types, through an input method too, and
 * shows the first results that fill a phone screen; “更多结果”, or scrolling to the end of the list, shows more.
 * Only the results on show are described (Pagefind's `data()`: excerpt and headings) and put on the page.
 */
import { describe, type Filters, findPages, type PagefindApi, type PagefindResult, type ShownResult } from '../lib/search-results';
import { FIRST_RESULTS, MORE_RESULTS } from '../lib/search-settings';

/** Quiet time after a keystroke before searching, and the longest a reader typing without pause waits for results. */
const DEBOUNCE_MS = 120;
const MAX_WAIT_MS = 400;
/** After this long without results, the summary says the search is under way. */
const SLOW_SEARCH_MS = 400;

export interface SearchParts {
	input: HTMLInputElement;
	/** Says what was found; a live region. */
	summary: HTMLElement;
	list: HTMLUListElement;
	more: HTMLButtonElement;
	/** Where the filters (栏目 …) go, when the page offers them. */
	filters?: HTMLElement;
}

export interface SearchOptions {
	engine: () => Promise<PagefindApi>;
	/** The address a result link opens, from Pagefind's result address and the typed query. */
	link: (url: string, typed: string) => string;
	/** Told each query searched (the page keeps its address in step). */
	onSearch?: (typed: string) => void;
	/** What to say when the engine cannot run. */
	failure: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	e.className = className;
	if (text !== undefined) e.textContent = text;
	return e;
}

export class SearchView {
	#runs = 0;
	#pending?: ReturnType<typeof setTimeout>;
	#pendingSince = 0;
	#composing = false;
	#searched = '';
	#ranked: PagefindResult[] = [];
	#shown = 0;
	#typed = '';
	#loadingMore = false;
	#observer?: IntersectionObserver;

	constructor(
		readonly parts: SearchParts,
		readonly options: SearchOptions,
	) {
		const { input, list, more } = parts;
		// An input method first shows the reader's keystrokes (pinyin) in the box and only then the chosen words:
		// nothing is searched while composing, and the chosen words are searched at once.
		input.addEventListener('compositionstart', () => (this.#composing = true));
		input.addEventListener('compositionend', () => {
			this.#composing = false;
			this.searchNow();
		});
		input.addEventListener('input', (e) => {
			if (this.#composing || (e as InputEvent).isComposing) return;
			this.#searchSoon();
		});
		input.addEventListener('keydown', (e) => {
			if (e.key === 'ArrowDown' && !e.isComposing) {
				const first = list.querySelector('a');
				if (first) {
					e.preventDefault();
					first.focus();
				}
			}
		});
		list.addEventListener('keydown', (e) => {
			if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
			const links = [...list.querySelectorAll('a')];
			const at = links.indexOf(e.target as HTMLAnchorElement);
			if (at < 0) return;
			e.preventDefault();
			const next = e.key === 'ArrowDown' ? links[at + 1] : links[at - 1];
			(next ?? (e.key === 'ArrowUp' ? input : more.hidden ? links[at] : more)).focus();
		});
		more.addEventListener('click', () => void this.#showMore(MORE_RESULTS));
		if ('IntersectionObserver' in window) {
			this.#observer = new IntersectionObserver((entries) => {
				if (entries.some((e) => e.isIntersecting) && !more.hidden) void this.#showMore(MORE_RESULTS);
			});
		}
	}

	/** Shows the filters Pagefind's index offers (each a group of checkboxes); changing one searches again. */
	async showFilters(): Promise<void> {
		const box = this.parts.filters;
		if (!box) return;
		const all = (await (await this.options.engine()).filters?.()) ?? {};
		const groups = Object.entries(all).map(([name, values]) => {
			const group = el('fieldset', 'search-filter');
			group.append(el('legend', 'search-filter__name', name));
			for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b, 'zh'))) {
				const label = el('label', 'search-filter__value');
				const check = el('input', '');
				check.type = 'checkbox';
				check.name = name;
				check.value = value;
				label.append(check, value);
				group.append(label);
			}
			return group;
		});
		// Folded, so that on a phone the results start on the first screen.
		const details = el('details', '');
		details.append(el('summary', 'search-filters__summary', `筛选：${Object.keys(all).join('、')}`), ...groups);
		box.replaceChildren(...(groups.length ? [details] : []));
		box.hidden = box.childElementCount === 0;
		box.addEventListener('change', () => {
			this.#searched = '';
			this.searchNow();
		});
	}

	#filters(): Filters | undefined {
		const box = this.parts.filters;
		if (!box) return undefined;
		const out: Filters = {};
		for (const c of box.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) (out[c.name] ??= []).push(c.value);
		return out;
	}

	#searchSoon(): void {
		const now = performance.now();
		if (this.#pending === undefined) this.#pendingSince = now;
		else clearTimeout(this.#pending);
		// Typing without a pause still shows results every MAX_WAIT_MS.
		const wait = now - this.#pendingSince >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS;
		this.#pending = setTimeout(() => this.searchNow(), wait);
	}

	/** Searches what the box holds now (unless that is what the list already shows). */
	searchNow(): void {
		clearTimeout(this.#pending);
		this.#pending = undefined;
		const typed = this.parts.input.value.trim();
		const key = `${typed}\n${JSON.stringify(this.#filters() ?? {})}`;
		if (key === this.#searched) return;
		this.#searched = key;
		void this.#run(typed);
	}

	async #run(typed: string): Promise<void> {
		const run = ++this.#runs;
		const { summary, list, more } = this.parts;
		this.options.onSearch?.(typed);
		if (!typed) {
			this.#ranked = [];
			this.#shown = 0;
			summary.textContent = '';
			list.replaceChildren();
			more.hidden = true;
			return;
		}
		let ranked: PagefindResult[];
		// The first search may wait for the engine to load (typed before it was ready); say so if it takes a while.
		const waiting = setTimeout(() => {
			if (run === this.#runs) summary.textContent = `正在搜索 ${typed}……`;
		}, SLOW_SEARCH_MS);
		try {
			ranked = await findPages(await this.options.engine(), typed, this.#filters());
		} catch {
			if (run === this.#runs) summary.textContent = this.options.failure;
			this.#searched = '';
			return;
		} finally {
			clearTimeout(waiting);
		}
		if (run !== this.#runs) return;
		this.#ranked = ranked;
		this.#shown = 0;
		this.#typed = typed;
		const described = await this.#describe(0, FIRST_RESULTS);
		if (run !== this.#runs) return;
		summary.textContent = ranked.length ? `找到 ${ranked.length} 个 ${typed} 的相关结果` : `没有找到 ${typed} 的相关结果`;
		list.replaceChildren(...described.map((r) => this.#item(r)));
		this.#shown = described.length;
		this.#updateMore();
	}

	#describe(from: number, count: number): Promise<ShownResult[]> {
		return Promise.all(this.#ranked.slice(from, from + count).map(async (r) => describe(await r.data())));
	}

	async #showMore(count: number): Promise<void> {
		if (this.#loadingMore || this.#shown >= this.#ranked.length) return;
		this.#loadingMore = true;
		const run = this.#runs;
		try {
			const described = await this.#describe(this.#shown, count);
			if (run !== this.#runs) return;
			this.parts.list.append(...described.map((r) => this.#item(r)));
			this.#shown += described.length;
		} finally {
			this.#loadingMore = false;
		}
		this.#updateMore();
	}

	#updateMore(): void {
		const { more } = this.parts;
		const left = this.#ranked.length - this.#shown;
		more.hidden = left <= 0;
		more.textContent = `更多结果（还有 ${left} 个）`;
		if (this.#observer) {
			// Observing afresh reports at once whether the button is in view (a tall screen takes another page).
			this.#observer.disconnect();
			if (left > 0) this.#observer.observe(more);
		}
	}

	#item(r: ShownResult): HTMLLIElement {
		const li = el('li', 'pf-result');
		const title = el('p', 'pf-result-title');
		const a = el('a', 'pf-result-link', r.title);
		a.href = this.options.link(r.url, this.#typed);
		title.append(a);
		if (r.section) title.append(el('span', 'pf-result-section', r.section));
		const excerpt = el('p', 'pf-result-excerpt');
		excerpt.innerHTML = r.excerpt;
		li.append(title, excerpt);
		if (r.subResults.length) {
			const chips = el('ul', 'pf-heading-chips');
			for (const s of r.subResults) {
				const chip = el('li', 'pf-heading-chip');
				const sa = el('a', 'pf-heading-link', s.heading);
				sa.href = this.options.link(s.url, this.#typed);
				const p = el('p', 'pf-heading-excerpt');
				p.innerHTML = s.excerpt;
				chip.append(sa, p);
				chips.append(chip);
			}
			li.append(chips);
		}
		return li;
	}
}

/** Makes a search page's form (and its summary, list, “更多结果” and filters) search as the reader types. */
export function mount(root: HTMLElement, options: Omit<SearchOptions, 'onSearch'>): SearchView {
	const form = root.querySelector('form')!;
	const input = form.querySelector('input')!;
	const view = new SearchView(
		{
			input,
			summary: root.querySelector('[data-summary]')!,
			list: root.querySelector('[data-results]')!,
			more: root.querySelector('[data-more]')!,
			filters: root.querySelector<HTMLElement>('[data-filters]') ?? undefined,
		},
		{
			...options,
			onSearch: (typed) => {
				const url = new URL(location.href);
				if (typed) url.searchParams.set('q', typed);
				else url.searchParams.delete('q');
				history.replaceState(null, '', url);
			},
		},
	);
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		view.searchNow();
	});
	input.value = new URLSearchParams(location.search).get('q') ?? '';
	if (input.value.trim()) view.searchNow();
	input.focus();
	return view;
}

/**
 * `<handbook-trainer>`, the body of /trainer/: reads the progress files a class exported, in this browser only, and
 * shows one row per deputy (src/lib/class-table.ts), sortable and filterable, with the refused files and why;
 * exports the table as CSV and prints it. The class data lives in this page's memory only: nothing is stored and
 * nothing is sent, so closing or reloading the page forgets it. Loaded after the page.
 */
import { chinaDate, type ClassFile, type ClassRow, classCsv, readClassFiles, type Refused } from '../lib/class-table';
import type { ModuleInfo } from '../lib/completion';

type SortKey = 'name' | 'required' | 'final' | 'completed' | 'exported' | 'code' | 'file';
type Filter = 'all' | 'complete' | 'incomplete';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The value a column sorts by; rows without one sort last whichever way. */
function sortValue(r: ClassRow, key: SortKey): string | number | undefined {
	switch (key) {
		case 'name':
			return r.name || undefined;
		case 'required':
			return r.requiredPassed;
		case 'final':
			return r.final?.best;
		case 'completed':
			return r.completedAt;
		case 'exported':
			return r.exportedAt;
		case 'code':
			return r.code;
		case 'file':
			return r.file;
	}
}

function compare(a: ClassRow, b: ClassRow, key: SortKey, dir: 1 | -1): number {
	const va = sortValue(a, key);
	const vb = sortValue(b, key);
	if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
	const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
	return c * dir;
}

function cell(tag: 'td' | 'th', ...content: (string | Node)[]) {
	const el = document.createElement(tag);
	el.append(...content);
	return el;
}

function date(iso?: string) {
	const td = cell('td', chinaDate(iso) || '—');
	td.className = 'trainer-date';
	return td;
}

function span(className: string, text: string) {
	const s = document.createElement('span');
	s.className = className;
	s.textContent = text;
	return s;
}

class HandbookTrainer extends HTMLElement {
	#modules: ModuleInfo[] = [];
	/** Every file read so far, refused ones too, in the order they came: re-read as one class each time. */
	#files: ClassFile[] = [];
	#rows: ClassRow[] = [];
	#refused: Refused[] = [];
	#sort: { key: SortKey; dir: 1 | -1 } | null = null;
	#filter: Filter = 'all';
	#query = '';

	connectedCallback() {
		this.#modules = JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!);
		const input = this.querySelector<HTMLInputElement>('[data-files]')!;
		input.addEventListener('change', () => {
			void this.add([...(input.files ?? [])]);
			input.value = '';
		});
		const drop = this.querySelector<HTMLElement>('[data-drop]')!;
		drop.addEventListener('dragenter', (e) => {
			e.preventDefault();
			drop.classList.add('is-over');
		});
		drop.addEventListener('dragover', (e) => {
			e.preventDefault();
			if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
		});
		drop.addEventListener('dragleave', (e) => {
			if (!drop.contains(e.relatedTarget as Node | null)) drop.classList.remove('is-over');
		});
		drop.addEventListener('drop', (e) => {
			e.preventDefault();
			drop.classList.remove('is-over');
			void this.add([...(e.dataTransfer?.files ?? [])]);
		});
		// A file dropped next to the drop zone would otherwise open in the tab and lose the table.
		for (const type of ['dragover', 'drop'] as const) {
			window.addEventListener(type, (e) => {
				if (!drop.contains(e.target as Node)) e.preventDefault();
			});
		}
		for (const button of this.querySelectorAll<HTMLButtonElement>('th button[data-sort]')) {
			button.addEventListener('click', () => this.sortBy(button.dataset.sort as SortKey));
		}
		for (const radio of this.querySelectorAll<HTMLInputElement>('input[name="trainer-filter"]')) {
			radio.addEventListener('change', () => {
				if (radio.checked) this.#filter = radio.value as Filter;
				this.render();
			});
		}
		const search = this.querySelector<HTMLInputElement>('[data-search]')!;
		search.addEventListener('input', () => {
			this.#query = search.value.trim();
			this.render();
		});
		this.querySelector('[data-csv]')!.addEventListener('click', () => this.downloadCsv());
		this.querySelector('[data-print]')!.addEventListener('click', () => window.print());
		this.querySelector('[data-clear]')!.addEventListener('click', () => {
			this.#files = [];
			this.#rows = [];
			this.#refused = [];
			this.render();
			this.say('已清空。表格里的数据只在本页，没有保存在任何地方。');
			input.focus();
		});
		this.toggleAttribute('data-ready', true);
		this.render();
	}

	say(text: string) {
		this.querySelector('[data-message]')!.textContent = text;
	}

	async add(files: File[]) {
		if (files.length === 0) return;
		const read = await Promise.all(
			files.map(async (f) => {
				try {
					return { name: f.name, text: await f.text() };
				} catch {
					return { name: f.name, text: '' };
				}
			}),
		);
		const before = { rows: this.#rows.length, refused: this.#refused.length };
		this.#files.push(...read);
		({ rows: this.#rows, refused: this.#refused } = readClassFiles(this.#files, this.#modules, this.dataset.finalHash));
		this.render();
		const added = this.#rows.length - before.rows;
		const refused = this.#refused.length - before.refused;
		this.say(`读取了 ${read.length} 个文件：新增 ${added} 人${refused ? `，${refused} 个文件未计入（原因见表格下方）` : ''}。`);
	}

	sortBy(key: SortKey) {
		this.#sort = this.#sort?.key === key ? { key, dir: this.#sort.dir === 1 ? -1 : 1 } : { key, dir: 1 };
		this.render();
	}

	/** The rows as shown: filtered, then sorted (by the file order when no column is chosen). */
	visible(): ClassRow[] {
		const q = this.#query.toLowerCase();
		const rows = this.#rows.filter(
			(r) =>
				(this.#filter === 'all' || r.complete === (this.#filter === 'complete')) &&
				(!q || r.name.toLowerCase().includes(q) || r.file.toLowerCase().includes(q)),
		);
		const sort = this.#sort;
		return sort ? rows.sort((a, b) => compare(a, b, sort.key, sort.dir)) : rows;
	}

	counts(shown: number): string {
		const total = this.#rows.length;
		const done = this.#rows.filter((r) => r.complete).length;
		const filtered = shown === total ? '' : `，当前显示 ${shown} 人`;
		return `共 ${total} 人：已完成 ${done} 人，未完成 ${total - done} 人${filtered}。`;
	}

	render() {
		const rows = this.visible();
		const has = this.#rows.length > 0;
		this.querySelector<HTMLElement>('[data-result]')!.hidden = !has;
		this.querySelector<HTMLElement>('[data-empty]')!.hidden = has || this.#refused.length > 0;
		this.querySelector<HTMLButtonElement>('[data-clear]')!.disabled = this.#files.length === 0;
		this.querySelector('[data-counts]')!.textContent = has ? this.counts(rows.length) : '';
		this.querySelector('[data-print-date]')!.textContent = chinaDate(new Date().toISOString());
		const sort = this.#sort;
		for (const th of this.querySelectorAll<HTMLElement>('th[data-col]')) {
			if (sort && sort.key === th.dataset.col) th.setAttribute('aria-sort', sort.dir === 1 ? 'ascending' : 'descending');
			else th.removeAttribute('aria-sort');
		}
		this.querySelector('[data-rows]')!.replaceChildren(...rows.map((r) => this.row(r)));
		this.querySelector<HTMLElement>('[data-none-shown]')!.hidden = !has || rows.length > 0;

		const refused = this.querySelector<HTMLElement>('[data-refused]')!;
		refused.hidden = this.#refused.length === 0;
		refused.querySelector('ul')!.replaceChildren(
			...this.#refused.map((r) => {
				const li = document.createElement('li');
				const name = document.createElement('strong');
				name.textContent = r.file;
				li.append(name, `：${r.reason}`);
				return li;
			}),
		);
	}

	row(r: ClassRow): HTMLTableRowElement {
		const tr = document.createElement('tr');
		tr.dataset.complete = String(r.complete);
		const name = cell('th', r.name || '（未填写姓名）');
		name.scope = 'row';
		if (!r.name) name.classList.add('trainer-muted');
		const required = cell('td', `${r.requiredPassed}/${r.requiredTotal}`);
		if (r.complete) required.append(' ', span('tag tag--ok', '已完成'));
		const final = cell('td', r.final ? `${r.final.best}%${r.final.passed ? ' 通过' : ' 未通过'}` : '—');
		const code = cell('td');
		if (r.code) {
			code.append(span('trainer-code', r.code));
			if (r.codeMatches === true) code.append(' ', span('trainer-mark trainer-mark--ok', '✓ 一致'));
			else if (r.codeMatches === false) code.append(' ', span('trainer-mark trainer-mark--bad', `✗ 不一致（文件上是 ${r.fileCode}）`));
			else code.append(' ', span('trainer-muted', '（文件未带比对码）'));
		} else if (r.fileCode) {
			code.append(span('trainer-mark trainer-mark--bad', `✗ 不一致：文件上是 ${r.fileCode}，按本版题目尚未全部通过`));
		} else code.append('—');
		tr.append(
			name,
			required,
			final,
			date(r.completedAt),
			date(r.exportedAt),
			code,
			cell('td', span('trainer-file', r.file)),
		);
		return tr;
	}

	downloadCsv() {
		const blob = new Blob([classCsv(this.visible())], { type: 'text/csv;charset=utf-8' });
		const a = document.createElement('a');
		a.href = URL.createObjectURL(blob);
		a.download = '培训班学习情况.csv';
		a.click();
		setTimeout(() => URL.revokeObjectURL(a.href), 1000);
		this.say('已导出 CSV 文件“培训班学习情况.csv”（当前显示的行），可以用 Excel 或 WPS 打开。');
	}
}
customElements.define('handbook-trainer', HandbookTrainer);

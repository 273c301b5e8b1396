/**
 * `<handbook-progress-page>`, the body of /progress/: fills the table of modules, the bar of the required path and,
 * once every required module is passed, the completion record, from the progress store; keeps them current as the
 * progress changes (here or in another tab); exports, imports and clears the progress. Loaded after the page.
 */
import { completion, type ModuleInfo, statusText } from '../lib/completion';
import type { ProgressStore } from '../lib/progress-store';
import { openProgress } from './progress';
import { showDue } from './review-due-link';

class HandbookProgressPage extends HTMLElement {
	#store!: ProgressStore;
	#modules: ModuleInfo[] = [];

	async connectedCallback() {
		const { store, subscribe } = await openProgress();
		this.#store = store;
		this.#modules = JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!);
		this.render();
		const name = this.querySelector<HTMLInputElement>('#learner-name')!;
		name.value = this.#store.read().name;
		// Every change re-renders, whether made here (the name, an import, clearing) or in another tab (a quiz
		// passed); the name field is left alone while the reader types in it.
		subscribe((progress) => {
			if (document.activeElement !== name) name.value = progress.name;
			this.render();
		});
		name.addEventListener('input', () => this.#store.setName(name.value));
		this.querySelector('[data-print]')!.addEventListener('click', () => window.print());
		this.querySelector('[data-export]')!.addEventListener('click', () => this.export());
		this.querySelector<HTMLInputElement>('[data-import]')!.addEventListener('change', (e) => this.import(e));
		this.querySelector('[data-clear]')!.addEventListener('click', () => {
			if (!window.confirm('确定要清除本机保存的全部学习数据（成绩、阅读记录和姓名）吗？此操作不能撤销。')) return;
			this.#store.clear();
			this.say('已清除本机的学习数据。');
		});
	}

	say(text: string) {
		this.querySelector('[data-message]')!.textContent = text;
	}

	render() {
		const progress = this.#store.read();
		const state = completion(this.#modules, progress);
		const bar = this.querySelector<HTMLProgressElement>('[data-required-bar]')!;
		bar.value = state.requiredPassed;
		this.querySelector('[data-required-text]')!.textContent =
			`已通过 ${state.requiredPassed}/${state.requiredTotal} 个必修模块${state.complete ? '，学习记录已生成（见下方）。' : '。'}`;
		for (const m of state.modules) {
			const row = this.querySelector(`tr[data-module="${CSS.escape(m.key)}"]`);
			if (!row) continue;
			row.querySelector('[data-read]')!.textContent = m.read ? '✓ 已读' : '未读';
			row.querySelector('[data-quiz]')!.textContent = statusText(m);
		}
		showDue(progress);
		const final = progress.final?.hash === this.dataset.finalHash ? progress.final : undefined;
		const finalText = final
			? `结业自测（自测）：最好成绩 ${final.best}%，${final.passed ? `已通过，通过日期 ${final.passedAt!.slice(0, 10)}` : `未通过，最近一次 ${final.lastAt.slice(0, 10)}`}。`
			: '';
		this.querySelector('[data-final-status]')!.textContent = final ? finalText.replace('结业自测（自测）：', '你的成绩：') : '';
		const finalLine = this.querySelector<HTMLElement>('[data-record-final]')!;
		finalLine.textContent = finalText;
		finalLine.hidden = !final;
		const record = this.querySelector<HTMLElement>('[data-record]')!;
		record.hidden = !state.complete;
		this.querySelector<HTMLElement>('[data-record-locked]')!.hidden = state.complete;
		if (!state.complete) return;
		this.querySelector('[data-record-name]')!.textContent = progress.name || '（未填写）';
		const rows = this.querySelector('[data-record-rows]')!;
		rows.replaceChildren(
			...state.modules
				.filter((m) => m.required && m.quiz)
				.map((m) => {
					const tr = document.createElement('tr');
					for (const text of [m.title, `${m.best}%`, (m.passedAt ?? '').slice(0, 10)]) {
						const td = document.createElement('td');
						td.textContent = text;
						tr.append(td);
					}
					return tr;
				}),
		);
		this.querySelector('[data-record-date]')!.textContent = (state.completedAt ?? '').slice(0, 10);
		this.querySelector('[data-record-code]')!.textContent = state.code ?? '';
	}

	export() {
		// The file carries the record's comparison code, which a trainer's class table (/trainer/) checks.
		const { code } = completion(this.#modules, this.#store.read());
		const blob = new Blob([this.#store.exportFile(new Date(), code)], { type: 'application/json' });
		const a = document.createElement('a');
		a.href = URL.createObjectURL(blob);
		a.download = `学习记录-${new Date().toISOString().slice(0, 10)}.json`;
		a.click();
		URL.revokeObjectURL(a.href);
		this.say('已导出。把这个文件复制到另一台设备，在同一页面点“从文件导入”。');
	}

	async import(e: Event) {
		const input = e.target as HTMLInputElement;
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		const result = this.#store.importFile(await file.text());
		if (!result.ok) {
			this.say(`导入失败：${result.error}原有的学习数据没有改动。`);
			return;
		}
		this.say('已导入学习记录。');
	}
}
customElements.define('handbook-progress-page', HandbookProgressPage);

/** `<handbook-elder>`: the 长辈模式 switch; sets `<html data-elder>` and keeps the choice (src/lib/elder-mode.ts). */
import { ELDER_KEY, elderChoiceFor, elderOn } from '../lib/elder-mode';

const root = document.documentElement;

class HandbookElder extends HTMLElement {
	connectedCallback() {
		this.hidden = false;
		const button = this.querySelector('button')!;
		const more = window.matchMedia('(prefers-contrast: more)');
		const apply = (on: boolean) => {
			root.toggleAttribute('data-elder', on);
			button.setAttribute('aria-pressed', String(on));
			// The section list folds or unfolds with the layout (Sidebar.astro).
			window.dispatchEvent(new Event('handbook:elder'));
		};
		apply(root.hasAttribute('data-elder'));
		button.addEventListener('click', () => {
			const on = !root.hasAttribute('data-elder');
			apply(on);
			try {
				const choice = elderChoiceFor(on, more.matches);
				if (choice) localStorage.setItem(ELDER_KEY, choice);
				else localStorage.removeItem(ELDER_KEY);
			} catch {
				// Storage blocked: the mode still applies to this page.
			}
		});
		// The system setting changes while the page is open: follow it unless the reader has chosen.
		more.addEventListener?.('change', () => {
			let stored: string | null = null;
			try {
				stored = localStorage.getItem(ELDER_KEY);
			} catch {
				// no storage: no choice
			}
			apply(elderOn(stored, more.matches));
		});
	}
}
customElements.define('handbook-elder', HandbookElder);

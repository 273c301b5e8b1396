/** `<handbook-level>`: the level picker; sets `<html data-level>`, keeps the choice in localStorage and says what it does. */
import { LEVEL_KEY, levelNames, parseLevel } from '../lib/rules';

class HandbookLevel extends HTMLElement {
	connectedCallback() {
		this.hidden = false;
		const current = parseLevel(document.documentElement.dataset.level) ?? '';
		const radio = this.querySelector<HTMLInputElement>(`input[value="${current}"]`);
		if (radio) radio.checked = true;
		this.say(current, false);
		this.addEventListener('change', (e) => {
			const value = parseLevel((e.target as HTMLInputElement).value);
			if (value) document.documentElement.dataset.level = value;
			else delete document.documentElement.dataset.level;
			try {
				if (value) localStorage.setItem(LEVEL_KEY, value);
				else localStorage.removeItem(LEVEL_KEY);
			} catch {
				// Storage blocked: the choice still applies to this page.
			}
			this.say(value ?? '', true);
		});
	}
	say(level: string, changed: boolean) {
		const status = this.querySelector('.level-picker__status')!;
		const l = parseLevel(level);
		status.textContent = l
			? `${changed ? '已改为' : '已选'}：${levelNames[l]}代表。各页先显示${levelNames[l]}的规定。`
			: changed
				? '已取消：各页显示各级的规定。'
				: '';
	}
}
customElements.define('handbook-level', HandbookLevel);

/** `<handbook-textsize>`: the 大字 buttons; sets `<html data-textsize>` and keeps the choice in localStorage. */
const KEY = 'handbook:textsize';
type Size = 'normal' | 'large' | 'xlarge';

class HandbookTextSize extends HTMLElement {
	connectedCallback() {
		this.hidden = false;
		this.render(this.current());
		this.addEventListener('click', (e) => {
			const button = (e.target as Element).closest<HTMLButtonElement>('button[data-size]');
			if (button) this.set(button.dataset.size as Size);
		});
	}
	current(): Size {
		const v = document.documentElement.dataset.textsize;
		return v === 'large' || v === 'xlarge' ? v : 'normal';
	}
	set(size: Size) {
		if (size === 'normal') delete document.documentElement.dataset.textsize;
		else document.documentElement.dataset.textsize = size;
		try {
			if (size === 'normal') localStorage.removeItem(KEY);
			else localStorage.setItem(KEY, size);
		} catch {
			// Storage blocked: the size still applies to this page.
		}
		this.render(size);
	}
	render(size: Size) {
		for (const b of this.querySelectorAll<HTMLButtonElement>('button[data-size]')) {
			b.setAttribute('aria-pressed', String(b.dataset.size === size));
		}
	}
}
customElements.define('handbook-textsize', HandbookTextSize);

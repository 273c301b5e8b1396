/**
 * Measures what 长辈模式 promises, in the page as it renders: every visible interactive element's box (48 × 48 px),
 * the contrast of every visible piece of text (text nodes, ::before/::after content, placeholders) against the
 * background it is drawn on, and of the focus ring around each control reached with Tab (7:1 both).
 *
 * Inline exemption (WCAG 2.5.5's “inline” exception): a link that is part of a sentence (displayed inline, in a
 * block with other text) is measured but not held to 48 px; the rest are.
 */
import type { Page } from 'playwright-core';

export interface Legibility {
	/** Elements under 48 × 48 px, one line each. */
	small: string[];
	/** Text under 7:1, one line each. */
	faint: string[];
	/** Smallest box side among the elements held to 48 px, and how many links the inline exemption covered. */
	minTarget: number;
	inlineLinks: number;
	/** Lowest contrast found among the texts, and how many were measured. */
	minContrast: number;
	texts: number;
}

export const TARGET = 48;
export const CONTRAST = 7;

/** Runs in the page. Kept free of imports: it is serialised into the page by evaluate(). */
function measure({ target, contrast }: { target: number; contrast: number }) {
	type RGBA = [number, number, number, number];
	const parse = (c: string): RGBA => {
		const m = c.match(/rgba?\(([^)]+)\)/);
		if (!m) return [0, 0, 0, 0];
		const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
		return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
	};
	const over = (top: RGBA, below: RGBA): RGBA => {
		const a = top[3] + below[3] * (1 - top[3]);
		if (a === 0) return [0, 0, 0, 0];
		const ch = (i: number) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
		return [ch(0), ch(1), ch(2), a];
	};
	const lum = ([r, g, b]: RGBA) => {
		const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
		return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
	};
	const ratio = (a: RGBA, b: RGBA) => {
		const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
		return (x + 0.05) / (y + 0.05);
	};
	const canvas: RGBA = matchMedia('(prefers-color-scheme: dark)').matches ? [0, 0, 0, 1] : [255, 255, 255, 1];
	/** The colour behind `el`: its own background and its ancestors', composited; images are reported. */
	const backdrop = (el: Element | null, own?: CSSStyleDeclaration): { bg: RGBA; image: boolean } => {
		const layers: RGBA[] = [];
		let image = false;
		if (own) {
			layers.push(parse(own.backgroundColor));
			image ||= own.backgroundImage !== 'none';
		}
		for (let e = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null)) {
			const s = getComputedStyle(e);
			const c = parse(s.backgroundColor);
			if (s.backgroundImage !== 'none') image = true;
			layers.push(c);
			if (c[3] >= 1) break;
		}
		let bg = canvas;
		for (const l of layers.reverse()) bg = over(l, bg);
		return { bg, image };
	};
	const opacity = (el: Element | null) => {
		let o = 1;
		for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
		return o;
	};
	const shown = (el: Element) => {
		if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)) return false;
		const r = el.getBoundingClientRect();
		if (r.width <= 1 || r.height <= 1) return false; // visually hidden
		if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0) return false; // parked off the page (the skip link)
		for (let e: Element | null = el; e; e = e.parentElement) {
			const s = getComputedStyle(e);
			if (s.getPropertyValue('clip') !== 'auto' && s.position === 'absolute') return false;
			if (s.clipPath !== 'none') return false;
		}
		return true;
	};
	const name = (el: Element) => {
		const t = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
		const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
		return `${el.tagName.toLowerCase()}${cls}${t ? ` “${t}”` : ''}`;
	};

	// Targets.
	const small: string[] = [];
	let minTarget = Infinity;
	let inlineLinks = 0;
	const seen = new Set<Element>();
	const interactive = document.querySelectorAll(
		'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role="button"]',
	);
	for (const found of interactive) {
		// A checkbox or radio inside its label: the label is what one taps.
		const el = found.matches('input[type="radio"], input[type="checkbox"]') ? (found.closest('label') ?? found) : found;
		if (seen.has(el) || !shown(el)) continue;
		seen.add(el);
		let r = el.getBoundingClientRect();
		// A “stretched” link (an absolutely placed ::after over its card, as in Pagefind's results): the card is the target.
		const after = getComputedStyle(el, '::after');
		if (after.content !== 'none' && after.position === 'absolute' && after.inset === '0px') {
			const card = getComputedStyle(el).position === 'static' ? (el as HTMLElement).offsetParent : el;
			if (card) {
				r = card.getBoundingClientRect();
				minTarget = Math.min(minTarget, r.width, r.height);
				if (r.width < target - 0.5 || r.height < target - 0.5) small.push(`${name(el)} (its card): ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
				continue;
			}
		}
		if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
			let block = el.parentElement!;
			while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
			const around = (block.textContent ?? '').replace(/\s+/g, '').length - (el.textContent ?? '').replace(/\s+/g, '').length;
			if (around > 0) {
				inlineLinks++;
				continue;
			}
		}
		minTarget = Math.min(minTarget, r.width, r.height);
		if (r.width < target - 0.5 || r.height < target - 0.5) small.push(`${name(el)}: ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
	}

	// Text.
	const faint: string[] = [];
	let minContrast = Infinity;
	let texts = 0;
	const check = (what: string, color: string, el: Element, own?: CSSStyleDeclaration) => {
		const fg = parse(color);
		const { bg, image } = backdrop(el, own);
		const o = opacity(el);
		const drawn = over([fg[0], fg[1], fg[2], fg[3] * o], bg);
		const c = ratio(drawn, bg);
		texts++;
		minContrast = Math.min(minContrast, c);
		if (c < contrast - 0.005 || image) faint.push(`${what}: ${c.toFixed(2)}:1${image ? ' (on an image)' : ''} ${color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')})`);
	};
	const walkRoot = (root: Document | ShadowRoot) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (n instanceof Element) {
				if (n.shadowRoot) walkRoot(n.shadowRoot);
				if (!shown(n)) continue;
				for (const pseudo of ['::before', '::after']) {
					const s = getComputedStyle(n, pseudo);
					if (s.display === 'none' || !/[^\s"'\\]/.test(s.content.replace(/^none$|^normal$/, ''))) continue;
					check(`${name(n)}${pseudo} ${s.content.slice(0, 12)}`, s.color, n, s);
				}
				if ((n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) && n.placeholder && !n.value) {
					check(`${name(n)} placeholder`, getComputedStyle(n, '::placeholder').color, n);
				}
				continue;
			}
			const parent = n.parentElement;
			if (!parent || !(n.textContent ?? '').trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE'].includes(parent.tagName)) continue;
			const range = document.createRange();
			range.selectNodeContents(n);
			if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0) || !shown(parent)) continue;
			check(`${name(parent)}`, getComputedStyle(parent).color, parent);
		}
	};
	walkRoot(document);
	return { small, faint, minTarget, inlineLinks, minContrast, texts };
}

/** Opens every disclosure (so what is inside is measured too) and measures the page. */
export async function legibility(page: Page): Promise<Legibility> {
	await page.evaluate(() => {
		for (const d of document.querySelectorAll('details')) d.open = true;
	});
	return page.evaluate(measure, { target: TARGET, contrast: CONTRAST });
}

/** Tabs through up to `steps` controls; each must show a focus ring of 3 px or more at 7:1 against what is around it. */
export async function focusRings(page: Page, steps = 40): Promise<string[]> {
	const bad: string[] = [];
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	for (let i = 0; i < steps; i++) {
		await page.keyboard.press('Tab');
		const r = await page.evaluate((min) => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const s = getComputedStyle(el);
			const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
			const lum = (c: number[]) => {
				const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
				return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
			};
			// The ring is drawn outside the element: against the first opaque background of its ancestors.
			let bg = matchMedia('(prefers-color-scheme: dark)').matches ? [0, 0, 0] : [255, 255, 255];
			for (let e = el.parentElement; e; e = e.parentElement) {
				const c = parse(getComputedStyle(e).backgroundColor);
				if (c.length === 3 || c[3] === 1) {
					bg = c;
					break;
				}
			}
			// A ring drawn as a box shadow (Pagefind's search box) counts as well.
			const shadow = s.boxShadow.match(/(rgba?\([^)]*\))\s+0px\s+0px\s+0px\s+([\d.]+)px/);
			const useShadow = s.outlineStyle === 'none' && shadow && parseFloat(shadow[2]) >= 3;
			const ring = parse(useShadow ? shadow![1] : s.outlineColor);
			const [a, b] = [lum(ring), lum(bg)].sort((x, y) => y - x);
			const ratio = (a + 0.05) / (b + 0.05);
			const what = `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 16)}”`;
			if (!useShadow && (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 3)) return `${what}: no ring (${s.outlineStyle} ${s.outlineWidth})`;
			return ratio < min ? `${what}: ring ${ratio.toFixed(2)}:1` : '';
		}, CONTRAST);
		if (r) bad.push(r);
	}
	return bad;
}

/**
 * The read-aloud controller behind `<handbook-read-aloud>` (ReadAloud.astro), loaded on the first press: finds the
 * article's paragraphs, reads them one utterance each (src/lib/read-aloud.ts), highlights and scrolls to the one
 * being read, and runs the bar with 暂停/继续 and 停止. Tapping a paragraph while reading jumps there.
 */
import { Reader, type Speech, speakable } from '../lib/read-aloud';
import { chineseVoice } from '../lib/voices';

/** What counts as a paragraph: headings, paragraphs, list items, definitions, table rows, quotations. */
const BLOCKS = 'h1,h2,h3,h4,p,li,dt,dd,tr,caption,blockquote';
/** Not read: the page's own controls and lists (contents, tags), hidden parts. */
const SKIP = '[data-pagefind-ignore],nav,form,button,textarea,.visually-hidden';
const CONTROLS = 'a,button,input,textarea,select,label,summary';

interface Part {
	el: HTMLElement;
	text: string;
}

/** The article's paragraphs in reading order, each with what to say. A block holding other blocks says only its own words. */
function paragraphs(article: HTMLElement): Part[] {
	const all = [...article.querySelectorAll<HTMLElement>(BLOCKS)].filter((el) => !el.closest(SKIP) && el.getClientRects().length > 0);
	const blocks = new Set(all);
	const own = (el: HTMLElement): string => {
		if (el instanceof HTMLTableRowElement) return [...el.cells].map((c) => c.innerText).join('，');
		if (!all.some((b) => b !== el && el.contains(b))) return el.innerText;
		let text = '';
		for (const n of el.childNodes) {
			if (n instanceof HTMLElement) {
				if (!blocks.has(n) && !all.some((b) => n.contains(b))) text += n.innerText;
			} else if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
		}
		return text;
	};
	return all.map((el) => ({ el, text: speakable(own(el)) })).filter((p) => p.text);
}

function speech(): Speech {
	const synth = window.speechSynthesis;
	const voice = chineseVoice(synth.getVoices());
	let current: SpeechSynthesisUtterance | undefined;
	return {
		speak(text, done, failed) {
			const u = new SpeechSynthesisUtterance(text);
			u.lang = voice?.lang.replace(/_/g, '-') ?? 'zh-CN';
			if (voice) u.voice = voice;
			u.onend = () => done();
			u.onerror = (e) => failed(e.error);
			current = u; // Chrome drops the events of an utterance nothing refers to.
			synth.speak(current);
		},
		cancel() {
			synth.cancel();
		},
	};
}

let running: Reader | undefined;

export function readAloud(host: HTMLElement, article: HTMLElement, from: Node | null) {
	running?.stop();
	const parts = paragraphs(article);
	if (!parts.length) return;
	const q = <T extends HTMLElement>(s: string) => host.querySelector<T>(s)!;
	const [start, note, bar, status, toggle, stop] = ['[data-start]', '[data-note]', '[data-bar]', '[data-status]', '[data-toggle]', '[data-stop]'].map(q);
	const root = document.documentElement;
	const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	let lit: HTMLElement | undefined;

	const changed = (r: Reader, error?: string) => {
		const on = r.state !== 'stopped';
		const el = on ? parts[r.index].el : undefined;
		if (el !== lit) {
			lit?.classList.remove('is-reading');
			el?.classList.add('is-reading');
			el?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
			lit = el;
		}
		const focusInBar = bar.contains(document.activeElement);
		root.toggleAttribute('data-reading', on);
		bar.hidden = !on;
		start.hidden = on;
		status.textContent = `第 ${r.index + 1} 段，共 ${r.texts.length} 段${r.state === 'paused' ? '，已暂停' : ''}`;
		toggle.textContent = r.state === 'paused' ? '继续' : '暂停';
		note.textContent = error ? '这台设备朗读出错，已停止。' : '';
		if (!on && focusInBar) start.focus({ preventScroll: true });
	};
	const reader = new Reader(
		parts.map((p) => p.text),
		speech(),
		changed,
	);
	running = reader;

	toggle.onclick = () => (reader.state === 'paused' ? reader.resume() : reader.pause());
	stop.onclick = () => reader.stop();
	article.onclick = (e) => {
		if (reader.state === 'stopped' || (e.target as Element).closest(CONTROLS)) return;
		// The innermost paragraph holding the tap is the last of them in document order.
		let i = -1;
		parts.forEach((p, k) => {
			if (p.el.contains(e.target as Node)) i = k;
		});
		if (i >= 0) reader.play(i);
	};
	window.addEventListener('pagehide', () => reader.stop(), { once: true });

	let first = 0;
	if (from) {
		const i = parts.findIndex((p) => p.el.contains(from));
		// A selection between paragraphs (in a box's title, say) starts at the next one.
		first = i >= 0 ? i : Math.max(0, parts.findIndex((p) => from.compareDocumentPosition(p.el) & Node.DOCUMENT_POSITION_FOLLOWING));
	}
	reader.play(first);
	toggle.focus({ preventScroll: true });
}

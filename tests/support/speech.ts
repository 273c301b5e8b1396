/**
 * A stand-in for the browser's speech engine, installed before any page script (context.addInitScript): a fake
 * speechSynthesis and SpeechSynthesisUtterance that record what they are asked to say and fire the events a real
 * engine fires. An utterance ends only when the test says so (`window.__speech.finish()`), so the order is exact.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface FakeVoice {
	name: string;
	lang: string;
	default?: boolean;
}

export const CHINESE: FakeVoice[] = [
	{ name: 'English', lang: 'en-US', default: true },
	{ name: '普通话（中国大陆）', lang: 'zh-CN' },
];
export const ENGLISH_ONLY: FakeVoice[] = [{ name: 'English', lang: 'en-US', default: true }];

function install({ voices, late }: { voices: FakeVoice[] | null; late: boolean }) {
	if (voices === null) {
		// A browser without speech: no engine, no utterances.
		Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
		return;
	}
	const list = voices.map((v) => ({ voiceURI: v.name, localService: true, default: false, ...v }));
	let available = late ? [] : list;
	type U = EventTarget & { text: string; lang: string; voice: { name: string } | null; [k: string]: unknown };
	const fire = (u: U, type: string, extra: object = {}) => {
		const e = Object.assign(new Event(type), extra);
		u.dispatchEvent(e);
		(u[`on${type}`] as ((e: Event) => void) | null)?.(e);
	};
	class Utterance extends EventTarget {
		lang = '';
		voice = null;
		rate = 1;
		pitch = 1;
		volume = 1;
		onstart = null;
		onend = null;
		onerror = null;
		text: string;
		constructor(text: string) {
			super();
			this.text = text;
		}
	}
	const spoken: { text: string; lang: string; voice?: string }[] = [];
	let queue: U[] = [];
	let current: U | null = null;
	const next = () => {
		current = queue.shift() ?? null;
		if (!current) return;
		spoken.push({ text: current.text, lang: current.lang, voice: current.voice?.name });
		fire(current, 'start');
	};
	const synth = Object.assign(new EventTarget(), {
		onvoiceschanged: null,
		get speaking() {
			return current !== null;
		},
		paused: false,
		pending: false,
		getVoices: () => available,
		speak(u: U) {
			queue.push(u);
			if (!current) next();
		},
		cancel() {
			const c = current;
			queue = [];
			current = null;
			if (c) fire(c, 'error', { error: 'interrupted' });
		},
		pause() {},
		resume() {},
	});
	Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
	Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
	if (late) {
		// Voices that arrive after the page has loaded, as Chrome's do.
		addEventListener('load', () =>
			setTimeout(() => {
				available = list;
				synth.dispatchEvent(new Event('voiceschanged'));
			}, 300),
		);
	}
	(window as unknown as { __speech: object }).__speech = {
		spoken,
		get current() {
			return current?.text ?? null;
		},
		finish() {
			const c = current;
			if (!c) return false;
			current = null;
			fire(c, 'end'); // which may already queue and start the next utterance
			if (!current) next();
			return true;
		},
	};
}

/** Installs the fake engine in every page of `context`; `voices: null` takes speech away altogether. */
export function fakeSpeech(context: BrowserContext, voices: FakeVoice[] | null, late = false) {
	return context.addInitScript(install, { voices, late });
}

export const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { spoken: { text: string }[] } }).__speech.spoken.map((s) => s.text));
export const current = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { current: string | null } }).__speech.current);
export const finish = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { finish(): boolean } }).__speech.finish());

/**
 * 朗读: reads a page aloud paragraph by paragraph, one utterance each, so the page can highlight the paragraph
 * being read. This is the order and the controls, free of the DOM and of speechSynthesis (src/components/read-aloud.ts
 * wires them up). Pausing cancels the paragraph and resuming reads it again from its start: Chrome on Android
 * ignores speechSynthesis.pause(), and a paragraph is short.
 */
export interface Speech {
	/** Speaks `text`; calls `done` once when it has been spoken, `failed` when the engine gave up (not when cancelled). */
	speak(text: string, done: () => void, failed: (error: string) => void): void;
	/** Stops what is being spoken; its callbacks may still fire and must be ignored. */
	cancel(): void;
}

export type ReaderState = 'reading' | 'paused' | 'stopped';

/** Collapses white space (line breaks inside a paragraph, non-breaking spaces) and trims. */
export function speakable(text: string): string {
	return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Errors that mean “cancelled” rather than “failed” (Chrome says interrupted, Safari canceled). */
export const CANCELLED = new Set(['interrupted', 'canceled']);

export class Reader {
	state: ReaderState = 'stopped';
	index = 0;
	/** Counts utterances, so callbacks of a cancelled one are ignored. */
	private turn = 0;

	constructor(
		readonly texts: readonly string[],
		private readonly speech: Speech,
		/** Called after every change of state or paragraph. `error` is set when the engine failed. */
		private readonly changed: (reader: Reader, error?: string) => void,
	) {}

	/** Starts (or restarts) reading at paragraph `from`. */
	play(from = 0) {
		if (from < 0 || from >= this.texts.length) return this.stop();
		this.turn++;
		this.speech.cancel();
		this.index = from;
		this.state = 'reading';
		this.changed(this);
		this.speakCurrent();
	}

	pause() {
		if (this.state !== 'reading') return;
		this.turn++;
		this.speech.cancel();
		this.state = 'paused';
		this.changed(this);
	}

	resume() {
		if (this.state !== 'paused') return;
		this.state = 'reading';
		this.changed(this);
		this.speakCurrent();
	}

	stop() {
		this.turn++;
		this.speech.cancel();
		this.state = 'stopped';
		this.changed(this);
	}

	private speakCurrent() {
		const turn = ++this.turn;
		const mine = () => turn === this.turn && this.state === 'reading';
		this.speech.speak(
			this.texts[this.index],
			() => {
				if (!mine()) return;
				if (this.index + 1 < this.texts.length) {
					this.index++;
					this.changed(this);
					this.speakCurrent();
				} else this.stop();
			},
			(error) => {
				if (!mine() || CANCELLED.has(error)) return;
				this.turn++;
				this.state = 'stopped';
				this.changed(this, error);
			},
		);
	}
}

/**
 * 长辈模式: a reading mode with AAA contrast, large targets, more line spacing and one column. The reader's choice
 * is kept in localStorage under ELDER_KEY ('on' or 'off'); without a choice the mode follows the system's
 * “increase contrast” setting (prefers-contrast: more). src/scripts/prefs.js applies the same rule before paint.
 */
export const ELDER_KEY = 'handbook:elder';
export type ElderChoice = 'on' | 'off';

/** The stored choice; anything else (missing, garbage) is no choice. */
export function parseElderChoice(value: unknown): ElderChoice | undefined {
	return value === 'on' || value === 'off' ? value : undefined;
}

/** Whether the mode is on, given what storage holds and whether the system asks for more contrast. */
export function elderOn(stored: unknown, prefersMore: boolean): boolean {
	const choice = parseElderChoice(stored);
	return choice ? choice === 'on' : prefersMore;
}

/** What to store when the reader switches the mode on or off: nothing (null) when the choice is what the system gives anyway. */
export function elderChoiceFor(on: boolean, prefersMore: boolean): ElderChoice | null {
	return on === prefersMore ? null : on ? 'on' : 'off';
}

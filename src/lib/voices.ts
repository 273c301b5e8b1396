/** Read-aloud (朗读) needs a Chinese voice; this picks one from speechSynthesis.getVoices(). Kept tiny: the page loads it at once. */
export interface VoiceLike {
	lang: string;
	default?: boolean;
	localService?: boolean;
}

/** Mainland Mandarin first, then other Mandarin, then any Chinese (Taiwan, Hong Kong); the system default wins a tie. */
const rank = (lang: string) => {
	const l = lang.replace(/_/g, '-').toLowerCase();
	if (l === 'zh-cn' || l.startsWith('zh-hans') || l.startsWith('cmn')) return 3;
	if (l === 'zh') return 2;
	return l.startsWith('zh-') || l.startsWith('yue') ? 1 : 0;
};

/** The best Chinese voice, or undefined when there is none. */
export function chineseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
	let best: V | undefined;
	let score = 0;
	for (const v of voices) {
		const s = rank(v.lang) * 2 + (v.default ? 1 : 0);
		if (rank(v.lang) && s > score) [best, score] = [v, s];
	}
	return best;
}

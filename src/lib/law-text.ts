/**
 * The law texts in laws/ (one Markdown file per law, as published): split into articles and paragraphs (款), so the
 * build can prove that a cited article exists and that a rule's quotation stands in it word for word.
 */

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十四 → 24, 一百零五 → 105. */
export function chineseNumber(cn: string): number {
	let total = 0;
	let current = 0;
	for (const ch of cn) {
		if (ch in DIGITS) current = DIGITS[ch];
		else if (ch === '十') {
			total += (current || 1) * 10;
			current = 0;
		} else if (ch === '百') {
			total += (current || 1) * 100;
			current = 0;
		}
	}
	return total + current;
}

/** Article number → its paragraphs (款), in order. */
export type LawText = Map<number, string[]>;

/** Parses a law file: the text after `<!-- INFO END -->`, articles starting a line with 第…条. */
export function parseLawText(source: string): LawText {
	const body = source.split('<!-- INFO END -->').at(-1) ?? '';
	const parts = body.split(/^(第[零一二三四五六七八九十百]+条)[ \u3000]?/m);
	const articles: LawText = new Map();
	for (let i = 1; i < parts.length; i += 2) {
		const n = chineseNumber(parts[i].slice(1, -1));
		const paragraphs = parts[i + 1]
			.split(/\n\s*\n/)
			.map((p) => p.trim())
			.filter((p) => p && !/^#/.test(p));
		articles.set(n, paragraphs);
	}
	return articles;
}

/** A citation as the rule table writes it: 第20条, 第20条第五款, 第7条第二项. */
export function parseArticleRef(ref: string): { article: number; paragraph?: number } | undefined {
	const m = /^第(\d+)条(?:第([一二三四五六七八九十]+)款)?/.exec(ref);
	if (!m) return undefined;
	return { article: Number(m[1]), paragraph: m[2] ? chineseNumber(m[2]) : undefined };
}

/** Spaces and punctuation do not count when a quotation is compared with the law. */
const normalize = (s: string) => s.replace(/[\s，、；。：:,;“”‘’（）()《》〈〉…]/g, '');

/** True when every part of `quote` (parts split at ……) stands in `text`, in order. */
export function quoteStandsIn(quote: string, text: string): boolean {
	const haystack = normalize(text);
	let from = 0;
	for (const part of quote.split(/…+|\.{3,}/).map(normalize).filter(Boolean)) {
		const at = haystack.indexOf(part, from);
		if (at < 0) return false;
		from = at + part.length;
	}
	return true;
}

/** How the handbook names itself and writes dates, wherever a page shows them. */
export const SITE_NAME = '代表履职学习手册';

/** A date as Chinese readers write it, e.g. 2026年11月28日 (content dates are UTC midnights, so UTC). */
export function chineseDate(d: Date): string {
	return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

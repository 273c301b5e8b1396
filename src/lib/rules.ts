/**
 * How rules from content/rules.yaml read on a page: which levels a value covers, said the way deputies say it, and
 * which value leads for a reader who has chosen a level.
 */
import { type Level, levels } from './levels';

export const levelNames: Record<Level, string> = {
	全国: '全国人大',
	省: '省级人大',
	设区的市: '设区的市级人大',
	县: '县级人大',
	乡镇: '乡镇人大',
};

/** Names for the groups of levels that the law itself uses, longest first. */
const groupNames: [readonly Level[], string][] = [
	[levels, '各级人大'],
	[['全国', '省', '设区的市', '县'], '县级以上各级人大'],
	[['省', '设区的市', '县', '乡镇'], '地方各级人大'],
	[['省', '设区的市', '县'], '县级以上地方人大'],
	[['全国', '省', '设区的市'], '设区的市级以上人大'],
	[['省', '设区的市'], '省级和设区的市级人大'],
];

/** 县级以上地方人大, 乡镇人大, 省级、县级人大 … for a value's levels (given in the handbook's order). */
export function levelLabel(of: readonly Level[]): string {
	const sorted = levels.filter((l) => of.includes(l));
	const group = groupNames.find(([g]) => g.length === sorted.length && g.every((l) => sorted.includes(l)));
	if (group) return group[1];
	return sorted.map((l) => levelNames[l].replace(/人大$/, '')).join('、') + '人大';
}

/** The reader's level, as /start/ stores it; anything else (missing, garbage) means “show every level”. */
export const LEVEL_KEY = 'handbook:level';
export function parseLevel(value: unknown): Level | undefined {
	return typeof value === 'string' && (levels as readonly string[]).includes(value) ? (value as Level) : undefined;
}

/** One cell of the /rules/ table: a value spanning the neighbouring levels it covers, or a gap. */
export interface RuleCell<V> {
	levels: Level[];
	value?: V;
}

/**
 * The row of a rule in the table with one column per level: neighbouring levels that share a value become one cell
 * (县级以上地方 spans 省、设区的市、县); a level the rule does not define is an empty cell.
 */
export function ruleRow<V extends { levels: readonly Level[] }>(values: readonly V[]): RuleCell<V>[] {
	const cells: RuleCell<V>[] = [];
	for (const level of levels) {
		const value = values.find((v) => v.levels.includes(level));
		const last = cells.at(-1);
		if (last && last.value === value) last.levels.push(level);
		else cells.push({ levels: [level], value });
	}
	return cells;
}

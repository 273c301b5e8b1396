/**
 * The levels of people's congress a deputy can sit in, in the handbook's order (FACTS §11). `县` covers 县、自治县、
 * 不设区的市、市辖区; `设区的市` covers 自治州; `省` covers 自治区、直辖市; `乡镇` is 乡、民族乡、镇.
 * Kept free of Zod so that browser code (the level picker) can import it without the schema library.
 */
export const levels = ['全国', '省', '设区的市', '县', '乡镇'] as const;
export type Level = (typeof levels)[number];

/**
 * What deputies type into search, each with the page that must be among the first five results. Kinds: single
 * terms, phrases without spaces, plain-word questions, and other names for the same thing (synonyms).
 */
export interface RecallQuery {
	q: string;
	/** The page that must appear in the top 5: a site path such as /duties/guarantees/. */
	page: string;
	kind: 'term' | 'phrase' | 'question' | 'synonym';
}

export const recallQueries: RecallQuery[] = [
	// Single terms
	{ q: '言论免责', page: '/duties/guarantees/', kind: 'term' },
	{ q: '质询', page: '/duties/rights-inquiry/', kind: 'term' },
	{ q: '询问', page: '/duties/rights-inquiry/', kind: 'term' },
	{ q: '议案', page: '/duties/rights-motions/', kind: 'term' },
	{ q: '罢免', page: '/duties/tenure/', kind: 'term' },
	{ q: '辞职', page: '/duties/tenure/', kind: 'term' },
	{ q: '视察', page: '/duties/rights-recess/', kind: 'term' },
	{ q: '代表证', page: '/duties/rights-information/', kind: 'term' },
	{ q: '重点督办', page: '/suggestions/lifecycle/', kind: 'term' },
	{ q: '交办', page: '/suggestions/lifecycle/', kind: 'term' },
	{ q: '满意度', page: '/suggestions/follow-up/', kind: 'term' },
	{ q: '三问法则', page: '/method/ask/', kind: 'term' },
	{ q: '心愿墙', page: '/method/ask/', kind: 'term' },
	{ q: '民主协商会', page: '/method/ask/', kind: 'term' },
	{ q: '穿透式提问', page: '/method/ask/', kind: 'term' },
	{ q: '代表网格', page: '/method/listen/', kind: 'term' },
	{ q: '望远镜', page: '/method/observe/', kind: 'term' },
	{ q: '精准施策', page: '/method/act/', kind: 'term' },
	{ q: '预算', page: '/training/budget-review/', kind: 'term' },
	{ q: '决算', page: '/training/budget-review/', kind: 'term' },
	{ q: '审计整改', page: '/training/budget-review/', kind: 'term' },
	{ q: '国有资产', page: '/training/state-assets/', kind: 'term' },
	{ q: '食品安全', page: '/training/food-safety/', kind: 'term' },
	{ q: '小作坊', page: '/training/food-safety/', kind: 'term' },
	{ q: '诚信', page: '/training/integrity/', kind: 'term' },
	{ q: '中华民族共同体意识', page: '/training/ethnic-unity/', kind: 'term' },
	{ q: '代表团', page: '/training/congress-session/', kind: 'term' },
	{ q: '法定人数', page: '/training/congress-session/', kind: 'term' },
	{ q: '直接选举', page: '/training/system/', kind: 'term' },
	{ q: '常委会', page: '/training/system/', kind: 'term' },
	{ q: '专题询问', page: '/training/supervision-basics/', kind: 'term' },
	{ q: '执法检查', page: '/training/supervision-basics/', kind: 'term' },
	{ q: '备案审查', page: '/training/supervision-basics/', kind: 'term' },
	{ q: '代表小组', page: '/training/recess-work/', kind: 'term' },
	{ q: '列席', page: '/training/recess-work/', kind: 'term' },
	{ q: '保守国家秘密', page: '/duties/ob-law/', kind: 'term' },
	{ q: '请假', page: '/duties/ob-attend/', kind: 'term' },
	{ q: '廉洁自律', page: '/duties/ob-values/', kind: 'term' },
	{ q: '招标投标', page: '/duties/conduct/', kind: 'term' },
	{ q: '述职', page: '/duties/conduct/', kind: 'term' },
	{ q: '人身特别保护', page: '/duties/guarantees/', kind: 'term' },
	{ q: '活动经费', page: '/duties/guarantees/', kind: 'term' },
	{ q: '一事一议', page: '/suggestions/writing/', kind: 'term' },
	{ q: '主席团', page: '/glossary/', kind: 'term' },
	// Phrases with no spaces
	{ q: '联系群众', page: '/duties/ob-contact/', kind: 'phrase' },
	{ q: '建议多久答复', page: '/suggestions/lifecycle/', kind: 'phrase' },
	{ q: '议案和建议的区别', page: '/training/motions-suggestions/', kind: 'phrase' },
	{ q: '审议发言', page: '/training/deliberation-speech/', kind: 'phrase' },
	{ q: '调查研究', page: '/training/research-methods/', kind: 'phrase' },
	{ q: '接待群众', page: '/training/contact-people/', kind: 'phrase' },
	{ q: '八项义务', page: '/duties/overview/', kind: 'phrase' },
	{ q: '八项权利', page: '/duties/overview/', kind: 'phrase' },
	{ q: '闭会期间履职', page: '/training/recess-work/', kind: 'phrase' },
	{ q: '暂停执行代表职务', page: '/duties/tenure/', kind: 'phrase' },
	{ q: '干预司法案件', page: '/duties/conduct/', kind: 'phrase' },
	{ q: '联名提出议案', page: '/duties/rights-motions/', kind: 'phrase' },
	{ q: '人代会怎么开', page: '/training/congress-session/', kind: 'phrase' },
	// Questions in plain words
	{ q: '代表能不能被逮捕', page: '/duties/guarantees/', kind: 'question' },
	{ q: '开会发言会被追究吗', page: '/duties/guarantees/', kind: 'question' },
	{ q: '怎样写好一件建议', page: '/suggestions/writing/', kind: 'question' },
	{ q: '对答复不满意怎么办', page: '/suggestions/follow-up/', kind: 'question' },
	{ q: '质询案要多少代表联名', page: '/duties/rights-inquiry/', kind: 'question' },
	{ q: '怎么向选民报告履职', page: '/duties/conduct/', kind: 'question' },
	{ q: '代表任期几年', page: '/training/system/', kind: 'question' },
	// Other names for the same thing
	{ q: '代表联络站', page: '/training/contact-people/', kind: 'synonym' },
	{ q: '代表之家', page: '/training/contact-people/', kind: 'synonym' },
	{ q: '联络站', page: '/glossary/', kind: 'synonym' },
	{ q: '人大会议', page: '/training/congress-session/', kind: 'synonym' },
];

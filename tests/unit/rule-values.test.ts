/**
 * Pins the rule values the handbook once got wrong or stated only in their 县级以上 form (reviews of the content
 * against the law texts), so that an edit of content/rules.yaml cannot silently bring one back. Each line: rule,
 * level, the words the value must carry, words it must not, and the article it must cite.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/content-source';
import type { Level } from '../../src/lib/levels';

const { model, problems } = loadContent('content');
const rules = new Map(model.rules.map((r) => [r.data.id, r.data]));

type Pin = [rule: string, level: Level, has: string[], hasNot: string[], cites: string];
const pins: Pin[] = [
	['inquiry-reanswer', '乡镇', ['半数以上'], ['过半数'], 'daibiaofa 第20条第五款'],
	['inquiry-reanswer', '全国', ['半数以上'], ['过半数'], 'daibiaofa 第20条第五款'],
	['motion-cosign', '全国', ['一个代表团', '三十名以上'], [], 'quanguo-zuzhifa 第17条'],
	['motion-cosign', '县', ['十名以上'], [], 'difang-zuzhifa 第22条第二款'],
	['motion-cosign', '乡镇', ['五名以上'], [], 'difang-zuzhifa 第22条第二款'],
	['inquiry-cosign', '县', ['会议期间', '十名以上', '本级人民政府', '监察委员会', '人民法院', '人民检察院'], [], 'difang-zuzhifa 第24条第一款'],
	['inquiry-cosign', '乡镇', ['会议期间', '十名以上', '只能质询本级人民政府'], ['法院', '检察院', '监察'], 'difang-zuzhifa 第24条第一款'],
	['session-frequency', '县', ['每年至少一次'], [], 'difang-zuzhifa 第14条第一款'],
	['session-frequency', '乡镇', ['一般每年两次'], [], 'difang-zuzhifa 第14条第一款'],
	['quorum', '乡镇', ['三分之二以上'], [], 'difang-zuzhifa 第14条第四款'],
	['passing', '县', ['全体代表的过半数'], [], 'difang-zuzhifa 第25条'],
	['special-session', '乡镇', ['主席团', '五分之一以上'], ['常委会认为'], 'difang-zuzhifa 第14条第三款'],
	['special-investigation', '乡镇', ['不设'], [], 'difang-zuzhifa 第36条第一款'],
	['special-investigation', '县', ['十分之一以上'], [], 'difang-zuzhifa 第36条第二款'],
	['supervision-recess', '乡镇', ['主席团'], ['常委会'], 'difang-zuzhifa 第19条第二款'],
	['candidate-nomination', '省', ['三十名以上'], [], 'difang-zuzhifa 第26条第二款'],
	['candidate-nomination', '设区的市', ['二十名以上'], [], 'difang-zuzhifa 第26条第二款'],
	['candidate-nomination', '县', ['十名以上'], [], 'difang-zuzhifa 第26条第二款'],
	['candidate-nomination', '乡镇', ['十名以上'], [], 'difang-zuzhifa 第26条第二款'],
	['recall-officials', '县', ['十分之一以上'], [], 'difang-zuzhifa 第31条第一款'],
	['recall-officials', '乡镇', ['主席团', '五分之一以上'], ['常委会'], 'difang-zuzhifa 第31条第二款'],
	['recall-deputy', '县', ['选民五十名以上'], [], 'xuanjufa 第50条第一款'],
	['recall-deputy', '乡镇', ['选民三十名以上'], [], 'xuanjufa 第50条第一款'],
	['suggestion-to-session', '乡镇', ['本级人民代表大会'], [], 'daibiaofa 第24条'],
	['suggestion-to-recess', '县', ['常委会'], [], 'daibiaofa 第36条'],
	['suggestion-to-recess', '乡镇', ['主席团'], ['常委会', '县'], 'daibiaofa 第36条'],
	['suggestion-reply-deadline', '乡镇', ['自交办之日起三个月内', '六个月内'], ['书面'], 'daibiaofa 第51条第二款'],
	['suggestion-report', '县', ['常委会', '下一次人民代表大会'], [], 'daibiaofa 第51条第三款'],
	['suggestion-report', '乡镇', ['乡镇人民代表大会'], ['常委会'], 'daibiaofa 第51条第三款'],
	['suggestion-key', '县', ['主任会议'], [], 'daibiaofa 第52条第二款'],
	['recess-organiser', '县', ['常委会'], [], 'daibiaofa 第25条第一款'],
	['recess-organiser', '乡镇', ['主席、副主席', '主席团'], ['常委会'], 'daibiaofa 第25条第三款'],
	['contact-organiser', '乡镇', ['主席团', '就地就近'], [], 'daibiaofa 第28条'],
	['inspection', '乡镇', ['主席团安排'], [], 'daibiaofa 第29条第一款'],
	['attend-meetings', '乡镇', ['主席团组织的执法检查'], [], 'daibiaofa 第33条第二款'],
	['attend-township-congress', '县', ['原选区所在的乡镇人民代表大会'], [], 'daibiaofa 第34条第二款'],
	['training', '乡镇', ['应当参加'], [], 'daibiaofa 第47条第三款'],
	['arrest-protection', '县', ['许可', '不受逮捕或者刑事审判'], [], 'daibiaofa 第39条第一款'],
	['arrest-protection', '乡镇', ['不需经许可', '立即报告'], [], 'daibiaofa 第39条第四款'],
	['time-off', '县', ['闭会期间'], [], 'daibiaofa 第40条'],
	['deputy-card', '乡镇', ['人民代表大会'], ['常委会'], 'daibiaofa 第49条'],
	['absence-leave', '乡镇', ['未经批准两次不出席', '资格终止'], [], 'daibiaofa 第62条第三项'],
	['resignation', '乡镇', ['乡镇人民代表大会'], ['常委会'], 'xuanjufa 第55条第二款'],
	['resignation', '县', ['县级人大常委会'], [], 'xuanjufa 第55条第二款'],
	['budget-approval', '乡镇', ['乡镇人民代表大会'], [], 'yusuanfa 第21条第三款'],
	['final-accounts', '县', ['常委会'], [], 'yusuanfa 第21条第二款'],
	['final-accounts', '乡镇', ['乡镇人民代表大会'], ['常委会'], 'yusuanfa 第21条第三款'],
	['budget-adjustment', '县', ['常委会'], [], 'yusuanfa 第21条第二款'],
	['budget-adjustment', '乡镇', ['乡镇人民代表大会'], ['常委会'], 'yusuanfa 第21条第三款'],
];

describe('the rule table', () => {
	it('loads without problems', () => {
		expect(problems.filter((p) => p.file.endsWith('rules.yaml') || p.file.endsWith('laws.yaml'))).toEqual([]);
	});

	for (const [id, level, has, hasNot, cites] of pins) {
		it(`${id} for ${level}: ${has.join('、')}`, () => {
			const rule = rules.get(id);
			expect(rule, `rule ${id}`).toBeDefined();
			const value = rule!.values.find((v) => v.levels.includes(level));
			expect(value, `${id} has no value for ${level}`).toBeDefined();
			for (const words of has) expect(value!.value).toContain(words);
			for (const words of hasNot) expect(value!.value).not.toContain(words);
			expect(`${value!.law} ${value!.article}`).toBe(cites);
		});
	}

	it('has a 乡镇 value for every rule that names an organ, a threshold or a limit at 县 level', () => {
		const missing = [...rules.values()]
			.filter((r) => r.values.some((v) => v.levels.includes('县')) && !r.values.some((v) => v.levels.includes('乡镇')))
			.map((r) => r.id);
		// Rules that by law concern 县 deputies only.
		expect(missing).toEqual(['attend-township-congress']);
	});
});

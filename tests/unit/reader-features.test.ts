/**
 * The reader features' logic: 长辈模式's stored choice against the system setting, the in-app browser detector on
 * real user agents, the pre-paint script (src/scripts/prefs.js, run here as the browser would), choosing a Chinese
 * voice, and read-aloud's paragraph order and controls against a fake speech engine.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ELDER_KEY, elderChoiceFor, elderOn, parseElderChoice } from '../../src/lib/elder-mode';
import { IN_APP_HINT_KEY, IN_APP_PATTERN, inAppBrowser } from '../../src/lib/in-app';
import { Reader, type Speech, speakable } from '../../src/lib/read-aloud';
import { chineseVoice } from '../../src/lib/voices';

/** User agents as the apps and browsers send them. */
const inApp: [string, string][] = [
	[
		'微信',
		'Mozilla/5.0 (Linux; Android 10; V1824A Build/QP1A.190711.020; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 MMWEBID/4701 MicroMessenger/8.0.28.2240(0x28001C57) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
	],
	[
		'微信',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 16_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.30(0x18001e2f) NetType/WIFI Language/zh_CN',
	],
	[
		'微信',
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/98.0.4758.102 Safari/537.36 MicroMessenger/6.8.0(0x16080000) NetType/WIFI MiniProgramEnv/Mac MacWechat/WMPF XWEB/30817',
	],
	[
		'企业微信',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)  Mobile/15E148 wxwork/3.1.16 MicroMessenger/7.0.1 Language/zh ColorScheme/Dark',
	],
	[
		'企业微信',
		'Mozilla/5.0 (Linux; Android 9.0; BKL-AL20 Build/HUAWEIBKL-AL20; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/57.0.2987.132 MQQBrowser/6.2 TBS/044409 Mobile Safari/537.36 wxwork/2.7.2 MicroMessenger/6.3.22 NetType/WIFI Language/zh',
	],
	[
		'QQ',
		'Mozilla/5.0 (Linux; Android 10; PCT-AL10 Build/HUAWEIPCT-AL10; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/89.0.4389.72 MQQBrowser/6.2 TBS/046011 Mobile Safari/537.36 V1_AND_SQ_8.8.50_2324_YYB_D A_8085000 QQ/8.8.50.6735 NetType/WIFI WebP/0.3.0 Pixel/1080 StatusBarHeight/96 SimpleUISwitch/0 QQTheme/1000 InMagicWin/0 StudyMode/0',
	],
	[
		'QQ',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 14_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 QQ/8.4.10.649 V1_IPH_SQ_8.4.10_1_APP_A Pixel/1170 MiniAppEnable SimpleUISwitch/0 StudyMode/0 QQTheme/1000 Core/WKWebView Device/Apple(iPhone 12) NetType/WIFI QBWebViewType/1 WKType/1',
	],
	[
		'钉钉',
		'Mozilla/5.0 (Linux; Android 11; Pixel 4 XL Build/RQ3A.210705.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/83.0.4103.106 Mobile Safari/537.36 AliApp(DingTalk/5.1.5) com.alibaba.android.rimet/13534898 Channel/212200 language/zh-CN UT4Aplus/0.2.25 colorScheme/light',
	],
	[
		'钉钉',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 15_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/6.5.10) com.laiwang.DingTalk/25216143 Channel/201200 language/zh-Hans-CN UT4Aplus/0.0.6 WK',
	],
	[
		'学习强国',
		'Mozilla/5.0 (Linux; U; Android 10; zh-CN; Redmi K20 Pro Premium Edition Build/QKQ1.190716.003) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/57.0.2987.108 UCBrowser/11.9.4.974 UWS/2.13.2.96 Mobile Safari/537.36 AliApp(DingTalk/4.5.15) cn.xuexi.android/12446789 Channel/700169 language/zh-CN Device/XueXi XueXi/2.8.0',
	],
	[
		'支付宝',
		'Mozilla/5.0 (Linux; U; Android 10; zh-CN; V1981A Build/QP1A.190711.020) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.1.233 Mobile Safari/537.36 AliApp(AP/10.2.96.8000) AlipayClient/10.2.96.8000 Language/zh-Hans useStatusBar/true isConcaveScreen/true Region/CN NebulaX/1.0.0 Ariver/1.0.0',
	],
	['淘宝', 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(TB/10.3.10) WindVane/8.5.0 1170x2532 UT4Aplus/0.2.29'],
	['微博', 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone12,1__weibo__12.1.0__iphone__os15.0)'],
	[
		'飞书',
		'Mozilla/5.0 (Linux; Android 12; M2102K1C Build/SKQ1.211006.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/97.0.4692.98 Mobile Safari/537.36 Lark/5.10.5 LarkLocale/zh_CN ChannelName/Feishu TTWebView/0971110033510',
	],
	[
		'抖音',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 aweme_23.5.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/zh Region/CN AppTheme/light BytedanceWebview/d8a21c6',
	],
	[
		'今日头条',
		'Mozilla/5.0 (Linux; Android 11; PEGM00 Build/RKQ1.200903.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/90.0.4430.91 Mobile Safari/537.36 JsSdk/2 NewsArticle/8.8.6 NetType/wifi',
	],
	[
		'百度',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 15_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 SP-engine/2.50.0 main%2F1.0 baiduboxapp/13.10.0.10 (Baidu; P2 15.4) NABar/1.0',
	],
];
const browsers = [
	'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
	'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
	// QQ浏览器, UC, 夸克, 华为、小米、vivo 的浏览器, 百度浏览器, 360: real browsers, even where their makers also make apps.
	'Mozilla/5.0 (Linux; U; Android 11; zh-cn; PDEM10 Build/RKQ1.200903.002) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/87.0.4280.141 MQQBrowser/11.9 Mobile Safari/537.36 COVC/045730',
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.71 Safari/537.36 Core/1.94.197.400 QQBrowser/11.7.5287.400',
	'Mozilla/5.0 (Linux; U; Android 12; zh-CN; V2183A Build/SP1A.210812.003) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/15.3.6.1221 Mobile Safari/537.36',
	'Mozilla/5.0 (Linux; U; Android 12; zh-CN; M2012K11AC Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 Quark/6.2.5.246 Mobile Safari/537.36',
	'Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.11.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.0.322 Mobile Safari/537.36',
	'Mozilla/5.0 (Linux; U; Android 12; zh-cn; M2102K1C Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.127 Mobile Safari/537.36 XiaoMi/MiuiBrowser/17.5.80427',
	'Mozilla/5.0 (Linux; Android 12; V2171A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/87.0.4280.141 Mobile Safari/537.36 VivoBrowser/13.6.10.0',
	'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.125 Safari/537.36 QIHU 360SE',
];

describe('长辈模式', () => {
	it('follows the stored choice, else the system setting; garbage is no choice', () => {
		expect(elderOn('on', false)).toBe(true);
		expect(elderOn('off', true)).toBe(false);
		expect(elderOn(null, true)).toBe(true);
		expect(elderOn(null, false)).toBe(false);
		for (const junk of ['', 'true', '1', '{"on":1}', 'ON', undefined, 42]) {
			expect(parseElderChoice(junk)).toBeUndefined();
			expect(elderOn(junk, false)).toBe(false);
			expect(elderOn(junk, true)).toBe(true);
		}
	});
	it('stores a choice only where it differs from the system setting', () => {
		expect(elderChoiceFor(true, false)).toBe('on');
		expect(elderChoiceFor(false, true)).toBe('off');
		expect(elderChoiceFor(true, true)).toBeNull();
		expect(elderChoiceFor(false, false)).toBeNull();
	});
});

describe('in-app browser', () => {
	it.each(inApp)('recognises %s', (name, ua) => {
		expect(inAppBrowser(ua)).toBe(name);
		expect(IN_APP_PATTERN.test(ua)).toBe(true);
	});
	it.each(browsers)('leaves a real browser alone: %s', (ua) => {
		expect(inAppBrowser(ua)).toBeNull();
		expect(IN_APP_PATTERN.test(ua)).toBe(false);
	});
});

describe('the pre-paint script (prefs.js)', () => {
	const source = readFileSync('src/scripts/prefs.js', 'utf8');
	/** Runs prefs.js against a fake document, storage and media query; returns <html>'s attributes. */
	const run = (opts: { items?: Record<string, string>; blocked?: boolean; contrast?: boolean; ua?: string; noMatchMedia?: boolean }) => {
		const attrs: Record<string, string> = {};
		const localStorage = {
			getItem(k: string) {
				if (opts.blocked) throw new Error('SecurityError');
				return opts.items?.[k] ?? null;
			},
		};
		const window = {
			get localStorage() {
				if (opts.blocked) throw new Error('SecurityError');
				return localStorage;
			},
			matchMedia: opts.noMatchMedia ? undefined : (q: string) => ({ matches: q === '(prefers-contrast: more)' && !!opts.contrast }),
		};
		const document = { documentElement: { setAttribute: (k: string, v: string) => (attrs[k] = v) } };
		runInNewContext(source, { window, document, navigator: { userAgent: opts.ua ?? browsers[0] } });
		return attrs;
	};

	it('repeats the in-app pattern of src/lib/in-app.ts', () => {
		expect(source).toContain(`/${IN_APP_PATTERN.source}/i`);
	});
	it('applies 长辈模式 from storage or the system setting, ignoring garbage', () => {
		expect(run({ items: { [ELDER_KEY]: 'on' } })).toHaveProperty('data-elder');
		expect(run({ contrast: true })).toHaveProperty('data-elder');
		expect(run({ items: { [ELDER_KEY]: 'off' }, contrast: true })).not.toHaveProperty('data-elder');
		expect(run({ items: { [ELDER_KEY]: '{"broken"' } })).not.toHaveProperty('data-elder');
		expect(run({ items: { [ELDER_KEY]: '{"broken"' }, contrast: true })).toHaveProperty('data-elder');
		// Storage blocked: the system setting still counts; no matchMedia: nothing breaks.
		expect(run({ blocked: true, contrast: true })).toHaveProperty('data-elder');
		expect(run({ items: { [ELDER_KEY]: 'on' }, noMatchMedia: true })).toHaveProperty('data-elder');
	});
	it('keeps the other choices working alongside', () => {
		const a = run({ items: { 'handbook:textsize': 'xlarge', 'handbook:level': '县', [ELDER_KEY]: 'on' } });
		expect(a).toEqual({ 'data-textsize': 'xlarge', 'data-level': '县', 'data-elder': '' });
	});
	it('flags an in-app browser unless the hint was dismissed', () => {
		for (const [, ua] of inApp) expect(run({ ua })).toHaveProperty('data-inapp');
		for (const ua of browsers) expect(run({ ua })).not.toHaveProperty('data-inapp');
		expect(run({ ua: inApp[0][1], items: { [IN_APP_HINT_KEY]: 'hidden' } })).not.toHaveProperty('data-inapp');
		expect(run({ ua: inApp[0][1], items: { [IN_APP_HINT_KEY]: 'whatever' } })).toHaveProperty('data-inapp');
		expect(run({ ua: inApp[0][1], blocked: true })).toHaveProperty('data-inapp');
	});
});

describe('Chinese voice', () => {
	const v = (lang: string, extra: object = {}) => ({ lang, name: lang, ...extra });
	it('prefers mainland Mandarin, then any Chinese; none is none', () => {
		expect(chineseVoice([v('en-US'), v('zh-TW'), v('zh-CN'), v('zh-HK')])?.lang).toBe('zh-CN');
		expect(chineseVoice([v('en-US'), v('zh_CN')])?.lang).toBe('zh_CN'); // older Android
		expect(chineseVoice([v('cmn-Hans-CN')])?.lang).toBe('cmn-Hans-CN');
		expect(chineseVoice([v('en-US'), v('zh-HK')])?.lang).toBe('zh-HK');
		expect(chineseVoice([v('en-US'), v('en-GB', { default: true })])).toBeUndefined();
		expect(chineseVoice([])).toBeUndefined();
	});
	it('takes the system default among equals', () => {
		const voices = [v('zh-CN', { name: 'a' }), v('zh-CN', { name: 'b', default: true })];
		expect(chineseVoice(voices)?.name).toBe('b');
	});
});

describe('read aloud', () => {
	/** A speech engine that records what it is asked to say and finishes an utterance when told to. */
	const engine = () => {
		const said: string[] = [];
		let pending: { done: () => void; failed: (e: string) => void } | undefined;
		const speech: Speech = {
			speak(text, done, failed) {
				said.push(text);
				pending = { done, failed };
			},
			cancel() {
				const p = pending;
				pending = undefined;
				p?.failed('interrupted'); // as Chrome does
				p?.done(); // and as Safari does
			},
		};
		return { said, speech, finish: () => pending?.done(), fail: (e: string) => pending?.failed(e) };
	};

	it('reads paragraph by paragraph to the end, then stops', () => {
		const e = engine();
		const seen: string[] = [];
		const r = new Reader(['一', '二', '三'], e.speech, (x) => seen.push(`${x.state}:${x.index}`));
		r.play();
		e.finish();
		e.finish();
		e.finish();
		expect(e.said).toEqual(['一', '二', '三']);
		expect(seen).toEqual(['reading:0', 'reading:1', 'reading:2', 'stopped:2']);
		expect(r.state).toBe('stopped');
	});
	it('starts where asked, pauses, resumes with the same paragraph, stops', () => {
		const e = engine();
		const r = new Reader(['一', '二', '三'], e.speech, () => {});
		r.play(1);
		r.pause();
		expect(r.state).toBe('paused');
		e.finish(); // a late end of the cancelled utterance changes nothing
		expect(r.index).toBe(1);
		r.resume();
		expect(e.said).toEqual(['二', '二']);
		e.finish();
		expect(e.said).toEqual(['二', '二', '三']);
		r.stop();
		e.finish();
		expect(e.said).toEqual(['二', '二', '三']);
		expect(r.state).toBe('stopped');
	});
	it('jumps to another paragraph without the old one carrying on', () => {
		const e = engine();
		const r = new Reader(['一', '二', '三', '四'], e.speech, () => {});
		r.play(0);
		r.play(2);
		e.finish();
		expect(e.said).toEqual(['一', '三', '四']);
	});
	it('stops and says why when the engine fails', () => {
		const e = engine();
		const errors: (string | undefined)[] = [];
		const r = new Reader(['一', '二'], e.speech, (_, err) => errors.push(err));
		r.play();
		e.fail('synthesis-failed');
		expect(r.state).toBe('stopped');
		expect(errors.at(-1)).toBe('synthesis-failed');
	});
	it('collapses white space', () => {
		expect(speakable('  代表\n\t依法\u00a0履职 ')).toBe('代表 依法 履职');
	});
});

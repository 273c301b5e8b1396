/**
 * Is the handbook open inside an app's own browser (WeChat, QQ, DingTalk …)? There it cannot be kept for offline
 * use or added to the home screen, and storage may be wiped with the app's cache, so the page suggests opening it in
 * the system browser. Detected from the user agent the apps add their name to. The standalone browsers built by
 * the same companies (QQ浏览器 “MQQBrowser”, UC, Quark, 百度浏览器) are real browsers and do not match.
 * src/scripts/prefs.js repeats IN_APP_PATTERN to show the hint before paint; a unit test keeps the two in step.
 */
const apps: [RegExp, string][] = [
	[/wxwork\//i, '企业微信'], // 企业微信 also says MicroMessenger
	[/MicroMessenger\//i, '微信'],
	[/XueXi\//, '学习强国'], // says AliApp(DingTalk/…) too
	[/DingTalk/i, '钉钉'],
	[/(?:^|\s)QQ\/\d/, 'QQ'], // the QQ app; not MQQBrowser/QQBrowser
	[/AlipayClient|AliApp\(AP\//i, '支付宝'],
	[/AliApp\(TB\//i, '淘宝'],
	[/Weibo/i, '微博'],
	[/Lark\/|Feishu/i, '飞书'],
	[/aweme/i, '抖音'],
	[/NewsArticle\//, '今日头条'],
	[/baiduboxapp\//i, '百度'],
];

/** One expression for all of them (prefs.js has a copy). */
export const IN_APP_PATTERN = /wxwork\/|MicroMessenger\/|XueXi\/|DingTalk|(?:^|\s)QQ\/\d|AlipayClient|AliApp\((?:AP|TB)\/|Weibo|Lark\/|Feishu|aweme|NewsArticle\/|baiduboxapp\//i;

/** The app's name (微信, QQ …) when `ua` is an in-app browser's, else null. */
export function inAppBrowser(ua: string): string | null {
	return apps.find(([re]) => re.test(ua))?.[1] ?? null;
}

/** localStorage key; 'hidden' once the reader has dismissed the hint. */
export const IN_APP_HINT_KEY = 'handbook:inapp-hint';

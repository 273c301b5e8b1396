// Applies the reader's choices before paint: 大字, 长辈模式 (src/lib/elder-mode.ts), the level (/start/), and the
// in-app browser hint (src/lib/in-app.ts). Missing or blocked storage, or unknown values, leave the defaults.
(function () {
	var root = document.documentElement;
	var elder = null;
	var hint = null;
	try {
		var size = window.localStorage.getItem('handbook:textsize');
		if (size === 'large' || size === 'xlarge') root.setAttribute('data-textsize', size);
		var level = window.localStorage.getItem('handbook:level');
		if (['全国', '省', '设区的市', '县', '乡镇'].indexOf(level) >= 0) root.setAttribute('data-level', level);
		elder = window.localStorage.getItem('handbook:elder');
		hint = window.localStorage.getItem('handbook:inapp-hint');
	} catch (e) {
		/* defaults */
	}
	try {
		var more = window.matchMedia && window.matchMedia('(prefers-contrast: more)').matches;
		if (elder === 'on' || (elder !== 'off' && more)) root.setAttribute('data-elder', '');
		var inApp = /wxwork\/|MicroMessenger\/|XueXi\/|DingTalk|(?:^|\s)QQ\/\d|AlipayClient|AliApp\((?:AP|TB)\/|Weibo|Lark\/|Feishu|aweme|NewsArticle\/|baiduboxapp\//i;
		if (hint !== 'hidden' && inApp.test(navigator.userAgent)) root.setAttribute('data-inapp', '');
	} catch (e) {
		/* defaults */
	}
})();

// Applies the reader's choices before the page paints (a deferred module would flash the defaults): the text size
// (大字) and the level of people's congress the reader sits in (/start/), which decides the rule a page leads with.
// Storage may be missing or blocked, or hold anything; any failure or unknown value leaves the default.
(function () {
	var root = document.documentElement;
	try {
		var size = window.localStorage.getItem('handbook:textsize');
		if (size === 'large' || size === 'xlarge') root.setAttribute('data-textsize', size);
		var level = window.localStorage.getItem('handbook:level');
		if (['全国', '省', '设区的市', '县', '乡镇'].indexOf(level) >= 0) root.setAttribute('data-level', level);
	} catch (e) {
		/* storage unavailable: defaults */
	}
})();

// Applies the reader's text size before the page paints (a deferred module would flash the default size).
// Storage may be missing or blocked; any failure leaves the default size.
(function () {
	try {
		var v = window.localStorage.getItem('handbook:textsize');
		if (v === 'large' || v === 'xlarge') document.documentElement.setAttribute('data-textsize', v);
	} catch (e) {
		/* storage unavailable: default size */
	}
})();

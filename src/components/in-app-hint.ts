/** The in-app browser hint (InAppHint.astro): names the app and hides the hint for good when the reader says 知道了. */
import { IN_APP_HINT_KEY, inAppBrowser } from '../lib/in-app';

const hint = document.querySelector<HTMLElement>('.inapp-hint');
if (hint) {
	const app = inAppBrowser(navigator.userAgent);
	if (app) hint.querySelector('[data-app]')!.textContent = app;
	hint.querySelector('[data-dismiss]')!.addEventListener('click', () => {
		document.documentElement.removeAttribute('data-inapp');
		try {
			localStorage.setItem(IN_APP_HINT_KEY, 'hidden');
		} catch {
			// Storage blocked: hidden on this page only.
		}
	});
}

/**
 * Everything a page must not do while the tests drive it: console errors or warnings, uncaught errors, failed
 * requests, HTTP errors, Content-Security-Policy violations, and requests to any origin but the site's own.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

const CSP_REPORTER = `addEventListener('securitypolicyviolation', (e) => {
	console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

/** Installs the CSP listener in every page of the context (before any page script runs). */
export async function reportCsp(context: BrowserContext) {
	await context.addInitScript(CSP_REPORTER);
}

export function watch(page: Page, options: { allowStatus?: number[] } = {}): string[] {
	const problems: string[] = [];
	const origin = () => new URL(page.url()).origin;
	page.on('console', (m) => {
		if (m.type() !== 'error' && m.type() !== 'warning') return;
		// The browser also logs an expected HTTP error status (a 404 page, say) to the console.
		const status = /status of (\d{3})/.exec(m.text());
		if (status && (options.allowStatus ?? []).includes(Number(status[1]))) return;
		problems.push(`console ${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (u.protocol === 'data:' || u.protocol === 'blob:') return;
		if (page.url() !== 'about:blank' && u.origin !== origin()) problems.push(`request off the site: ${r.url()}`);
	});
	page.on('requestfailed', (r) => {
		// A navigation cancels what the previous page still had in flight (its favicon, say): not a failure.
		if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
	});
	page.on('response', (r) => {
		if (r.status() >= 400 && !(options.allowStatus ?? []).includes(r.status())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
	});
	return problems;
}

/** A new browser context that reports CSP violations to the console (which `watch` collects). */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	await reportCsp(context);
	return context;
}

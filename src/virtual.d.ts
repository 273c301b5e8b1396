/** Modules the handbook integration (src/integrations/handbook.ts) gives the pages. */
declare module 'virtual:handbook/edition' {
	/** A fingerprint of every file under the content folder (the “内容版本” on /about/); empty outside builds. */
	export const contentVersion: string;
}

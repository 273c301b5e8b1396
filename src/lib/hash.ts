/**
 * A small, stable, non-cryptographic hash (two FNV-1a 32-bit passes with different seeds → 16 hex digits).
 * Used to fingerprint a quiz's questions and answers, to check an exported progress file for tampering, and to
 * derive the completion record's comparison code. It is not a security measure: the record is a self-check.
 */
export function hash(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A short code for reading aloud or comparing on paper: 8 characters from an unambiguous alphabet. */
export function shortCode(text: string): string {
	const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
	let h = BigInt(`0x${hash(text)}`);
	let out = '';
	for (let i = 0; i < 8; i++) {
		out += alphabet[Number(h % 31n)];
		h /= 31n;
	}
	return `${out.slice(0, 4)}-${out.slice(4)}`;
}

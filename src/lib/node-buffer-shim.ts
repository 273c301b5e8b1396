/**
 * csv-stringify's module build (`csv-stringify/sync`) is written for Node: when it loads it makes its byte-order
 * mark with `Buffer.from`, and it asks `Buffer.isBuffer` of each option. A browser has no `Buffer`, so the module
 * failed to load there. Its browser build brings a whole Buffer and stream polyfill (18 kB gzipped); the class
 * table needs neither (it writes its own BOM and passes strings only), so this gives the two calls what they need
 * when there is no Buffer, and leaves Node's alone. Imported by class-table.ts before csv-stringify.
 */
const g = globalThis as { Buffer?: unknown };
g.Buffer ??= {
	from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes),
	isBuffer: () => false,
};
export {};

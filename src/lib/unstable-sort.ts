/**
 * Sorts an array into exactly the order Rust's `slice::sort_unstable_by` gives it (ipnsort, Rust 1.81 and later),
 * including the order of equal elements, for element types whose small-slice sort is stable (types that are not
 * Copy, have no interior mutability and are at most 85 bytes, such as Pagefind's word locations).
 *
 * Why: Pagefind sorts a page's matched word locations with that sort and, where two index words share a location
 * (a compound word and its first part), scores whichever comes first. The offline edition must pick the same one
 * to rank pages as the online search does. The algorithm is the published one: insertion sort up to 20 elements;
 * otherwise an already sorted or strictly descending input is kept (reversed); otherwise quicksort with a
 * pseudo-median pivot, a branchless cyclic Lomuto partition, stable small sorts up to 32 elements, equal-element
 * partitions after a repeated pivot, and heapsort after too many unbalanced partitions (the one path the rustc-made
 * test fixture does not reach).
 */

type Less<T> = (a: T, b: T) => boolean;

/** Stable insertion sort of v[lo, hi). Any stable sort gives the same order; this one is short. */
function insertionSort<T>(v: T[], lo: number, hi: number, less: Less<T>): void {
	for (let i = lo + 1; i < hi; i++) {
		const x = v[i];
		let j = i;
		while (j > lo && less(x, v[j - 1])) {
			v[j] = v[j - 1];
			j -= 1;
		}
		v[j] = x;
	}
}

function swap<T>(v: T[], i: number, j: number): void {
	const t = v[i];
	v[i] = v[j];
	v[j] = t;
}

function median3<T>(v: T[], a: number, b: number, c: number, less: Less<T>): number {
	const ab = less(v[a], v[b]);
	const ac = less(v[a], v[c]);
	if (ab !== ac) return a;
	return less(v[b], v[c]) !== ab ? c : b;
}

/** Median of three samples, each itself a median of three when the region is large (a ninther, recursively). */
function pseudoMedian<T>(v: T[], a: number, b: number, c: number, n: number, less: Less<T>): number {
	if (n * 8 >= 64) {
		const step = Math.floor(n / 8);
		a = pseudoMedian(v, a, a + step * 4, a + step * 7, step, less);
		b = pseudoMedian(v, b, b + step * 4, b + step * 7, step, less);
		c = pseudoMedian(v, c, c + step * 4, c + step * 7, step, less);
	}
	return median3(v, a, b, c, less);
}

function choosePivot<T>(v: T[], lo: number, len: number, less: Less<T>): number {
	const eighth = Math.floor(len / 8);
	const [a, b, c] = [lo, lo + eighth * 4, lo + eighth * 7];
	return len < 64 ? median3(v, a, b, c, less) : pseudoMedian(v, a, b, c, eighth, less);
}

/**
 * Moves the elements of v[lo, hi) that are `less` than v[pivot] to the front, the pivot right after them, and
 * returns how many there are. The pass after the pivot is a Lomuto scan that moves elements through one gap,
 * starting with the first element held aside and placed last.
 */
function partition<T>(v: T[], lo: number, hi: number, pivotAt: number, less: Less<T>): number {
	swap(v, lo, pivotAt);
	const pivot = v[lo];
	const base = lo + 1;
	if (hi - base === 0) return 0;
	const held = v[base];
	let gap = base;
	let lt = 0;
	const place = (x: T, from: number) => {
		const isLess = less(x, pivot);
		v[gap] = v[base + lt];
		v[base + lt] = x;
		gap = from;
		if (isLess) lt += 1;
	};
	for (let r = base + 1; r < hi; r++) place(v[r], r);
	place(held, -1);
	swap(v, lo, lo + lt);
	return lt;
}

function heapsort<T>(v: T[], lo: number, hi: number, less: Less<T>): void {
	const len = hi - lo;
	for (let i = len + Math.floor(len / 2) - 1; i >= 0; i--) {
		let node = 0;
		if (i >= len) node = i - len;
		else swap(v, lo, lo + i);
		const end = Math.min(i, len);
		for (;;) {
			let child = 2 * node + 1;
			if (child >= end) break;
			if (child + 1 < end && less(v[lo + child], v[lo + child + 1])) child += 1;
			if (!less(v[lo + node], v[lo + child])) break;
			swap(v, lo + node, lo + child);
			node = child;
		}
	}
}

function quicksort<T>(v: T[], lo: number, hi: number, ancestor: { value: T } | undefined, limit: number, less: Less<T>): void {
	for (;;) {
		if (hi - lo <= 32) {
			insertionSort(v, lo, hi, less);
			return;
		}
		if (limit === 0) {
			heapsort(v, lo, hi, less);
			return;
		}
		limit -= 1;
		const pivotAt = choosePivot(v, lo, hi - lo, less);
		// A pivot no greater than the previous pivot is the smallest value here: split off everything equal to it.
		if (ancestor && !less(ancestor.value, v[pivotAt])) {
			const equal = partition(v, lo, hi, pivotAt, (a, b) => !less(b, a));
			lo += equal + 1;
			ancestor = undefined;
			continue;
		}
		const lt = partition(v, lo, hi, pivotAt, less);
		quicksort(v, lo, lo + lt, ancestor, limit, less);
		ancestor = { value: v[lo + lt] };
		lo += lt + 1;
	}
}

/** Sorts `v` in place as Rust's `sort_unstable_by(|a, b| …)` with this strict order would. */
export function sortUnstable<T>(v: T[], less: Less<T>): T[] {
	const len = v.length;
	if (len < 2) return v;
	if (len <= 20) {
		insertionSort(v, 0, len, less);
		return v;
	}
	const descending = less(v[1], v[0]);
	let run = 2;
	while (run < len && (descending ? less(v[run], v[run - 1]) : !less(v[run], v[run - 1]))) run += 1;
	if (run === len) {
		if (descending) v.reverse();
		return v;
	}
	quicksort(v, 0, len, undefined, 2 * Math.floor(Math.log2(len | 1)), less);
	return v;
}

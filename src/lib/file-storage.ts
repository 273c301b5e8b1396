/**
 * Browser storage in the offline edition opened from file://. Chrome and Edge give all local files one origin, so
 * progress saved on a module page shows on /progress/. Firefox gives every file its own (opaque) origin, whose
 * `location.origin` reads "null": there each page keeps its own storage, and the reader must be told.
 */
export function storageIsPerPage(loc: { protocol: string; origin: string }): boolean {
	return loc.protocol === 'file:' && loc.origin === 'null';
}

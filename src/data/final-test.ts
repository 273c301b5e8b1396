/** The final self-test's settings (content/final-test.yaml). */
import { getCollection } from 'astro:content';

export async function getFinalTest() {
	const [entry] = await getCollection('finalTest');
	return entry.data;
}

/**
 * /review/questions.json: the question book (src/lib/question-book.ts), fetched by /review/ and /final/ when they
 * need it, and precached by the service worker like every page. The file edition carries it in those pages instead
 * (browsers do not fetch from file://).
 */
import type { APIRoute } from 'astro';
import { getQuestionBook } from '../../data/question-book';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(await getQuestionBook()), { headers: { 'Content-Type': 'application/json' } });

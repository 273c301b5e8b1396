import * as z from 'zod/mini';

/** A date as stored in progress: an ISO 8601 string that parses. */
export const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), '不是有效的日期'));

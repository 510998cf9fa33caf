// Kept apart from the zod schemas in mentions.ts: the comment form in the browser needs the limit, and
// building a zod object schema in the browser probes eval, which the page CSP reports as a violation.
export const COMMENT_MAX = 5000;

/** What a public page's slug can be (lower-case letters, digits, single hyphens), as in plans. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

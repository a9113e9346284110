/**
 * The default search of `<juzi-quick-replies>`: text is folded so that what an agent
 * types matches however the reply was written — case, full-width and half-width forms
 * (`ＡＢＣ１２３` = `abc123`, `（` = `(`) and accents (`café` = `cafe`).
 */

/**
 * Folds text for matching: compatibility decomposition (NFKD: full-width → half-width,
 * `é` → `e` + a combining accent), lower case, then every combining mark removed.
 * Both the library and the query go through it, so they always compare alike.
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
}

/** The folded words of a query; a reply matches when it contains every one. */
export function queryTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** True when the folded `haystack` contains every term (no terms: everything matches). */
export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

/** Folds the searchable parts (title, text, keywords, group) into one string, once per reply. */
export function searchableText(parts: readonly (string | undefined)[]): string {
  // A line break between parts: a term never matches across two of them.
  return foldText(parts.filter(Boolean).join('\n'));
}

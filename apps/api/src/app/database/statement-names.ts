import { createHash } from 'node:crypto';

/**
 * Names for prepared statements. PostgreSQL plans an unnamed statement afresh every time; for the
 * API's queries (joins, access checks as subqueries) planning costs 5 to 20 times more than
 * running them. A named statement is parsed and planned once per connection and then reused
 * (PostgreSQL switches to its generic plan when that is no worse than the custom ones).
 *
 * The name is a hash of the text, so one text always has one name on every connection. Only
 * texts with parameters are named (they are single statements sent with the extended protocol
 * anyway); at most `MAX_NAMED_TEXTS` distinct texts are named per process, so texts built with a
 * varying number of placeholders cannot fill the server's memory: past the cap, a text runs
 * unnamed as before. The bench's bare twin imports this file too, to run the same SQL the same
 * way (it has no imports of the app's own, so Node can load it by stripping its types).
 */
export const MAX_NAMED_TEXTS = 2000;

const names = new Map<string, string>();

/** The prepared statement's name for `text`, or null when it should run unnamed. */
export function statementName(text: string): string | null {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED_TEXTS) return null;
  const name = `blup_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

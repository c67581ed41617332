import { likePattern } from './pagination';

/** The conditions of a raw SQL `WHERE`, with their values numbered `$1`, `$2`, … as they come. */
export interface SqlWhere {
  /** The conditions, to be joined with AND (none: every row). */
  readonly where: string[];
  /** Their values, in placeholder order. */
  readonly params: unknown[];
  /** Adds a condition whose one `?` stands for `value`: `add('a.status = ?', status)`. */
  add(sql: string, value: unknown): void;
  /** Adds "any of `columns` contains `text`", ignoring case and taking `%`, `_` and `\` literally. */
  search(columns: readonly string[], text: string): void;
}

/**
 * Starts a `WHERE` for a list with optional filters, as the application and enrolment lists
 * build theirs: each filter given adds one condition and one parameter.
 */
export function sqlWhere(): SqlWhere {
  const where: string[] = [];
  const params: unknown[] = [];
  return {
    where,
    params,
    add: (sql, value) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    },
    search: (columns, text) => {
      params.push(likePattern(text));
      const p = `$${params.length}`;
      where.push(`(${columns.map((column) => `${column} ILIKE ${p}`).join(' OR ')})`);
    },
  };
}

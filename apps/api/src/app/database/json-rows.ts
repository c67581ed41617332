/**
 * A row as PostgreSQL's `row_to_json` or `json_build_object` gives it back: the columns `K`,
 * timestamps, come as text. A page read in one statement carries its parts as JSON columns.
 */
export type JsonRow<T, K extends keyof T> = Omit<T, K> & {
  [P in K]: null extends T[P] ? string | null : string;
};

/** The row with its timestamp columns `keys` turned back into Dates (null stays null). */
export function withDates<T, K extends keyof T>(row: JsonRow<T, K>, keys: readonly K[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const key of keys) {
    const value = out[key as string];
    out[key as string] = value === null ? null : new Date(value as string);
  }
  return out as T;
}

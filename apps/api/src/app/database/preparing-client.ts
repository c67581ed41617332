import pg from 'pg';
import { statementName } from './statement-names';

/**
 * A `pg` client that sends every query with parameters as a named prepared statement (see
 * statement-names.ts); the pool makes its connections with it. Everything else (queries without
 * parameters, query objects, streams) goes through unchanged.
 */
export class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(text);
      if (name) {
        return (super.query as (...a: unknown[]) => never)({ name, text, values }, callback);
      }
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

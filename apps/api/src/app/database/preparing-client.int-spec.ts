import pg from 'pg';
import { PreparingClient } from './preparing-client';
import { statementName } from './statement-names';

/** On the real PostgreSQL: queries with parameters become named prepared statements. */
describe(PreparingClient.name, () => {
  const pool = new pg.Pool({
    connectionString: process.env['DATABASE_URL'] as string,
    max: 1,
    Client: PreparingClient,
  });

  afterAll(() => pool.end());

  it('prepares a query with parameters once per connection and reuses it', async () => {
    const text = `SELECT $1::int + 1 AS n /* ${Date.now()} */`;
    expect((await pool.query(text, [41])).rows).toEqual([{ n: 42 }]);
    expect((await pool.query(text, [1])).rows).toEqual([{ n: 2 }]);
    const { rows } = await pool.query(
      `SELECT name, statement FROM pg_prepared_statements WHERE name = $1`,
      [statementName(text)],
    );
    expect(rows).toEqual([{ name: statementName(text), statement: text }]);
  });

  it('sends queries without parameters as they are, several statements included', async () => {
    const results = (await pool.query(
      'SELECT 1 AS a; SELECT 2 AS b',
    )) as unknown as pg.QueryResult[];
    expect(results.map((r) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
  });

  it('reports a bad parameter as PostgreSQL does, and the connection goes on working', async () => {
    await expect(pool.query('SELECT $1::int AS n', ['not a number'])).rejects.toThrow(
      /invalid input syntax for type integer/,
    );
    expect((await pool.query('SELECT $1::int AS n', [7])).rows).toEqual([{ n: 7 }]);
  });
});

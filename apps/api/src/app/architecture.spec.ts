import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Two rules of the API's shape (issue 12), read from the code so a new domain cannot break them
 * unnoticed:
 * - each table has one owning module, listed in docs/architecture.md ("Who writes which
 *   table"); only that module inserts, updates or deletes its rows, others call its service;
 * - a service, controller or processor holds no SQL: raw statements and query builders live in
 *   the domain's `*.queries.ts` files;
 * - modules call each other one way only, as the diagram in "Which module calls which" draws.
 * Migrations and the demo seed build whole databases and are exempt from both.
 */
const APP = __dirname;
const DOC = join(__dirname, '../../../../docs/architecture.md');
const EXEMPT = [/^database\/migrations\//, /^demo\//, /\.spec\.ts$/, /\.int-spec\.ts$/];

/** Modules every module uses, and auth's request decorators: the diagram leaves them out. */
const INFRASTRUCTURE = new Set(['access', 'common', 'config', 'database', 'queue']);
const REQUEST_DECORATORS = new Set([
  'auth/auth-user',
  'auth/current-user.decorator',
  'auth/public.decorator',
  'auth/roles.decorator',
]);

const WRITE_METHODS = 'save|insert|update|delete|remove|upsert|increment|decrement|softDelete';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The app's source files that the rules apply to, relative to src/app. */
function checkedFiles(): { file: string; text: string }[] {
  return sources(APP)
    .map((path) => relative(APP, path))
    .filter((file) => !EXEMPT.some((pattern) => pattern.test(file)))
    .map((file) => ({ file, text: withoutComments(readFileSync(join(APP, file), 'utf8')) }));
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The module a file belongs to: its first folder under src/app. */
function moduleOf(file: string): string {
  return file.split('/')[0];
}

/** Entity class name → table name, from the entities' @Entity('…') decorators. */
export function entityTables(): Map<string, string> {
  const tables = new Map<string, string>();
  for (const path of sources(join(APP, 'database/entities'))) {
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/@Entity\('(\w+)'\)\s*export class (\w+)/g)) {
      tables.set(m[2], m[1]);
    }
  }
  return tables;
}

/** Table → owning module, from the table in docs/architecture.md. */
export function documentedOwners(doc: string): Map<string, string> {
  const section = doc.split('## Who writes which table')[1]?.split('\n## ')[0] ?? '';
  const owners = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !cells[1].startsWith('`')) continue;
    for (const m of cells[1].matchAll(/`(\w+)`/g)) owners.set(m[1], cells[2]);
  }
  return owners;
}

/** Every table a source text writes, by raw SQL or through a TypeORM repository or manager. */
export function writtenTables(text: string, tables: Map<string, string>): Set<string> {
  const known = new Set(tables.values());
  const written = new Set<string>();
  for (const m of text.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?/g)) {
    if (known.has(m[1])) written.add(m[1]);
  }
  const entity = (name: string) => tables.get(name);
  const addEntity = (name: string) => {
    const table = entity(name);
    if (table) written.add(table);
  };
  // manager.getRepository(User).update(…)
  const direct = new RegExp(`getRepository\\((\\w+)\\)\\s*\\.\\s*(?:${WRITE_METHODS})\\(`, 'g');
  for (const m of text.matchAll(direct)) addEntity(m[1]);
  // manager.save(User, …), em.update(Cohort, …)
  const viaManager = new RegExp(`\\.(?:${WRITE_METHODS})\\(\\s*(\\w+)\\s*,`, 'g');
  for (const m of text.matchAll(viaManager)) addEntity(m[1]);
  // @InjectRepository(User) private readonly users: …  then this.users.update(…)
  // const users = em.getRepository(User); … users.save(…)
  const named = [
    ...text.matchAll(
      /@InjectRepository\((\w+)\)\s*(?:(?:private|protected|public|readonly)\s+)*(\w+)/g,
    ),
    ...text.matchAll(/(?:const|let)\s+(\w+)\s*=\s*[\w.]+\.getRepository\((\w+)\)/g),
  ].map((m) =>
    m[0].startsWith('@') ? { name: m[2], entity: m[1] } : { name: m[1], entity: m[2] },
  );
  for (const { name, entity: cls } of named) {
    if (new RegExp(`\\b${name}\\s*\\.\\s*(?:${WRITE_METHODS})\\(`).test(text)) addEntity(cls);
  }
  return written;
}

/** "a -> b" for each module a whose code imports module b, leaving out what the diagram omits. */
export function moduleCalls(files: { file: string; text: string }[]): Set<string> {
  const calls = new Set<string>();
  // app.module.ts and bootstrap.ts at the top assemble every module: they are not drawn.
  for (const { file, text } of files.filter(({ file }) => file.includes('/'))) {
    for (const m of text.matchAll(/from '(\.\.?\/[^']+)'/g)) {
      const target = join(dirname(file), m[1]);
      const module = moduleOf(target);
      if (target.startsWith('..') || module === moduleOf(file)) continue;
      if (INFRASTRUCTURE.has(module) || REQUEST_DECORATORS.has(target)) continue;
      calls.add(`${moduleOf(file)} -> ${module}`);
    }
  }
  return calls;
}

/** "a -> b" for each arrow of the diagram in docs/architecture.md ("Which module calls which"). */
export function documentedCalls(doc: string): Set<string> {
  const section = doc.split('## Which module calls which')[1]?.split('\n## ')[0] ?? '';
  const node = (id: string) => id.replace(/_/g, '-');
  const calls = new Set<string>();
  for (const m of section.matchAll(/^\s*(\w+)\s*(?:--\s*"[^"]*"\s*)?-->\s*(\w+)\s*$/gm)) {
    calls.add(`${node(m[1])} -> ${node(m[2])}`);
  }
  return calls;
}

/** The first cycle in a set of "a -> b" arrows, or null. */
export function findCycle(calls: Set<string>): string[] | null {
  const next = new Map<string, string[]>();
  for (const call of calls) {
    const [from, to] = call.split(' -> ');
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const done = new Set<string>();
  const visit = (module: string, path: string[]): string[] | null => {
    if (path.includes(module)) return [...path.slice(path.indexOf(module)), module];
    if (done.has(module)) return null;
    for (const to of next.get(module) ?? []) {
      const cycle = visit(to, [...path, module]);
      if (cycle) return cycle;
    }
    done.add(module);
    return null;
  };
  for (const module of next.keys()) {
    const cycle = visit(module, []);
    if (cycle) return cycle;
  }
  return null;
}

/** Whether a source text holds SQL: a raw statement or a query builder. */
export function holdsSql(text: string): boolean {
  return /\.query\s*(?:<[^>]*>)?\s*\(/.test(text) || /createQueryBuilder\s*\(/.test(text);
}

describe('the API’s shape', () => {
  const tables = entityTables();
  const doc = readFileSync(DOC, 'utf8');
  const owners = documentedOwners(doc);
  const files = checkedFiles();

  it('reads the entities and the documented owners', () => {
    expect(tables.get('User')).toBe('users');
    expect(tables.size).toBeGreaterThan(25);
    expect(owners.get('villages')).toBe('organisations');
  });

  it('recognises writes in SQL, through repositories and through managers', () => {
    const sample = [
      'await em.query(`UPDATE villages SET cohort_id = $1`, [id]);',
      "await db.query('INSERT INTO cohorts (name) VALUES ($1)', [name]);",
      'await manager.getRepository(User).update(userId, { name });',
      'await em.save(Municipality, { name });',
      'const found = await em.getRepository(Course).findOneBy({ id });',
      'await db.query(`SELECT 1 FROM lessons FOR UPDATE SKIP LOCKED`);',
      'constructor(@InjectRepository(Circle) private readonly circles: Repository<Circle>) {}',
      'await this.circles.delete(id);',
    ].join('\n');
    expect([...writtenTables(sample, tables)].sort()).toEqual(
      ['circles', 'cohorts', 'municipalities', 'users', 'villages'].sort(),
    );
    expect(holdsSql('await this.db.query<{ id: string }>(`SELECT 1`)')).toBe(true);
    expect(holdsSql('qb = repo.createQueryBuilder("c")')).toBe(true);
    expect(holdsSql('await this.users.findOneBy({ id })')).toBe(false);
  });

  it('documents an owner for every table', () => {
    const missing = [...tables.values()].filter((table) => !owners.has(table));
    expect(missing).toEqual([]);
  });

  it('lets only the owning module write a table', () => {
    const foreign = files.flatMap(({ file, text }) =>
      [...writtenTables(text, tables)]
        .filter((table) => owners.get(table) !== moduleOf(file))
        .map((table) => `${file} writes ${table} (owner: ${owners.get(table)})`),
    );
    expect(foreign).toEqual([]);
  });

  it('keeps SQL in queries files', () => {
    const misplaced = files
      .filter(({ file, text }) => !file.endsWith('.queries.ts') && holdsSql(text))
      .map(({ file }) => file);
    expect(misplaced).toEqual([]);
  });

  it('finds every table written by its owner somewhere', () => {
    const writers = new Map<string, Set<string>>();
    for (const { file, text } of files) {
      for (const table of writtenTables(text, tables)) {
        writers.set(table, (writers.get(table) ?? new Set()).add(moduleOf(file)));
      }
    }
    // A table nobody writes outside migrations would mean the scanner went blind.
    expect(writers.get('enrolments')?.has('enrolment')).toBe(true);
    expect(writers.get('newsletter_deliveries')?.has('newsletter-delivery')).toBe(true);
  });

  it('reads module calls from imports and from the diagram', () => {
    const sample = [
      { file: 'people/people.service.ts', text: "import { X } from '../auth/accounts.service';" },
      { file: 'people/people.controller.ts', text: "import { Y } from '../auth/roles.decorator';" },
      {
        file: 'organisations/villages/v.ts',
        text: "import { Z } from '../cohorts/cohorts.service';",
      },
      { file: 'mail/templates/t.ts', text: "import { W } from '../../common/copenhagen-time';" },
    ];
    expect([...moduleCalls(sample)]).toEqual(['people -> auth']);
    const diagram = '## Which module calls which\n  citizen_panel -- "label" --> auth\n  a --> b\n';
    expect([...documentedCalls(diagram)].sort()).toEqual(['a -> b', 'citizen-panel -> auth']);
    expect(findCycle(new Set(['a -> b', 'b -> c', 'c -> a']))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Set(['a -> b', 'a -> c', 'b -> c']))).toBeNull();
  });

  it('draws exactly the module calls the code makes', () => {
    const code = moduleCalls(files);
    const drawn = documentedCalls(doc);
    expect(drawn.size).toBeGreaterThan(20);
    expect({
      missingFromDiagram: [...code].filter((call) => !drawn.has(call)).sort(),
      notInCode: [...drawn].filter((call) => !code.has(call)).sort(),
    }).toEqual({ missingFromDiagram: [], notInCode: [] });
  });

  it('has no cycle between modules', () => {
    expect(findCycle(moduleCalls(files))).toBeNull();
  });
});

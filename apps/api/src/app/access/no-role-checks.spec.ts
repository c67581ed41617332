import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every access rule lives in access/ (issue 12): services ask a policy (`canManageOfferings`,
 * `pipelineScope`, …) and never look at a role themselves; the SQL twins of the policies that
 * lists use (`courseVisibleSql`, `readableCirclesWhere`, `readableNewsletterSql`) live in access/
 * too. This spec reads every source file outside access/ (services, queries, controllers,
 * helpers) and fails on a role comparison, so a new check cannot slip back in unnoticed.
 */
const APP = join(__dirname, '..');

/** What a role check looks like in a line of code. */
const ROLE_CHECKS: readonly RegExp[] = [
  /\.role\s*[!=]==?/, // actor.role === Role.Secretariat, user?.role !== …
  /[!=]==?\s*Role\.\w+/, // … === Role.Coordinator
  /\bRole\.\w+\s*[!=]==?/, // Role.Learner === actor.role
  /\bincludes\(\s*[\w?.]*\.role\s*\)/, // [Role.A, Role.B].includes(actor.role)
  /\bswitch\s*\(\s*[\w?.]*\.role\s*\)/, // switch (actor.role)
  /\bcase\s+Role\.\w+/, // case Role.Secretariat:
];

/**
 * Role comparisons that are not access checks. Each entry allows, in one file, only the lines
 * that also match `only`; anything else in that file still fails.
 */
const ALLOWED: readonly { file: string; only: RegExp; why: string }[] = [
  {
    file: 'auth/invitation.service.ts',
    only: /\bdto\.role\b/,
    why: 'checks the shape of the invited person (a learner needs a learner kind, …); who may invite is inviteRefusal',
  },
  {
    file: 'people/people.service.ts',
    only: /\bbody\.role !== person\.role\b/,
    why: 'notices that a role changes (who may change it is canUpdatePerson)',
  },
  {
    file: 'auth/session.guard.ts',
    only: /\broles\b/,
    why: 'applies the roles a route declares with @Roles(): the guard is how that rule is enforced',
  },
  {
    file: 'applications/application-people.ts',
    only: /\baccount\.role\b/,
    why: 'a person named on an application already has an account: this village’s steering member is kept, anyone else is a conflict to report',
  },
  {
    file: 'people/placement.ts',
    only: /\brole\b|\bcase Role\.\w+/,
    why: 'which flags and places fit a role (a learner kind only for learners, …); who may change a person is canUpdatePerson',
  },
  {
    file: 'home/home.service.ts',
    only: /\buser\.role\b|\bcase Role\.\w+/,
    why: 'picks the home page’s cards for the role; each card counts only the role’s own slice',
  },
];

/** Folders that hold no request-time code: migrations and the demo seed. */
const SKIPPED = new Set(['access', 'migrations', 'demo']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sources(path);
    return entry.name.endsWith('.ts') && !/spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The role checks in a source text, as "line: code", leaving out comments. */
function roleChecks(source: string, allowed?: RegExp): string[] {
  return source
    .split('\n')
    .map((line, i) => ({ n: i + 1, code: line.replace(/\/\/.*$/, '').trim() }))
    .filter(({ code }) => !code.startsWith('*') && !code.startsWith('/*'))
    .filter(({ code }) => ROLE_CHECKS.some((pattern) => pattern.test(code)))
    .filter(({ code }) => !allowed?.test(code))
    .map(({ n, code }) => `${n}: ${code}`);
}

describe('no role checks outside access/', () => {
  const files = sources(APP);

  it('finds the services, queries and controllers', () => {
    const names = files.map((path) => relative(APP, path));
    expect(names.filter((name) => name.endsWith('.service.ts')).length).toBeGreaterThan(20);
    expect(names).toContain('circles/circles.queries.ts');
    expect(names).toContain('auth/session.guard.ts');
  });

  it.each([
    'if (actor.role !== Role.Secretariat) {',
    'const village = actor?.role === Role.SteeringMember ? actor.villageId : null;',
    'if (Role.Learner === user.role) return;',
    'if ([Role.Secretariat, Role.Coordinator].includes(actor.role)) {',
    'switch (user.role) {',
    'case Role.Coordinator: {',
  ])('recognises %s', (line) => {
    expect(roleChecks(`x;\n${line}\n`)).toEqual([`2: ${line}`]);
  });

  it('ignores comments and questions asked of a policy', () => {
    expect(
      roleChecks(
        '// actor.role === Role.Secretariat\n * case Role.X\nif (!canManageOfferings(actor)) {',
      ),
    ).toEqual([]);
  });

  it('finds none in any source file outside access/', () => {
    const found = files.flatMap((path) => {
      const file = relative(APP, path);
      const allowed = ALLOWED.find((a) => a.file === file)?.only;
      return roleChecks(readFileSync(path, 'utf8'), allowed).map((hit) => `${file}:${hit}`);
    });
    expect(found).toEqual([]);
  });

  it.each(ALLOWED)('still needs the allowance for $file ($why)', ({ file, only }) => {
    const source = readFileSync(join(APP, file), 'utf8');
    expect(roleChecks(source).length).toBeGreaterThan(roleChecks(source, only).length);
  });
});

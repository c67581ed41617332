/**
 * @jest-environment node
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as ts from 'typescript';
import { ACCESSIBILITY_CHECKS, type CheckWidth } from './accessibility-checks';
import { checkedAreas } from './accessibility.page';

const E2E_DIR = join(__dirname, '../../../../web-e2e/src');

interface FoundCheck {
  key: string;
  /** The sizes its test runs at, or null when its tag is not written out (e.g. a variable). */
  widths: CheckWidth[] | null;
}

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return specFiles(path);
    return entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The text of a string or template literal; a template keeps its `${…}` as written. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.getText().slice(1, -1);
  return null;
}

/** `test`, `test.describe` and their variants: the calls that name and tag a test. */
function isTestCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  const root = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  return ts.isIdentifier(root) && root.text === 'test';
}

/** The tags of one test call (in its title or its `{ tag }`); null when they cannot be read. */
function tagsOf(call: ts.CallExpression): string[] | null {
  const [title, options] = call.arguments;
  const tags = title ? [...(literalText(title) ?? '').matchAll(/@\w+/g)].map((m) => m[0]) : [];
  if (!options || !ts.isObjectLiteralExpression(options)) return tags;
  const tag = options.properties.find(
    (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment =>
      (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
      p.name.getText() === 'tag',
  );
  if (!tag) return tags;
  if (!ts.isPropertyAssignment(tag)) return null;
  const value = tag.initializer;
  const items = ts.isArrayLiteralExpression(value) ? [...value.elements] : [value];
  const texts = items.map(literalText);
  return texts.every((t): t is string => t !== null) ? [...tags, ...texts] : null;
}

/** The project sizes that run a test with these tags (playwright.config.ts's grep). */
function widthsFor(tags: string[]): CheckWidth[] {
  if (tags.includes('@phone')) return ['phone'];
  if (tags.includes('@anysize')) return ['phone', 'desktop'];
  return ['desktop'];
}

/** Every `expectAccessible(page, { label })` in the browser tests, with its test's sizes. */
function checksInBrowserTests(): { found: FoundCheck[]; problems: string[] } {
  const found: FoundCheck[] = [];
  const problems: string[] = [];
  for (const file of specFiles(E2E_DIR)) {
    const spec = basename(file, '.spec.ts');
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${spec}.spec.ts:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.expression.getText() === 'AxeBuilder') {
        problems.push(`${where(node)} runs axe itself: use expectAccessible from support/axe`);
      }
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'expectAccessible'
      ) {
        const options = node.arguments[1];
        const label =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties
                .filter(ts.isPropertyAssignment)
                .find((p) => p.name.getText() === 'label')
            : undefined;
        const text = label ? literalText(label.initializer) : null;
        if (text === null) {
          problems.push(`${where(node)} calls expectAccessible without a literal label`);
        } else {
          let tags: string[] | null = [];
          for (let up: ts.Node | undefined = node.parent; up; up = up.parent) {
            if (!isTestCall(up)) continue;
            const own = tagsOf(up);
            tags = own === null || tags === null ? null : [...tags, ...own];
          }
          found.push({ key: `${spec}: ${text}`, widths: tags && widthsFor(tags) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { found, problems };
}

describe('ACCESSIBILITY_CHECKS', () => {
  const { found, problems } = checksInBrowserTests();
  const listed = new Map(ACCESSIBILITY_CHECKS.map((c) => [`${c.spec}: ${c.label}`, c]));

  it('reads the browser tests (every axe run goes through expectAccessible with a label)', () => {
    expect(found.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('lists exactly the pages the browser tests check, once each', () => {
    const inTests = [...new Set(found.map((f) => f.key))].sort();
    expect(listed.size).toBe(ACCESSIBILITY_CHECKS.length);
    expect({
      notInTheStatement: inTests.filter((key) => !listed.has(key)),
      notCheckedByATest: [...listed.keys()].filter((key) => !inTests.includes(key)).sort(),
    }).toEqual({ notInTheStatement: [], notCheckedByATest: [] });
  });

  it('gives each page the sizes its test runs at', () => {
    const wrong = found.flatMap(({ key, widths }) => {
      const entry = listed.get(key);
      if (!entry || widths === null) return [];
      return [...entry.widths].sort().join() === widths.sort().join()
        ? []
        : [`${key}: the test runs at ${widths.join(' and ')}`];
    });
    expect(wrong).toEqual([]);
  });

  it('gives every page an address', () => {
    expect(ACCESSIBILITY_CHECKS.filter((c) => !c.route.startsWith('/'))).toEqual([]);
  });

  it('sums each area up in pages, sizes and checks, for people rather than developers', () => {
    const areas = checkedAreas([
      { spec: 'a', label: 'one', route: '/x', area: 'home', widths: ['phone'] },
      { spec: 'a', label: 'two', route: '/x', area: 'home', widths: ['desktop'] },
      { spec: 'b', label: 'three', route: '/y', area: 'home', widths: ['phone'] },
      { spec: 'c', label: 'four', route: '/', area: 'signIn', widths: ['desktop'] },
    ]);
    expect(
      areas.map(({ area, pages, widths, checks }) => ({ area, pages, widths, checks })),
    ).toEqual([
      { area: 'home', pages: 2, widths: ['phone', 'desktop'], checks: 3 },
      { area: 'signIn', pages: 1, widths: ['desktop'], checks: 1 },
    ]);
  });
});

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, naming
 * each rule, the elements it hit and how to fix it. Milder findings are attached to the
 * report, not failed on.
 *
 * `label` names the page in the accessibility statement's list of checked pages
 * (apps/web/src/app/statements/accessibility-checks.ts; a unit test keeps the two in step), so
 * give a literal string. `exclude` leaves out a part axe cannot look into (a sandboxed frame).
 */
export async function expectAccessible(
  page: Page,
  { label = 'page', exclude }: { label?: string; exclude?: string } = {},
): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const milder = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  if (milder.length > 0) {
    await test.info().attach(`axe: milder findings on ${label}`, {
      body: describe(milder),
      contentType: 'text/plain',
    });
  }
  expect(
    blocking.map((violation) => violation.id),
    `serious or critical axe violations on ${label} (${page.url()}):\n${describe(blocking)}`,
  ).toEqual([]);
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** Each violation: rule, impact and help, then every element it hit with axe's advice. */
function describe(violations: Violation[]): string {
  const indent = (text: string, spaces: number) => text.replace(/^/gm, ' '.repeat(spaces));
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) =>
        [indent(node.target.join(' '), 4), indent(node.failureSummary ?? '', 6)].join('\n'),
      );
      const heading = `- ${violation.id} (${violation.impact}): ${violation.help}`;
      return [heading, indent(violation.helpUrl, 2), ...nodes].join('\n');
    })
    .join('\n');
}

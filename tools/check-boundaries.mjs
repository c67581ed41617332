#!/usr/bin/env node
/**
 * Proves the lint boundaries bite: lints probe files (in memory, never written) that break
 * each rule, and fails unless ESLint reports @nx/enforce-module-boundaries for every one;
 * then checks the Nx project graph: every application depends on libraries only.
 */
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';

const RULE = '@nx/enforce-module-boundaries';
const probes = [
  {
    what: 'web code importing api code',
    filePath: 'apps/web/src/app/boundary-probe.ts',
    code: "import { AppModule } from '../../../api/src/app/app.module';\nexport const probe = AppModule;\n",
  },
  {
    what: 'web code importing api code through an absolute path',
    filePath: 'apps/web/src/app/boundary-probe.ts',
    code: "import { createHttpApp } from 'apps/api/src/app/bootstrap';\nexport const probe = createHttpApp;\n",
  },
  {
    what: 'the contracts importing a framework',
    filePath: 'libs/contracts/src/lib/boundary-probe.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
  },
  {
    what: 'a UI lib importing a data-access lib',
    filePath: 'libs/web/ui/src/lib/boundary-probe.ts',
    code: "import * as core from '@blup/web/core';\nexport const probe = core;\n",
  },
];

const eslint = new ESLint();
let failed = 0;
for (const probe of probes) {
  const [result] = await eslint.lintText(probe.code, { filePath: probe.filePath });
  const hit = result.messages.find((m) => m.ruleId === RULE);
  if (hit) {
    console.log(`ok   lint refuses ${probe.what}: ${hit.message.split('\n')[0]}`);
  } else {
    failed++;
    console.log(
      `FAIL lint allows ${probe.what} (${probe.filePath}); messages: ${JSON.stringify(result.messages.map((m) => m.ruleId))}`,
    );
  }
}

// The project graph: applications depend on libraries only, never on each other.
const graph = await createProjectGraphAsync({ exitOnError: true });
// (An e2e project names the apps it drives; it is a test of apps, not an app itself.)
const isApp = (name) => graph.nodes[name]?.type === 'app';
let checks = probes.length;
for (const [name, deps] of Object.entries(graph.dependencies)) {
  if (!isApp(name)) continue;
  checks++;
  const onApps = deps.filter((d) => isApp(d.target)).map((d) => d.target);
  const onLibs = deps.filter((d) => graph.nodes[d.target]).map((d) => d.target);
  if (onApps.length) {
    failed++;
    console.log(`FAIL ${name} depends on other applications: ${onApps.join(', ')}`);
  } else {
    console.log(`ok   ${name} depends only on libraries: ${onLibs.join(', ') || '(none)'}`);
  }
}
console.log(`${checks - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

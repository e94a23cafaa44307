/**
 * Builds the CLI bundle once per vitest run, so CLI tests run the real `lxclint` (packages/cli/bin/lxclint.cjs).
 * A failed build does not stop other suites: the error is handed to the CLI tests (see helpers.ts), which fail
 * with it. LXCLINT_SKIP_BUILD=1 uses the bundle as it is (e.g. right after `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    cliBuildError: string;
  }
}

export default function setup(project: TestProject): void {
  if (process.env.LXCLINT_SKIP_BUILD === '1') return void project.provide('cliBuildError', '');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  project.provide('cliBuildError', r.status === 0 ? '' : `npm run build failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
}

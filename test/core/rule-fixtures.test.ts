/**
 * Every rule fixture under test/fixtures/rules/<rule-id>/ must produce exactly its .expected diagnostics,
 * and every rule must have at least one fixture that triggers it and one clean fixture in its folder.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '@lxclint/core';
import { expectedFor, lintFixture } from '../helpers/expected';

const root = join(import.meta.dirname, '..', 'fixtures', 'rules');

function configsIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'inc') out.push(...configsIn(p));
    } else if (name.endsWith('.conf')) out.push(p);
  }
  return out;
}

const folders = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory()).sort();

describe('rule fixtures', () => {
  for (const folder of folders) {
    describe(folder, () => {
      for (const file of configsIn(join(root, folder))) {
        it(file.slice(root.length + 1), () => {
          const expected = expectedFor(file);
          expect(expected.text, `missing ${expected.path}`).toBeDefined();
          expect(lintFixture(file).actual).toBe(expected.text);
        });
      }
    });
  }
});

describe('fixture coverage', () => {
  for (const rule of allRules) {
    it(`${rule.id} has a fixture that triggers it and one that is clean of it`, () => {
      const dir = join(root, rule.id);
      const files = configsIn(dir);
      const hits = files.map((f) => lintFixture(f).diagnostics.some((d) => d.ruleId === rule.id));
      expect(hits.some(Boolean), `no fixture in ${dir} triggers ${rule.id}`).toBe(true);
      expect(hits.some((h) => !h), `no fixture in ${dir} is clean of ${rule.id}`).toBe(true);
    });
  }
});

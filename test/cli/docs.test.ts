/**
 * The committed rule pages under docs/rules/ must be exactly what scripts/gen-rule-docs.mjs writes from the
 * rule metadata. When this fails after a rule change, run `npm run docs:rules` and commit the result.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '@lxclint/core';
import { generateRuleDocs, GENERATED_MARK } from '../../packages/cli/src/docs/rule-docs';

const dir = join(import.meta.dirname, '..', '..', 'docs', 'rules');
const expected = generateRuleDocs(allRules);

describe('docs/rules', () => {
  for (const [name, text] of expected) {
    it(`${name} is up to date (npm run docs:rules)`, () => {
      const path = join(dir, name);
      expect(existsSync(path), `${path} is missing: run npm run docs:rules`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run docs:rules`).toBe(text);
    });
  }

  it('has no page for a rule that does not exist', () => {
    const stale = readdirSync(dir).filter((n) => n.endsWith('.md') && !expected.has(n) && readFileSync(join(dir, n), 'utf8').startsWith(GENERATED_MARK));
    expect(stale, 'run npm run docs:rules').toEqual([]);
  });

  it('every rule has complete metadata for its page', () => {
    for (const r of allRules) {
      expect(r.id, r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.summary.length, `${r.id} summary`).toBeGreaterThan(10);
      expect(r.docs.description.length, `${r.id} description`).toBeGreaterThan(40);
      expect(r.docs.bad.trim(), `${r.id} bad example`).not.toBe('');
      expect(r.docs.good.trim(), `${r.id} good example`).not.toBe(r.docs.bad.trim());
    }
  });
});

/**
 * The grammar is generated from the key catalogue (scripts/gen-grammar.mjs): the committed files must be exactly
 * what the generator writes, and every catalogue key must be highlighted as its status says.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_KEYS } from '@lxclint/core';
import { ROOT, scopesOf, tokenizeLine } from './textmate';

interface Generator {
  GRAMMAR_OUTPUTS: string[];
  SCOPE_NAME: string;
  grammarText(): string;
}

// A variable specifier keeps TypeScript from looking for declarations of the plain-JS script.
const generatorUrl = pathToFileURL(`${ROOT}scripts/gen-grammar.mjs`).href;
const gen = (await import(generatorUrl)) as Generator;

interface CatalogueRow {
  key: string;
  status: 'current' | 'legacy';
}
const rows = JSON.parse(readFileSync(`${ROOT}packages/core/src/catalog/lxc-keys.json`, 'utf8')) as CatalogueRow[];

/** A concrete key for a catalogue pattern: `[i]` → an index, other placeholders → a sample suffix. */
const sampleKey = (pattern: string) => pattern.replace('[i]', '12').replace(/\[[a-z]+\]/g, 'x.y');

describe('generated grammar', () => {
  it('the committed grammar and the extension copy equal the generator output (npm run gen:grammar)', () => {
    const text = gen.grammarText();
    expect(gen.GRAMMAR_OUTPUTS).toEqual(['grammars/lxc-config.tmLanguage.json', 'extension/syntaxes/lxc-config.tmLanguage.json']);
    for (const rel of gen.GRAMMAR_OUTPUTS) {
      expect(readFileSync(`${ROOT}${rel}`, 'utf8'), `${rel} is stale: run npm run gen:grammar`).toBe(text);
    }
  });

  it('names every scope with the .lxc-config suffix and uses the source.lxc-config root', () => {
    const grammar = JSON.parse(gen.grammarText());
    expect(grammar.scopeName).toBe('source.lxc-config');
    expect(gen.SCOPE_NAME).toBe('source.lxc-config');
    const names: string[] = [];
    JSON.stringify(grammar, (k, v) => {
      if ((k === 'name' || k === 'contentName') && typeof v === 'string' && v !== grammar.name) names.push(...v.split(' '));
      return v;
    });
    expect(names.length).toBeGreaterThan(20);
    for (const n of names) expect(n, n).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.lxc-config$/);
  });

  it('uses the same catalogue the product reads', () => {
    expect(rows.map((r) => r.key).sort()).toEqual(ALL_KEYS.map((k) => k.key).sort());
  });

  it('marks every legacy catalogue key as deprecated, over the whole key', async () => {
    const legacy = rows.filter((r) => r.status === 'legacy');
    expect(legacy.length).toBeGreaterThan(30);
    for (const row of legacy) {
      const key = sampleKey(row.key);
      const [first] = scopesOf(await tokenizeLine(`${key} = v`));
      expect(first, row.key).toEqual([key, 'meta.entry meta.key.legacy invalid.deprecated.legacy-key']);
    }
  });

  it('highlights every current catalogue key as a known key', async () => {
    const current = rows.filter((r) => r.status === 'current');
    expect(current.length).toBeGreaterThan(100);
    for (const row of current) {
      const key = sampleKey(row.key);
      const tokens = scopesOf(await tokenizeLine(`${key} = v`));
      const keyTokens = tokens.filter(([, s]) => s.includes('meta.key'));
      expect(keyTokens.map(([t]) => t).join(''), row.key).toBe(key);
      for (const [text, scope] of keyTokens) {
        expect(scope, `${row.key}: ${text}`).not.toMatch(/invalid/);
        expect(scope, `${row.key}: ${text}`).toMatch(/variable\.other\.key|constant\.numeric\.index|entity\.name\.tag/);
      }
      if (row.key.startsWith('lxc.net.[i]')) {
        expect(keyTokens[1], row.key).toEqual(['12', 'meta.entry meta.key.network constant.numeric.index']);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { compileGlob, GlobError, ignoredBy, matchIgnore, parseProjectConfig, validateProjectConfig } from '@lxclint/core';

const RULES = ['duplicate-key', 'legacy-key', 'inline-comment', 'unknown-key'];
const ignore = (patterns: string[], path: string) => matchIgnore(patterns.map(compileGlob), path)?.source;

describe('glob matcher', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*.bak', 'config.bak', true],
    ['*.bak', 'web/config.bak', true], // no slash: any depth
    ['*.bak', 'web/config', false],
    ['web/config', 'web/config', true],
    ['web/config', 'x/web/config', false], // a slash anchors
    ['/config', 'config', true],
    ['/config', 'web/config', false],
    ['*/config', 'web/config', true],
    ['*/config', 'a/web/config', false],
    ['**/config', 'config', true],
    ['**/config', 'a/b/c/config', true],
    ['a/**/config', 'a/config', true],
    ['a/**/config', 'a/x/y/config', true],
    ['a/**/config', 'b/a/config', false],
    ['old/**', 'old/web/config', true],
    ['old/**', 'old', false],
    ['old', 'old/web/config', true], // a directory match covers what is under it
    ['old/', 'old/web/config', true],
    ['old/', 'old', false], // trailing slash: directories only
    ['web?', 'web1/config', true],
    ['web?', 'web/config', false],
    ['web?', 'web12/config', false],
    ['web[0-9]', 'web7/config', true],
    ['web[0-9]', 'webx/config', false],
    ['web[!0-9]', 'webx/config', true],
    ['web[^0-9]', 'web7/config', false],
    ['web[]]', 'web]/config', true],
    ['a[!x]b', 'a/b', false], // a class never matches "/"
    ['*', '.hidden/config', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['a.b', 'axb', false], // "." is literal
    ['c++', 'c++/config', true],
    ['(x)|y', '(x)|y', true],
    ['a**b', 'aXYb', true],
    ['a**b', 'aX/Yb', false],
  ];
  for (const [pattern, path, want] of cases) {
    it(`${pattern} ${want ? 'matches' : 'does not match'} ${path}`, () => {
      expect(ignore([pattern], path) !== undefined).toBe(want);
    });
  }

  it('never matches paths outside the directory', () => {
    expect(ignore(['**'], '../x/config')).toBeUndefined();
    expect(ignore(['**'], 'x/config')).toBe('**');
  });

  it('lets a later negated pattern re-include', () => {
    expect(ignore(['old/**', '!old/keep/config'], 'old/keep/config')).toBeUndefined();
    expect(ignore(['old/**', '!old/keep/config'], 'old/drop/config')).toBe('old/**');
    expect(ignore(['!old/keep/config', 'old/**'], 'old/keep/config')).toBe('old/**');
  });

  it('rejects patterns that cannot mean anything', () => {
    for (const bad of ['', '!', '/', 'a[b', 'a/../b', './..', 'x\\', 'a[z-a]', 'a[]', 'a[/]b']) {
      expect(() => compileGlob(bad), bad).toThrow(GlobError);
    }
  });
});

describe('project configuration', () => {
  it('reads every section', () => {
    const r = parseProjectConfig(
      JSON.stringify({
        $schema: './schema.json',
        lxcVersion: '6.0',
        rules: { 'duplicate-key': 'off', 'legacy-key': ['error', { keep: true }], 'inline-comment': ['info'] },
        ignore: ['old/**'],
        format: { anything: 1 },
      }),
      '/p/lxclint.json',
      RULES,
    );
    expect(r.errors).toEqual([]);
    expect(r.config).toMatchObject({
      source: '/p/lxclint.json',
      lxcVersion: '6.0',
      rules: { 'duplicate-key': 'off', 'legacy-key': 'error', 'inline-comment': 'info' },
      ruleOptions: { 'legacy-key': { keep: true } },
      format: { anything: 1 },
    });
    expect(ignoredBy(r.config!, 'old/web/config')).toBe('old/**');
    expect(ignoredBy(r.config!, 'web/config')).toBeUndefined();
  });

  it('accepts an empty object and a BOM', () => {
    expect(parseProjectConfig('\ufeff{}', 'x', RULES).errors).toEqual([]);
  });

  it('reports JSON syntax errors', () => {
    const r = parseProjectConfig('{ "rules": }', 'x', RULES);
    expect(r.config).toBeUndefined();
    expect(r.errors[0]).toMatch(/^not valid JSON: /);
  });

  it('reports every problem, naming the setting', () => {
    const r = validateProjectConfig(
      {
        lxcversion: '6.0',
        lxcVersion: 6,
        rules: { 'duplicate-keys': 'off', 'legacy-key': 'warn', 'inline-comment': ['error', 'x'], 'unknown-key': [] },
        ignore: ['ok', 3, 'a[b'],
        format: [],
        extra: true,
      },
      'x',
      RULES,
    );
    expect(r.config).toBeUndefined();
    expect(r.errors).toEqual([
      'unknown setting "lxcversion" (did you mean "lxcVersion"?); allowed: $schema, lxcVersion, rules, ignore, format',
      'unknown setting "extra"; allowed: $schema, lxcVersion, rules, ignore, format',
      'lxcVersion: 6 is not a supported LXC release; use one of "5.0", "6.0", "7.0" (a string)',
      'rules: unknown rule "duplicate-keys" (did you mean "duplicate-key"?)',
      'rules.legacy-key: severity "warn" is not one of "off", "info", "warning", "error"',
      'rules.inline-comment: options must be an object, got "x"',
      'rules.unknown-key: an array setting is [severity] or [severity, {options}], got []',
      'ignore[1]: must be a string, got 3',
      'ignore[2]: bad pattern "a[b": unclosed "[" in "a[b"',
      'format: must be an object',
    ]);
  });

  it('rejects a top level that is not an object', () => {
    for (const v of [[], null, 'x', 1]) expect(validateProjectConfig(v, 'x', RULES).errors).toEqual(['the configuration must be a JSON object']);
  });
});

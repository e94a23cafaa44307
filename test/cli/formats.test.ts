/** Report formats of `lxclint check`: ESLint's JSON shape, SARIF 2.1.0 (validated against its schema), GitHub. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyRules, requireBuiltCli, runCli, TEST_RULES, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();
// Only the rules these tests are about: other rules' findings must not change them.
beforeAll(() => void tmp.write('lxclint.json', onlyRules(TEST_RULES)));
const require = createRequire(import.meta.url);

// Errors and warnings with fixes (legacy-key: safe; inline-comment: unsafe), a suppressed finding, and a comma
// and a colon in the path to exercise escaping.
const CONFIG = [
  'lxc.utsname = web',
  'lxc.arch = x86_64 # 64-bit, 100%',
  '# lxclint-disable-next-line duplicate-key -- set below on purpose',
  'lxc.uts.name = a',
  'lxc.uts.name = b',
  '',
].join('\n');

function sarifValidator() {
  // The official SARIF 2.1.0 schema (draft-04), as shipped in @microsoft/jest-sarif; validated with ajv 6.
  const Ajv = require('ajv');
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  return ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
}

describe('--format json (ESLint shape)', () => {
  it('has filePath, messages with 1-based ranges, counts, fixes and suppressed messages', () => {
    const f = tmp.write('json/config', CONFIG);
    const r = runCli(['check', '--format', 'json', f]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    const [file] = out;
    expect(file.filePath).toBe(f);
    expect(file.errorCount).toBe(1);
    expect(file.warningCount).toBe(1);
    expect(file.fatalErrorCount).toBe(0);
    expect(file.fixableErrorCount).toBe(1);
    expect(file.fixableWarningCount).toBe(0);
    expect(file.usedDeprecatedRules).toEqual([]);
    const [legacy, inline] = file.messages;
    expect(legacy).toEqual({
      ruleId: 'legacy-key', severity: 2, message: expect.any(String), line: 1, column: 1, endLine: 1, endColumn: 12,
      fix: { range: [0, 11], text: 'lxc.uts.name' },
    });
    expect(inline).toMatchObject({ ruleId: 'inline-comment', severity: 1, line: 2, column: 19, endLine: 2, endColumn: 33 });
    // An unsafe fix is a suggestion, as in ESLint; its edits merge into one replacement of the original text.
    expect(inline.fix).toBeUndefined();
    const s = inline.suggestions[0];
    expect(s.desc).toBe('Move the comment to its own line above');
    const text = CONFIG.slice(0, s.fix.range[0]) + s.fix.text + CONFIG.slice(s.fix.range[1]);
    expect(text.split('\n').slice(1, 3)).toEqual(['# 64-bit, 100%', 'lxc.arch = x86_64']);
    expect(file.suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: 'duplicate-key', line: 4, suppressions: [{ kind: 'directive', justification: 'set below on purpose' }] }),
    ]);
  });

  it('prints one entry per file, [] when there is none', () => {
    tmp.write('json-multi/a/config', 'lxc.uts.name = a\n');
    tmp.write('json-multi/b/config', 'lxc.utsname = b\n');
    const out = JSON.parse(runCli(['check', '-f', 'json', join(tmp.dir(), 'json-multi')]).stdout);
    expect(out.map((f: { filePath: string; errorCount: number }) => [f.filePath.slice(tmp.dir().length), f.errorCount])).toEqual([
      ['/json-multi/a/config', 0],
      ['/json-multi/b/config', 1],
    ]);
    tmp.write('json-empty/x.txt', '');
    expect(JSON.parse(runCli(['check', '-f', 'json', join(tmp.dir(), 'json-empty')]).stdout)).toEqual([]);
  });

  it('counts info as a warning (ESLint has two levels)', () => {
    const f = tmp.write('json-info/config', 'lxc.uts.name = a\nlxc.uts.name = b\n');
    const cfg = tmp.write('json-info/lxclint.json', JSON.stringify({ rules: { 'duplicate-key': 'info' } }));
    const [file] = JSON.parse(runCli(['check', '-f', 'json', '--config', cfg, f]).stdout);
    expect(file.messages.map((m: { severity: number }) => m.severity)).toEqual([1]);
    expect(file.warningCount).toBe(1);
  });
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with rules, help, 1-based regions, fixes and suppressions', () => {
    const f = tmp.write('sarif/web,1:x/config', CONFIG);
    const r = runCli(['check', '--format', 'sarif', f], { cwd: tmp.dir() });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    const rules = run.tool.driver.rules;
    expect(run.tool.driver.name).toBe('lxclint');
    const legacyRule = rules.find((x: { id: string }) => x.id === 'legacy-key');
    expect(legacyRule).toMatchObject({
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.any(String) },
      help: { text: expect.stringContaining('lxc.utsname'), markdown: expect.stringContaining('# legacy-key') },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'legacy' },
    });
    const results = run.results;
    expect(results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['legacy-key', 'inline-comment', 'duplicate-key']);
    for (const res of results) expect(rules[res.ruleIndex].id).toBe(res.ruleId);
    const [legacy, inline, dup] = results;
    expect(legacy.level).toBe('error');
    expect(inline.level).toBe('warning');
    expect(legacy.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'sarif/web%2C1%3Ax/config', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 12 },
    });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${tmp.dir()}/`);
    expect(legacy.fixes[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 12 }, insertedContent: { text: 'lxc.uts.name' } },
    ]);
    expect(dup.suppressions).toEqual([{ kind: 'inSource', justification: 'set below on purpose' }]);
    expect(inline.suppressions).toBeUndefined();
  });

  it('is valid with no results, for standard input, and for files outside the working directory', () => {
    const validate = sarifValidator();
    const cfg = join(tmp.dir(), 'lxclint.json');
    const empty = JSON.parse(runCli(['check', '-f', 'sarif', '--config', cfg, '-'], { input: 'lxc.uts.name = web\n' }).stdout);
    expect(validate(empty), JSON.stringify(validate.errors)).toBe(true);
    expect(empty.runs[0].results).toEqual([]);
    const stdin = JSON.parse(runCli(['check', '-f', 'sarif', '--config', cfg, '-'], { input: 'lxc.utsname = web\n' }).stdout);
    expect(validate(stdin), JSON.stringify(validate.errors)).toBe(true);
    expect(stdin.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: '%3Cstdin%3E' });
    const f = tmp.write('sarif-outside/config', 'lxc.utsname = web\n');
    const outside = JSON.parse(runCli(['check', '-f', 'sarif', f], { cwd: join(tmp.dir(), 'json') }).stdout);
    expect(validate(outside), JSON.stringify(validate.errors)).toBe(true);
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: `file://${f}` });
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding with escaped properties and message', () => {
    tmp.write('gh/web,1:x/config', CONFIG);
    const r = runCli(['check', '--format', 'github', 'gh/web,1:x/config'], { cwd: tmp.dir() });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '::error file=gh/web%2C1%3Ax/config,line=1,col=1,endLine=1,endColumn=12,title=legacy-key::' +
        'Legacy key "lxc.utsname" is not accepted since LXC 3.0: use "lxc.uts.name" (legacy-key)',
    );
    expect(lines[1]).toMatch(/^::warning file=gh\/web%2C1%3Ax\/config,line=2,col=19,endLine=2,endColumn=33,title=inline-comment::/);
    // "%" in the message is escaped.
    expect(lines[1]).toContain('"# 64-bit, 100%25"');
  });

  it('uses ::notice for info and relative paths from the working directory', () => {
    const f = tmp.write('gh-info/config', 'lxc.uts.name = a\nlxc.uts.name = b\n');
    const cfg = tmp.write('gh-info/lxclint.json', JSON.stringify({ rules: { 'duplicate-key': 'info' } }));
    const r = runCli(['check', '-f', 'github', '--config', cfg, f], { cwd: tmp.dir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::notice file=gh-info\/config,line=1,col=1,endLine=1,endColumn=17,title=duplicate-key::/);
  });
});

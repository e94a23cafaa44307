/** lxclint.json: found upward from each file, --config / --no-config, severities, ignore globs, lxcVersion, errors. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyRules, requireBuiltCli, runCli, TEST_RULES, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();

type JsonFile = { filePath: string; messages: Array<{ ruleId: string; severity: number }> };
const json = (out: string) => JSON.parse(out) as JsonFile[];
const found = (out: string) => json(out).flatMap((f) => f.messages.map((m) => `${f.filePath.slice(tmp.dir().length + 1)} ${m.ruleId} ${m.severity}`));

const DUP = 'lxc.uts.name = a\nlxc.uts.name = b\n';

describe('project configuration', () => {
  it('is found upward from each checked file, the nearest one winning', () => {
    tmp.write('up/lxclint.json', onlyRules(TEST_RULES, { rules: { 'duplicate-key': 'error' } }));
    tmp.write('up/deep/er/still/config', DUP);
    tmp.write('up/other/.lxclint.json', onlyRules(TEST_RULES, { rules: { 'duplicate-key': 'off' } }));
    tmp.write('up/other/ct/config', DUP);
    const r = runCli(['check', '-f', 'json', join(tmp.dir(), 'up', 'deep', 'er', 'still', 'config'), join(tmp.dir(), 'up', 'other', 'ct')]);
    expect(r.code).toBe(1);
    expect(found(r.stdout)).toEqual(['up/deep/er/still/config duplicate-key 2']);
  });

  it('--config forces one file; --no-config ignores them', () => {
    tmp.write('force/lxclint.json', onlyRules(TEST_RULES, { rules: { 'duplicate-key': 'error' } }));
    const f = tmp.write('force/config', DUP);
    const other = tmp.write('elsewhere.json', onlyRules(TEST_RULES, { rules: { 'duplicate-key': 'off' } }));
    expect(runCli(['check', f]).code).toBe(1);
    expect(runCli(['check', '--config', other, f])).toMatchObject({ code: 0, stdout: '' });
    expect(runCli(['check', '-c', other, f]).code).toBe(0);
    // Without configuration the default severity (warning) applies.
    const plain = runCli(['check', '--no-config', '-f', 'json', f]);
    expect(found(plain.stdout)).toContain('force/config duplicate-key 1');
  });

  it('per-rule severity: off, info, warning, error and [severity, options]', () => {
    const cases: Array<[unknown, string | undefined, number]> = [
      ['off', undefined, 0],
      ['info', 'info', 0],
      ['warning', 'warning', 0],
      ['error', 'error', 1],
      [['error', {}], 'error', 1],
    ];
    cases.forEach(([setting, shown, code], i) => {
      tmp.write(`sev${i}/lxclint.json`, onlyRules(TEST_RULES, { rules: { 'duplicate-key': setting } }));
      const f = tmp.write(`sev${i}/config`, DUP);
      const r = runCli(['check', f]);
      expect(r.code, JSON.stringify(setting)).toBe(code);
      if (shown) expect(r.stdout).toContain(`  ${shown}  "lxc.uts.name" is set again`);
      else expect(r.stdout).toBe('');
    });
  });

  it('ignore globs skip files, relative to the configuration file', () => {
    tmp.write('ign/lxclint.json', onlyRules(TEST_RULES, { ignore: ['old-*/', 'keep/**', '!keep/this/config'] }));
    for (const name of ['old-web', 'web', 'keep/that', 'keep/this']) tmp.write(`ign/${name}/config`, DUP);
    const r = runCli(['check', '-f', 'json', join(tmp.dir(), 'ign'), join(tmp.dir(), 'ign', 'keep')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(json(r.stdout).map((f) => f.filePath.slice(tmp.dir().length + 1))).toEqual(['ign/web/config', 'ign/keep/this/config']);
    // A file named on the command line is skipped with a note; --no-ignore checks it.
    const named = runCli(['check', join(tmp.dir(), 'ign', 'old-web', 'config')]);
    expect(named).toMatchObject({ code: 0, stdout: '' });
    expect(named.stderr).toContain('ignored by "old-*/"');
    expect(runCli(['check', '--no-ignore', join(tmp.dir(), 'ign', 'old-web', 'config')]).stdout).toContain('duplicate-key');
  });

  it('ignore globs also drop findings in included files they match', () => {
    tmp.write('inc/lxclint.json', onlyRules(TEST_RULES, { ignore: ['shared/*.conf'] }));
    const shared = tmp.write('inc/shared/common.conf', DUP);
    tmp.write('inc/web/config', `lxc.include = ${shared}\n`);
    expect(runCli(['check', join(tmp.dir(), 'inc', 'web')])).toMatchObject({ code: 0, stdout: '' });
    expect(runCli(['check', '--no-ignore', join(tmp.dir(), 'inc', 'web')]).stdout).toContain('common.conf:1:1');
  });

  it('lxcVersion in the file selects the release; --lxc-version overrides it', () => {
    tmp.write('ver/lxclint.json', onlyRules(TEST_RULES, { lxcVersion: '7.0' }));
    const f = tmp.write('ver/config', 'lxc.environment.runtime = A=1\n');
    expect(runCli(['check', f]).code).toBe(0);
    expect(runCli(['check', '--lxc-version', '5.0', f]).stdout).toContain('unknown-key');
  });

  it('applies to standard input from the working directory or --stdin-filename', () => {
    tmp.write('stdin/lxclint.json', onlyRules(TEST_RULES, { rules: { 'duplicate-key': 'error' } }));
    expect(runCli(['check', '-'], { input: DUP, cwd: join(tmp.dir(), 'stdin') }).code).toBe(1);
    expect(runCli(['check', '--stdin-filename', join(tmp.dir(), 'stdin', 'x', 'config'), '-'], { input: DUP }).code).toBe(1);
  });

  it('a bad configuration is exit 2 with every problem, naming the file', () => {
    const cfg = tmp.write('bad/lxclint.json', JSON.stringify({ rules: { 'duplicate-keys': 'off', 'legacy-key': 'warn' }, ignores: [] }));
    const f = tmp.write('bad/config', DUP);
    const r = runCli(['check', f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `lxclint: ${cfg}: unknown setting "ignores" (did you mean "ignore"?); allowed: $schema, lxcVersion, rules, ignore, format`,
      `lxclint: ${cfg}: rules: unknown rule "duplicate-keys" (did you mean "duplicate-key"?)`,
      `lxclint: ${cfg}: rules.legacy-key: severity "warn" is not one of "off", "info", "warning", "error"`,
    ]);
    const syntax = tmp.write('bad2/lxclint.json', '{ "rules": { } ');
    const r2 = runCli(['check', tmp.write('bad2/config', DUP)]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`lxclint: ${syntax}: not valid JSON`);
    expect(runCli(['check', '--config', join(tmp.dir(), 'missing.json'), f]).code).toBe(2);
    // Ignored with --no-config.
    expect(runCli(['check', '--no-config', f]).code).toBe(0);
  });

  it('two configuration files in one directory are an error', () => {
    tmp.write('two/lxclint.json', '{}');
    tmp.write('two/.lxclint.json', '{}');
    const r = runCli(['check', tmp.write('two/config', DUP)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('two configuration files in one directory');
  });

  it('accepts a format section (for the formatter) and $schema', () => {
    tmp.write('fmt/lxclint.json', onlyRules(TEST_RULES, { $schema: 'x', format: { anything: true } }));
    expect(runCli(['check', tmp.write('fmt/config', 'lxc.uts.name = a\n')]).code).toBe(0);
  });
});

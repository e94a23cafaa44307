/** `lxclint rules` and `lxclint explain RULE`. */
import { describe, expect, it } from 'vitest';
import { allRules } from '@lxclint/core';
import { requireBuiltCli, runCli } from './helpers';

requireBuiltCli();

describe('lxclint rules', () => {
  it('--json lists every rule with id, category, severity, fix, needsHost and summary', () => {
    const r = runCli(['rules', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(list.map((x) => x.id).sort()).toEqual(allRules.map((x) => x.id).sort());
    const legacy = list.find((x) => x.id === 'legacy-key');
    expect(legacy).toEqual({ id: 'legacy-key', category: 'legacy', severity: 'error', fix: 'safe', needsHost: false, summary: expect.any(String) });
    expect(list.find((x) => x.id === 'duplicate-key')!.fix).toBeNull();
  });

  it('prints a table by default', () => {
    const r = runCli(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RULE\s+CATEGORY\s+SEVERITY\s+FIX\s+SUMMARY$/);
    expect(lines).toHaveLength(allRules.length + 1);
    expect(lines.find((l) => l.startsWith('legacy-key '))).toMatch(/^legacy-key\s+legacy\s+error\s+safe\s+A key from LXC 2\.x/);
    expect(runCli(['rules', 'extra']).code).toBe(2);
  });
});

describe('lxclint explain', () => {
  it('prints the rule doc: summary, description, bad and good examples, fix safety', () => {
    const r = runCli(['explain', 'inline-comment']);
    expect(r.code).toBe(0);
    const rule = allRules.find((x) => x.id === 'inline-comment')!;
    expect(r.stdout.startsWith(`inline-comment: ${rule.summary}\n`)).toBe(true);
    expect(r.stdout).toContain('Default severity:  warning');
    expect(r.stdout).toContain('Fix:               unsafe');
    for (const line of rule.docs.bad.split('\n')) expect(r.stdout).toContain(`    ${line}`);
    for (const line of rule.docs.good.split('\n')) expect(r.stdout).toContain(`    ${line}`);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(rule.docs.description.replace(/\s+/g, ' '));
  });

  it('--markdown prints the docs page', () => {
    const r = runCli(['explain', '--markdown', 'legacy-key']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# legacy-key\n')).toBe(true);
    expect(r.stdout).toContain('## Example');
  });

  it('an unknown rule is exit 2 with "did you mean"', () => {
    const r = runCli(['explain', 'duplicate-keys']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lxclint explain: unknown rule "duplicate-keys" (did you mean "duplicate-key"?); "lxclint rules" lists them\n');
    expect(runCli(['explain']).code).toBe(2);
    expect(runCli(['explain', 'a', 'b']).code).toBe(2);
  });

  it('main help lists the commands', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['check', 'rules', 'explain']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });
});

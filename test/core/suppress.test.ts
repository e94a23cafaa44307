import { describe, expect, it } from 'vitest';
import { allRules, lintText, parseConfig, parseSuppressions, type Diagnostic } from '@lxclint/core';

const ids = allRules.map((r) => r.id);
const opts = { isKnownRule: (id: string) => ids.includes(id), ruleIds: ids, unsuppressible: new Set(['suppression-unused']) };
const parse = (text: string) => parseSuppressions(parseConfig(text, { uri: '/t/config' }), opts);
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.ruleId}`);

describe('parseSuppressions', () => {
  it('reads rule lists, reasons and targets', () => {
    const { directives, problems } = parse(
      [
        '# lxclint-disable-next-line duplicate-key ,legacy-key -- kept for the template',
        '',
        '# another comment',
        'lxc.uts.name = a',
        '\t#lxclint-disable',
        '# lxclint-disable-next-line -- everything',
        'lxc.arch = x86_64',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(directives.map(({ kind, line, target, reason, rules }) => ({ kind, line, target, reason, rules: rules?.map((r) => r.id) ?? null }))).toEqual([
      { kind: 'next-line', line: 0, target: 3, reason: 'kept for the template', rules: ['duplicate-key', 'legacy-key'] },
      { kind: 'file', line: 4, target: undefined, reason: undefined, rules: null },
      { kind: 'next-line', line: 5, target: 6, reason: 'everything', rules: null },
    ]);
    // Offsets of each id, for precise reports.
    const d = directives[0]!;
    expect(d.doc.text.slice(d.rules![1]!.start, d.rules![1]!.end)).toBe('legacy-key');
  });

  it('ignores comments that are not directives', () => {
    for (const text of ['# lxclint-test: version=7.0', '# see lxclint-disable in the README', '#', '# lxclint', '# LXCLINT-DISABLE']) {
      expect(parse(`${text}\nlxc.arch = x86_64`)).toMatchObject({ directives: [], problems: [] });
    }
  });

  it('a "--" inside a word is not the reason separator', () => {
    const { directives, problems } = parse('# lxclint-disable-next-line duplicate-key--x\nlxc.arch = x');
    expect(directives).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(['Unknown rule "duplicate-key--x" (did you mean "duplicate-key"?); it is not suppressed']);
  });

  it('drops unknown ids but keeps the known ones', () => {
    const { directives, problems } = parse('# lxclint-disable nope, duplicate-key\nlxc.arch = x');
    expect(directives[0]!.rules!.map((r) => r.id)).toEqual(['duplicate-key']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^Unknown rule "nope"/);
  });

  it('a directive whose ids are all unknown covers nothing (not everything)', () => {
    const { directives, problems } = parse('# lxclint-disable nope\nlxc.arch = x');
    expect(directives).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});

describe('suppressions in the engine', () => {
  const dup = 'lxc.uts.name = a\nlxc.uts.name = b\n';
  const lint = (text: string, options = {}) => lintText(text, '/t/config', undefined, options);

  it('next-line hides only the next line', () => {
    const r = lint(`# lxclint-disable-next-line duplicate-key\n${dup}lxc.uts.name = c\n`);
    expect(show(r.diagnostics)).toEqual(['3:1 duplicate-key']);
    expect(r.suppressed.map((s) => s.diagnostic.range.start.line + 1)).toEqual([2]);
    expect(r.suppressed[0]!.directive.kind).toBe('next-line');
  });

  it('file-level hides the rule everywhere, wherever the directive is', () => {
    const r = lint(`${dup}lxc.uts.name = c\n# lxclint-disable duplicate-key -- generated\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.suppressed).toHaveLength(2);
  });

  it('does not hide other rules', () => {
    const r = lint(`# lxclint-disable legacy-key\n${dup}`);
    expect(show(r.diagnostics)).toEqual(['1:1 suppression-unused', '2:1 duplicate-key']);
  });

  it('reports unused directives with a fix that deletes the line', () => {
    const text = 'lxc.arch = x86_64\n# lxclint-disable-next-line duplicate-key\nlxc.uts.name = a\n';
    const r = lint(text);
    expect(show(r.diagnostics)).toEqual(['2:1 suppression-unused']);
    const edit = r.diagnostics[0]!.fix!.edits[0]!;
    expect(text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).toBe('lxc.arch = x86_64\nlxc.uts.name = a\n');
    expect(r.diagnostics[0]!.fix!.safe).toBe(true);
  });

  it('a rule that did not run does not make a suppression unused', () => {
    const r = lint(`# lxclint-disable-next-line duplicate-key\nlxc.uts.name = a\n`, { rules: { 'duplicate-key': 'off' } });
    expect(r.diagnostics).toEqual([]);
  });

  it('a host rule skipped for want of facts does not make its suppression unused; a blanket one is still reported', async () => {
    const { defineRule, getRule } = await import('@lxclint/core');
    const hostRule = defineRule({
      id: 'test-host-rule', category: 'host', severity: 'warning', summary: 's', needsHost: true, docs: { description: 'd', bad: 'b', good: 'g' },
      check(ctx) {
        for (const e of ctx.config.entries) ctx.report({ doc: e.doc, start: e.line.start, end: e.line.contentEnd, message: 'host' });
      },
    });
    const ruleSet = [hostRule, getRule('suppression-unused')!, getRule('suppression-malformed')!];
    const named = '# lxclint-disable-next-line test-host-rule\nlxc.uts.name = a\n';
    expect(lint(named, { ruleSet }).diagnostics).toEqual([]);
    const host = { version: 1 as const, links: [] };
    expect(lint(named, { ruleSet, host })).toMatchObject({ diagnostics: [], suppressed: [{ diagnostic: { ruleId: 'test-host-rule' } }] });
    expect(show(lint('# lxclint-disable-next-line\nlxc.uts.name = a\n', { ruleSet }).diagnostics)).toEqual(['1:1 suppression-unused']);
  });

  it('honours severity settings of the suppression rules, and can be turned off', () => {
    const text = '# lxclint-disable-next-line nope\nlxc.uts.name = a\n';
    expect(lint(text, { rules: { 'suppression-malformed': 'error' } }).diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(lint(text, { rules: { 'suppression-malformed': 'off' } }).diagnostics).toEqual([]);
    expect(lint(`# lxclint-disable-next-line duplicate-key\n${dup}`, { inlineSuppressions: false }).diagnostics.map((d) => d.ruleId)).toEqual(['duplicate-key']);
  });

  it('applies to findings of an included file through that file\'s own directives', async () => {
    const { MemoryFileSystem, lintDocument } = await import('@lxclint/core');
    const fs = new MemoryFileSystem({ '/t/inc.conf': `# lxclint-disable duplicate-key\n${dup}` }, '/t');
    const r = lintDocument(parseConfig('lxc.include = /t/inc.conf\n# lxclint-disable duplicate-key\n', { uri: '/t/config' }), fs);
    // The root's directive does not reach into the included file, so it is unused there.
    expect(r.diagnostics.map((d) => `${d.uri} ${d.ruleId}`)).toEqual(['/t/config suppression-unused']);
    expect(r.suppressed.map((s) => s.diagnostic.uri)).toEqual(['/t/inc.conf']);
  });
});

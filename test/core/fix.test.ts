import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEdits, defineRule, editsAreValid, editsConflict, fixText, getRule, MemoryFileSystem, selectFixes, type Diagnostic, type Rule, type TextEdit,
} from '@lxclint/core';

// The rules whose fixes these tests are about (other rules' fixes must not change the expectations).
const ruleSet = ['legacy-key', 'unknown-key', 'inline-comment'].map((id) => getRule(id)!);

describe('applyEdits', () => {
  it('replaces ranges and inserts, an insertion at a range start landing before it', () => {
    expect(applyEdits('abcdef', [{ start: 1, end: 3, newText: 'X' }, { start: 1, end: 1, newText: '>' }, { start: 6, end: 6, newText: '!' }])).toBe('a>Xdef!');
  });
  it('refuses overlapping edits and two insertions at one offset', () => {
    expect(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }])).toThrow();
    expect(editsConflict({ start: 1, end: 1, newText: 'a' }, { start: 1, end: 1, newText: 'b' })).toBe(true);
    expect(editsConflict({ start: 2, end: 2, newText: 'a' }, { start: 1, end: 3, newText: 'b' })).toBe(true);
    expect(editsConflict({ start: 3, end: 3, newText: 'a' }, { start: 1, end: 3, newText: 'b' })).toBe(false);
    expect(editsAreValid([{ start: 0, end: 5, newText: '' }], 4)).toBe(false);
  });
  it('never touches a character outside the edited ranges (property)', () => {
    const gen = fc.string({ maxLength: 40 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(
          fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }), fc.string({ maxLength: 5 })).map(([a, b, t]) => ({
            start: Math.min(a, b), end: Math.max(a, b), newText: t,
          })),
          { maxLength: 6 },
        ),
      ),
    );
    fc.assert(
      fc.property(gen, ([text, raw]) => {
        // Keep a non-conflicting subset, as the fix loop does.
        const edits: TextEdit[] = [];
        for (const e of raw) if (!edits.some((t) => editsConflict(e, t))) edits.push(e);
        const result = applyEdits(text, edits);
        // Rebuild the expected text piece by piece: untouched stretches must appear unchanged in order.
        const sorted = [...edits].sort((a, b) => a.start - b.start || (a.end === a.start ? -1 : 1));
        let expected = '';
        let at = 0;
        for (const e of sorted) {
          expected += text.slice(at, e.start) + e.newText;
          at = e.end;
        }
        expect(result).toBe(expected + text.slice(at));
      }),
      { numRuns: 2000 },
    );
  });
});

const diag = (ruleId: string, edits: TextEdit[], safe = true, uri = 'c'): Diagnostic => ({
  ruleId, severity: 'error', message: '', uri, start: edits[0]!.start, end: edits[0]!.end,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  fix: { description: ruleId, safe, edits },
});

describe('selectFixes', () => {
  it('takes a fix whole or not at all, skips conflicts, unsafe ones and other files', () => {
    const ds = [
      diag('a', [{ start: 0, end: 3, newText: 'x' }]),
      diag('b', [{ start: 2, end: 4, newText: 'y' }, { start: 8, end: 9, newText: 'z' }]),
      diag('c', [{ start: 5, end: 6, newText: 'u' }], false),
      diag('d', [{ start: 6, end: 7, newText: 'v' }], true, 'other'),
      diag('e', [{ start: 0, end: 3, newText: 'x' }]),
    ];
    expect(selectFixes(ds, 'c', 10, {}).chosen.map((d) => d.ruleId)).toEqual(['a']);
    expect(selectFixes(ds, 'c', 10, { unsafe: true }).chosen.map((d) => d.ruleId)).toEqual(['a', 'c']);
  });
});

describe('fixText with the real rules', () => {
  it('applies safe fixes only by default and reports unsafe ones as remaining', () => {
    const r = fixText('lxc.utsname = a\nlxc.uts.nmae = b\n', 'c', undefined, { ruleSet });
    expect(r.text).toBe('lxc.uts.name = a\nlxc.uts.nmae = b\n');
    expect(r.applied.map((a) => a.ruleId)).toEqual(['legacy-key']);
    expect(r.remaining.some((d) => d.ruleId === 'unknown-key' && d.fix && !d.fix.safe)).toBe(true);
    expect(r.converged).toBe(true);
  });
  it('applies unsafe fixes when asked: typo, inline comment', () => {
    const r = fixText('lxc.uts.nmae = b\n  lxc.net.0.type = veth\n  lxc.net.0.link = br0 # the bridge\n', 'c', undefined, { unsafe: true, ruleSet });
    expect(r.text).toBe('lxc.uts.name = b\n  lxc.net.0.type = veth\n  # the bridge\n  lxc.net.0.link = br0\n');
  });
  it('numbers legacy network keys by their block', () => {
    const r = fixText('lxc.network.type = veth\nlxc.network.link = br0\nlxc.network.type = veth\nlxc.network.ipv4 = 192.0.2.2/24\n', 'c', undefined, { ruleSet });
    expect(r.text).toBe('lxc.net.0.type = veth\nlxc.net.0.link = br0\nlxc.net.1.type = veth\nlxc.net.1.ipv4.address = 192.0.2.2/24\n');
  });
  it('only edits the file it was given, not the files it includes', () => {
    const fs = new MemoryFileSystem({ '/inc.conf': 'lxc.utsname = x\n' });
    const r = fixText('lxc.include = /inc.conf\nlxc.tty = 4\n', '/c', fs, { ruleSet });
    expect(r.text).toBe('lxc.include = /inc.conf\nlxc.tty.max = 4\n');
    expect(r.remaining.some((d) => d.uri === '/inc.conf' && d.ruleId === 'legacy-key')).toBe(true);
    expect(new TextDecoder().decode(fs.readFile('/inc.conf'))).toBe('lxc.utsname = x\n');
  });
  it('re-lints between passes until nothing changes, and stops a fix that keeps firing', () => {
    // Two edits at one offset conflict, so one waits for the next pass.
    const twice: Rule = defineRule({
      id: 'twice', category: 'style', severity: 'info', summary: 's', fix: 'safe', docs: { description: '', bad: '', good: '' },
      check(ctx) {
        const doc = ctx.config.root;
        if (!doc.text.startsWith('##')) {
          for (let i = 0; i < 2; i++) ctx.report({ doc, start: 0, end: 0, message: 'm', fix: { description: 'd', safe: true, edits: [{ start: 0, end: 0, newText: '#' }] } });
        }
      },
    });
    const r = fixText('lxc.a = 1\n', 'c', undefined, { ruleSet: [twice] });
    expect(r.text).toBe('##lxc.a = 1\n');
    expect(r.passes).toBe(2);
    expect(r.converged).toBe(true);
    const forever: Rule = { ...twice, id: 'forever', check(ctx) {
      ctx.report({ doc: ctx.config.root, start: 0, end: 0, message: 'm', fix: { description: 'd', safe: true, edits: [{ start: 0, end: 0, newText: 'x' }] } });
    } };
    const f = fixText('a\n', 'c', undefined, { ruleSet: [forever], maxPasses: 5 });
    expect(f.converged).toBe(false);
    expect(f.passes).toBe(5);
    expect(f.text).toBe('xxxxxa\n');
  });
  it('converges on every small legacy config (property): a second run finds nothing to apply', () => {
    const line = fc.constantFrom(
      'lxc.utsname = a', 'lxc.network.type = veth', 'lxc.network.link = br0', 'lxc.network.ipv4 = 192.0.2.1/24', 'lxc.tty = 4',
      'lxc.uts.nmae = x', 'lxc.net.0.link = br0 # c', 'lxc.aa_profile = unconfined', '# lxc.network.type = veth', 'lxc.limit.nofile = 10',
      'lxc.mount.entry = a b none bind 0 0', '  lxc.id_map = u 0 100000 65536',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.boolean(), (lines, unsafe) => {
        const text = lines.map((l) => `${l}\n`).join('');
        const r = fixText(text, 'c', undefined, { unsafe, ruleSet });
        expect(r.converged).toBe(true);
        const again = fixText(r.text, 'c', undefined, { unsafe, ruleSet });
        expect(again.changed).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
  it('converges with every rule of the registry and all fixes on (property over realistic lines)', () => {
    const line = fc.constantFrom(
      'lxc.utsname = a', 'lxc.network.type = veth', 'lxc.network.link = br0 # main bridge', 'lxc.network.ipv4 = 192.0.2.1/24',
      'lxc.net.0.type = veth', 'lxc.net.0.link = "lxcbr0"', 'lxc.net.0.name = averyveryverylongname0', 'lxc.uts.nmae = x',
      'lxc.aa_profile = "unconfined"', 'lxc.tty.max = 4 # ttys', "lxc.arch = 'amd64'", 'lxc.limit.nofile = 10', 'lxc.net.1.link = x',
      'lxc.cap.drop = sys_module', 'lxc.cap.keep = none', '# lxclint-disable-next-line unknown-key', 'lxc.start.auto = 1',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, unsafe) => {
        const text = lines.map((l) => `${l}\n`).join('');
        const r = fixText(text, 'c', undefined, { unsafe });
        expect(r.converged).toBe(true);
        expect(fixText(r.text, 'c', undefined, { unsafe }).changed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

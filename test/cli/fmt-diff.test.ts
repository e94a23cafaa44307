/** The unified diff used by fmt --diff, migrate and check --fix-dry-run: applying it to the old text gives the new. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../packages/cli/src/io/diff';

/** A strict applier for our own output: checks every context and removed line against the old text. */
function applyUnified(before: string, diff: string): string {
  const oldLines = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const body = diff.split('\n').slice(2); // headers
  const out: string[] = [];
  let at = 0;
  let i = 0;
  while (i < body.length && body[i] !== '') {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(body[i]!);
    if (!m) throw new Error(`bad hunk header ${body[i]}`);
    const oldStart = Number(m[2]) === 0 ? Number(m[1]) : Number(m[1]) - 1;
    while (at < oldStart) out.push(oldLines[at++]!);
    i++;
    while (i < body.length && /^[ +-]/.test(body[i]!)) {
      const kind = body[i]![0];
      let text = `${body[i]!.slice(1)}\n`;
      if (body[i + 1] === '\\ No newline at end of file') {
        text = text.slice(0, -1);
        i++;
      }
      if (kind === '+') out.push(text);
      else {
        if (oldLines[at] !== text) throw new Error(`context mismatch at old line ${at + 1}: ${JSON.stringify(oldLines[at])} vs ${JSON.stringify(text)}`);
        if (kind === ' ') out.push(text);
        at++;
      }
      i++;
    }
  }
  while (at < oldLines.length) out.push(oldLines[at++]!);
  return out.join('');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts and marks a missing final newline', () => {
    expect(unifiedDiff('a\n', 'a\n', 'a', 'b')).toBe('');
    expect(unifiedDiff('a', 'a\n', 'x', 'y')).toBe('--- x\n+++ y\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n');
  });
  it('applies back to the new text (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'lxc.x = 1', ''), { maxLength: 30 }).chain((lines) =>
      fc.boolean().map((finalNl) => lines.join('\n') + (finalNl && lines.length > 0 ? '\n' : '')),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = unifiedDiff(a, b, 'a', 'b', 2);
        expect(d === '').toBe(a === b);
        if (d !== '') expect(applyUnified(a, d)).toBe(b);
      }),
      { numRuns: 2000 },
    );
  });
});

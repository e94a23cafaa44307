/**
 * Unified diff of two texts (Myers' O(ND) algorithm over lines), for `fmt --diff`, `migrate` and
 * `check --fix-dry-run`. Lines keep their line ends when compared, so a CRLF → LF change shows up as a change;
 * a missing final newline is marked the way diff(1) marks it.
 */

function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
      // A lone CR ends a line for liblxc, so it does here too.
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script between two line arrays. */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the trace.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1]! < vd[max + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[max + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[x - 1]! });
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[y - 1]! });
    else ops.push({ kind: '-', line: a[x - 1]! });
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function show(op: Op): string {
  const body = op.line.endsWith('\n') ? op.line : op.line.endsWith('\r') ? `${op.line}\n` : `${op.line}\n\\ No newline at end of file\n`;
  return `${op.kind}${body}`;
}

/** A unified diff with `context` lines around each change; '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change that is
    // at most 2*context unchanged lines away from the next.
    let start = i;
    while (start > 0 && i - start < context && ops[start - 1]!.kind === ' ') start--;
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let same = 0;
      while (end + same < ops.length && ops[end + same]!.kind === ' ') same++;
      if (end + same < ops.length && same <= 2 * context) {
        end += same;
        continue;
      }
      end += Math.min(same, context);
      break;
    }
    let oldStart = 1;
    let newStart = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j]!.kind !== '+') oldStart++;
      if (ops[j]!.kind !== '-') newStart++;
    }
    const hunk = ops.slice(start, end);
    const oldLen = hunk.filter((o) => o.kind !== '+').length;
    const newLen = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${oldLen === 0 ? oldStart - 1 : oldStart},${oldLen} +${newLen === 0 ? newStart - 1 : newStart},${newLen} @@\n`;
    for (const op of hunk) out += show(op);
    i = end;
  }
  return out;
}

/**
 * What liblxc reads from a text, computed the way parse.c and confile.c's parse_line() do it, independently
 * of our scanner and parser: cut at the first NUL, split on runs of CR/LF, drop blank lines, comments and
 * lines that do not start with `lxc.`, split at the first `=`, trim, strip one pair of quotes.
 *
 * The formatter and migration compare this view before and after their edits, so a bug in the tree cannot
 * silently change a config: two implementations have to agree.
 */

export type LiblxcLine = { kind: 'entry'; key: string; value: string } | { kind: 'invalid'; text: string };

const EMPTY_LINE = /^[ \t\n\r\f]*$/;

export function liblxcView(text: string): LiblxcLine[] {
  const nul = text.indexOf('\0');
  const body = nul === -1 ? text : text.slice(0, nul);
  const out: LiblxcLine[] = [];
  for (const raw of body.split(/[\r\n]+/)) {
    if (EMPTY_LINE.test(raw)) continue;
    const line = raw.replace(/^[ \t]+/, '');
    if (line.startsWith('#') || !line.startsWith('lxc.')) continue;
    const eq = line.indexOf('=');
    if (eq === -1) {
      out.push({ kind: 'invalid', text: line });
      continue;
    }
    const key = line.slice(0, eq).replace(/[ \t\n\0]+$/, '');
    let value = line.slice(eq + 1).replace(/^[ \t]+/, '').replace(/[ \t\n]+$/, '');
    const q = value[0];
    if (value.length >= 2 && (q === '"' || q === "'") && value.endsWith(q)) value = value.slice(1, -1);
    out.push({ kind: 'entry', key, value });
  }
  return out;
}

/** True when liblxc reads the same lines, in the same order, from both texts. */
export function sameForLiblxc(a: string, b: string): boolean {
  const x = liblxcView(a);
  const y = liblxcView(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const r = y[i]!;
    if (p.kind !== r.kind) return false;
    if (p.kind === 'entry' && r.kind === 'entry' && (p.key !== r.key || p.value !== r.value)) return false;
    if (p.kind === 'invalid' && r.kind === 'invalid' && p.text !== r.text) return false;
  }
  return true;
}

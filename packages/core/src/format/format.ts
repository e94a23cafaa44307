/**
 * The formatter: lossless tree → canonical text, as one edit per changed line.
 *
 * Canonical style: `key = value` (one space around the first `=`, or `=` aligned within a block of lines when
 * `alignEquals` is on), no indentation, no trailing blanks, at most `blankLinesMax` blank lines in a row, no
 * blank lines at the start or end, a final newline, LF line endings unless every line ends in CRLF.
 *
 * Why each change is safe for liblxc (parse_line() in confile.c):
 *   - indentation: liblxc skips leading space and tab before looking at a line, and that is all we remove
 *     (a leading form feed is not indentation: it makes the line a non-`lxc.` line, and it stays);
 *   - blanks around `=` and after the value: liblxc trims exactly space and tab there, and so do we; the key
 *     and the value, quotes included, are copied unchanged (a trailing form feed stays in the value);
 *   - blank lines (space, tab, form feed only): liblxc never sees them;
 *   - line endings: LF, CRLF and a lone CR all end a line for liblxc.
 * Comments keep their text from `#` on byte for byte (only the blanks after it go). Lines liblxc ignores
 * (not starting with `lxc.`) lose indentation and trailing blanks, and nothing inside them changes: they may
 * be meant for another tool, or be a typo that `check` reports. A line liblxc rejects (`lxc.` without `=`) is
 * left exactly as it is, and reported. Everything from a NUL byte on is never read by liblxc and is kept.
 *
 * The result is checked against an independent reading of both texts (liblxc-view.ts); if they differ, the
 * input is returned unchanged with a note, so a formatter bug can never change a config.
 */
import { applyEdits } from '../fix/edits';
import type { TextEdit } from '../rules/types';
import type { ConfigDocument, LineNode } from '../syntax/tree';
import { sameForLiblxc } from './liblxc-view';

export interface FormatOptions {
  /** Pad keys so the `=` of consecutive lines line up (a block ends at a blank line). Default false. */
  alignEquals?: boolean;
  /** Most blank lines kept in a row. Default 1. */
  blankLinesMax?: number;
  /** `auto` (default): CRLF when every line already ends in CRLF, else LF. */
  lineEnding?: 'auto' | 'lf' | 'crlf';
}

export const DEFAULT_FORMAT_OPTIONS: Required<FormatOptions> = { alignEquals: false, blankLinesMax: 1, lineEnding: 'auto' };

export interface FormatNote {
  /** 0-based line in the input. */
  line: number;
  kind: 'syntax-error' | 'not-proven';
  message: string;
}

export interface FormatResult {
  text: string;
  changed: boolean;
  /** One edit per changed line of the input (ranges are whole lines, end of line included). */
  edits: TextEdit[];
  notes: FormatNote[];
}

interface OutLine {
  node: LineNode;
  /** The line's content without its end of line; null for a blank line. */
  content: string | null;
  /** For lxc entries: the key and the rest after it (`= value`), so alignment can pad between. */
  key?: string;
  rest?: string;
  keep: boolean;
}

const TRAILING_BLANKS = /[ \t]+$/;

export function formatDocument(doc: ConfigDocument, options: FormatOptions = {}): FormatResult {
  const opts = { ...DEFAULT_FORMAT_OPTIONS, ...options };
  const text = doc.text;
  const notes: FormatNote[] = [];
  const eol = chooseEol(doc, opts.lineEnding);

  const out: OutLine[] = doc.lines.map((node) => {
    switch (node.kind) {
      case 'blank':
        return { node, content: null, keep: true };
      case 'comment':
        return { node, content: text.slice(node.comment.start, node.comment.end).replace(TRAILING_BLANKS, ''), keep: true };
      case 'text':
        if (node.invalid) {
          notes.push({ line: node.line, kind: 'syntax-error', message: `no "=" on this line: liblxc refuses to load the file; left as it is` });
          return { node, content: text.slice(node.start, node.contentEnd), keep: true };
        }
        return { node, content: text.slice(node.body.start, node.body.end).replace(TRAILING_BLANKS, ''), keep: true };
      case 'entry': {
        if (!node.isLxc) return { node, content: text.slice(node.indent.end, node.valueSpan.end), keep: true };
        const raw = text.slice(node.valueSpan.start, node.valueSpan.end);
        const rest = raw === '' ? '=' : `= ${raw}`;
        return { node, content: `${node.key} ${rest}`, key: node.key, rest, keep: true };
      }
    }
  });

  // Blank lines: none at the start or the end, at most blankLinesMax in a row.
  let firstContent = out.findIndex((l) => l.content !== null);
  if (firstContent === -1) firstContent = out.length;
  let run = 0;
  for (let i = 0; i < out.length; i++) {
    const l = out[i]!;
    if (l.content !== null) {
      run = 0;
      continue;
    }
    run++;
    if (i < firstContent || run > opts.blankLinesMax) l.keep = false;
  }
  for (let i = out.length - 1; i >= 0 && out[i]!.content === null; i--) out[i]!.keep = false;

  if (opts.alignEquals) align(out);

  // Rebuild: each kept line gets the chosen end of line; before a NUL tail, a last line without one stays so.
  const kept = out.filter((l) => l.keep);
  const lastKept = kept[kept.length - 1];
  const edits: TextEdit[] = [];
  for (const l of out) {
    let replacement = '';
    if (l.keep) {
      const lineEol = l === lastKept && doc.nulTail && l.node.eol === '' ? '' : eol;
      replacement = (l.content ?? '') + lineEol;
    }
    if (replacement !== text.slice(l.node.start, l.node.end)) edits.push({ start: l.node.start, end: l.node.end, newText: replacement });
  }
  const formatted = edits.length === 0 ? text : applyEdits(text, edits);

  if (formatted !== text && !sameForLiblxc(text, formatted)) {
    notes.push({ line: 0, kind: 'not-proven', message: 'the formatted text would read differently for liblxc; the file was left unchanged (please report this)' });
    return { text, changed: false, edits: [], notes };
  }
  return { text: formatted, changed: formatted !== text, edits, notes };
}

/** LF unless every line that has an end of line ends in CRLF (a lone CR is a line end for liblxc too). */
function chooseEol(doc: ConfigDocument, mode: FormatOptions['lineEnding']): string {
  if (mode === 'lf') return '\n';
  if (mode === 'crlf') return '\r\n';
  let crlf = 0;
  for (const l of doc.lines) {
    if (l.eol === '') continue;
    if (l.eol !== '\r\n') return '\n';
    crlf++;
  }
  return crlf > 0 ? '\r\n' : '\n';
}

/** Pad keys of lxc entries so `=` lines up within each run of non-blank output lines. */
function align(out: OutLine[]): void {
  let block: OutLine[] = [];
  const flush = () => {
    const width = Math.max(0, ...block.map((l) => (l.key !== undefined ? [...l.key].length : 0)));
    for (const l of block) if (l.key !== undefined) l.content = `${l.key}${' '.repeat(width - [...l.key].length + 1)}${l.rest}`;
    block = [];
  };
  for (const l of out) {
    if (!l.keep) continue;
    if (l.content === null) flush();
    else block.push(l);
  }
  flush();
}

/** Read and check the `format` section of a project config (`lxclint.json`). */
export function parseFormatOptions(raw: Record<string, unknown> | undefined): { options: FormatOptions; errors: string[] } {
  const options: FormatOptions = {};
  const errors: string[] = [];
  if (!raw) return { options, errors };
  for (const [k, v] of Object.entries(raw)) {
    switch (k) {
      case 'alignEquals':
        if (typeof v === 'boolean') options.alignEquals = v;
        else errors.push(`format.alignEquals: must be true or false, got ${JSON.stringify(v)}`);
        break;
      case 'blankLinesMax':
        if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100) options.blankLinesMax = v;
        else errors.push(`format.blankLinesMax: must be a whole number from 0 to 100, got ${JSON.stringify(v)}`);
        break;
      case 'lineEnding':
        if (v === 'auto' || v === 'lf' || v === 'crlf') options.lineEnding = v;
        else errors.push(`format.lineEnding: must be "auto", "lf" or "crlf", got ${JSON.stringify(v)}`);
        break;
      default:
        errors.push(`format: unknown setting "${k}"; allowed: alignEquals, blankLinesMax, lineEnding`);
    }
  }
  return { options, errors };
}

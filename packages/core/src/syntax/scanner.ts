/**
 * The lexer: a hand-written scanner that produces chevrotain tokens.
 *
 * It works in three modes per line, mirroring liblxc's parse_line():
 *   line-start — skip space/tab; decide blank line, comment (`#`), or content;
 *   key        — content up to the first `=` (none: a Text token);
 *   value      — after `=`, trimmed of space/tab on both sides.
 * Lines end at `\n`, `\r\n` or a lone `\r`; a NUL ends the whole input (liblxc reads a C string).
 * A regex-driven chevrotain Lexer spends most of its time per token; this loop uses charCodeAt and
 * indexOf only, so a line costs a handful of comparisons and five numbers.
 *
 * Allocation is what the profile shows (10,000 lines → 30,000+ tokens), so: line ends are not tokens (the
 * parser reads them from `lineStarts`/`contentEnds`), and a line's token is one shared object per token type:
 * chevrotain only looks at a token's type, and the offsets the tree needs (where the content starts; for an
 * entry line its key, `=` and value) go into one flat array of numbers, `marks`, five per line.
 */
import type { IToken, TokenType } from 'chevrotain';
import { Blank, Comment, Entry, NulTail, Text } from './tokens';

const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const HASH = 35;

export interface ScanResult {
  tokens: IToken[];
  /** Offset of each line's start (0-based line numbers index it). */
  lineStarts: number[];
  /** Offset where each line's content ends (its end-of-line sequence starts), indexed like lineStarts. */
  contentEnds: number[];
  /** Offset of the first NUL, or -1. */
  nulAt: number;
  /**
   * Five numbers per line (index `line * MARKS`): where the content starts after the indent (comment and text
   * lines), and for entry lines the key's start, its end, the `=`, and the trimmed value's start and end.
   */
  marks: Int32Array;
}

/** Numbers per line in `ScanResult.marks`. */
export const MARKS = 5;

/** A growing Int32Array of line marks (typed: five plain pushes per line cost more than the token objects they replace). */
class MarkWriter {
  data = new Int32Array(MARKS * 256);
  length = 0;
  put(a: number, b: number, c: number, d: number, e: number): void {
    let data = this.data;
    const n = this.length;
    if (n + MARKS > data.length) {
      const grown = new Int32Array(data.length * 2);
      grown.set(data);
      this.data = data = grown;
    }
    data[n] = a;
    data[n + 1] = b;
    data[n + 2] = c;
    data[n + 3] = d;
    data[n + 4] = e;
    this.length = n + MARKS;
  }
}

/** The one token object of each line type (see the file comment); offsets are in `marks`, not here. */
function lineToken(tokenType: TokenType): IToken {
  return { image: '', startOffset: -1, endOffset: -1, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx! };
}
const BLANK = lineToken(Blank);
const COMMENT = lineToken(Comment);
const TEXT = lineToken(Text);
const ENTRY = lineToken(Entry);

/** The NUL tail's token: the one token whose offsets chevrotain hands back (its image is cut only when read). */
export class ScanToken implements IToken {
  readonly tokenTypeIdx: number;
  constructor(
    readonly tokenType: TokenType,
    readonly startOffset: number,
    /** Inclusive, as chevrotain has it. */
    readonly endOffset: number,
    private readonly src: string,
  ) {
    this.tokenTypeIdx = tokenType.tokenTypeIdx!;
  }
  get image(): string {
    return this.src.slice(this.startOffset, this.endOffset + 1);
  }
}

export function scan(text: string): ScanResult {
  const tokens: IToken[] = [];
  const marks = new MarkWriter();
  const lineStarts: number[] = [];
  const contentEnds: number[] = [];
  const nulAt = text.indexOf('\0');
  const limit = nulAt === -1 ? text.length : nulAt;
  let lineStart = 0;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  for (;;) {
    lineStarts.push(lineStart);
    // Next LF and CR are found with indexOf and remembered until passed: one native scan per file.
    if (nextLf !== -1 && nextLf < lineStart) nextLf = text.indexOf('\n', lineStart);
    if (nextCr !== -1 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    let contentEnd = limit;
    if (nextLf !== -1 && nextLf < contentEnd) contentEnd = nextLf;
    if (nextCr !== -1 && nextCr < contentEnd) contentEnd = nextCr;
    contentEnds.push(contentEnd);
    // An empty last line (the text ends with a line break, or a NUL starts it) is not a line of the document.
    if (contentEnd > lineStart || contentEnd < limit) scanLine(text, lineStart, contentEnd, tokens, marks);
    if (contentEnd >= limit) break;
    lineStart = contentEnd + (text.charCodeAt(contentEnd) === CR && contentEnd + 1 < limit && text.charCodeAt(contentEnd + 1) === LF ? 2 : 1);
  }
  if (nulAt !== -1) tokens.push(new ScanToken(NulTail, nulAt, text.length - 1, text));
  return { tokens, lineStarts, contentEnds, nulAt, marks: marks.data };
}

/** Mode line-start, then key and value: one line's tokens. Every line gets at least one token. */
function scanLine(text: string, lineStart: number, contentEnd: number, out: IToken[], marks: MarkWriter): void {
  // line-start: only space and tab are skipped (lxc_char_left_gc); form feed counts for blank lines only.
  let p = lineStart;
  while (p < contentEnd) {
    const c = text.charCodeAt(p);
    if (c !== SPACE && c !== TAB) break;
    p++;
  }
  if (isBlankRun(text, p, contentEnd)) {
    // May be empty (an empty line): the token marks that the line exists.
    out.push(BLANK);
    marks.put(p, 0, 0, 0, 0);
    return;
  }
  if (text.charCodeAt(p) === HASH) {
    out.push(COMMENT);
    marks.put(p, 0, 0, 0, 0);
    return;
  }
  // key mode: everything up to the first '='.
  const eq = text.indexOf('=', p);
  if (eq === -1 || eq >= contentEnd) {
    out.push(TEXT);
    marks.put(p, 0, 0, 0, 0);
    return;
  }
  let keyEnd = eq;
  while (keyEnd > p) {
    const c = text.charCodeAt(keyEnd - 1);
    if (c !== SPACE && c !== TAB) break;
    keyEnd--;
  }
  // value mode: trim space/tab on both sides (a trailing form feed stays, as in liblxc).
  let vs = eq + 1;
  while (vs < contentEnd) {
    const c = text.charCodeAt(vs);
    if (c !== SPACE && c !== TAB) break;
    vs++;
  }
  let ve = contentEnd;
  while (ve > vs) {
    const c = text.charCodeAt(ve - 1);
    if (c !== SPACE && c !== TAB) break;
    ve--;
  }
  // An empty key starts at `=` (the indent runs up to it), an empty value just after it.
  out.push(ENTRY);
  if (ve > vs) marks.put(keyEnd > p ? p : eq, keyEnd > p ? keyEnd : eq, eq, vs, ve);
  else marks.put(keyEnd > p ? p : eq, keyEnd > p ? keyEnd : eq, eq, eq + 1, eq + 1);
}

function isBlankRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== FF) return false;
  }
  return true;
}

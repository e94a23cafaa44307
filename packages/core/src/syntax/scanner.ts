/**
 * The lexer: a hand-written scanner that produces chevrotain tokens.
 *
 * It works in three modes per line, mirroring liblxc's parse_line():
 *   line-start — skip space/tab; decide blank line, comment (`#`), or content;
 *   key        — content up to the first `=` (none: a Text token);
 *   value      — after `=`, trimmed of space/tab on both sides.
 * Lines end at `\n`, `\r\n` or a lone `\r`; a NUL ends the whole input (liblxc reads a C string).
 * A regex-driven chevrotain Lexer spends most of its time per token; this loop uses charCodeAt and
 * indexOf only, so a line costs a handful of comparisons plus its token objects.
 *
 * Allocation is what the profile shows (10,000 lines → 30,000+ tokens), so: line ends are not tokens (the
 * parser reads them from `lineStarts`/`contentEnds`), an entry line is one Entry token carrying the offsets of
 * its key, `=` and value, and a token is a small object whose `image` is cut from the text only when read
 * (the parser never reads it: it slices keys and values itself).
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
}

/**
 * What chevrotain's parser reads of a token: its type (index) and offsets. Line/column fields are optional in
 * IToken and left out; chevrotain only needs them for error messages, and this grammar cannot fail.
 */
export class ScanToken implements IToken {
  readonly tokenTypeIdx: number;
  /** Entry tokens only (else -1): end of the trimmed key (its start is startOffset), offset of `=`. */
  keyEnd = -1;
  equals = -1;
  /** Entry tokens only: the trimmed value's span (empty for `key =`, starting just after `=`). */
  valueStart = -1;
  valueEnd = -1;
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
    if (contentEnd > lineStart || contentEnd < limit) scanLine(text, lineStart, contentEnd, tokens);
    if (contentEnd >= limit) break;
    lineStart = contentEnd + (text.charCodeAt(contentEnd) === CR && contentEnd + 1 < limit && text.charCodeAt(contentEnd + 1) === LF ? 2 : 1);
  }
  if (nulAt !== -1) tokens.push(new ScanToken(NulTail, nulAt, text.length - 1, text));
  return { tokens, lineStarts, contentEnds, nulAt };
}

/** Mode line-start, then key and value: one line's tokens. Every line gets at least one token. */
function scanLine(text: string, lineStart: number, contentEnd: number, out: IToken[]): void {
  // line-start: only space and tab are skipped (lxc_char_left_gc); form feed counts for blank lines only.
  let p = lineStart;
  while (p < contentEnd) {
    const c = text.charCodeAt(p);
    if (c !== SPACE && c !== TAB) break;
    p++;
  }
  if (isBlankRun(text, p, contentEnd)) {
    // May be empty (an empty line): the token marks that the line exists.
    out.push(new ScanToken(Blank, lineStart, contentEnd - 1, text));
    return;
  }
  if (text.charCodeAt(p) === HASH) {
    out.push(new ScanToken(Comment, p, contentEnd - 1, text));
    return;
  }
  // key mode: everything up to the first '='.
  const eq = text.indexOf('=', p);
  if (eq === -1 || eq >= contentEnd) {
    out.push(new ScanToken(Text, p, contentEnd - 1, text));
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
  const keyStart = keyEnd > p ? p : eq;
  const t = new ScanToken(Entry, keyStart, (ve > vs ? ve : eq + 1) - 1, text);
  t.keyEnd = keyEnd > p ? keyEnd : eq;
  t.equals = eq;
  t.valueStart = ve > vs ? vs : eq + 1;
  t.valueEnd = ve > vs ? ve : eq + 1;
  out.push(t);
}

function isBlankRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== FF) return false;
  }
  return true;
}

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
 */
import { createTokenInstance, type IToken } from 'chevrotain';
import { Blank, Comment, Equals, Key, Newline, NulTail, Text, Value } from './tokens';

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
  /** Offset of the first NUL, or -1. */
  nulAt: number;
}

function token(type: typeof Key, text: string, start: number, end: number, line: number, lineStart: number): IToken {
  return tokenWithImage(type, text.slice(start, end), start, end, line, lineStart);
}

function tokenWithImage(type: typeof Key, image: string, start: number, end: number, line: number, lineStart: number): IToken {
  // chevrotain wants 1-based lines/columns and an inclusive end offset.
  return createTokenInstance(type, image, start, end - 1, line + 1, line + 1, start - lineStart + 1, end - lineStart);
}

export function scan(text: string): ScanResult {
  const tokens: IToken[] = [];
  const lineStarts: number[] = [];
  const nulAt = text.indexOf('\0');
  const limit = nulAt === -1 ? text.length : nulAt;
  let lineStart = 0;
  let line = 0;
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
    scanLine(text, lineStart, contentEnd, line, tokens);
    if (contentEnd >= limit) break;
    const eolLen = text.charCodeAt(contentEnd) === CR && contentEnd + 1 < limit && text.charCodeAt(contentEnd + 1) === LF ? 2 : 1;
    const eol = eolLen === 2 ? '\r\n' : text.charCodeAt(contentEnd) === CR ? '\r' : '\n';
    tokens.push(tokenWithImage(Newline, eol, contentEnd, contentEnd + eolLen, line, lineStart));
    lineStart = contentEnd + eolLen;
    line++;
  }
  if (nulAt !== -1) tokens.push(token(NulTail, text, nulAt, text.length, lineStarts.length - 1, lineStarts[lineStarts.length - 1]!));
  return { tokens, lineStarts, nulAt };
}

/** Mode line-start, then key and value: one line's tokens (no Newline). */
function scanLine(text: string, lineStart: number, contentEnd: number, line: number, out: IToken[]): void {
  // line-start: only space and tab are skipped (lxc_char_left_gc); form feed counts for blank lines only.
  let p = lineStart;
  while (p < contentEnd) {
    const c = text.charCodeAt(p);
    if (c !== SPACE && c !== TAB) break;
    p++;
  }
  if (isBlankRun(text, p, contentEnd)) {
    if (contentEnd > lineStart) out.push(token(Blank, text, lineStart, contentEnd, line, lineStart));
    return;
  }
  if (text.charCodeAt(p) === HASH) {
    out.push(token(Comment, text, p, contentEnd, line, lineStart));
    return;
  }
  // key mode: everything up to the first '='.
  const eq = text.indexOf('=', p);
  if (eq === -1 || eq >= contentEnd) {
    out.push(token(Text, text, p, contentEnd, line, lineStart));
    return;
  }
  let keyEnd = eq;
  while (keyEnd > p) {
    const c = text.charCodeAt(keyEnd - 1);
    if (c !== SPACE && c !== TAB) break;
    keyEnd--;
  }
  if (keyEnd > p) out.push(token(Key, text, p, keyEnd, line, lineStart));
  out.push(tokenWithImage(Equals, '=', eq, eq + 1, line, lineStart));
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
  if (ve > vs) out.push(token(Value, text, vs, ve, line, lineStart));
}

function isBlankRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== FF) return false;
  }
  return true;
}


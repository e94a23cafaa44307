/**
 * The lexer: a hand-written scanner that produces chevrotain tokens.
 *
 * It works in three modes per line, mirroring liblxc's parse_line():
 *   line-start — skip space/tab; decide blank line, comment (`#`), or content;
 *   key        — content up to the first `=` (none: a Text token);
 *   value      — after `=`, trimmed of space/tab on both sides.
 * Lines end at `\n`, `\r\n` or a lone `\r`; a NUL ends the whole input (liblxc reads a C string).
 * A regex-driven chevrotain Lexer spends most of its time per token; this loop uses charCodeAt and
 * indexOf only, so a line costs a handful of comparisons and eight numbers.
 *
 * Allocation is what the profile shows (10,000 lines → 30,000+ tokens), so: line ends are not tokens (the
 * parser reads them from the line table), and a line's token is one shared object per token type: chevrotain
 * only looks at a token's type. What the tree needs of a line (where it starts, where its content and, for an
 * entry line, its key, `=` and value are, its end-of-line sequence, its quote) goes into one flat Int32Array,
 * ROW numbers per line (see Row), which the document keeps and the entry line nodes read their offsets from.
 * Per parse the scanner writes into module-level scratch buffers (numbers and tokens) that outlive the parse,
 * and copies the numbers out once at the exact size: growing arrays line by line left ~0.7 MB of garbage per
 * parse of 8,000 lines (bench/ case 1).
 */
import type { IToken, TokenType } from 'chevrotain';
import { Blank, Comment, Entry, NulTail, Text } from './tokens';

const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const HASH = 35;

/** Numbers per line in a line table. */
export const ROW = 8;
/** Column offsets within a line's row of the line table. */
export const enum Row {
  /** Offset of the line's start. */
  Start = 0,
  /** Where the line's content ends (its end-of-line sequence starts). */
  ContentEnd = 1,
  /** Where the content starts after the indent (comment and text lines); an entry line's key start. */
  From = 2,
  /** Entry lines: end of the key, offset of the `=`, start and end of the trimmed value (quotes included). */
  KeyEnd = 3,
  Equals = 4,
  ValueStart = 5,
  ValueEnd = 6,
  /** EOL_* | QUOTE_* | LXC. */
  Flags = 7,
}

/** Flags: the end-of-line sequence (two bits), the quote pair an entry's value had (two bits), `lxc.` start. */
export const EOL_MASK = 3;
export const EOL_NONE = 0;
export const EOL_LF = 1;
export const EOL_CRLF = 2;
export const EOL_CR = 3;
export const QUOTE_SHIFT = 2;
export const QUOTE_MASK = 3 << QUOTE_SHIFT;
export const QUOTE_DOUBLE = 1 << QUOTE_SHIFT;
export const QUOTE_SINGLE = 2 << QUOTE_SHIFT;
/** The content (an entry's key, a text line's body) starts with `lxc.`. */
export const LXC = 16;

export interface ScanResult {
  /**
   * One token per line (and the NUL tail's last). A scratch array shared by all scans: valid until the next
   * scan(), which is all the parser needs.
   */
  tokens: IToken[];
  /** Offset of each line's start (0-based line numbers index it); the document's own array. */
  lineStarts: number[];
  /** The line table: ROW numbers per line (index `line * ROW + Row.*`), one row per entry of lineStarts. */
  rows: Int32Array;
  /** Offset of the first NUL, or -1. */
  nulAt: number;
}

/** The one token object of each line type (see the file comment); offsets are in the line table, not here. */
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

/** Scratch line table, grown by doubling and kept for the next scan unless it got large (4 MB). */
let scratch = new Int32Array(ROW * 1024);
const SCRATCH_KEEP = (4 << 20) >> 2;
/** Scratch token array (see ScanResult.tokens). */
const tokenScratch: IToken[] = [];

/**
 * Below this length `new Array(n)` gives a fast (holey) array; above it V8 may make a slow dictionary array,
 * so longer lists are built by push.
 */
export const PRESIZE_MAX = 32768;

export function scan(text: string): ScanResult {
  const tokens = tokenScratch;
  let rows = scratch;
  let n = 0;
  let t = 0;
  const nulAt = text.indexOf('\0');
  const limit = nulAt === -1 ? text.length : nulAt;
  let lineStart = 0;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  for (;;) {
    if ((n + 1) * ROW > rows.length) {
      const grown = new Int32Array(rows.length * 2);
      grown.set(rows);
      rows = grown;
    }
    // Next LF and CR are found with indexOf and remembered until passed: one native scan per file.
    if (nextLf !== -1 && nextLf < lineStart) nextLf = text.indexOf('\n', lineStart);
    if (nextCr !== -1 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    let contentEnd = limit;
    if (nextLf !== -1 && nextLf < contentEnd) contentEnd = nextLf;
    if (nextCr !== -1 && nextCr < contentEnd) contentEnd = nextCr;
    const crlf = text.charCodeAt(contentEnd) === CR && contentEnd + 1 < limit && text.charCodeAt(contentEnd + 1) === LF;
    const eol = contentEnd >= limit ? EOL_NONE : crlf ? EOL_CRLF : text.charCodeAt(contentEnd) === CR ? EOL_CR : EOL_LF;
    const r = n * ROW;
    rows[r + Row.Start] = lineStart;
    rows[r + Row.ContentEnd] = contentEnd;
    n++;
    // An empty last line (the text ends with a line break, or a NUL starts it) is not a line of the document.
    if (contentEnd > lineStart || contentEnd < limit) tokens[t++] = scanLine(text, lineStart, contentEnd, rows, r, eol);
    else rows.fill(0, r + Row.From, r + ROW);
    if (contentEnd >= limit) break;
    lineStart = contentEnd + (crlf ? 2 : 1);
  }
  if (nulAt !== -1) tokens[t++] = new ScanToken(NulTail, nulAt, text.length - 1, text);
  // Shrinking only sets the length (and trims the store when it halves): the same file again allocates nothing.
  tokens.length = t;
  if (rows.length <= SCRATCH_KEEP) scratch = rows;
  const lineStarts: number[] = n <= PRESIZE_MAX ? new Array<number>(n) : [];
  for (let i = 0; i < n; i++) lineStarts[i] = rows[i * ROW + Row.Start]!;
  return { tokens, lineStarts, rows: rows.slice(0, n * ROW), nulAt };
}

/** Mode line-start, then key and value: fills the rest of one line's row (from `r`) and returns its token. */
function scanLine(text: string, lineStart: number, contentEnd: number, rows: Int32Array, r: number, eol: number): IToken {
  // line-start: only space and tab are skipped (lxc_char_left_gc); form feed counts for blank lines only.
  let p = lineStart;
  while (p < contentEnd) {
    const c = text.charCodeAt(p);
    if (c !== SPACE && c !== TAB) break;
    p++;
  }
  rows[r + Row.From] = p;
  if (isBlankRun(text, p, contentEnd)) {
    // May be empty (an empty line): the token marks that the line exists.
    noEntryParts(rows, r);
    rows[r + Row.Flags] = eol;
    return BLANK;
  }
  if (text.charCodeAt(p) === HASH) {
    noEntryParts(rows, r);
    rows[r + Row.Flags] = eol;
    return COMMENT;
  }
  // By character codes: startsWith costs a builtin call per line.
  const lxc = text.charCodeAt(p) === 108 && text.charCodeAt(p + 1) === 120 && text.charCodeAt(p + 2) === 99 && text.charCodeAt(p + 3) === 46 ? LXC : 0;
  // key mode: everything up to the first '='.
  const eq = text.indexOf('=', p);
  if (eq === -1 || eq >= contentEnd) {
    noEntryParts(rows, r);
    rows[r + Row.Flags] = eol | lxc;
    return TEXT;
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
  // One matching pair of outer quotes is stripped (liblxc's setters see the text between them).
  let quote = 0;
  if (ve - vs >= 2) {
    const q = text.charCodeAt(vs);
    if ((q === 34 || q === 39) && text.charCodeAt(ve - 1) === q) quote = q === 34 ? QUOTE_DOUBLE : QUOTE_SINGLE;
  }
  // An empty key starts at `=` (the indent runs up to it), an empty value just after it.
  if (keyEnd > p) {
    rows[r + Row.KeyEnd] = keyEnd;
  } else {
    rows[r + Row.From] = eq;
    rows[r + Row.KeyEnd] = eq;
  }
  rows[r + Row.Equals] = eq;
  rows[r + Row.ValueStart] = ve > vs ? vs : eq + 1;
  rows[r + Row.ValueEnd] = ve > vs ? ve : eq + 1;
  rows[r + Row.Flags] = eol | quote | lxc;
  return ENTRY;
}

/** Zeroes the entry columns of a line that is no entry (the scratch table holds the last scan's numbers). */
function noEntryParts(rows: Int32Array, r: number): void {
  rows[r + Row.KeyEnd] = 0;
  rows[r + Row.Equals] = 0;
  rows[r + Row.ValueStart] = 0;
  rows[r + Row.ValueEnd] = 0;
}

function isBlankRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== FF) return false;
  }
  return true;
}

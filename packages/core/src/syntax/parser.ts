/**
 * The chevrotain grammar of a config file, with embedded actions that build the lossless tree directly
 * (no intermediate CST: it would double the allocation per line).
 *
 *   document := line* NulTail?
 *   line     := Blank | Comment | Text | Entry
 *
 * The scanner already decided where lines, keys and values are, so the grammar cannot fail on any input;
 * the parser's job is to assemble tokens and trivia into line nodes. Every line has exactly one Blank,
 * Comment, Text or Entry token, so lines need no separator token: where each line ends, and where a line's
 * content, key, `=` and value are, comes from the scanner's line table (one token less per line, the largest
 * cost after the tree). Entry lines keep reading their offsets from that table (entry-line.ts).
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { EntryLineNode, EOL_TEXT, eolLength } from './entry-line';
import { EOL_MASK, LXC, PRESIZE_MAX, QUOTE_MASK, ROW, Row, scan } from './scanner';
import { allTokens, Blank, Comment, Entry, NulTail, Text } from './tokens';
import type { ConfigDocument, LineNode, Span, TextEncoding } from './tree';

/**
 * Builds the line nodes of one parse. Kept apart from the parser: chevrotain's grammar recording adds and
 * deletes dozens of properties on the parser instance, which leaves it in V8's dictionary mode; this object's
 * fields are plain fast properties (measured: about even with inline caches, but nothing to reset after a parse).
 */
class LineBuilder {
  readonly lines: LineNode[];
  lineNo = 0;
  nulTail: Span | null = null;

  constructor(
    readonly src: string,
    /** The document's line table (see scanner.ts). */
    readonly rows: Int32Array,
    lineCount: number,
  ) {
    // Presized: one node per line token (push-growth of an 8,000-line array is 200 KB of garbage).
    this.lines = lineCount <= PRESIZE_MAX ? new Array<LineNode>(lineCount) : [];
  }

  blankLine(): void {
    const r = this.lineNo * ROW;
    const rows = this.rows;
    const start = rows[r + Row.Start]!;
    const contentEnd = rows[r + Row.ContentEnd]!;
    const eol = rows[r + Row.Flags]! & EOL_MASK;
    this.push({ kind: 'blank', start, end: contentEnd + eolLength(eol), line: this.lineNo, contentEnd, eol: EOL_TEXT[eol]! });
  }

  commentLine(): void {
    const r = this.lineNo * ROW;
    const rows = this.rows;
    const start = rows[r + Row.Start]!;
    const contentEnd = rows[r + Row.ContentEnd]!;
    const eol = rows[r + Row.Flags]! & EOL_MASK;
    const from = rows[r + Row.From]!;
    this.push({
      kind: 'comment', start, end: contentEnd + eolLength(eol), line: this.lineNo, contentEnd, eol: EOL_TEXT[eol]!,
      indent: { start, end: from },
      comment: { start: from, end: contentEnd },
    });
  }

  textLine(): void {
    const r = this.lineNo * ROW;
    const rows = this.rows;
    const start = rows[r + Row.Start]!;
    const contentEnd = rows[r + Row.ContentEnd]!;
    const flags = rows[r + Row.Flags]!;
    const from = rows[r + Row.From]!;
    this.push({
      kind: 'text', start, end: contentEnd + eolLength(flags & EOL_MASK), line: this.lineNo, contentEnd,
      eol: EOL_TEXT[flags & EOL_MASK]!,
      indent: { start, end: from },
      body: { start: from, end: contentEnd },
      invalid: (flags & LXC) !== 0,
    });
  }

  entryLine(): void {
    const lineNo = this.lineNo;
    const src = this.src;
    const rows = this.rows;
    const r = lineNo * ROW;
    const key = internKey(src, rows[r + Row.From]!, rows[r + Row.KeyEnd]!);
    const valueStart = rows[r + Row.ValueStart]!;
    const valueEnd = rows[r + Row.ValueEnd]!;
    // The scanner saw whether one pair of outer quotes is stripped (liblxc's setters see the text between them).
    let value = '';
    if (valueEnd > valueStart) {
      value = (rows[r + Row.Flags]! & QUOTE_MASK) !== 0 ? src.slice(valueStart + 1, valueEnd - 1) : src.slice(valueStart, valueEnd);
    }
    this.push(new EntryLineNode(rows, lineNo, key, value));
  }

  nul(t: IToken): void {
    this.nulTail = { start: t.startOffset, end: endOf(t) };
  }

  private push(node: LineNode): void {
    this.lines[this.lineNo++] = node;
  }
}

/**
 * The builder of the parse under way; null while chevrotain records the grammar (its recording run calls the
 * actions too, and they must not build anything) and between parses (so no document is kept alive).
 */
let builder: LineBuilder | null = null;

class ConfigParser extends EmbeddedActionsParser {
  private lineAlts: Array<{ ALT: () => void }> | undefined;

  constructor() {
    // The grammar is fixed and covered by tests; skipping chevrotain's grammar validations saves start-up time.
    super(allTokens, { maxLookahead: 1, recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** Runs the grammar over one document's tokens, building its lines with `b`. Throws on an internal error. */
  run(tokens: IToken[], b: LineBuilder): void {
    this.input = tokens;
    builder = b;
    try {
      this.document();
      if (this.errors.length > 0) {
        // Unreachable by construction (the scanner only emits sequences the grammar accepts); fail loudly in tests.
        throw new Error(`internal parser error: ${this.errors[0]!.message}`);
      }
    } finally {
      builder = null;
      // Drop the reference to this document's tokens.
      this.input = [];
    }
  }

  // One flat rule: chevrotain's cost is mostly per RULE invocation, so lines are alternatives, not subrules.
  // Actions check for a builder instead of wrapping in ACTION() (no closure per line on the hot path) or
  // reading RECORDING_PHASE (a slow property of this instance, see LineBuilder).
  document = this.RULE('document', () => {
    this.MANY(() => {
      // The alternatives array is built once: chevrotain's docs name re-creating it per call as a hot cost.
      this.OR((this.lineAlts ??= [
        {
          ALT: () => {
            this.CONSUME(Blank);
            if (builder !== null) builder.blankLine();
          },
        },
        {
          ALT: () => {
            this.CONSUME(Comment);
            if (builder !== null) builder.commentLine();
          },
        },
        {
          ALT: () => {
            this.CONSUME(Text);
            if (builder !== null) builder.textLine();
          },
        },
        {
          ALT: () => {
            this.CONSUME(Entry);
            if (builder !== null) builder.entryLine();
          },
        },
      ]));
    });
    this.OPTION(() => {
      const t = this.CONSUME(NulTail);
      if (builder !== null) builder.nul(t);
    });
  });
}

/**
 * Keys handed out once per distinct text: a file repeats a few dozen keys thousands of times, and a fresh
 * slice per line is a V8 sliced string, which makes every Map lookup and comparison keyed by it several times
 * slower (resolve's `lookupKey`, the model, the rules). The table maps a hash of the key's characters to the
 * canonical string of the last key seen twice with that hash; a hit is verified against the text, so a
 * collision only costs a slice. A key seen once is only remembered by its offsets in the text being parsed
 * (files like one with 1,000 interfaces have thousands of keys that never repeat: copying each would cost more
 * than it saves). Shared across parses and bounded (1024 slots): the same key in another file is the same
 * string too, and the table never points into a document's text.
 */
const INTERN_SLOTS = 1024;
const internTable: Array<string | undefined> = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);
/** Per slot, a key seen once in the current parse: its start offset (-1: none) and the parse it was seen in. */
const pendingStart = new Int32Array(INTERN_SLOTS).fill(-1);
const pendingParse = new Int32Array(INTERN_SLOTS);
let parseCount = 0;

function internKey(src: string, start: number, end: number): string {
  const len = end - start;
  if (len === 0) return '';
  // Long keys are rare and unlikely to repeat; not worth a slot. Neither are indexed network keys
  // (`lxc.net.0.link`): each interface's keys occur once per file, so remembering them never pays.
  if (len > 64 || (len > 9 && src.charCodeAt(start + 4) === 110 && isDigit(src.charCodeAt(start + 8)) && src.startsWith('lxc.net.', start))) {
    return src.slice(start, end);
  }
  // A few characters that tell common keys apart (the last two, the middle, the index of `lxc.net.N.`); keys
  // that share them only share a slot, which costs the loser a slice.
  let h = Math.imul(len, 0x9e3779b1) ^ src.charCodeAt(end - 1);
  h = Math.imul(h, 31) + src.charCodeAt(end - 2 >= start ? end - 2 : start);
  h = Math.imul(h, 31) + src.charCodeAt(start + (len >> 1));
  h = Math.imul(h, 31) + (len > 8 ? src.charCodeAt(start + 8) : 0);
  const slot = (h ^ (h >>> 11) ^ (h >>> 21)) & (INTERN_SLOTS - 1);
  const cand = internTable[slot];
  if (cand !== undefined && cand.length === len && src.startsWith(cand, start)) return cand;
  const seen = pendingStart[slot]!;
  if (seen !== -1 && pendingParse[slot] === parseCount && sameText(src, seen, start, len)) {
    // Second sighting: make the canonical copy.
    const canonical = flatCopy(src.slice(start, end));
    internTable[slot] = canonical;
    pendingStart[slot] = -1;
    return canonical;
  }
  pendingStart[slot] = start;
  pendingParse[slot] = parseCount;
  return src.slice(start, end);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether src[a, a + len) equals src[b, b + len) (the range at a ends before the text's end by construction). */
function sameText(src: string, a: number, b: number, len: number): boolean {
  if (a + len > src.length) return false;
  for (let i = 0; i < len; i++) if (src.charCodeAt(a + i) !== src.charCodeAt(b + i)) return false;
  return true;
}

/**
 * A copy of `s` that does not point into the document text: V8 keeps an object's property names as
 * internalised (flat, unique) strings, so the key read back from one is the canonical copy, which also lets
 * the document text be freed while the key is still in the table.
 */
function flatCopy(s: string): string {
  const o: Record<string, number> = Object.create(null) as Record<string, number>;
  o[s] = 0;
  for (const k in o) return k;
  return s;
}

let shared: ConfigParser | undefined;

export interface ParseOptions {
  uri?: string;
  encoding?: TextEncoding;
  invalidUtf8At?: number | null;
}

/** Parse config text into its lossless tree. Never throws: every input is a valid document. */
export function parseConfig(text: string, options: ParseOptions = {}): ConfigDocument {
  const { tokens, lineStarts, rows, nulAt } = scan(text);
  // Built on first use, not at import time: keeps `lxclint --help` and other paths that never parse cheap.
  const parser = (shared ??= new ConfigParser());
  parseCount = (parseCount + 1) | 0;
  const b = new LineBuilder(text, rows, nulAt === -1 ? tokens.length : tokens.length - 1);
  parser.run(tokens, b);
  return {
    uri: options.uri ?? '<input>',
    text,
    encoding: options.encoding ?? 'utf8',
    bom: text.charCodeAt(0) === 0xfeff,
    invalidUtf8At: options.invalidUtf8At ?? null,
    lines: b.lines,
    nulTail: b.nulTail,
    lineStarts,
  };
}

/** Exclusive end offset of a token (chevrotain's endOffset is inclusive and typed optional). */
function endOf(t: IToken): number {
  return t.endOffset! + 1;
}

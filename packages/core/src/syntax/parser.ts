/**
 * The chevrotain grammar of a config file, with embedded actions that build the lossless tree directly
 * (no intermediate CST: it would double the allocation per line).
 *
 *   document := line* NulTail?
 *   line     := Blank | Comment | Text | Key? Equals Value?
 *
 * The scanner already decided where lines, keys and values are, so the grammar cannot fail on any input;
 * the parser's job is to assemble tokens and trivia into line nodes. Every line has exactly one Blank,
 * Comment, Text or Equals token, so lines need no separator token: where each line ends comes from the
 * scanner's `lineStarts` and `contentEnds` (one token less per line, the largest cost after the tree).
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { scan } from './scanner';
import { allTokens, Blank, Comment, Equals, Key, NulTail, Text, Value } from './tokens';
import type { ConfigDocument, EntryLine, LineNode, Span, TextEncoding } from './tree';

const CR = 13;

class ConfigParser extends EmbeddedActionsParser {
  private src = '';
  private lines: LineNode[] = [];
  private lineNo = 0;
  private lineStarts: number[] = [];
  private contentEnds: number[] = [];
  nulTail: Span | null = null;
  private lineAlts: Array<{ ALT: () => void }> | undefined;

  constructor() {
    // The grammar is fixed and covered by tests; skipping chevrotain's grammar validations saves start-up time.
    super(allTokens, { maxLookahead: 1, recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  begin(text: string, tokens: IToken[], lineStarts: number[], contentEnds: number[]): void {
    this.src = text;
    this.lines = [];
    this.lineNo = 0;
    this.lineStarts = lineStarts;
    this.contentEnds = contentEnds;
    this.nulTail = null;
    this.input = tokens;
  }

  /** The lines built; drops the references to this document's text and tokens. */
  takeLines(): LineNode[] {
    const lines = this.lines;
    this.lines = [];
    this.src = '';
    this.lineStarts = [];
    this.contentEnds = [];
    this.input = [];
    return lines;
  }

  // One flat rule: chevrotain's cost is mostly per RULE invocation, so lines are alternatives, not subrules.
  // Actions test RECORDING_PHASE instead of wrapping in ACTION(): no closure per line on the hot path.
  document = this.RULE('document', () => {
    this.MANY(() => {
      // The alternatives array is built once: chevrotain's docs name re-creating it per call as a hot cost.
      this.OR((this.lineAlts ??= [
        {
          ALT: () => {
            this.CONSUME(Blank);
            if (!this.RECORDING_PHASE) this.blankLine();
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Comment);
            if (!this.RECORDING_PHASE) this.commentLine(t);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Text);
            if (!this.RECORDING_PHASE) this.textLine(t);
          },
        },
        {
          ALT: () => {
            const key = this.OPTION(() => this.CONSUME(Key));
            const eq = this.CONSUME(Equals);
            const value = this.OPTION2(() => this.CONSUME(Value));
            if (!this.RECORDING_PHASE) this.entryLine(key, eq, value);
          },
        },
      ]));
    });
    this.OPTION3(() => {
      const t = this.CONSUME(NulTail);
      if (!this.RECORDING_PHASE) this.nulTail = { start: t.startOffset, end: endOf(t) };
    });
  });

  /** End of the current line: after its end-of-line sequence, or at its content's end for the last line. */
  private lineEnd(contentEnd: number): number {
    const next = this.lineNo + 1;
    return next < this.lineStarts.length ? this.lineStarts[next]! : contentEnd;
  }

  /** The end-of-line sequence between content end and line end, as a shared constant string. */
  private eolOf(contentEnd: number, end: number): string {
    const n = end - contentEnd;
    return n === 0 ? '' : n === 2 ? '\r\n' : this.src.charCodeAt(contentEnd) === CR ? '\r' : '\n';
  }

  private blankLine(): void {
    const start = this.lineStarts[this.lineNo]!;
    const contentEnd = this.contentEnds[this.lineNo]!;
    const end = this.lineEnd(contentEnd);
    this.push({ kind: 'blank', start, end, line: this.lineNo, contentEnd, eol: this.eolOf(contentEnd, end) });
  }

  private commentLine(t: IToken): void {
    const start = this.lineStarts[this.lineNo]!;
    const contentEnd = this.contentEnds[this.lineNo]!;
    const end = this.lineEnd(contentEnd);
    this.push({
      kind: 'comment', start, end, line: this.lineNo, contentEnd, eol: this.eolOf(contentEnd, end),
      indent: { start, end: t.startOffset },
      comment: { start: t.startOffset, end: contentEnd },
    });
  }

  private textLine(t: IToken): void {
    const start = this.lineStarts[this.lineNo]!;
    const contentEnd = this.contentEnds[this.lineNo]!;
    const end = this.lineEnd(contentEnd);
    this.push({
      kind: 'text', start, end, line: this.lineNo, contentEnd, eol: this.eolOf(contentEnd, end),
      indent: { start, end: t.startOffset },
      body: { start: t.startOffset, end: contentEnd },
      invalid: this.src.startsWith('lxc.', t.startOffset),
    });
  }

  private entryLine(key: IToken | undefined, eq: IToken, value: IToken | undefined): void {
    const start = this.lineStarts[this.lineNo]!;
    // Blanks after the value (or after `=` when it is empty) run to the end of the line's content.
    const contentEnd = this.contentEnds[this.lineNo]!;
    const end = this.lineEnd(contentEnd);
    const keyStart = key ? key.startOffset : eq.startOffset;
    const keyText = key ? key.image : '';
    const valueStart = value ? value.startOffset : eq.startOffset + 1;
    const valueEnd = value ? endOf(value) : valueStart;
    const raw = value ? value.image : '';
    let stripped = raw;
    let quote: EntryLine['quote'] = null;
    const q = raw.charCodeAt(0);
    if (raw.length >= 2 && (q === 34 || q === 39) && raw.charCodeAt(raw.length - 1) === q) {
      stripped = raw.slice(1, -1);
      quote = q === 34 ? '"' : "'";
    }
    this.push({
      kind: 'entry', start, end, line: this.lineNo, contentEnd, eol: this.eolOf(contentEnd, end),
      indent: { start, end: keyStart },
      keySpan: { start: keyStart, end: key ? endOf(key) : keyStart },
      equals: eq.startOffset,
      valueSpan: { start: valueStart, end: valueEnd },
      key: keyText,
      value: stripped,
      quote,
      isLxc: keyText.startsWith('lxc.'),
    });
  }

  private push(node: LineNode): void {
    this.lines.push(node);
    this.lineNo++;
  }
}

let shared: ConfigParser | undefined;

export interface ParseOptions {
  uri?: string;
  encoding?: TextEncoding;
  invalidUtf8At?: number | null;
}

/** Parse config text into its lossless tree. Never throws: every input is a valid document. */
export function parseConfig(text: string, options: ParseOptions = {}): ConfigDocument {
  const { tokens, lineStarts, contentEnds } = scan(text);
  // Built on first use, not at import time: keeps `lxclint --help` and other paths that never parse cheap.
  const parser = (shared ??= new ConfigParser());
  parser.begin(text, tokens, lineStarts, contentEnds);
  parser.document();
  if (parser.errors.length > 0) {
    // Unreachable by construction (the scanner only emits sequences the grammar accepts); fail loudly in tests.
    throw new Error(`internal parser error: ${parser.errors[0]!.message}`);
  }
  const lines = parser.takeLines();
  return {
    uri: options.uri ?? '<input>',
    text,
    encoding: options.encoding ?? 'utf8',
    bom: text.charCodeAt(0) === 0xfeff,
    invalidUtf8At: options.invalidUtf8At ?? null,
    lines,
    nulTail: parser.nulTail,
    lineStarts,
  };
}

/** Exclusive end offset of a token (chevrotain's endOffset is inclusive and typed optional). */
function endOf(t: IToken): number {
  return t.endOffset! + 1;
}

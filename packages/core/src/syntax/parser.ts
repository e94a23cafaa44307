/**
 * The chevrotain grammar of a config file, with embedded actions that build the lossless tree directly
 * (no intermediate CST: it would double the allocation per line).
 *
 *   document := line* NulTail?
 *   line     := Newline | (Blank | Comment | Text | Key? Equals Value?) Newline?
 *
 * The scanner already decided where lines, keys and values are, so the grammar cannot fail on any input;
 * the parser's job is to assemble tokens and trivia into line nodes.
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { scan } from './scanner';
import { allTokens, Blank, Comment, Equals, Key, Newline, NulTail, Text, Value } from './tokens';
import type { ConfigDocument, EntryLine, LineNode, Span, TextEncoding } from './tree';

const SPACE = 32;
const TAB = 9;

class ConfigParser extends EmbeddedActionsParser {
  private src = '';
  private lines: LineNode[] = [];
  private lineStart = 0;
  private lineNo = 0;
  private contentLimit = 0;
  nulTail: Span | null = null;
  private lineAlts: Array<{ ALT: () => void }> | undefined;

  constructor() {
    super(allTokens, { maxLookahead: 1, recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  begin(text: string, tokens: IToken[], contentLimit: number): void {
    this.src = text;
    this.lines = [];
    this.lineStart = 0;
    this.lineNo = 0;
    this.contentLimit = contentLimit;
    this.nulTail = null;
    this.input = tokens;
  }

  takeLines(): LineNode[] {
    const lines = this.lines;
    this.lines = [];
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
            const nl = this.CONSUME(Newline);
            if (!this.RECORDING_PHASE) this.blankLine(nl.startOffset, nl);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Blank);
            const nl = this.OPTION(() => this.CONSUME2(Newline));
            if (!this.RECORDING_PHASE) this.blankLine(endOf(t), nl);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Comment);
            const nl = this.OPTION2(() => this.CONSUME3(Newline));
            if (!this.RECORDING_PHASE) this.commentLine(t, nl);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Text);
            const nl = this.OPTION3(() => this.CONSUME4(Newline));
            if (!this.RECORDING_PHASE) this.textLine(t, nl);
          },
        },
        {
          ALT: () => {
            const key = this.OPTION4(() => this.CONSUME(Key));
            const eq = this.CONSUME(Equals);
            const value = this.OPTION5(() => this.CONSUME(Value));
            const nl = this.OPTION6(() => this.CONSUME5(Newline));
            if (!this.RECORDING_PHASE) this.entryLine(key, eq, value, nl);
          },
        },
      ]));
    });
    this.OPTION7(() => {
      const t = this.CONSUME(NulTail);
      if (!this.RECORDING_PHASE) this.nulTail = { start: t.startOffset, end: endOf(t) };
    });
  });

  private blankLine(contentEnd: number, nl: IToken | undefined): void {
    const start = this.lineStart;
    const end = nl ? endOf(nl) : contentEnd;
    this.push({ kind: 'blank', start, end, line: this.lineNo, contentEnd, eol: nl ? nl.image : '' });
  }

  private commentLine(t: IToken, nl: IToken | undefined): void {
    const start = this.lineStart;
    const contentEnd = endOf(t);
    const end = nl ? endOf(nl) : contentEnd;
    this.push({
      kind: 'comment', start, end, line: this.lineNo, contentEnd, eol: nl ? nl.image : '',
      indent: { start, end: t.startOffset },
      comment: { start: t.startOffset, end: contentEnd },
    });
  }

  private textLine(t: IToken, nl: IToken | undefined): void {
    const start = this.lineStart;
    const contentEnd = endOf(t);
    const end = nl ? endOf(nl) : contentEnd;
    this.push({
      kind: 'text', start, end, line: this.lineNo, contentEnd, eol: nl ? nl.image : '',
      indent: { start, end: t.startOffset },
      body: { start: t.startOffset, end: contentEnd },
      invalid: t.image.startsWith('lxc.'),
    });
  }

  private entryLine(key: IToken | undefined, eq: IToken, value: IToken | undefined, nl: IToken | undefined): void {
    const start = this.lineStart;
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
    // Blanks after the value (or after `=` when it is empty) run to the end of the line's content.
    const contentEnd = nl ? nl.startOffset : this.trailingEnd(valueEnd);
    const end = nl ? endOf(nl) : contentEnd;
    this.push({
      kind: 'entry', start, end, line: this.lineNo, contentEnd, eol: nl ? nl.image : '',
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

  /** Without a Newline token (last line), blanks after the last token run to the content limit. */
  private trailingEnd(from: number): number {
    let p = from;
    const src = this.src;
    while (p < this.contentLimit) {
      const c = src.charCodeAt(p);
      if (c !== SPACE && c !== TAB) break;
      p++;
    }
    return p;
  }

  private push(node: LineNode): void {
    this.lines.push(node);
    this.lineStart = node.end;
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
  const { tokens, lineStarts, nulAt } = scan(text);
  // Built on first use, not at import time: keeps `lxclint --help` and other paths that never parse cheap.
  const parser = (shared ??= new ConfigParser());
  parser.begin(text, tokens, nulAt === -1 ? text.length : nulAt);
  parser.document();
  if (parser.errors.length > 0) {
    // Unreachable by construction (the scanner only emits sequences the grammar accepts); fail loudly in tests.
    throw new Error(`internal parser error: ${parser.errors[0]!.message}`);
  }
  return {
    uri: options.uri ?? '<input>',
    text,
    encoding: options.encoding ?? 'utf8',
    bom: text.charCodeAt(0) === 0xfeff,
    invalidUtf8At: options.invalidUtf8At ?? null,
    lines: parser.takeLines(),
    nulTail: parser.nulTail,
    lineStarts,
  };
}

/** Exclusive end offset of a token (chevrotain's endOffset is inclusive and typed optional). */
function endOf(t: IToken): number {
  return t.endOffset! + 1;
}

/**
 * The lossless syntax tree of one config file.
 *
 * Every node records offsets into `ConfigDocument.text`; the parts of a line are contiguous and cover the
 * line exactly, so `printDocument` rebuilds the input byte for byte (see print.ts). Offsets, not copied
 * strings, keep the per-line cost low: only the key and the value are materialised as strings.
 */

export interface Span {
  /** Offset of the first character (UTF-16 code unit; one per byte for latin1-decoded files). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** How the original bytes were turned into `text`; printing encodes back the same way. */
export type TextEncoding = 'utf8' | 'latin1';

interface LineBase extends Span {
  /** 0-based line number. */
  line: number;
  /** End of the line's content, i.e. start of its end-of-line sequence. */
  contentEnd: number;
  /** The end-of-line sequence: '\n', '\r\n', '\r', or '' for the last line without one. */
  eol: string;
}

/** A line holding nothing, or only space, tab and form feed: liblxc skips it. */
export interface BlankLine extends LineBase {
  kind: 'blank';
}

/** `#` as the first non-blank character (space/tab only) makes the whole line a comment. */
export interface CommentLine extends LineBase {
  kind: 'comment';
  /** Leading blanks. */
  indent: Span;
  /** From `#` to the end of the content, trailing blanks included, byte for byte. */
  comment: Span;
}

/**
 * A line without `=`. liblxc ignores it if it does not start with `lxc.`, and fails the whole load
 * ("Invalid configuration line") if it does.
 */
export interface TextLine extends LineBase {
  kind: 'text';
  indent: Span;
  /** The text after the indent, trailing blanks included. */
  body: Span;
  /** True when liblxc rejects the line (starts with `lxc.`). */
  invalid: boolean;
}

/** `key = value`, split at the first `=` exactly as liblxc's parse_line() does. */
export interface EntryLine extends LineBase {
  kind: 'entry';
  indent: Span;
  /** The key after trimming; may be empty (`= x`). */
  keySpan: Span;
  /** Offset of the first `=`. */
  equals: number;
  /** The value after trimming blanks on both sides, quotes included. Empty span for `key =`. */
  valueSpan: Span;
  /** The key text. */
  key: string;
  /** The value as liblxc hands it to the setter: trimmed, one matching pair of outer quotes removed. */
  value: string;
  /** The quote character liblxc stripped, if any. */
  quote: '"' | "'" | null;
  /** False when the key does not start with `lxc.`: liblxc ignores the line silently. */
  isLxc: boolean;
}

export type LineNode = BlankLine | CommentLine | TextLine | EntryLine;

export interface ConfigDocument {
  /** Where the text came from (a path or URI); used in diagnostics only. */
  uri: string;
  /** The decoded text. */
  text: string;
  encoding: TextEncoding;
  /** True when `text` starts with U+FEFF (kept in the first line, as liblxc sees it there). */
  bom: boolean;
  /** Offset of the first invalid UTF-8 byte when `encoding` is latin1 because the bytes were not UTF-8. */
  invalidUtf8At: number | null;
  lines: LineNode[];
  /**
   * Everything from the first NUL character to the end: liblxc stops reading there, silently.
   * Kept so printing is lossless.
   */
  nulTail: Span | null;
  /** Start offset of each line, for offset → line/column. */
  lineStarts: number[];
}

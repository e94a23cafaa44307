/**
 * Tree → text. Each line is rebuilt from its parts (indent, key, gap, `=`, gap, value, trailing blanks,
 * end of line), so a round trip proves that the parts cover every byte.
 */
import type { ConfigDocument, LineNode } from './tree';

/** The parts of a line in order, as spans of the document text; they tile [line.start, line.end). */
export function lineParts(line: LineNode): Array<{ role: string; start: number; end: number }> {
  const parts: Array<{ role: string; start: number; end: number }> = [];
  const push = (role: string, start: number, end: number) => {
    if (end > start) parts.push({ role, start, end });
  };
  switch (line.kind) {
    case 'blank':
      push('blank', line.start, line.contentEnd);
      break;
    case 'comment':
      push('indent', line.indent.start, line.indent.end);
      push('comment', line.comment.start, line.comment.end);
      break;
    case 'text':
      push('indent', line.indent.start, line.indent.end);
      push('text', line.body.start, line.body.end);
      break;
    case 'entry':
      push('indent', line.indent.start, line.indent.end);
      push('key', line.keySpan.start, line.keySpan.end);
      push('blank', line.keySpan.end, line.equals);
      push('equals', line.equals, line.equals + 1);
      push('blank', line.equals + 1, line.valueSpan.start);
      push('value', line.valueSpan.start, line.valueSpan.end);
      push('trailing', line.valueSpan.end, line.contentEnd);
      break;
  }
  push('eol', line.contentEnd, line.end);
  return parts;
}

export function printLine(doc: ConfigDocument, line: LineNode): string {
  let out = '';
  for (const part of lineParts(line)) out += doc.text.slice(part.start, part.end);
  return out;
}

/** Print the whole document from its tree. Equal to `doc.text` for every parsed document. */
export function printDocument(doc: ConfigDocument): string {
  let out = '';
  for (const line of doc.lines) out += printLine(doc, line);
  if (doc.nulTail) out += doc.text.slice(doc.nulTail.start, doc.nulTail.end);
  return out;
}

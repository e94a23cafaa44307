/** Offsets ↔ 0-based line/character positions (characters are UTF-16 code units, as in LSP). */
import type { ConfigDocument } from './tree';

export interface Position {
  line: number;
  character: number;
}

export function positionAt(doc: Pick<ConfigDocument, 'lineStarts'>, offset: number): Position {
  const starts = doc.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

export function offsetAt(doc: Pick<ConfigDocument, 'lineStarts' | 'text'>, pos: Position): number {
  if (pos.line >= doc.lineStarts.length) return doc.text.length;
  const start = doc.lineStarts[Math.max(0, pos.line)]!;
  const next = pos.line + 1 < doc.lineStarts.length ? doc.lineStarts[pos.line + 1]! : doc.text.length;
  return Math.min(start + Math.max(0, pos.character), next);
}

/** Bytes a string takes in the document's encoding (liblxc's length limits count bytes). */
export function byteLength(s: string, encoding: 'utf8' | 'latin1'): number {
  if (encoding === 'latin1') return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

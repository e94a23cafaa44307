/**
 * Text edits: the one primitive behind fixes, formatting and migration. Edits are ranges of the text they
 * were computed on; applying them never touches a character outside those ranges.
 */
import type { TextEdit } from '../rules/types';

/**
 * Whether two edits cannot both be applied in one pass. Ranges that share a character conflict; so do two
 * insertions at the same offset (their order would be arbitrary) and an insertion strictly inside a replaced
 * range. An insertion at either end of a replaced range is fine: it lands just before or just after it.
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return a.start > b.start && a.start < b.end;
  if (bEmpty) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Sort edits by position; at one offset an insertion comes before the replacement that starts there. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((x, y) => x.start - y.start || (x.end - x.start === 0 ? -1 : 0) - (y.end - y.start === 0 ? -1 : 0) || x.end - y.end);
}

/** True when no two of the edits conflict and every one lies within a text of `length` characters. */
export function editsAreValid(edits: readonly TextEdit[], length: number): boolean {
  for (const e of edits) if (e.start < 0 || e.end < e.start || e.end > length) return false;
  const sorted = sortEdits(edits);
  for (let i = 1; i < sorted.length; i++) if (editsConflict(sorted[i - 1]!, sorted[i]!)) return false;
  return true;
}

/**
 * Apply edits that do not conflict with each other (check with `editsAreValid`); throws otherwise, since a
 * silent overlap would corrupt the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (!editsAreValid(edits, text.length)) throw new Error('applyEdits: overlapping or out-of-range edits');
  const sorted = sortEdits(edits);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

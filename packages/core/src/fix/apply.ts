/**
 * The fix loop behind `lxclint check --fix`: lint, apply every fix that does not collide with another one,
 * lint the new text again, and repeat until nothing is left to apply (bounded). Fixes only change the
 * document they were computed for; problems found in included files are reported but never edited here
 * (the caller fixes the files it was asked to fix, each as its own root).
 */
import type { FileSystem } from '../model/filesystem';
import { lintDocument, type LintOptions } from '../rules/engine';
import type { Diagnostic, Fix, TextEdit } from '../rules/types';
import { parseConfig } from '../syntax/parser';
import type { ConfigDocument } from '../syntax/tree';
import { applyEdits, editsAreValid, editsConflict } from './edits';

export interface FixOptions extends LintOptions {
  /** Apply unsafe fixes too (they change what LXC does). */
  unsafe?: boolean;
  /** Only fixes of these rules (default: every rule that has a fix). */
  onlyRules?: readonly string[];
  /** Upper bound on lint → apply rounds (default 10). */
  maxPasses?: number;
}

export interface AppliedFix {
  ruleId: string;
  description: string;
  safe: boolean;
  /** 1-based round in which it was applied. */
  pass: number;
  /** 0-based line of the problem in the text of that round. */
  line: number;
}

export interface FixResult {
  /** The fixed text (equal to the input when nothing applied). */
  text: string;
  changed: boolean;
  applied: AppliedFix[];
  /** Diagnostics of the final text (all documents, included files too). */
  remaining: Diagnostic[];
  /** False when the loop hit `maxPasses` or came back to an earlier text while fixes were still pending. */
  converged: boolean;
  passes: number;
}

/** Whether a diagnostic's fix may be applied under the options. */
export function fixSelected(d: Diagnostic, options: Pick<FixOptions, 'unsafe' | 'onlyRules'>): d is Diagnostic & { fix: Fix } {
  if (!d.fix || d.fix.edits.length === 0) return false;
  if (!d.fix.safe && !options.unsafe) return false;
  if (options.onlyRules && !options.onlyRules.includes(d.ruleId)) return false;
  return true;
}

/**
 * Choose fixes for one round: in document order, a fix is taken whole or not at all, and only if none of its
 * edits conflicts with an edit already taken. A fix whose edits equal an already-taken fix is a duplicate
 * (two rules proposing the same change) and counts as applied without editing twice.
 */
export function selectFixes(diagnostics: readonly Diagnostic[], uri: string, textLength: number, options: Pick<FixOptions, 'unsafe' | 'onlyRules'>): { edits: TextEdit[]; chosen: Diagnostic[] } {
  const edits: TextEdit[] = [];
  const chosen: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.uri !== uri || !fixSelected(d, options)) continue;
    const fixEdits = d.fix.edits;
    const sig = JSON.stringify(fixEdits.map((e) => [e.start, e.end, e.newText]));
    if (seen.has(sig)) continue;
    if (!editsAreValid(fixEdits, textLength)) continue;
    if (fixEdits.some((e) => edits.some((t) => editsConflict(e, t)))) continue;
    seen.add(sig);
    edits.push(...fixEdits);
    chosen.push(d);
  }
  return { edits, chosen };
}

/** Fix one document: `doc` is the root linted with its includes through `fs`; only `doc` itself is edited. */
export function fixDocument(doc: ConfigDocument, fs: FileSystem | undefined, options: FixOptions = {}): FixResult {
  const maxPasses = options.maxPasses ?? 10;
  const seenTexts = new Set<string>([doc.text]);
  const applied: AppliedFix[] = [];
  let current = doc;
  let result = lintDocument(current, fs, options);
  let passes = 0;
  let converged = true;
  for (;;) {
    const { edits, chosen } = selectFixes(result.diagnostics, current.uri, current.text.length, options);
    if (chosen.length === 0) break;
    if (passes >= maxPasses) {
      converged = false;
      break;
    }
    passes++;
    const text = applyEdits(current.text, edits);
    for (const d of chosen) applied.push({ ruleId: d.ruleId, description: d.fix!.description, safe: d.fix!.safe, pass: passes, line: d.range.start.line });
    current = parseConfig(text, { uri: current.uri, encoding: current.encoding, invalidUtf8At: current.invalidUtf8At });
    result = lintDocument(current, fs, options);
    if (seenTexts.has(text)) {
      // Two fixes undoing each other: stop instead of cycling.
      converged = false;
      break;
    }
    seenTexts.add(text);
  }
  return { text: current.text, changed: current.text !== doc.text, applied, remaining: result.diagnostics, converged, passes };
}

/** Convenience for tests and the language server: fix a text with no include resolution beyond `fs`. */
export function fixText(text: string, uri: string, fs: FileSystem | undefined, options: FixOptions = {}): FixResult {
  return fixDocument(parseConfig(text, { uri }), fs, options);
}

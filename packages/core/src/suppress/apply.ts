/**
 * Applying parsed directives to a lint run's diagnostics, and finding the directives that suppressed nothing.
 * A diagnostic is covered by a directive of its own document: a file-level one, or a next-line one whose
 * target line is the line the diagnostic starts on.
 */
import type { Diagnostic, Fix } from '../rules/types';
import type { ConfigDocument } from '../syntax/tree';
import { DIRECTIVE_FILE, DIRECTIVE_NEXT_LINE, type SuppressionDirective } from './parse';

export interface SuppressedDiagnostic {
  diagnostic: Diagnostic;
  directive: SuppressionDirective;
}

export interface UnusedSuppression {
  doc: ConfigDocument;
  start: number;
  end: number;
  message: string;
  fix?: Fix;
}

export interface ApplyOptions {
  /** Rules that cannot be suppressed (their diagnostics pass through). */
  unsuppressible?: ReadonlySet<string>;
  /** Whether a rule ran in this lint: a listed rule that did not run (off, no host facts) is not "unused". */
  ran(id: string): boolean;
}

export interface ApplyResult {
  kept: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  unused: UnusedSuppression[];
}

export function applySuppressions(diagnostics: readonly Diagnostic[], directives: readonly SuppressionDirective[], options: ApplyOptions): ApplyResult {
  const byUri = new Map<string, SuppressionDirective[]>();
  for (const d of directives) {
    const list = byUri.get(d.doc.uri) ?? [];
    list.push(d);
    byUri.set(d.doc.uri, list);
  }
  // What each directive (and each id in its list) suppressed.
  const usedDirective = new Set<SuppressionDirective>();
  const usedIds = new Map<SuppressionDirective, Set<string>>();
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];

  for (const diag of diagnostics) {
    const candidates = options.unsuppressible?.has(diag.ruleId) ? undefined : byUri.get(diag.uri);
    let by: SuppressionDirective | undefined;
    for (const dir of candidates ?? []) {
      if (dir.kind === 'next-line' && dir.target !== diag.range.start.line) continue;
      if (dir.rules !== null && !dir.rules.some((r) => r.id === diag.ruleId)) continue;
      // Every directive that covers it counts as used (two stacked directives for the same line both work).
      usedDirective.add(dir);
      if (!usedIds.has(dir)) usedIds.set(dir, new Set());
      usedIds.get(dir)!.add(diag.ruleId);
      by ??= dir;
    }
    if (by) suppressed.push({ diagnostic: diag, directive: by });
    else kept.push(diag);
  }

  const unused: UnusedSuppression[] = [];
  for (const dir of directives) {
    const where = dir.kind === 'file' ? 'in this file' : `on line ${dir.target! + 1}`;
    const name = dir.kind === 'file' ? DIRECTIVE_FILE : DIRECTIVE_NEXT_LINE;
    if (dir.rules === null) {
      // Reported even when host rules were skipped: to suppress a host finding, name the rule (see above).
      if (!usedDirective.has(dir)) {
        unused.push({ doc: dir.doc, start: dir.start, end: dir.end, message: `Nothing is reported ${where}, so this "${name}" has no effect`,
          fix: removeLine(dir) });
      }
      continue;
    }
    const used = usedIds.get(dir) ?? new Set<string>();
    const idle = dir.rules.filter((r) => !used.has(r.id) && options.ran(r.id));
    if (idle.length === 0) continue;
    if (idle.length === dir.rules.length) {
      // Nothing in the list was used: one finding for the whole line, which can go.
      const ids = idle.map((r) => `"${r.id}"`).join(', ');
      unused.push({ doc: dir.doc, start: dir.start, end: dir.end,
        message: `${ids} ${idle.length === 1 ? 'is' : 'are'} not reported ${where}, so this "${name}" has no effect`, fix: removeLine(dir) });
      continue;
    }
    for (const r of idle) {
      unused.push({ doc: dir.doc, start: r.start, end: r.end, message: `"${r.id}" is not reported ${where}, so suppressing it has no effect` });
    }
  }
  return { kept, suppressed, unused };
}

/** Delete the directive's comment line, end of line included. */
function removeLine(dir: SuppressionDirective): Fix {
  const line = dir.doc.lines[dir.line]!;
  return { description: 'Remove the unused suppression', safe: true, edits: [{ start: line.start, end: line.end, newText: '' }] };
}

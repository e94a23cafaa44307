/**
 * ESLint's JSON formatter shape, so tools that read ESLint output read ours: one object per file with
 * `filePath` (absolute), `messages`, `suppressedMessages` and counts. Lines and columns are 1-based; severity is
 * 2 for errors and 1 for warnings and info (ESLint has no third level). A safe fix is ESLint's `fix` (one
 * replacement of `range` in the file's text); an unsafe one is offered as a suggestion, as ESLint does.
 */
import type { ConfigDocument, Diagnostic, Fix } from '@lxclint/core';
import type { FileResult } from './index';

interface EslintFix {
  range: [number, number];
  text: string;
}

export function formatJson(results: FileResult[]): string {
  const out = results.map((r) => {
    const messages = r.diagnostics.map((d) => message(r.doc, d));
    const suppressedMessages = r.suppressed.map((s) => ({
      ...message(r.doc, s.diagnostic),
      suppressions: [{ kind: 'directive', justification: s.directive.reason ?? '' }],
    }));
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    const others = r.diagnostics.filter((d) => d.severity !== 'error');
    return {
      filePath: r.absPath ?? r.path,
      messages,
      suppressedMessages,
      errorCount: errors.length,
      fatalErrorCount: 0,
      warningCount: others.length,
      fixableErrorCount: errors.filter((d) => d.fix?.safe).length,
      fixableWarningCount: others.filter((d) => d.fix?.safe).length,
      usedDeprecatedRules: [],
    };
  });
  return `${JSON.stringify(out)}\n`;
}

function message(doc: ConfigDocument, d: Diagnostic) {
  return {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    ...(d.fix?.safe ? { fix: eslintFix(doc, d.fix) } : {}),
    ...(d.fix && !d.fix.safe ? { suggestions: [{ desc: d.fix.description, fix: eslintFix(doc, d.fix) }] } : {}),
  };
}

/** ESLint fixes are one replacement: merge the edits into one covering range of the original text. */
function eslintFix(doc: ConfigDocument, fix: Fix): EslintFix {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.map((e) => e.end));
  let text = '';
  let at = start;
  for (const e of edits) {
    text += doc.text.slice(at, Math.max(at, e.start)) + e.newText;
    at = Math.max(at, e.end);
  }
  return { range: [start, end], text: text + doc.text.slice(at, end) };
}

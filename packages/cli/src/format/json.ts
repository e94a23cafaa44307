/** ESLint's JSON formatter shape, so tools that read ESLint output read ours. Lines and columns are 1-based. */
import type { FileResult } from './index';

export function formatJson(results: FileResult[]): string {
  const out = results.map((r) => {
    const messages = r.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity === 'error' ? 2 : 1,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      ...(d.fix ? { fix: { range: [d.fix.edits[0]!.start, d.fix.edits[0]!.end], text: d.fix.edits[0]!.newText } } : {}),
    }));
    const count = (sev: string, fixable?: boolean) =>
      r.diagnostics.filter((d) => (sev === 'error' ? d.severity === 'error' : d.severity !== 'error') && (!fixable || d.fix?.safe)).length;
    return {
      filePath: r.path,
      messages,
      errorCount: count('error'),
      warningCount: count('warning'),
      fatalErrorCount: 0,
      fixableErrorCount: count('error', true),
      fixableWarningCount: count('warning', true),
    };
  });
  return `${JSON.stringify(out)}\n`;
}

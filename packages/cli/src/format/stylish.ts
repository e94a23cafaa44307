/**
 * Human output: `path:line:col  severity  message  rule-id`, each followed by a code frame, then a summary.
 * Colour only when asked for (a TTY without NO_COLOR).
 */
import type { ConfigDocument, Diagnostic } from '@lxclint/core';
import type { FileResult, FormatOptions } from './index';

const paint = (on: boolean) => (code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function formatStylish(results: FileResult[], options: FormatOptions): string {
  const c = paint(options.color);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
      if (d.fix?.safe) fixable++;
      const sev = d.severity === 'error' ? c('31', 'error') : d.severity === 'warning' ? c('33', 'warning') : c('36', 'info');
      const loc = `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      out += `${c('1', loc)}  ${sev}  ${d.message}  ${c('2', d.ruleId)}\n`;
      out += codeFrame(r.doc, d, c);
    }
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out += `\n${c(errors > 0 ? '31;1' : '33;1', `✖ ${summary}`)}\n`;
  if (fixable > 0) out += `  ${fixable} of them can be fixed with \`lxclint check --fix\`.\n`;
  return out;
}

/** The offending line with a caret underline. Non-printing characters are shown escaped. */
function codeFrame(doc: ConfigDocument, d: Diagnostic, c: (code: string, s: string) => string): string {
  const line = doc.lines.find((l) => l.start <= d.start && d.start <= l.contentEnd) ?? doc.lines[d.range.start.line];
  if (!line) return '';
  const text = doc.text.slice(line.start, line.contentEnd);
  const shown = visible(text);
  const from = visible(text.slice(0, Math.max(0, d.start - line.start))).length;
  const endInLine = Math.min(d.end, line.contentEnd);
  const width = Math.max(1, visible(doc.text.slice(d.start, endInLine)).length);
  const num = String(line.line + 1);
  return `  ${c('2', `${num} |`)} ${shown}\n  ${' '.repeat(num.length)} ${c('2', '|')} ${' '.repeat(from)}${c(d.severity === 'error' ? '31' : '33', '^'.repeat(width))}\n`;
}

function visible(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufeff]/g, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`).replace(/\t/g, '    ');
}

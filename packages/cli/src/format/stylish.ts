/**
 * Human output: `path:line:col  severity  message  rule-id`, each followed by a code frame, then a summary.
 * Colour only when the caller says so (check.ts: a TTY or FORCE_COLOR, never with NO_COLOR).
 */
import type { ConfigDocument, Diagnostic } from '@lxclint/core';
import { countSeverities, type FileResult, type FormatOptions } from './index';

const paint = (on: boolean) => (code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function formatStylish(results: FileResult[], options: FormatOptions): string {
  const c = paint(options.color);
  let out = '';
  let fixable = 0;
  const { errors, warnings, infos } = countSeverities(results.flatMap((r) => r.diagnostics));
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.fix?.safe) fixable++;
      const sev = d.severity === 'error' ? c('31', 'error') : d.severity === 'warning' ? c('33', 'warning') : c('36', 'info');
      const loc = `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      out += `${c('1', loc)}  ${sev}  ${d.message}  ${c('2', d.ruleId)}\n`;
      out += codeFrame(r.doc, d, c);
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${infos} info` : ''})`;
  out += `\n${c(errors > 0 ? '31;1' : warnings > 0 ? '33;1' : '36;1', `${errors + warnings > 0 ? '✖' : 'ℹ'} ${summary}`)}\n`;
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
  return `  ${c('2', `${num} |`)} ${shown}\n  ${' '.repeat(num.length)} ${c('2', '|')} ${' '.repeat(from)}${c(d.severity === 'error' ? '31' : d.severity === 'warning' ? '33' : '36', '^'.repeat(width))}\n`;
}

function visible(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufeff]/g, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`).replace(/\t/g, '    ');
}

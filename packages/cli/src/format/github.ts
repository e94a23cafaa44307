/**
 * GitHub Actions workflow commands: one `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::message`
 * per finding, which Actions shows as an annotation on the line. Info findings are `::notice`. Paths are
 * relative to the working directory (the checkout), as Actions expects.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileResult, FormatOptions } from './index';

/** Escaping of a command's message (GitHub's toolkit `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value (`escapeProperty`): also `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: FileResult[], options: FormatOptions): string {
  let out = '';
  for (const r of results) {
    const file = r.absPath === undefined ? r.path : shownPath(r.absPath, options.cwd);
    for (const d of r.diagnostics) {
      const cmd = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const { start, end } = d.range;
      const props = [`file=${file}`, `line=${start.line + 1}`, `col=${start.character + 1}`, `endLine=${end.line + 1}`];
      // Actions only uses columns within one line.
      if (end.line === start.line) props.push(`endColumn=${end.character + 1}`);
      props.push(`title=${d.ruleId}`);
      out += `::${cmd} ${props.map((p) => { const i = p.indexOf('='); return p.slice(0, i + 1) + escapeProperty(p.slice(i + 1)); }).join(',')}::${escapeData(`${d.message} (${d.ruleId})`)}\n`;
    }
  }
  return out;
}

function shownPath(abs: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, abs));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

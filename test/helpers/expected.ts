/**
 * The fixture format: a config file `NAME.conf` with `NAME.expected` beside it, one diagnostic per line:
 *   LINE:COL-ENDLINE:ENDCOL SEVERITY RULE-ID MESSAGE
 * (1-based). Diagnostics in an included file are prefixed with that file's path relative to the fixture's
 * directory: `inc/a.conf:2:1-2:5 error ...`. Optional `NAME.host.json` supplies host facts.
 * A first line `# lxclint-test: version=7.0` checks against another LXC release. The fixture's directory
 * is the working directory (relative includes), and `<dir>` stands for it in messages.
 * Run with UPDATE_EXPECTED=1 to (re)write .expected files; review the diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { lintDocument, parseConfigBytes, type Diagnostic, type HostFacts, type LxcVersion } from '@lxclint/core';
import { NodeFileSystem } from '../../packages/cli/src/host/node-fs';

export function formatDiagnostic(d: Diagnostic, root: string): string {
  const prefix = d.uri === root ? '' : `${relative(dirname(root), d.uri)}:`;
  const r = d.range;
  // Messages may name absolute paths (resolved includes); the checkout's location must not matter.
  const message = d.message.split(dirname(root)).join('<dir>');
  return `${prefix}${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.ruleId} ${message}`;
}

export function lintFixture(path: string): { actual: string; diagnostics: Diagnostic[] } {
  const bytes = readFileSync(path);
  const doc = parseConfigBytes(bytes, path);
  const first = doc.lines[0];
  const m = first?.kind === 'comment' ? /lxclint-test: version=(\S+)/.exec(doc.text.slice(first.start, first.contentEnd)) : null;
  const hostPath = path.replace(/\.conf$/, '.host.json');
  const host = existsSync(hostPath) ? (JSON.parse(readFileSync(hostPath, 'utf8')) as HostFacts) : undefined;
  const { diagnostics } = lintDocument(doc, new NodeFileSystem(dirname(path)), {
    ...(m ? { version: m[1] as LxcVersion } : {}),
    ...(host ? { host } : {}),
  });
  const actual = diagnostics.map((d) => formatDiagnostic(d, path)).join('\n');
  return { actual: actual ? `${actual}\n` : '', diagnostics };
}

export function expectedFor(path: string): { path: string; text: string | undefined } {
  const p = path.replace(/\.conf$/, '.expected');
  if (process.env.UPDATE_EXPECTED) {
    const { actual } = lintFixture(path);
    writeFileSync(p, actual);
  }
  return { path: p, text: existsSync(p) ? readFileSync(p, 'utf8') : undefined };
}

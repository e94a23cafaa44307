/** `lxclint rules`: list every rule (id, category, default severity, fix, summary). */
import { allRules } from '@lxclint/core';
import { sortedRules } from '../docs/rule-docs';
import { parseArgs, UsageError, type CommandResult } from './args';
import { writeStdout } from '../io/output';

const HELP = `Usage: lxclint rules [--json]

List every rule: id, category, default severity, whether it can fix (safe/unsafe), and a summary.
"lxclint explain RULE" prints a rule's full documentation.

Options:
  --json       Print a JSON array of {id, category, severity, fix, needsHost, summary}
  -h, --help   Show this help
`;

export function run(argv: string[]): CommandResult {
  const args = parseArgs(argv, { flags: ['help', 'json'], aliases: { '-h': '--help' } });
  if (args.flags.has('help')) {
    writeStdout(HELP);
    return { exitCode: 0 };
  }
  if (args.positional.length > 0) throw new UsageError(`unexpected argument "${args.positional[0]}" (see lxclint rules --help)`);
  const rules = sortedRules(allRules);
  if (args.flags.has('json')) {
    const list = rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, fix: r.fix ?? null, needsHost: r.needsHost === true, summary: r.summary }));
    writeStdout(`${JSON.stringify(list, null, 2)}\n`);
    return { exitCode: 0 };
  }
  const idWidth = Math.max(4, ...rules.map((r) => r.id.length));
  const catWidth = Math.max(8, ...rules.map((r) => r.category.length));
  const lines = [`${'RULE'.padEnd(idWidth)}  ${'CATEGORY'.padEnd(catWidth)}  SEVERITY  FIX     SUMMARY`];
  for (const r of rules) {
    const summary = r.summary.replace(/`([^`]*)`/g, '$1') + (r.needsHost ? ' (host)' : '');
    lines.push(`${r.id.padEnd(idWidth)}  ${r.category.padEnd(catWidth)}  ${r.severity.padEnd(8)}  ${(r.fix ?? '-').padEnd(6)}  ${summary}`);
  }
  writeStdout(`${lines.join('\n')}\n`);
  return { exitCode: 0 };
}

/** `lxclint explain RULE`: a rule's documentation, offline, from its metadata. */
import { allRules, getRule, suggest } from '@lxclint/core';
import { ruleMarkdown, ruleText } from '../docs/rule-docs';
import { parseArgs, UsageError, type CommandResult } from './args';
import { writeStdout } from '../io/output';

const HELP = `Usage: lxclint explain [--markdown] RULE

Print what RULE reports, an example it reports and the same config written correctly, whether it can fix it,
and how to configure or suppress it. "lxclint rules" lists the rule ids.

Options:
  --markdown   Print the Markdown page (as in docs/rules/RULE.md) instead of plain text
  -h, --help   Show this help
`;

export function run(argv: string[]): CommandResult {
  const args = parseArgs(argv, { flags: ['help', 'markdown'], aliases: { '-h': '--help' } });
  if (args.flags.has('help')) {
    writeStdout(HELP);
    return { exitCode: 0 };
  }
  if (args.positional.length !== 1) throw new UsageError('give one rule id, e.g. "lxclint explain duplicate-key" ("lxclint rules" lists them)');
  const id = args.positional[0]!;
  const rule = getRule(id);
  if (!rule) {
    const { matches } = suggest(id, allRules.map((r) => r.id));
    const hint = matches.length > 0 ? ` (did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?)` : '';
    throw new UsageError(`unknown rule "${id}"${hint}; "lxclint rules" lists them`);
  }
  writeStdout(args.flags.has('markdown') ? ruleMarkdown(rule) : ruleText(rule));
  return { exitCode: 0 };
}

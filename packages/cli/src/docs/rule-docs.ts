/**
 * Rule documentation, generated from each rule's metadata (like Ruff's and ESLint's rule pages): the same
 * text serves `lxclint explain`, SARIF's help and the committed pages under docs/rules/ (written by
 * scripts/gen-rule-docs.mjs, checked by test/cli/docs.test.ts).
 */
import type { Rule, RuleCategory } from '@lxclint/core';

export const GENERATED_MARK = '<!-- Generated from the rule metadata by scripts/gen-rule-docs.mjs: edit the rule, not this file. -->';

/** The order categories are listed in (the pipeline's order, as in the design). */
const CATEGORY_ORDER: RuleCategory[] = ['syntax', 'key', 'value', 'network', 'host', 'include', 'cross-file', 'style', 'legacy', 'suppression'];

export function fixText(rule: Rule): string {
  if (rule.fix === 'safe') return 'safe: `lxclint check --fix` applies it; the config means the same to LXC afterwards';
  if (rule.fix === 'unsafe') return 'unsafe: it changes what LXC does (usually to what was meant), so only `lxclint check --fix --unsafe-fixes` applies it';
  return 'none';
}

function fence(code: string): string {
  // A fence longer than any backtick run inside, so examples are shown as written.
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}\n${code.replace(/\n+$/, '')}\n${f}`;
}

/** The rule's page in Markdown (docs/rules/<id>.md without the generated mark, SARIF help.markdown). */
export function ruleMarkdown(rule: Rule): string {
  const rows: Array<[string, string]> = [
    ['Category', rule.category],
    ['Default severity', rule.severity],
    ['Fix', fixText(rule)],
    ['Needs host facts', rule.needsHost ? 'yes (`--host`, `--host-facts FILE`; skipped otherwise)' : 'no'],
  ];
  return [
    `# ${rule.id}`,
    '',
    rule.summary,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`),
    '',
    '## What it reports',
    '',
    rule.docs.description,
    '',
    '## Example',
    '',
    'Reported:',
    '',
    fence(rule.docs.bad),
    '',
    'Instead:',
    '',
    fence(rule.docs.good),
    '',
    '## Configuration',
    '',
    `Change its severity or turn it off in \`lxclint.json\`: \`{ "rules": { "${rule.id}": "off" } }\` (\`"info"\`, \`"warning"\`, \`"error"\`).`,
    ...(rule.category === 'suppression'
      ? ['', 'This rule reports suppression comments, so it cannot be suppressed by one.']
      : ['', 'Suppress one finding with a comment line above it:', '', fence(`# lxclint-disable-next-line ${rule.id} -- why this is fine`)]),
    '',
  ].join('\n');
}

/** The page as plain text, for `lxclint explain` and SARIF's help.text: Markdown without its markup. */
export function ruleText(rule: Rule): string {
  const indent = (s: string) => s.replace(/\n+$/, '').split('\n').map((l) => `    ${l}`).join('\n');
  return [
    `${rule.id}: ${rule.summary}`,
    '',
    `Category:          ${rule.category}`,
    `Default severity:  ${rule.severity}`,
    `Fix:               ${fixText(rule)}`,
    `Needs host facts:  ${rule.needsHost ? 'yes (--host, --host-facts FILE; skipped otherwise)' : 'no'}`,
    '',
    wrap(rule.docs.description, 100),
    '',
    'Reported:',
    '',
    indent(rule.docs.bad),
    '',
    'Instead:',
    '',
    indent(rule.docs.good),
    '',
    `Configure in lxclint.json: { "rules": { "${rule.id}": "off" | "info" | "warning" | "error" } }`,
    ...(rule.category === 'suppression' ? [] : [`Suppress one finding:     # lxclint-disable-next-line ${rule.id} -- why this is fine`]),
    '',
  ].join('\n');
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export function sortedRules(rules: readonly Rule[]): Rule[] {
  const rank = (c: RuleCategory) => {
    const i = CATEGORY_ORDER.indexOf(c);
    return i === -1 ? CATEGORY_ORDER.length : i;
  };
  return [...rules].sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
}

/** docs/rules/README.md: every rule by category, linking to its page. */
export function rulesIndexMarkdown(rules: readonly Rule[]): string {
  const out = [
    GENERATED_MARK,
    '',
    '# Rules',
    '',
    `lxclint has ${rules.length} rules. Each page says what the rule reports, shows a config it reports and the ` +
      'same config written so it does not, and whether it can fix it. `lxclint explain RULE` prints the same page ' +
      'in the terminal; `lxclint rules` lists them. Severities and ignores are set in `lxclint.json` (see the README).',
    '',
  ];
  const sorted = sortedRules(rules);
  sorted.forEach((rule, i) => {
    if (rule.category !== sorted[i - 1]?.category) {
      out.push(`## ${rule.category}`, '', '| rule | severity | fix | summary |', '| --- | --- | --- | --- |');
    }
    out.push(`| [${rule.id}](${rule.id}.md) | ${rule.severity} | ${rule.fix ?? ''} | ${rule.summary.replace(/\|/g, '\\|')}${rule.needsHost ? ' (host)' : ''} |`);
    if (rule.category !== sorted[i + 1]?.category) out.push('');
  });
  return out.join('\n');
}

/** Every generated file under docs/rules/, by file name. */
export function generateRuleDocs(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set('README.md', rulesIndexMarkdown(rules));
  for (const rule of rules) files.set(`${rule.id}.md`, `${GENERATED_MARK}\n\n${ruleMarkdown(rule)}`);
  return files;
}

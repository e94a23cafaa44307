/**
 * Inline suppressions. LXC has comments only on their own line (`#` first), so directives are comment lines:
 *
 *   # lxclint-disable-next-line RULE[, RULE...] [-- reason]   the next line that is not blank or a comment
 *   # lxclint-disable RULE[, RULE...] [-- reason]             the whole file, wherever the line is
 *
 * Without a rule list a directive covers every rule. A file-level directive may stand anywhere (configs often
 * begin with a generated header, and people append), and always covers the whole file; by convention put it
 * at the top. A directive with bad syntax suppresses nothing; an unknown rule id is dropped from its list.
 */
import type { ConfigDocument } from '../syntax/tree';
import { suggest } from '../util/suggest';

export type DirectiveKind = 'next-line' | 'file';

export interface DirectiveRule {
  id: string;
  start: number;
  end: number;
}

export interface SuppressionDirective {
  kind: DirectiveKind;
  doc: ConfigDocument;
  /** 0-based line of the comment. */
  line: number;
  /** The directive's text: from `#` to the end of the comment. */
  start: number;
  end: number;
  /** Rules it covers; null for all rules. */
  rules: DirectiveRule[] | null;
  reason?: string;
  /** For next-line directives: the 0-based line it applies to. */
  target?: number;
}

export interface DirectiveProblem {
  doc: ConfigDocument;
  start: number;
  end: number;
  message: string;
}

export interface ParsedSuppressions {
  directives: SuppressionDirective[];
  problems: DirectiveProblem[];
}

export const DIRECTIVE_NEXT_LINE = 'lxclint-disable-next-line';
export const DIRECTIVE_FILE = 'lxclint-disable';
const DIRECTIVES = [DIRECTIVE_NEXT_LINE, DIRECTIVE_FILE];
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ParseSuppressionOptions {
  /** Whether a rule id exists. */
  isKnownRule(id: string): boolean;
  /** All rule ids, for "did you mean". */
  ruleIds: Iterable<string>;
  /** Rules that cannot be suppressed inline (the suppression rules themselves). */
  unsuppressible?: ReadonlySet<string>;
}

export function parseSuppressions(doc: ConfigDocument, options: ParseSuppressionOptions): ParsedSuppressions {
  const directives: SuppressionDirective[] = [];
  const problems: DirectiveProblem[] = [];
  const lines = doc.lines;
  const text = doc.text;
  // Every directive, and every misplaced one below, follows a `#`: a file without one (a generated list of mounts
  // or interfaces) has none, and one search of the text (a fast byte scan) answers that for all its lines.
  if (text.indexOf('#') === -1) return { directives, problems };
  // The next `#` at or after the current line's value; values come in text order, so one forward scan per file.
  let nextHash = text.indexOf('#');
  let lastVs = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'entry' && line.isLxc) {
      // `lxc.x = y # lxclint-disable-next-line ...`: LXC reads that as part of the value, and so do we.
      // Most values hold no `#`: skip them without slicing or a regex.
      const vs = line.valueSpan.start;
      // (A tree whose lines are not in text order, e.g. one built by hand, gets a fresh search.)
      if ((nextHash !== -1 && nextHash < vs) || vs < lastVs) nextHash = text.indexOf('#', vs);
      lastVs = vs;
      if (nextHash === -1 || nextHash >= line.valueSpan.end) continue;
      const value = text.slice(vs, line.valueSpan.end);
      const m = /#\s*lxclint-disable\b/.exec(value);
      if (m) {
        const start = line.valueSpan.start + m.index;
        problems.push({ doc, start, end: line.valueSpan.end,
          message: 'A suppression must be on its own comment line; here LXC reads it as part of the value and lxclint ignores it' });
      }
      continue;
    }
    if (line.kind !== 'comment') continue;
    const hash = line.comment.start;
    const body = doc.text.slice(hash + 1, line.comment.end);
    const lead = body.length - body.trimStart().length;
    const wordMatch = /^\S+/.exec(body.slice(lead));
    if (!wordMatch) continue;
    const word = wordMatch[0];
    // Other `lxclint-...` words (e.g. `lxclint-test:` in our fixtures) are not directives.
    if (!/^lxclint-(?:disable|enable)/.test(word)) continue;
    const wordStart = hash + 1 + lead;
    const wordEnd = wordStart + word.length;
    const end = line.comment.start + doc.text.slice(line.comment.start, line.comment.end).trimEnd().length;
    if (!DIRECTIVES.includes(word)) {
      const { matches } = suggest(word, DIRECTIVES);
      const message = word.startsWith('lxclint-enable')
        ? `Unknown directive "${word}": lxclint has no enable directive (a next-line directive covers one line, a file directive the whole file)`
        : matches.length > 0
          ? `Unknown directive "${word}" (did you mean "${matches[0]}"?)`
          : `Unknown directive "${word}"; use ${DIRECTIVES.map((d) => `"${d}"`).join(' or ')}`;
      problems.push({ doc, start: wordStart, end: wordEnd, message });
      continue;
    }
    const kind: DirectiveKind = word === DIRECTIVE_NEXT_LINE ? 'next-line' : 'file';
    const parsed = parseArguments(doc, wordEnd, end, options);
    problems.push(...parsed.problems);
    if (parsed.invalid) continue;
    const directive: SuppressionDirective = { kind, doc, line: line.line, start: hash, end, rules: parsed.rules };
    if (parsed.reason !== undefined) directive.reason = parsed.reason;
    if (kind === 'next-line') {
      let j = i + 1;
      while (j < lines.length && (lines[j]!.kind === 'blank' || lines[j]!.kind === 'comment')) j++;
      if (j >= lines.length) {
        problems.push({ doc, start: wordStart, end: wordEnd, message: `"${DIRECTIVE_NEXT_LINE}" has no line after it to apply to` });
        continue;
      }
      directive.target = lines[j]!.line;
    }
    directives.push(directive);
  }
  return { directives, problems };
}

interface ParsedArguments {
  rules: DirectiveRule[] | null;
  reason?: string;
  /** Syntax so broken that the directive must not suppress anything. */
  invalid: boolean;
  problems: DirectiveProblem[];
}

/** The text after the directive word, `[RULE[, RULE...]] [-- reason]`, from `from` to `to` in the document. */
function parseArguments(doc: ConfigDocument, from: number, to: number, options: ParseSuppressionOptions): ParsedArguments {
  const problems: DirectiveProblem[] = [];
  const text = doc.text.slice(from, to);
  const sep = /(^|[ \t])--(?=[ \t]|$)/.exec(text);
  const listEnd = sep ? sep.index + sep[1]!.length : text.length;
  let reason: string | undefined;
  if (sep) {
    reason = text.slice(listEnd + 2).trim();
    if (reason === '') {
      problems.push({ doc, start: from + listEnd, end: from + listEnd + 2, message: '"--" must be followed by a reason (or left out)' });
      reason = undefined;
    }
  }
  const list = text.slice(0, listEnd);
  if (list.trim() === '') return { rules: null, invalid: false, problems, ...(reason !== undefined ? { reason } : {}) };

  const rules: DirectiveRule[] = [];
  let invalid = false;
  let offset = 0;
  const items: Array<{ text: string; start: number }> = [];
  for (const part of list.split(',')) {
    items.push({ text: part, start: offset });
    offset += part.length + 1;
  }
  items.forEach((item, index) => {
    const lead = item.text.length - item.text.trimStart().length;
    const id = item.text.trim();
    const start = from + item.start + lead;
    const end = start + id.length;
    if (id === '') {
      // `# lxclint-disable-next-line a,` or `a,,b`: say where, but the other ids are still clear.
      const at = index > 0 ? from + item.start - 1 : from + item.text.length;
      problems.push({ doc, start: at, end: at + 1, message: 'Empty rule id in the list (stray ",")' });
      return;
    }
    if (/\s/.test(id)) {
      problems.push({ doc, start, end,
        message: `Rule ids must be separated by commas and a reason must follow "--": ${JSON.stringify(id)} cannot be read, so this suppression has no effect` });
      invalid = true;
      return;
    }
    if (!RULE_ID.test(id) || !options.isKnownRule(id)) {
      const { matches } = suggest(id, options.ruleIds);
      problems.push({ doc, start, end,
        message: `Unknown rule "${id}"${matches.length > 0 ? ` (did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?)` : ''}; it is not suppressed` });
      return;
    }
    if (options.unsuppressible?.has(id)) {
      problems.push({ doc, start, end, message: `"${id}" cannot be suppressed inline; set its severity in lxclint.json instead` });
      return;
    }
    rules.push({ id, start, end });
  });
  // Every id was unknown: covering nothing is right; falling back to "all rules" would hide everything.
  return { rules, invalid: invalid || rules.length === 0, problems, ...(reason !== undefined ? { reason } : {}) };
}

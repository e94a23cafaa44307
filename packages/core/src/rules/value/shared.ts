/**
 * Glue between the value validators (values/) and the value rules: runs checkValue() once per entry and
 * config, and turns a finding into a report on the right part of the line.
 */
import type { ConfigEntry, ResolvedConfig } from '../../model/resolve';
import { checkValue, valueUnchecked } from '../../values/check';
import type { ValueFinding, ValueFindingKind } from '../../values/types';
import { keyRange, valueRange, type Fix, type RuleContext } from '../types';

const cache = new WeakMap<ResolvedConfig, Map<ConfigEntry, ValueFinding[]>>();
/** checkValue() only reads its options: one object per encoding instead of one per entry. */
const OPTIONS = { utf8: { encoding: 'utf8' }, latin1: { encoding: 'latin1' } } as const;

function findingsByEntry(ctx: RuleContext): Map<ConfigEntry, ValueFinding[]> {
  const config = ctx.config;
  let map = cache.get(config);
  if (map) return map;
  map = new Map();
  // checkValue() answers [] itself for the keys it does not check (isValueChecked: network keys, legacy ones
  // included): going through the other entries only, and skipping the indexed network keys, saves the calls.
  const entries = ctx.analysis.otherEntries();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (!entry.match || entry.match.netIndex !== undefined || valueUnchecked(entry.match, entry.value)) continue;
    const list = checkValue(entry.match, entry.value, config.version, OPTIONS[entry.doc.encoding] ?? { encoding: entry.doc.encoding });
    if (list.length > 0) map.set(entry, list);
  }
  cache.set(config, map);
  return map;
}

/** Where the value liblxc sees starts in the document (inside the quotes, if any). */
export function valueStart(entry: ConfigEntry): number {
  return entry.line.valueSpan.start + (entry.line.quote ? 1 : 0);
}

function toFix(entry: ConfigEntry, finding: ValueFinding): Fix | undefined {
  if (!finding.fix) return undefined;
  const base = valueStart(entry);
  const text = entry.doc.text;
  return {
    description: finding.fix.description,
    safe: false,
    edits: finding.fix.edits.map((e) => {
      // Filling an empty, unquoted value: keep a blank after `=` as the rest of the file does.
      const pad = entry.value === '' && !entry.line.quote && text[base + e.start - 1] === '=' ? ' ' : '';
      return { start: base + e.start, end: base + e.end, newText: pad + e.newText };
    }),
  };
}

/** Report every finding of `kind` with the rule's context. */
export function reportFindings(ctx: RuleContext, kind: ValueFindingKind, defaultSeverity: ValueFinding['severity']): void {
  for (const [entry, list] of findingsByEntry(ctx)) {
    for (const finding of list) {
      if (finding.kind !== kind) continue;
      const base = valueStart(entry);
      const span = finding.onKey
        ? keyRange(entry)
        : finding.range
          ? { start: base + finding.range.start, end: base + finding.range.end }
          : entry.value === '' ? valueRange(entry) : { start: base, end: base + entry.value.length };
      const fix = toFix(entry, finding);
      ctx.report({
        doc: entry.doc,
        ...span,
        message: finding.message,
        ...(finding.severity !== defaultSeverity ? { severity: finding.severity } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  }
}

/** "line 3" in the same file, "line 3 of /usr/share/lxc/config/common.conf" in another. */
export function where(entry: ConfigEntry, from: ConfigEntry): string {
  const line = `line ${entry.line.line + 1}`;
  return entry.doc === from.doc ? line : `${line} of ${entry.doc.uri}`;
}

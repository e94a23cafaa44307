/**
 * Runs the rules over a resolved config. Rules only report; the engine applies configured severities,
 * drops rules that are off or need host facts that are missing, fills positions, applies inline
 * suppressions (reporting malformed and unused ones) and sorts.
 */
import type { LxcVersion } from '../catalog/types';
import type { HostFacts } from '../host/facts';
import type { FileSystem } from '../model/filesystem';
import { buildNetworkModel } from '../model/network';
import { resolveConfig, type ResolvedConfig } from '../model/resolve';
import { positionAt } from '../syntax/position';
import { parseConfig } from '../syntax/parser';
import type { ConfigDocument } from '../syntax/tree';
import { applySuppressions, type SuppressedDiagnostic } from '../suppress/apply';
import { parseSuppressions, type DirectiveProblem, type SuppressionDirective } from '../suppress/parse';
import { ConfigAnalysis } from './analysis';
import { allRules } from './registry';
import { SUPPRESSION_RULE_IDS } from './suppression/index';
import type { Diagnostic, Fix, RelatedLocation, Rule, RuleContext, Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  version?: LxcVersion;
  /** Host facts for the host tier; without them host rules are skipped. */
  host?: HostFacts;
  /** Per-rule severity overrides (`{"net-mtu-range": "off"}`). */
  rules?: Record<string, RuleSetting>;
  /** Per-rule options. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** Rules to run instead of the registry (tests). */
  ruleSet?: readonly Rule[];
  /** Honour `# lxclint-disable...` comments (default true). */
  inlineSuppressions?: boolean;
}

export interface LintResult {
  config: ResolvedConfig;
  diagnostics: Diagnostic[];
  /** Findings hidden by `# lxclint-disable...` comments, with the directive that hid each. */
  suppressed: SuppressedDiagnostic[];
}

/** The findings of a resolved config after inline suppressions (see suppress/), sorted. */
export function lintConfig(config: ResolvedConfig, options: LintOptions = {}): Diagnostic[] {
  return runRules(config, options).diagnostics;
}

function runRules(config: ResolvedConfig, options: LintOptions): { diagnostics: Diagnostic[]; suppressed: SuppressedDiagnostic[] } {
  const network = buildNetworkModel(config);
  const analysis = new ConfigAnalysis(config, network);
  const out: Diagnostic[] = [];
  const rules = options.ruleSet ?? allRules;
  const ran = new Set<string>();
  const settingOf = (rule: Rule): RuleSetting => options.rules?.[rule.id] ?? rule.severity;
  for (const rule of rules) {
    const setting = settingOf(rule);
    if (setting === 'off') continue;
    if (rule.needsHost && !options.host) continue;
    ran.add(rule.id);
    const ctx: RuleContext = {
      config,
      network,
      analysis,
      host: options.host,
      version: config.version,
      options: options.ruleOptions?.[rule.id] ?? {},
      report(r) {
        // A configured severity wins; otherwise a per-report severity may refine the default.
        const severity = options.rules?.[rule.id] !== undefined ? (setting as Severity) : (r.severity ?? rule.severity);
        out.push(makeDiagnostic(rule.id, severity, r.doc, r.start, r.end, r.message, r.fix, r.related));
      },
    };
    rule.check(ctx);
  }
  if (options.inlineSuppressions === false) return { diagnostics: sortDiagnostics(out), suppressed: [] };

  // Suppressions: parse every document's directives, hide what they cover, then report the directives
  // themselves (malformed, unused) unless those two rules are off or not in the rule set.
  const known = new Set([...allRules.map((r) => r.id), ...rules.map((r) => r.id)]);
  const directives: SuppressionDirective[] = [];
  const malformed: DirectiveProblem[] = [];
  for (const doc of config.documents.values()) {
    const parsed = parseSuppressions(doc, { isKnownRule: (id) => known.has(id), ruleIds: known, unsuppressible: SUPPRESSION_RULE_IDS });
    directives.push(...parsed.directives);
    malformed.push(...parsed.problems);
  }
  const applied = applySuppressions(out, directives, { unsuppressible: SUPPRESSION_RULE_IDS, ran: (id) => ran.has(id) });
  const diagnostics = applied.kept;
  const emit = (id: string, problems: Array<DirectiveProblem & { fix?: Fix }>) => {
    const rule = rules.find((r) => r.id === id);
    if (!rule || !ran.has(id)) return;
    const severity = settingOf(rule) as Severity;
    for (const p of problems) diagnostics.push(makeDiagnostic(id, severity, p.doc, p.start, p.end, p.message, p.fix));
  };
  emit('suppression-malformed', malformed);
  emit('suppression-unused', applied.unused);
  return { diagnostics: sortDiagnostics(diagnostics), suppressed: applied.suppressed };
}

function makeDiagnostic(
  ruleId: string, severity: Severity, doc: ConfigDocument, start: number, end: number, message: string, fix?: Fix, related?: RelatedLocation[],
): Diagnostic {
  return {
    ruleId,
    severity,
    message,
    uri: doc.uri,
    start,
    end,
    range: { start: positionAt(doc, start), end: positionAt(doc, end) },
    ...(fix ? { fix } : {}),
    ...(related ? { related } : {}),
  };
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => (a.uri === b.uri ? a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId) : a.uri < b.uri ? -1 : 1));
}

/** Parse, resolve includes and lint one config text: the whole pipeline for CLI and language server. */
export function lintText(text: string, uri: string, fs: FileSystem | undefined, options: LintOptions = {}): LintResult {
  return lintDocument(parseConfig(text, { uri }), fs, options);
}

export function lintDocument(doc: ConfigDocument, fs: FileSystem | undefined, options: LintOptions = {}): LintResult {
  const config = resolveConfig(doc, fs, { version: options.version });
  return { config, ...runRules(config, options) };
}

/**
 * Runs the rules over a resolved config. Rules only report; the engine applies configured severities,
 * drops rules that are off or need host facts that are missing, fills positions and sorts.
 */
import type { LxcVersion } from '../catalog/types';
import type { HostFacts } from '../host/facts';
import type { FileSystem } from '../model/filesystem';
import { buildNetworkModel } from '../model/network';
import { resolveConfig, type ResolvedConfig } from '../model/resolve';
import { positionAt } from '../syntax/position';
import { parseConfig } from '../syntax/parser';
import type { ConfigDocument } from '../syntax/tree';
import { allRules } from './registry';
import type { Diagnostic, Rule, RuleContext, Severity } from './types';

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
}

export interface LintResult {
  config: ResolvedConfig;
  diagnostics: Diagnostic[];
}

export function lintConfig(config: ResolvedConfig, options: LintOptions = {}): Diagnostic[] {
  const network = buildNetworkModel(config);
  const out: Diagnostic[] = [];
  const docsByUri = new Map<string, ConfigDocument>();
  for (const doc of config.documents.values()) docsByUri.set(doc.uri, doc);
  for (const rule of options.ruleSet ?? allRules) {
    const setting = options.rules?.[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    if (rule.needsHost && !options.host) continue;
    const ctx: RuleContext = {
      config,
      network,
      host: options.host,
      version: config.version,
      options: options.ruleOptions?.[rule.id] ?? {},
      report(r) {
        out.push({
          ruleId: rule.id,
          // A configured severity wins; otherwise a per-report severity may refine the default.
          severity: options.rules?.[rule.id] !== undefined ? (setting as Severity) : (r.severity ?? rule.severity),
          message: r.message,
          uri: r.doc.uri,
          start: r.start,
          end: r.end,
          range: { start: positionAt(r.doc, r.start), end: positionAt(r.doc, r.end) },
          ...(r.fix ? { fix: r.fix } : {}),
          ...(r.related ? { related: r.related } : {}),
        });
      },
    };
    rule.check(ctx);
  }
  return sortDiagnostics(out);
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
  return { config, diagnostics: lintConfig(config, options) };
}

/**
 * The shape of a rule (one file each under rules/, ESLint/Ruff style): stable id, category, default
 * severity, documentation with a bad and a good example, fix safety, and one check function.
 */
import type { LxcVersion } from '../catalog/types';
import type { HostFacts } from '../host/facts';
import type { NetworkModel } from '../model/network';
import type { ConfigEntry, ResolvedConfig } from '../model/resolve';
import type { ConfigDocument } from '../syntax/tree';
import type { ConfigAnalysis } from './analysis';

export type Severity = 'error' | 'warning' | 'info';

export type RuleCategory = 'syntax' | 'key' | 'value' | 'network' | 'host' | 'include' | 'cross-file' | 'style' | 'legacy' | 'suppression';

/** A replacement of `[start, end)` of a document's text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, imperative: "Replace `lxc.utsname` with `lxc.uts.name`". */
  description: string;
  /** Safe fixes keep the meaning of the config; unsafe ones change what LXC does (usually to what was meant). */
  safe: boolean;
  edits: TextEdit[];
}

export interface RelatedLocation {
  uri: string;
  start: number;
  end: number;
  message: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The document the problem is in (an included file for problems found there). */
  uri: string;
  start: number;
  end: number;
  /** 0-based line and character of start and end, filled by the engine. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fix?: Fix;
  related?: RelatedLocation[];
}

export interface RuleDocs {
  /** One paragraph: what is wrong and why it matters (what LXC does with it). */
  description: string;
  /** A config snippet that triggers the rule. */
  bad: string;
  /** The same snippet written correctly. */
  good: string;
}

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** One line for listings and SARIF's shortDescription. */
  summary: string;
  docs: RuleDocs;
  /** Whether the rule can fix what it finds, and whether that fix is safe. */
  fix?: 'safe' | 'unsafe';
  /** Needs HostFacts (host tier); skipped when none are given. */
  needsHost?: boolean;
}

export interface Report {
  doc: ConfigDocument;
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  related?: RelatedLocation[];
  /** Override the rule's severity for this finding (e.g. a warning-level case of an error rule). */
  severity?: Severity;
}

export interface RuleContext {
  config: ResolvedConfig;
  network: NetworkModel;
  /** Facts several rules share (network entries by subkey, parsed addresses...), computed once per lint run. */
  analysis: ConfigAnalysis;
  host: HostFacts | undefined;
  version: LxcVersion;
  /** Options for this rule from the project configuration (rule-specific). */
  options: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Span helpers for reporting on parts of an entry line. */
export function keyRange(entry: ConfigEntry): { start: number; end: number } {
  const s = entry.line.keySpan;
  return s.end > s.start ? { start: s.start, end: s.end } : { start: entry.line.start, end: entry.line.contentEnd };
}

export function valueRange(entry: ConfigEntry): { start: number; end: number } {
  const s = entry.line.valueSpan;
  return s.end > s.start ? { start: s.start, end: s.end } : { start: entry.line.equals, end: entry.line.equals + 1 };
}

export function lineRange(entry: ConfigEntry): { start: number; end: number } {
  return { start: entry.line.indent.end, end: entry.line.contentEnd };
}

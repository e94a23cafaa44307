/**
 * Shared machinery of the differential tests: what lxclint makes of a file (diagnostics and the effective
 * config as get_config_item would print it), the comparison with liblxc's answer, and the deliberate
 * differences (each a named, narrow normaliser; test/oracle/DIFFERENCES.md says why).
 */
import { readFileSync } from 'node:fs';
import { buildNetworkModel, effectiveConfig, formatAsLiblxc, lintDocument, parseConfigBytes, type Diagnostic } from '@lxclint/core';
import { NodeFileSystem } from '../../packages/cli/src/host/node-fs';
import { ORACLE_ENV, runOracle, type OracleResult } from './liblxc';

export interface Subject {
  file: string;
  cwd: string;
  /** Shipped by Debian's lxc/lxc-templates packages: must not get any error. */
  debian?: boolean;
  /** How a mutant was made, for failure messages. */
  ops?: string[];
}

export interface LxclintView {
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  values: Record<string, string>;
}

export function lxclintView(s: Subject): LxclintView {
  const doc = parseConfigBytes(readFileSync(s.file), s.file);
  // Inline suppressions are off: the property is about what the rules detect.
  const { config, diagnostics } = lintDocument(doc, new NodeFileSystem(s.cwd), { inlineSuppressions: false });
  const values = formatAsLiblxc(effectiveConfig(config, buildNetworkModel(config)));
  return { diagnostics, errors: diagnostics.filter((d) => d.severity === 'error'), values };
}

/** A deliberate difference: returns true when `expected` (lxclint) and `actual` (liblxc) mean the same. */
interface Normaliser {
  name: string;
  applies(key: string): boolean;
  same(expected: string, actual: string): boolean;
}

export const NORMALISERS: Normaliser[] = [
  {
    // liblxc replaces each x/X of a hwaddr with a random hex digit at load time (offset 1 from 0 2 4 6 8 a c e).
    name: 'hwaddr-random-digits',
    applies: (key) => /^lxc\.net\.\d+\.hwaddr$/.test(key),
    same(expected, actual) {
      if (expected.length !== actual.length) return false;
      for (let i = 0; i < expected.length; i++) {
        const e = expected[i]!;
        const a = actual[i]!;
        if (e === 'x' || e === 'X') {
          if (!/[0-9a-f]/.test(a)) return false;
        } else if (e !== a) return false;
      }
      return true;
    },
  },
  {
    // A file with non-UTF-8 bytes is decoded by lxclint one char per byte (latin1); the oracle decodes each value on
    // its own (UTF-8 when valid). Equal when they are exactly the same bytes.
    name: 'same-bytes-other-decoding',
    applies: () => true,
    same(expected, actual) {
      if (!/[\u0080-\u00ff]/.test(expected) || /[^\u0000-\u00ff]/.test(expected)) return false;
      const a = Buffer.from(actual, 'utf8');
      const e = Buffer.from(expected, 'latin1');
      return a.equals(e);
    },
  },
  {
    // phys `link = prefix+` is matched against the host's interfaces while liblxc parses (the last match wins,
    // no match leaves link empty): the result depends on the machine, which the pure model cannot see.
    name: 'phys-link-host-match',
    applies: (key) => /^lxc\.net\.\d+\.link$/.test(key),
    same: (expected, actual) => expected.endsWith('+') && (actual === '' || (actual.startsWith(expected.slice(0, -1)) && actual.length <= 15)),
  },
];

/** Key-by-key differences between lxclint's rendering and liblxc's values, after the normalisers. */
export function diffValues(ours: Record<string, string>, theirs: Record<string, string>, baseline: Record<string, string>): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  for (const key of [...keys].sort()) {
    const expected = ours[key] ?? baseline[key];
    const actual = theirs[key];
    if (expected === actual) continue;
    if (expected !== undefined && actual !== undefined && NORMALISERS.some((n) => n.applies(key) && n.same(expected, actual))) continue;
    out.push(`${key}: ${describeDifference(expected, actual)}`);
  }
  return out;
}

function describeDifference(expected: string | undefined, actual: string | undefined): string {
  const show = (v: string | undefined, none: string) => (v === undefined ? none : JSON.stringify(v.length > 160 ? `${v.slice(0, 160)}...` : v));
  if (expected !== undefined && actual !== undefined && (expected.includes('\n') || actual.includes('\n'))) {
    // Long lists: point at the first line that differs.
    const e = expected.split('\n');
    const a = actual.split('\n');
    const i = e.findIndex((line, k) => line !== a[k]);
    const at = i < 0 ? e.length : i;
    return `line ${at + 1} of ${e.length} vs ${a.length}: lxclint ${show(e[at], '(end)')} vs liblxc ${show(a[at], '(end)')}`;
  }
  return `lxclint ${show(expected, '(not set)')} vs liblxc ${show(actual, '(no such key)')}`;
}

/**
 * A rejection that depends on the machine or process loading the config, not on the file (DIFFERENCES.md):
 * `lxc.environment = NAME` with NAME unset in the oracle's environment, and `idmap=PATH` in
 * lxc.rootfs.options when PATH cannot be opened here. Exempt from "rejected ⇒ error" only when check
 * flagged that very line (with any severity): static analysis cannot know the loading host.
 */
export function hostDependentRejection(oracle: OracleResult, view: LxclintView): string | undefined {
  const failed = oracle.errors.map((e) => /Failed to parse config file ".*" at line "(.*)"$/.exec(e)?.[1]).find((l) => l !== undefined);
  if (failed === undefined) return undefined;
  const m = /^[ \t]*(lxc\.[^ \t=]+)[ \t]*=[ \t]*(.*)$/.exec(failed);
  if (!m) return undefined;
  const [, key, value] = m;
  let reason: string | undefined;
  if (key === 'lxc.environment' && /^[^=]+$/.test(value!) && ORACLE_ENV[value!.trim()] === undefined) reason = 'environment-dependent lxc.environment';
  if (key === 'lxc.rootfs.options' && /(^|,)idmap=/.test(value!) && oracle.errors.some((e) => e.includes('Failed to open user namespace'))) reason = 'host-dependent idmap= path';
  if (!reason) return undefined;
  const flagged = view.diagnostics.some((d) => readLine(d.uri, d.range.start.line) === failed);
  return flagged ? reason : undefined;
}

function readLine(file: string, line: number): string | undefined {
  try {
    return readFileSync(file, 'latin1').split(/\r\n|\r|\n/)[line];
  } catch {
    return undefined;
  }
}

export interface Finding {
  subject: Subject;
  oracle: OracleResult;
  view: LxclintView;
  /** Rejected by liblxc, no error from check. */
  missedError: boolean;
  /** Why a missed error is a deliberate difference (host-dependent load), if it is one. */
  exempt?: string;
  /** Value differences on an accepted file. */
  valueDiff: string[];
}

/** Run liblxc and lxclint over the subjects (plus an empty file for liblxc's defaults) and compare. */
export async function differential(subjects: Subject[], emptyFile: string, emptyCwd: string): Promise<{ findings: Finding[]; baseline: Record<string, string> }> {
  const results = await runOracle([{ file: emptyFile, cwd: emptyCwd }, ...subjects.map((s) => ({ file: s.file, cwd: s.cwd }))]);
  const [base, ...rest] = results;
  if (!base?.accepted) throw new Error(`liblxc rejected an empty config: ${JSON.stringify(base)}`);
  const findings = subjects.map((subject, i) => {
    const oracle = rest[i]!;
    if (oracle.file !== subject.file) throw new Error(`oracle answered for ${oracle.file}, expected ${subject.file}`);
    const view = lxclintView(subject);
    const missed = !oracle.accepted && view.errors.length === 0;
    const exempt = missed ? hostDependentRejection(oracle, view) : undefined;
    return {
      subject,
      oracle,
      view,
      missedError: missed && exempt === undefined,
      ...(exempt ? { exempt } : {}),
      valueDiff: oracle.accepted ? diffValues(view.values, oracle.values, base.values) : [],
    };
  });
  return { findings, baseline: base.values };
}

function excerpt(file: string, max = 6): string {
  const text = readFileSync(file).toString('latin1');
  const lines = text.split('\n').slice(0, max).map((l) => `      | ${JSON.stringify(l).slice(1, -1)}`);
  return lines.join('\n');
}

/** Failure text: each offending file with what liblxc said and the first lines of the difference. */
export function describeFindings(title: string, list: Finding[], kind: 'missed' | 'values' | 'debian', limit = 40): string {
  const parts = [`${title}: ${list.length} file(s)`];
  for (const f of list.slice(0, limit)) {
    parts.push(`  ${f.subject.file}${f.subject.ops ? `  [${f.subject.ops.join('; ')}]` : ''}`);
    if (kind === 'missed') {
      parts.push(`    liblxc: ${f.oracle.errors.slice(0, 2).join(' / ') || '(rejected without a message)'}`);
      parts.push(excerpt(f.subject.file));
    } else if (kind === 'values') {
      for (const d of f.valueDiff.slice(0, 5)) parts.push(`    ${d}`);
    } else {
      for (const d of f.view.errors.slice(0, 5)) parts.push(`    ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.ruleId} ${d.message}`);
    }
  }
  if (list.length > limit) parts.push(`  ... and ${list.length - limit} more`);
  return parts.join('\n');
}

/** check errors on files liblxc accepts, by rule: start-time-only problems are expected; others may be false positives. */
export function acceptedWithErrors(findings: Finding[]): Map<string, { count: number; example: string }> {
  const byRule = new Map<string, { count: number; example: string }>();
  for (const f of findings) {
    if (!f.oracle.accepted) continue;
    for (const d of f.view.errors) {
      const cur = byRule.get(d.ruleId) ?? { count: 0, example: `${f.subject.file}:${d.range.start.line + 1} ${d.message}` };
      cur.count++;
      byRule.set(d.ruleId, cur);
    }
  }
  return byRule;
}

/** Whether the differential tests may be skipped (only when explicitly asked). */
export function skipReason(available: boolean): string | undefined {
  if (available) return undefined;
  if (process.env.LXCLINT_SKIP_ORACLE === '1') return 'liblxc oracle skipped: python3-lxc is not importable and LXCLINT_SKIP_ORACLE=1';
  return undefined;
}

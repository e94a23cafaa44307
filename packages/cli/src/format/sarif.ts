/**
 * SARIF 2.1.0 (what GitHub code scanning and most CI dashboards read). Every registered rule is listed in
 * `tool.driver.rules` with its documentation; results point at them by `ruleId` and `ruleIndex`. Regions are
 * 1-based and counted in UTF-16 code units (`columnKind`), which is what our positions are. Paths under the
 * working directory are relative to `%SRCROOT%`; others are absolute `file:` URIs. Findings hidden by an
 * inline suppression are included with an `inSource` suppression, as SARIF intends.
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { allRules, positionAt, type ConfigDocument, type Diagnostic, type Rule, type Severity, type SuppressionDirective } from '@lxclint/core';
import { ruleMarkdown, ruleText } from '../docs/rule-docs';
import type { FileResult, FormatOptions } from './index';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const level = (s: Severity): 'error' | 'warning' | 'note' => (s === 'info' ? 'note' : s);

export function formatSarif(results: FileResult[], options: FormatOptions): string {
  const rules = [...allRules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: unknown[] = [];
  for (const r of results) {
    const artifact = artifactLocation(r, options.cwd);
    for (const d of r.diagnostics) sarifResults.push(result(r.doc, d, artifact, index, options.cwd));
    for (const s of r.suppressed) sarifResults.push({ ...result(r.doc, s.diagnostic, artifact, index, options.cwd), suppressions: [suppression(s.directive)] });
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lxclint', semanticVersion: options.version, version: options.version, rules: rules.map(descriptor) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith(sep) ? options.cwd : options.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(rule: Rule) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: plain(rule.summary) },
    fullDescription: { text: plain(rule.docs.description) },
    help: { text: ruleText(rule), markdown: ruleMarkdown(rule) },
    defaultConfiguration: { level: level(rule.severity) },
    properties: { category: rule.category, tags: [...new Set([rule.category, ...(rule.needsHost ? ['host'] : [])])], ...(rule.fix ? { fix: rule.fix } : {}) },
  };
}

/** Summaries use Markdown code spans; SARIF's text fields are plain. */
function plain(s: string): string {
  return s.replace(/`([^`]*)`/g, '$1');
}

type Artifact = { uri: string; uriBaseId?: string };

function artifactLocation(r: FileResult, cwd: string): Artifact {
  return r.absPath === undefined ? { uri: encodeURIComponent(r.path) } : artifactFor(r.absPath, cwd);
}

/** Under the working directory: relative to %SRCROOT%; elsewhere: an absolute file URI. */
function artifactFor(path: string, cwd: string): Artifact {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(abs).href };
}

function region(doc: ConfigDocument, start: number, end: number) {
  const s = positionAt(doc, start);
  const e = positionAt(doc, end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function result(doc: ConfigDocument, d: Diagnostic, artifact: Artifact, index: Map<string, number>, cwd: string) {
  const ruleIndex = index.get(d.ruleId);
  return {
    ruleId: d.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: level(d.severity),
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: region(doc, d.start, d.end) } }],
    ...(d.related?.length
      ? { relatedLocations: d.related.map((rel, id) => ({ id, message: { text: rel.message }, physicalLocation: relatedLocation(doc, rel, artifact, cwd) })) }
      : {}),
    ...(d.fix
      ? {
          fixes: [
            {
              description: { text: `${d.fix.description}${d.fix.safe ? '' : ' (unsafe: changes what LXC does)'}` },
              artifactChanges: [
                { artifactLocation: artifact, replacements: d.fix.edits.map((e) => ({ deletedRegion: region(doc, e.start, e.end), insertedContent: { text: e.newText } })) },
              ],
            },
          ],
        }
      : {}),
  };
}

/** A related location in the same document gets a region; one in another file only its path. */
function relatedLocation(doc: ConfigDocument, rel: NonNullable<Diagnostic['related']>[number], artifact: Artifact, cwd: string) {
  if (rel.uri === doc.uri) return { artifactLocation: artifact, region: region(doc, rel.start, rel.end) };
  return { artifactLocation: artifactFor(rel.uri, cwd) };
}

function suppression(directive: SuppressionDirective) {
  return { kind: 'inSource', ...(directive.reason ? { justification: directive.reason } : {}) };
}

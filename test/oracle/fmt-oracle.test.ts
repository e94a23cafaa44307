/**
 * `fmt` never changes what liblxc reads: over every fixture, the configs Debian ships and a few thousand
 * seeded mutations, the formatted file gets the same load_config verdict and the same get_config_item value
 * for every key as the original, and formatting is idempotent. Non-UTF-8 bytes survive (checked on bytes).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeConfigText, formatDocument, parseConfigBytes, type FormatOptions } from '@lxclint/core';
import { corpusA } from './corpus';
import { NORMALISERS, skipReason } from './differential';
import { oracleAvailable, runOracle, type OracleResult } from './liblxc';
import { generateMutants } from './mutate';

const COUNT = Number(process.env.LXCLINT_FMT_MUTANTS ?? 2000);
const SEED = Number(process.env.LXCLINT_MUTANT_SEED ?? 20240607) + 11;
const skip = skipReason(oracleAvailable());

interface Pair {
  original: string;
  formatted: string;
  cwd: string;
  options: FormatOptions;
  label: string;
}

/** Values equal, or equal apart from the random digits liblxc puts in place of hwaddr x's (different per load). */
function sameValues(a: OracleResult, b: OracleResult): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a.values), ...Object.keys(b.values)])) {
    const x = a.values[key];
    const y = b.values[key];
    if (x === y) continue;
    if (x !== undefined && y !== undefined && /\.hwaddr$/.test(key) && x.length === y.length && [...x].every((c, i) => c === y[i] || (/[0-9a-f]/.test(c) && /[0-9a-f]/.test(y[i]!)))) continue;
    if (x !== undefined && y !== undefined && NORMALISERS.some((n) => n.applies(key) && n.same(x, y))) continue;
    out.push(`${key}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  }
  return out;
}

describe.skipIf(skip !== undefined)(`fmt keeps what liblxc reads (fixtures, Debian configs, ${COUNT} mutations)`, () => {
  let work: string;
  const pairs: Pair[] = [];
  const results = new Map<string, OracleResult>();
  const variants: FormatOptions[] = [{}, { alignEquals: true, blankLinesMax: 0, lineEnding: 'crlf' }];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lxclint-fmt-oracle-'));
    const out = join(work, 'formatted');
    mkdirSync(out);
    const corpus = corpusA(work);
    const mutants = generateMutants(join(work, 'mutants'), corpus.map((s) => readFileSync(s.file, 'utf8')), COUNT, SEED);
    const subjects = [...corpus.map((s) => ({ file: s.file, cwd: s.cwd })), ...mutants.map((m) => ({ file: m.file, cwd: join(work, 'mutants') }))];
    subjects.forEach((s, i) => {
      const bytes = readFileSync(s.file);
      const options = variants[i % variants.length]!;
      const doc = parseConfigBytes(bytes, s.file);
      const formatted = join(out, `${i}-${basename(s.file)}`);
      writeFileSync(formatted, encodeConfigText(formatDocument(doc, options).text, doc.encoding));
      pairs.push({ original: s.file, formatted, cwd: s.cwd, options, label: s.file });
    });
    const answers = await runOracle(pairs.flatMap((p) => [{ file: p.original, cwd: p.cwd }, { file: p.formatted, cwd: p.cwd }]));
    for (const a of answers) results.set(a.file, a);
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has a corpus with both accepted and rejected files', () => {
    const accepted = pairs.filter((p) => results.get(p.original)?.accepted).length;
    expect(pairs.length).toBeGreaterThan(COUNT);
    expect(accepted).toBeGreaterThan(pairs.length / 10);
    expect(pairs.length - accepted).toBeGreaterThan(pairs.length / 10);
    // The proof is not vacuous: most files were actually changed by the formatter.
    const changed = pairs.filter((p) => Buffer.compare(readFileSync(p.original), readFileSync(p.formatted)) !== 0).length;
    expect(changed).toBeGreaterThan(pairs.length / 2);
  });

  it('gives the same load_config verdict and the same value for every key', () => {
    const problems: string[] = [];
    for (const p of pairs) {
      const a = results.get(p.original)!;
      const b = results.get(p.formatted)!;
      if (a.accepted !== b.accepted) problems.push(`${p.label}: verdict ${a.accepted} → ${b.accepted} ${b.errors.slice(0, 1).join('')}`);
      else if (a.accepted) {
        const diff = sameValues(a, b);
        if (diff.length > 0) problems.push(`${p.label} ${JSON.stringify(p.options)}: ${diff.slice(0, 3).join('; ')}`);
      }
    }
    expect(problems.slice(0, 30).join('\n')).toBe('');
  });

  it('is idempotent on every file, and keeps non-ASCII bytes', () => {
    const problems: string[] = [];
    for (const p of pairs) {
      const once = readFileSync(p.formatted);
      const doc = parseConfigBytes(once, p.formatted);
      const twice = encodeConfigText(formatDocument(doc, p.options).text, doc.encoding);
      if (Buffer.compare(Buffer.from(once), Buffer.from(twice)) !== 0) problems.push(p.label);
      // Every byte >= 0x80 of the original is still there, in order.
      const high = (b: Uint8Array) => [...b].filter((x) => x >= 0x80).join(',');
      if (high(readFileSync(p.original)) !== high(once)) problems.push(`${p.label}: non-ASCII bytes changed`);
    }
    expect(problems.slice(0, 30).join('\n')).toBe('');
  });
});

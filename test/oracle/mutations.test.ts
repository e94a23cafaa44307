/**
 * Differential test, corpus B: a few thousand seeded mutations of the corpus-A configs and of realistic
 * lines (test/oracle/mutate.ts), generated into a temp dir at test time and loaded by liblxc and lxclint.
 * (1) liblxc rejects ⇒ `check` reports at least one error; (3) accepted ⇒ the effective config equals
 * liblxc's get_config_item values key for key (deliberate differences: DIFFERENCES.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusA } from './corpus';
import { acceptedWithErrors, describeFindings, differential, skipReason, type Finding } from './differential';
import { oracleAvailable } from './liblxc';
import { generateMutants } from './mutate';

const COUNT = Number(process.env.LXCLINT_MUTANTS ?? 3000);
const SEED = Number(process.env.LXCLINT_MUTANT_SEED ?? 20240607);

const skip = skipReason(oracleAvailable());
if (skip) console.log(skip);

describe.skipIf(skip !== undefined)(`differential vs liblxc: ${COUNT} mutations (seed ${SEED})`, () => {
  let work: string;
  let findings: Finding[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lxclint-mutants-'));
    writeFileSync(join(work, 'empty.conf'), '');
    const bases = corpusA(work).map((s) => readFileSync(s.file, 'utf8'));
    const mutants = generateMutants(work, bases, COUNT, SEED);
    ({ findings } = await differential(mutants.map((m) => ({ file: m.file, cwd: work, ops: m.ops })), join(work, 'empty.conf'), work));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('generates a mix of accepted and rejected files', () => {
    const accepted = findings.filter((f) => f.oracle.accepted).length;
    expect(findings.length).toBe(COUNT);
    expect(accepted).toBeGreaterThan(COUNT / 10);
    expect(COUNT - accepted).toBeGreaterThan(COUNT / 10);
  });

  it('every mutant liblxc rejects gets at least one error from check', () => {
    const missed = findings.filter((f) => f.missedError);
    expect(missed.length, describeFindings('rejected by liblxc, no error from lxclint', missed, 'missed')).toBe(0);
  });

  it('effective config equals liblxc get_config_item on every accepted mutant', () => {
    const diff = findings.filter((f) => f.valueDiff.length > 0);
    expect(diff.length, describeFindings('effective config differs from liblxc', diff, 'values')).toBe(0);
  });

  it('lists check errors on mutants liblxc accepts (start-time problems expected)', () => {
    const byRule = acceptedWithErrors(findings);
    if (byRule.size > 0) console.log(`check errors on mutants liblxc accepts:\n${[...byRule].map(([r, v]) => `  ${r}: ${v.count} (e.g. ${v.example})`).join('\n')}`);
    expect(findings.length).toBe(COUNT);
  });
});

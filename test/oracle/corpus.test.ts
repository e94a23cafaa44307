/**
 * Differential test, corpus A: every fixture and example config, and the configs Debian's lxc and
 * lxc-templates packages ship, loaded by liblxc 5.0 (the oracle) and by lxclint.
 * (1) liblxc rejects ⇒ `check` reports at least one error; (2) no Debian-shipped file gets an error;
 * (3) accepted ⇒ the effective config equals liblxc's get_config_item values, key for key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusA } from './corpus';
import { acceptedWithErrors, describeFindings, differential, skipReason, type Finding } from './differential';
import { oracleAvailable } from './liblxc';

const skip = skipReason(oracleAvailable());
if (skip) console.log(skip);

describe.skipIf(skip !== undefined)('differential vs liblxc: shipped configs, fixtures, examples', () => {
  let work: string;
  let findings: Finding[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lxclint-corpus-'));
    writeFileSync(join(work, 'empty.conf'), '');
    ({ findings } = await differential(corpusA(work), join(work, 'empty.conf'), work));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('loads a real corpus', () => {
    expect(findings.filter((f) => f.subject.debian).length).toBeGreaterThan(20);
  });

  it('every file liblxc rejects gets at least one error from check', () => {
    const missed = findings.filter((f) => f.missedError);
    expect(missed.length, describeFindings('rejected by liblxc, no error from lxclint', missed, 'missed')).toBe(0);
  });

  it('no config shipped by Debian gets an error', () => {
    const bad = findings.filter((f) => f.subject.debian && f.view.errors.length > 0);
    expect(bad.length, describeFindings('Debian-shipped configs with errors', bad, 'debian')).toBe(0);
    const warned = findings.filter((f) => f.subject.debian && f.view.diagnostics.length > 0);
    if (warned.length > 0) {
      console.log(`Debian-shipped configs with warnings/info (allowed):\n${warned
        .map((f) => `  ${f.subject.file}: ${[...new Set(f.view.diagnostics.map((d) => `${d.severity} ${d.ruleId}`))].join(', ')}`)
        .join('\n')}`);
    }
  });

  it('effective config equals liblxc get_config_item on every accepted file', () => {
    const diff = findings.filter((f) => f.valueDiff.length > 0);
    expect(diff.length, describeFindings('effective config differs from liblxc', diff, 'values')).toBe(0);
  });

  it('lists check errors on files liblxc accepts (start-time problems expected)', () => {
    const byRule = acceptedWithErrors(findings);
    if (byRule.size > 0) console.log(`check errors on files liblxc accepts:\n${[...byRule].map(([r, v]) => `  ${r}: ${v.count} (e.g. ${v.example})`).join('\n')}`);
    expect(findings.some((f) => f.oracle.accepted)).toBe(true);
  });
});

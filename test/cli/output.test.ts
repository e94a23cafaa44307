/** Standard output written with write(2) (io/output.ts): large reports arrive whole, a reader that leaves early is no error. */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, onlyRules, requireBuiltCli, runCli, TEST_RULES, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();
beforeAll(() => void tmp.write('lxclint.json', onlyRules(TEST_RULES)));

/** A config with `n` unknown keys: one finding each, so the report grows with n. */
function manyFindings(n: number): string {
  return Array.from({ length: n }, (_, i) => `lxc.no.such.key${i} = value number ${i}\n`).join('');
}

describe('output', () => {
  it('a report larger than a pipe buffer arrives whole and in order', () => {
    const f = tmp.write('big/config', manyFindings(3000));
    const r = runCli(['check', '-f', 'json', f]);
    expect(r.code).toBe(1);
    // Far beyond the 64 KiB a pipe holds: the writer must have looped over partial writes.
    expect(r.stdout.length).toBeGreaterThan(256 * 1024);
    const report = JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; ruleId: string }> }>;
    expect(report).toHaveLength(1);
    expect(report[0]!.messages).toHaveLength(3000);
    expect(report[0]!.messages.map((m) => m.line)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  });

  it('a reader that closes early (| head) ends the output quietly, with the verdict as exit status', () => {
    const f = tmp.write('head/config', manyFindings(3000));
    const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check ${JSON.stringify(f)} | head -c 100 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stdout.trim()).toBe('status=1');
    expect(r.stderr).toBe('');
  });

  it('writes to a file descriptor that is a regular file (shell redirection)', () => {
    const f = tmp.write('file/config', manyFindings(5));
    const out = `${tmp.dir()}/file/report.txt`;
    const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check -f json ${JSON.stringify(f)} > ${JSON.stringify(out)}; cat ${JSON.stringify(out)}`], {
      encoding: 'utf8',
    });
    expect((JSON.parse(r.stdout) as Array<{ messages: unknown[] }>)[0]!.messages).toHaveLength(5);
  });
});

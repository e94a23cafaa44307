/** Inline suppressions through the CLI: used, unused, malformed, file-level, and their configuration. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyRules, requireBuiltCli, runCli, TEST_RULES, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();
beforeAll(() => void tmp.write('lxclint.json', onlyRules(TEST_RULES)));

const lint = (name: string, text: string, args: string[] = []) => {
  const f = tmp.write(`${name}/config`, text);
  const r = runCli(['check', '-f', 'json', ...args, f]);
  const [file] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; message: string }>; suppressedMessages: unknown[] }>;
  return { code: r.code, found: file!.messages.map((m) => `${m.line} ${m.ruleId}`), messages: file!.messages, suppressed: file!.suppressedMessages.length };
};

describe('inline suppressions', () => {
  it('next-line hides the finding on the next real line, with or without a reason', () => {
    const r = lint('used', '# lxclint-disable-next-line duplicate-key -- kept\n\n# note\nlxc.uts.name = a\nlxc.uts.name = b\n');
    expect(r).toMatchObject({ code: 0, found: [], suppressed: 1 });
  });

  it('file-level hides a rule in the whole file', () => {
    const r = lint('file', 'lxc.utsname = a\nlxc.uts.name = b\n# lxclint-disable legacy-key, duplicate-key\nlxc.uts.name = c\n');
    expect(r).toMatchObject({ code: 0, found: [], suppressed: 2 });
  });

  it('a directive without rules covers all of them', () => {
    expect(lint('all', '# lxclint-disable-next-line\nlxc.utsname = a # x\n')).toMatchObject({ code: 0, found: [], suppressed: 2 });
  });

  it('an unused suppression is reported', () => {
    const r = lint('unused', '# lxclint-disable-next-line duplicate-key\nlxc.uts.name = a\n');
    expect(r.found).toEqual(['1 suppression-unused']);
    expect(r.messages[0]!.message).toBe('"duplicate-key" is not reported on line 2, so this "lxclint-disable-next-line" has no effect');
    expect(r.code).toBe(0);
    expect(runCli(['check', '--max-warnings', '0', join(tmp.dir(), 'unused')]).code).toBe(1);
  });

  it('a malformed suppression is reported and suppresses nothing', () => {
    const r = lint('malformed', '# lxclint-disable-next-line legacy-keys\nlxc.utsname = a\n');
    expect(r.found).toEqual(['1 suppression-malformed', '2 legacy-key']);
    expect(r.messages[0]!.message).toBe('Unknown rule "legacy-keys" (did you mean "legacy-key"?); it is not suppressed');
    expect(r.code).toBe(1);
    const noComma = lint('nocomma', '# lxclint-disable-next-line legacy-key because\nlxc.utsname = a\n');
    expect(noComma.found).toEqual(['1 suppression-malformed', '2 legacy-key']);
  });

  it('the suppression rules follow lxclint.json like any rule', () => {
    tmp.write('cfg/lxclint.json', onlyRules(TEST_RULES, { rules: { 'suppression-unused': 'off', 'suppression-malformed': 'error' } }));
    const r = lint('cfg', '# lxclint-disable-next-line duplicate-key\nlxc.uts.name = a\n# lxclint-disable nope\n');
    expect(r.found).toEqual(['3 suppression-malformed']);
    expect(r.code).toBe(1);
  });

  it('a suppression for a rule turned off is not unused', () => {
    tmp.write('off/lxclint.json', onlyRules(TEST_RULES, { rules: { 'duplicate-key': 'off' } }));
    expect(lint('off', '# lxclint-disable-next-line duplicate-key\nlxc.uts.name = a\nlxc.uts.name = b\n')).toMatchObject({ code: 0, found: [] });
  });
});

/** `lxclint fmt`: print, --check, --diff, --write (atomic, mode kept), options from flags and lxclint.json. */
import { chmodSync, chownSync, readFileSync, readdirSync, statSync, symlinkSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();

const UGLY = '  lxc.uts.name=web  \n\n\n# keep   me\n\tlxc.net.0.type\t=\tveth\n';
const PRETTY = 'lxc.uts.name = web\n\n# keep   me\nlxc.net.0.type = veth\n';

describe('lxclint fmt', () => {
  it('prints the formatted file and leaves it alone', () => {
    const f = tmp.write('print/config', UGLY);
    expect(runCli(['fmt', f])).toMatchObject({ code: 0, stdout: PRETTY, stderr: '' });
    expect(readFileSync(f, 'utf8')).toBe(UGLY);
  });

  it('reads standard input with -', () => {
    expect(runCli(['fmt', '-'], { input: UGLY })).toMatchObject({ code: 0, stdout: PRETTY });
  });

  it('--check names each file that would change and exits 1; 0 when all are formatted', () => {
    const a = tmp.write('check/a/config', UGLY);
    const b = tmp.write('check/b/config', PRETTY);
    const r = runCli(['fmt', '--check', join(tmp.dir(), 'check')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${a}\n`);
    expect(r.stderr).toContain('1 file would be reformatted');
    expect(runCli(['fmt', '--check', b])).toMatchObject({ code: 0, stdout: '' });
  });

  it('--diff prints a unified diff', () => {
    const f = tmp.write('diff/config', 'lxc.a=1\nlxc.b = 2\n');
    const r = runCli(['fmt', '--diff', f]);
    expect(r.code).toBe(0);
    const name = f.replace(/^\/+/, '');
    expect(r.stdout).toBe(`--- a/${name}\n+++ b/${name}\n@@ -1,2 +1,2 @@\n-lxc.a=1\n+lxc.a = 1\n lxc.b = 2\n`);
  });

  it('--write rewrites in place atomically, keeping the mode, and leaves no temp file', () => {
    const f = tmp.write('write/config', UGLY);
    chmodSync(f, 0o640);
    const r = runCli(['fmt', '--write', f]);
    expect(r.code).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe(PRETTY);
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(tmp.dir(), 'write'))).toEqual(['config']);
    // A second run changes nothing.
    expect(runCli(['fmt', '--check', f]).code).toBe(0);
  });

  it.skipIf(process.getuid?.() !== 0)('--write keeps the owner (as root)', () => {
    const f = tmp.write('owner/config', UGLY);
    chownSync(f, 12345, 23456);
    expect(runCli(['fmt', '--write', f]).code).toBe(0);
    expect([statSync(f).uid, statSync(f).gid]).toEqual([12345, 23456]);
    expect(readFileSync(f, 'utf8')).toBe(PRETTY);
  });

  it('--write through a symlink keeps the link and rewrites its target', () => {
    const target = tmp.write('link/real.conf', UGLY);
    const link = join(tmp.dir(), 'link', 'config');
    symlinkSync(target, link);
    expect(runCli(['fmt', '--write', link]).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(PRETTY);
  });

  it('keeps bytes that are not UTF-8 when writing', () => {
    const bytes = Buffer.from([...Buffer.from('  lxc.uts.name = caf'), 0xe9, 0x0a, 0x23, 0xff, 0x20, 0x0a]);
    const f = tmp.write('latin1/config', bytes);
    expect(runCli(['fmt', '--write', f]).code).toBe(0);
    expect([...readFileSync(f)]).toEqual([...Buffer.from('lxc.uts.name = caf'), 0xe9, 0x0a, 0x23, 0xff, 0x0a]);
  });

  it('leaves a syntax-error line as it is and says so on stderr', () => {
    const f = tmp.write('syntax/config', 'lxc.a=1\n  lxc.tty.max  \n');
    const r = runCli(['fmt', f]);
    expect(r.stdout).toBe('lxc.a = 1\n  lxc.tty.max  \n');
    expect(r.stderr).toBe(`${f}:2: no "=" on this line: liblxc refuses to load the file; left as it is\n`);
  });

  it('takes options from the format section of lxclint.json, and flags win', () => {
    tmp.write('opts/lxclint.json', JSON.stringify({ format: { alignEquals: true } }));
    const f = tmp.write('opts/c1/config', 'lxc.uts.name = a\nlxc.arch = b\n\n\nlxc.c = d\n');
    expect(runCli(['fmt', f]).stdout).toBe('lxc.uts.name = a\nlxc.arch     = b\n\nlxc.c = d\n');
    expect(runCli(['fmt', '--no-align-equals', '--blank-lines-max', '2', f]).stdout).toBe('lxc.uts.name = a\nlxc.arch = b\n\n\nlxc.c = d\n');
    expect(runCli(['fmt', '--no-config', f]).stdout).toBe('lxc.uts.name = a\nlxc.arch = b\n\nlxc.c = d\n');
  });

  it('rejects a bad format section and bad flags with exit 2', () => {
    tmp.write('badopts/lxclint.json', JSON.stringify({ format: { alignEquals: 'yes' } }));
    const f = tmp.write('badopts/config', 'lxc.a = 1\n');
    const r = runCli(['fmt', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('format.alignEquals: must be true or false');
    expect(runCli(['fmt', '--line-ending', 'cr', f]).code).toBe(2);
    expect(runCli(['fmt', '--check', '--write', f]).code).toBe(2);
  });

  it('exits 2 for a missing path', () => {
    expect(runCli(['fmt', join(tmp.dir(), 'nope')]).code).toBe(2);
  });
});

/**
 * Corpus A of the differential test: every `*.conf`/`config` under test/fixtures/ and examples/, and the
 * configs Debian's lxc and lxc-templates packages ship (/usr/share/lxc/config/*.conf, /etc/lxc/default.conf,
 * /usr/share/doc/lxc/examples/*.conf). Fixtures for another LXC release (`# lxclint-test: version=7.0`) are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Subject } from './differential';

const repo = join(import.meta.dirname, '..', '..');

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.conf') || name === 'config') out.push(p);
  }
  return out;
}

/** Fixtures resolve relative includes against their rule folder (the directory above any `inc/`). */
function fixtureCwd(file: string): string {
  const parts = dirname(file).split('/');
  const inc = parts.indexOf('inc');
  return inc > 0 ? parts.slice(0, inc).join('/') : dirname(file);
}

function otherRelease(file: string): boolean {
  const m = /^#\s*lxclint-test:.*version=(\S+)/.exec(readFileSync(file, 'latin1').split('\n')[0] ?? '');
  return m !== null && m[1] !== '5.0';
}

function listDir(dir: string, filter: (n: string) => boolean): string[] {
  return existsSync(dir) ? readdirSync(dir).filter(filter).sort().map((n) => join(dir, n)) : [];
}

export function corpusA(work: string): Subject[] {
  const subjects: Subject[] = [];
  for (const file of [...walk(join(repo, 'test', 'fixtures')), ...walk(join(repo, 'examples'))]) {
    if (otherRelease(file)) continue;
    subjects.push({ file, cwd: fixtureCwd(file) });
  }
  const debian = [
    ...listDir('/usr/share/lxc/config', (n) => n.endsWith('.conf')),
    ...listDir('/etc/lxc', (n) => n === 'default.conf'),
    ...listDir('/usr/share/doc/lxc/examples', (n) => n.endsWith('.conf')),
  ];
  for (const file of debian) subjects.push({ file, cwd: dirname(file), debian: true });
  // lxc.log.file is created while loading: such files are loaded from a copy that logs into `work`.
  return subjects.map((s) => {
    const text = readFileSync(s.file, 'latin1');
    if (!/^[ \t]*lxc\.(log\.file|logfile)[ \t]*=/m.test(text)) return s;
    const copy = join(work, `${basename(dirname(s.file))}-${basename(s.file)}`);
    writeFileSync(copy, Buffer.from(text.replace(/^([ \t]*lxc\.(?:log\.file|logfile)[ \t]*=).*$/gm, `$1 ${work}/log.txt`), 'latin1'));
    return { ...s, file: copy };
  });
}

/** `lxclint migrate`: rewrite LXC 1.x/2.x configs with the keys LXC 3.0 and later accept. */
import { readFileSync } from 'node:fs';
import { encodeConfigText, migrateDocument } from '@lxclint/core';
import { writeFileAtomic } from '../io/atomic-write';
import { unifiedDiff } from '../io/diff';
import { loadConfigFile, writeOut } from '../io/files';
import { parseArgs, UsageError, type CommandResult } from './args';
import { discoverAndReport } from './discover';
import { writeStderr, writeStdout } from '../io/output';

const HELP = `Usage: lxclint migrate [options] [PATH...]

Convert legacy keys (LXC 2.x and older, refused since LXC 3.0) to their current names: renamed keys,
lxc.network.* blocks to lxc.net.N.* (numbered as LXC 2.x numbered them), lxc.network.ipv4/ipv6 to
ipv4.address/ipv6.address, lxc.rootfs + lxc.rootfs.backend to lxc.rootfs.path, and removed keys
(lxc.rootfs.backend, lxc.kmsg, lxc.pivotdir) to a comment saying why. Comments and layout are kept.
A replacement for lxc-update-config. PATH works as for "check"; files included with lxc.include are not
followed: name them to migrate them too.

Options:
  --dry-run              Print a unified diff of the changes (the default)
  --write                Rewrite changed files in place, keeping FILE.backup (atomically; mode and owner kept)
  --no-backup            With --write, keep no .backup copy
  --lxcpath DIR          Where containers live when no PATH is given (default: /var/lib/lxc)
  -h, --help             Show this help

Exit status: 0 nothing left to do, 1 files would change (--dry-run) or a line could not be migrated,
2 usage or I/O error.
`;

export async function run(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, {
    values: ['lxcpath'],
    flags: ['help', 'write', 'dry-run', 'no-backup'],
    aliases: { '-h': '--help' },
  });
  if (args.flags.has('help')) {
    writeStdout(HELP);
    return { exitCode: 0 };
  }
  const write = args.flags.has('write');
  if (write && args.flags.has('dry-run')) throw new UsageError('--write and --dry-run cannot be combined');
  if (args.flags.has('no-backup') && !write) throw new UsageError('--no-backup only makes sense with --write');

  const discovered = discoverAndReport(args.positional, args.values.get('lxcpath'));
  const files = discovered.files;
  let ioError = discovered.ioError;
  if (write && files.includes('-')) throw new UsageError('--write cannot rewrite standard input');

  let changed = 0;
  let problems = 0;
  for (const path of files) {
    const loaded = loadConfigFile(path);
    if (!loaded) {
      ioError = true;
      continue;
    }
    const { doc } = loaded;
    const result = migrateDocument(doc);
    for (const note of result.notes) {
      if (note.kind === 'removed' || (note.kind === 'rootfs' && !note.problem)) continue; // visible in the diff
      writeStderr(`${doc.uri}:${note.line + 1}: ${note.problem ? 'warning: ' : ''}${note.message}\n`);
      if (note.problem) problems++;
    }
    if (!result.changed) continue;
    changed++;
    if (!write) {
      writeOut(unifiedDiff(doc.text, result.text, `a/${doc.uri.replace(/^\/+/, "")}`, `b/${doc.uri.replace(/^\/+/, "")}`), doc.encoding);
      continue;
    }
    try {
      if (!args.flags.has('no-backup')) writeFileAtomic(`${path}.backup`, readFileSync(path), { like: path });
      writeFileAtomic(path, encodeConfigText(result.text, doc.encoding));
      const s = result.summary;
      writeStderr(`migrated ${path}: ${s.renamed} key${s.renamed === 1 ? '' : 's'} renamed, ${s.network} network line${s.network === 1 ? '' : 's'}, ${s.removed} removed${args.flags.has('no-backup') ? '' : ` (original in ${path}.backup)`}\n`);
    } catch (err) {
      writeStderr(`lxclint: ${path}: cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      ioError = true;
    }
  }
  if (ioError) return { exitCode: 2 };
  if (problems > 0 || (!write && changed > 0)) return { exitCode: 1 };
  return { exitCode: 0 };
}

/** `lxclint facts`: print this machine's network links as a host facts snapshot (JSON) for `check --host-facts`. */
import { writeFileSync } from 'node:fs';
import { readLiveHostFacts } from '../host/live-facts';
import { parseArgs, UsageError, type CommandResult } from './args';
import { writeStderr, writeStdout } from '../io/output';

const HELP = `Usage: lxclint facts [options]

Print this machine's network links (name, kind, MTU, master bridge, state) as JSON: the host facts that the
host rules check configs against. Save it on the LXC host and use it anywhere with
"lxclint check --host-facts FILE". Run inside "ip netns exec NS" to describe a network namespace.

Options:
  -o, --output-file F    Write the snapshot to F instead of standard output
  -h, --help             Show this help

Exit status: 0 written, 2 usage error or the links could not be read.
`;

export function run(argv: string[]): CommandResult {
  const args = parseArgs(argv, { values: ['output-file'], flags: ['help'], aliases: { '-o': '--output-file', '-h': '--help' } });
  if (args.flags.has('help')) {
    writeStdout(HELP);
    return { exitCode: 0 };
  }
  if (args.positional.length > 0) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  let text: string;
  try {
    text = `${JSON.stringify(readLiveHostFacts(), null, 2)}\n`;
  } catch (err) {
    writeStderr(`lxclint: cannot read this machine's network links: ${(err as Error).message}\n`);
    return { exitCode: 2 };
  }
  const out = args.values.get('output-file');
  if (out === undefined) {
    writeStdout(text);
    return { exitCode: 0 };
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    writeStderr(`lxclint: cannot write "${out}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return { exitCode: 2 };
  }
  return { exitCode: 0 };
}

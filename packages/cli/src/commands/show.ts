/** `lxclint show`: the effective configuration, as LXC holds it after includes, overrides, clears and type wipes. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildNetworkModel, effectiveConfig, formatAsLiblxc, isLxcVersion, lintConfig, LXC_VERSIONS, resolveConfig } from '@lxclint/core';
import { NodeFileSystem } from '../host/node-fs';
import { loadConfigFile } from '../io/files';
import { parseArgs, UsageError, type CommandResult } from './args';
import { writeStderr, writeStdout } from '../io/output';


const HELP = `Usage: lxclint show [options] FILE

Print the effective configuration of FILE: every key as LXC holds it after following lxc.include, applying
overrides, list appends, clears (key =), lxc.mount.auto merging and network type wipes, with the defaults a
network type line sets. Legacy keys (lxc.utsname, lxc.network.*) are shown under their modern names.
"-" reads the config from standard input.

Options:
  --json               JSON object: key -> value, list keys as arrays
  --as-liblxc          JSON object of the values exactly as liblxc's get_config_item() prints them
                       (numbers in decimal, signals as numbers, paths simplified, lists newline-joined)
  --lxc-version V      LXC release to read the file as: ${LXC_VERSIONS.join(', ')} (default: 5.0)
  -h, --help           Show this help

Exit status: 0 shown, 1 shown but the file has errors (LXC would refuse it; see lxclint check), 2 usage or I/O error.
`;

export async function run(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, { values: ['lxc-version'], flags: ['help', 'json', 'as-liblxc'], aliases: { '-h': '--help' } });
  if (args.flags.has('help')) {
    writeStdout(HELP);
    return { exitCode: 0 };
  }
  if (args.positional.length !== 1) throw new UsageError('expects exactly one FILE (see --help)');
  const version = args.values.get('lxc-version') ?? '5.0';
  if (!isLxcVersion(version)) throw new UsageError(`unknown LXC version "${version}" (one of: ${LXC_VERSIONS.join(', ')})`);
  // A container directory means its config, as for check.
  const given = args.positional[0]!;
  const file = given !== '-' && statSync(given, { throwIfNoEntry: false })?.isDirectory() ? join(given, 'config') : given;
  const loaded = loadConfigFile(file);
  if (!loaded) return { exitCode: 2 };
  const doc = loaded.doc;
  const config = resolveConfig(doc, new NodeFileSystem(), { version });
  const eff = effectiveConfig(config, buildNetworkModel(config));

  if (args.flags.has('as-liblxc')) {
    writeStdout(`${JSON.stringify(formatAsLiblxc(eff), null, 2)}\n`);
  } else if (args.flags.has('json')) {
    writeStdout(`${JSON.stringify(Object.fromEntries(eff.values), null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const [key, value] of eff.values) {
      if (Array.isArray(value)) {
        if (value.length === 0) lines.push(`${key} = (empty list)`);
        for (const v of value) lines.push(`${key} = ${v}`);
      } else lines.push(`${key} = ${value}`);
    }
    writeStdout(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  }

  const errors = lintConfig(config, { version }).filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    writeStderr(`lxclint: ${file}: ${errors} error(s): LXC would refuse to load this config (run lxclint check ${file})\n`);
    return { exitCode: 1 };
  }
  return { exitCode: 0 };
}

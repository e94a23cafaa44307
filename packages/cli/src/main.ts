/**
 * lxclint entry point: parses the sub-command and loads only the module it needs, so `lxclint --version`
 * and a single-file `check` stay close to Node's own start-up time.
 */
import { UsageError, type CommandResult } from './commands/args';
import { VERSION } from './version';
import { writeStderr, writeStdout } from './io/output';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<CommandResult> | CommandResult }> }> = {
  check: { summary: 'Lint configs (files, directories, or the containers under --lxcpath)', load: () => import('./commands/check') },
  rules: { summary: 'List every rule (id, category, default severity, fix, summary)', load: () => import('./commands/rules') },
  explain: { summary: "Print a rule's documentation", load: () => import('./commands/explain') },
  fmt: { summary: 'Format configs in the canonical style (print, --check, --diff, --write)', load: () => import('./commands/fmt') },
  migrate: { summary: 'Convert LXC 2.x legacy keys to current ones (replaces lxc-update-config)', load: () => import('./commands/migrate') },
  show: { summary: 'Print the effective configuration as LXC holds it (includes, overrides, clears)', load: () => import('./commands/show') },
  facts: { summary: "Print this machine's network links as JSON (host facts for check --host-facts)", load: () => import('./commands/facts') },
};

function usage(): string {
  const lines = ['Usage: lxclint <command> [options] [PATH...]', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `lxclint <command> --help` for the options of a command.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    writeStdout(`${usage()}\n`);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-V') {
    writeStdout(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[cmd];
  if (!entry) {
    writeStderr(`lxclint: unknown command "${cmd}"\n\n${usage()}\n`);
    return 2;
  }
  try {
    const mod = await entry.load();
    const result = await mod.run(rest);
    return result.exitCode;
  } catch (err) {
    if (err instanceof UsageError) {
      writeStderr(`lxclint ${cmd}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    writeStderr(`lxclint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);

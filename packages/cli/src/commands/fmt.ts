/** `lxclint fmt`: print, check, diff or rewrite configs in the canonical style. */
import { dirname, resolve } from 'node:path';
import { encodeConfigText, formatDocument, parseFormatOptions, type FormatOptions, type ProjectConfig } from '@lxclint/core';
import { writeFileAtomic } from '../io/atomic-write';
import { unifiedDiff } from '../io/diff';
import { loadConfigFile, writeOut } from '../io/files';
import { parseArgs, UsageError, type CommandResult } from './args';
import { discoverAndReport } from './discover';
import { ConfigFileError, ProjectConfigLoader } from './project-config';
import { writeStderr, writeStdout } from '../io/output';

const HELP = `Usage: lxclint fmt [options] [PATH...]

Format LXC container configs: "key = value", no indentation, no trailing blanks, at most one blank line in a
row, a final newline, LF line endings unless the file is all CRLF. Comments and values are kept as they are;
nothing liblxc reads changes. PATH works as for "check" (files, container directories, an lxcpath; "-" is
standard input). Without --write, --check or --diff the formatted text is printed.

Options:
  --write                Rewrite changed files in place (atomically; mode and owner are kept)
  --check                Print the files that would change and exit 1 if there are any
  --diff                 Print a unified diff of the changes
  --align-equals         Line up "=" within each block of lines (format.alignEquals)
  --no-align-equals      Do not (the default)
  --blank-lines-max N    Most blank lines kept in a row (format.blankLinesMax, default 1)
  --line-ending MODE     auto (default), lf or crlf (format.lineEnding)
  --lxcpath DIR          Where containers live when no PATH is given (default: /var/lib/lxc)
  -c, --config FILE      Use this project configuration instead of finding lxclint.json
  --no-config            Ignore lxclint.json files
  -h, --help             Show this help

Settings come from the "format" section of lxclint.json (searched upward from each file); flags win.
Exit status: 0 done (or nothing to change with --check), 1 files would change (--check), 2 usage or I/O error.
`;

export async function run(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, {
    values: ['lxcpath', 'blank-lines-max', 'line-ending', 'config'],
    flags: ['help', 'write', 'check', 'diff', 'align-equals', 'no-align-equals', 'no-config'],
    aliases: { '-h': '--help', '-c': '--config' },
  });
  if (args.flags.has('help')) {
    writeStdout(HELP);
    return { exitCode: 0 };
  }
  const modes = ['write', 'check', 'diff'].filter((m) => args.flags.has(m));
  if (modes.length > 1) throw new UsageError(`--${modes.join(' and --')} cannot be combined`);
  const mode = (modes[0] ?? 'print') as 'write' | 'check' | 'diff' | 'print';
  const flagOptions = optionsFromFlags(args.flags, args.values);
  if (args.flags.has('no-config') && args.values.has('config')) throw new UsageError('use either --config FILE or --no-config, not both');
  const loader = new ProjectConfigLoader();

  const discovered = discoverAndReport(args.positional, args.values.get('lxcpath'));
  const files = discovered.files;
  let ioError = discovered.ioError;
  if (mode === 'write' && files.includes('-')) throw new UsageError('--write cannot rewrite standard input');

  const wouldChange: string[] = [];
  for (const path of files) {
    const loaded = loadConfigFile(path);
    if (!loaded) {
      ioError = true;
      continue;
    }
    const { doc } = loaded;
    let options: FormatOptions;
    try {
      const configPath = args.values.get('config');
      const project = args.flags.has('no-config')
        ? undefined
        : configPath !== undefined ? loader.load(configPath) : loader.findFor(path === '-' ? process.cwd() : dirname(resolve(path)));
      options = { ...formatOptionsOf(project), ...flagOptions };
    } catch (err) {
      if (!(err instanceof ConfigFileError)) throw err;
      writeStderr(`lxclint: ${err.message.replace(/\n/g, '\nlxclint: ')}\n`);
      return { exitCode: 2 };
    }
    const result = formatDocument(doc, options);
    for (const note of result.notes) writeStderr(`${doc.uri}:${note.line + 1}: ${note.message}\n`);
    if (result.changed) wouldChange.push(doc.uri);
    switch (mode) {
      case 'print':
        if (files.length > 1) writeStdout(`==> ${doc.uri} <==\n`);
        writeOut(result.text, doc.encoding);
        break;
      case 'diff':
        writeOut(unifiedDiff(doc.text, result.text, `a/${doc.uri.replace(/^\/+/, "")}`, `b/${doc.uri.replace(/^\/+/, "")}`), doc.encoding);
        break;
      case 'check':
        if (result.changed) writeStdout(`${doc.uri}\n`);
        break;
      case 'write':
        if (!result.changed) break;
        try {
          writeFileAtomic(path, encodeConfigText(result.text, doc.encoding));
          writeStderr(`formatted ${path}\n`);
        } catch (err) {
          writeStderr(`lxclint: ${path}: cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
          ioError = true;
        }
        break;
    }
  }
  if (ioError) return { exitCode: 2 };
  if (mode === 'check' && wouldChange.length > 0) {
    writeStderr(`${wouldChange.length} file${wouldChange.length === 1 ? '' : 's'} would be reformatted\n`);
    return { exitCode: 1 };
  }
  return { exitCode: 0 };
}

function optionsFromFlags(flags: Set<string>, values: Map<string, string>): FormatOptions {
  const out: FormatOptions = {};
  if (flags.has('align-equals') && flags.has('no-align-equals')) throw new UsageError('--align-equals and --no-align-equals contradict each other');
  if (flags.has('align-equals')) out.alignEquals = true;
  if (flags.has('no-align-equals')) out.alignEquals = false;
  const blank = values.get('blank-lines-max');
  if (blank !== undefined) {
    const n = Number(blank);
    if (!/^[0-9]+$/.test(blank) || n > 100) throw new UsageError(`--blank-lines-max needs a whole number from 0 to 100, got "${blank}"`);
    out.blankLinesMax = n;
  }
  const le = values.get('line-ending');
  if (le !== undefined) {
    if (le !== 'auto' && le !== 'lf' && le !== 'crlf') throw new UsageError(`--line-ending must be auto, lf or crlf, got "${le}"`);
    out.lineEnding = le;
  }
  return out;
}

/** The `format` section of the project configuration (flags are merged over it by the caller). Throws on a bad file. */
function formatOptionsOf(project: ProjectConfig | undefined): FormatOptions {
  if (!project) return {};
  const { options, errors } = parseFormatOptions(project.format);
  if (errors.length > 0) throw new ConfigFileError(errors.map((e) => `${project.source}: ${e}`).join('\n'));
  return options;
}

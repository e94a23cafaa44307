/** `lxclint check`: lint configs and report in the chosen format. */
import { readFileSync } from 'node:fs';
import { lintDocument, parseConfigBytes, type Diagnostic, type LintOptions, type ResolvedConfig } from '@lxclint/core';
import { NodeFileSystem } from '../host/node-fs';
import { formatResults, FORMATS, type FileResult } from '../format/index';
import { parseArgs, UsageError, type CommandResult } from './args';
import { discoverConfigs } from './discover';

const HELP = `Usage: lxclint check [options] [PATH...]

Lint LXC container configs. PATH is a config file, a container directory (its "config"), or a directory of
containers (each "*/config"). Without PATH, the containers under --lxcpath (default /var/lib/lxc) are checked.
"-" reads a config from standard input.

Options:
  -f, --format NAME      Output format: ${FORMATS.join(', ')} (default: stylish)
  --lxcpath DIR          Where containers live when no PATH is given (default: /var/lib/lxc)
  --max-warnings N       Exit 1 when there are more than N warnings (default: no limit)
  --quiet                Report errors only
  -o, --output-file F    Write the report to F instead of standard output
  -h, --help             Show this help

Exit status: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 usage or I/O error.
`;

export async function run(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, {
    values: ['format', 'lxcpath', 'max-warnings', 'output-file'],
    flags: ['help', 'quiet'],
    aliases: { '-f': '--format', '-h': '--help', '-o': '--output-file' },
  });
  if (args.flags.has('help')) {
    process.stdout.write(HELP);
    return { exitCode: 0 };
  }
  const format = args.values.get('format') ?? 'stylish';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" (one of: ${FORMATS.join(', ')})`);
  const maxWarningsText = args.values.get('max-warnings');
  const maxWarnings = maxWarningsText === undefined ? -1 : Number(maxWarningsText);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings needs a whole number, got "${maxWarningsText}"`);

  const { files, missing } = discoverConfigs(args.positional, args.values.get('lxcpath'));
  const fs = new NodeFileSystem();
  const options: LintOptions = {};
  const results: FileResult[] = [];
  let ioError = missing.length > 0;
  for (const m of missing) process.stderr.write(`lxclint: ${m}: no such file or directory\n`);

  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? readFileSync(0) : readFileSync(file);
    } catch (err) {
      process.stderr.write(`lxclint: ${file}: ${(err as NodeJS.ErrnoException).code ?? 'cannot read'}\n`);
      ioError = true;
      continue;
    }
    const doc = parseConfigBytes(bytes, file === '-' ? '<stdin>' : file);
    const { config, diagnostics } = lintDocument(doc, fs, options);
    results.push(...groupByFile(config, diagnostics, args.flags.has('quiet')));
  }

  const out = formatResults(format, results, { color: useColor() });
  const outFile = args.values.get('output-file');
  if (outFile) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(outFile, out);
  } else {
    process.stdout.write(out);
  }
  if (ioError) return { exitCode: 2 };
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  return { exitCode: errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0 };
}

/** One result per document (the config and each file it includes that has findings). */
function groupByFile(config: ResolvedConfig, diagnostics: Diagnostic[], quiet: boolean): FileResult[] {
  const byUri = new Map<string, Diagnostic[]>();
  byUri.set(config.root.uri, []);
  for (const d of diagnostics) {
    if (quiet && d.severity !== 'error') continue;
    const list = byUri.get(d.uri) ?? [];
    list.push(d);
    byUri.set(d.uri, list);
  }
  const docs = new Map([...config.documents.values()].map((doc) => [doc.uri, doc]));
  return [...byUri].map(([uri, list]) => ({ path: uri, doc: docs.get(uri)!, diagnostics: list }));
}

function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

/** `lxclint check`: lint configs and report in the chosen format. */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  isLxcVersion, lintDocument, LXC_VERSIONS, type Diagnostic, type HostFacts, type LintOptions, type LxcVersion, type ProjectConfig, type ResolvedConfig,
  type SuppressedDiagnostic,
} from '@lxclint/core';
import { NodeFileSystem } from '../host/node-fs';
import { loadConfigFile } from '../io/files';
import { countSeverities, formatResults, FORMATS, type FileResult } from '../format/index';
import { VERSION } from '../version';
import { parseArgs, UsageError, type CommandResult } from './args';
import { discoverAndReport } from './discover';
import { FIX_FLAGS, FIX_HELP, fixSessionFrom } from './fix-files';
import { ConfigFileError, ignorePatternFor, ProjectConfigLoader } from './project-config';
import { stdoutIsTTY, writeStderr, writeStdout } from '../io/output';


const HELP = `Usage: lxclint check [options] [PATH...]

Lint LXC container configs. PATH is a config file, a container directory (its "config"), or a directory of
containers (each "*/config"). Without PATH, the containers under --lxcpath (default /var/lib/lxc) are checked.
"-" reads a config from standard input.

Options:
  -f, --format NAME       Output format: ${FORMATS.join(', ')} (default: stylish)
  --lxcpath DIR           Where containers live when no PATH is given (default: /var/lib/lxc)
  --lxc-version V         LXC release to check against: ${LXC_VERSIONS.join(', ')} (default: lxcVersion of lxclint.json, else 5.0)
  --host                  Check against this machine's network links (host rules; default when no PATH is given)
  --host-facts FILE       Check against a host facts snapshot written by "lxclint facts"
  --no-host               Skip host rules (wins over --host, --host-facts and the default)
  -c, --config FILE       Use this project configuration for every file instead of finding lxclint.json
  --no-config             Ignore lxclint.json files
  --no-ignore             Check files even when an "ignore" pattern of lxclint.json matches them
  --stdin-filename PATH   Path of the config read with "-" (for lxclint.json, ignores and the report)
  --max-warnings N        Exit 1 when there are more than N warnings (default: no limit)
  --quiet                 Report errors only (warnings still count for --max-warnings)
  -o, --output-file F     Write the report to F instead of standard output
${FIX_HELP}  -h, --help              Show this help

The nearest lxclint.json (or .lxclint.json) at or above each file's directory sets rule severities, ignore
patterns and the LXC release; see "lxclint rules" and "lxclint explain RULE". Inline suppressions:
  # lxclint-disable-next-line RULE[, RULE...] [-- reason]     the next line that is not blank or a comment
  # lxclint-disable RULE[, RULE...] [-- reason]               the whole file

Colour: on a terminal only; never with NO_COLOR set; FORCE_COLOR=1 forces it.
Exit status: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 usage, I/O or
configuration error.
`;

export async function run(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, {
    values: ['format', 'lxcpath', 'max-warnings', 'output-file', 'lxc-version', 'host-facts', 'config', 'stdin-filename'],
    flags: ['help', 'quiet', 'host', 'no-host', 'no-config', 'no-ignore', ...FIX_FLAGS],
    aliases: { '-f': '--format', '-h': '--help', '-o': '--output-file', '-c': '--config' },
  });
  if (args.flags.has('help')) {
    writeStdout(HELP);
    return { exitCode: 0 };
  }
  const format = args.values.get('format') ?? 'stylish';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" (one of: ${FORMATS.join(', ')})`);
  const maxWarningsText = args.values.get('max-warnings');
  const maxWarnings = maxWarningsText === undefined ? -1 : /^\d+$/.test(maxWarningsText) ? Number(maxWarningsText) : NaN;
  if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings needs a whole number, got "${maxWarningsText}"`);
  const versionText = args.values.get('lxc-version');
  if (versionText !== undefined && !isLxcVersion(versionText)) {
    throw new UsageError(`unsupported --lxc-version "${versionText}" (one of: ${LXC_VERSIONS.join(', ')})`);
  }
  const cliVersion: LxcVersion | undefined = versionText;
  if (args.flags.has('host') && args.values.has('host-facts')) throw new UsageError('use either --host (live facts) or --host-facts FILE, not both');
  if (args.flags.has('no-config') && args.values.has('config')) throw new UsageError('use either --config FILE or --no-config, not both');
  const stdinName = args.values.get('stdin-filename');
  const fixer = fixSessionFrom(args.flags);
  if (stdinName !== undefined && !args.positional.includes('-')) throw new UsageError('--stdin-filename needs "-" among the paths');

  let host: HostFacts | undefined;
  try {
    host = await hostFacts(args.flags, args.values.get('host-facts'), args.positional.length === 0);
  } catch (err) {
    writeStderr(`lxclint: ${(err as Error).message}\n`);
    return { exitCode: 2 };
  }

  const loader = new ProjectConfigLoader();
  let forced: ProjectConfig | undefined;
  try {
    const configPath = args.values.get('config');
    if (configPath !== undefined) forced = loader.load(configPath);
  } catch (err) {
    if (!(err instanceof ConfigFileError)) throw err;
    writeStderr(`lxclint: ${err.message.replace(/\n/g, '\nlxclint: ')}\n`);
    return { exitCode: 2 };
  }

  const discovered = discoverAndReport(args.positional, args.values.get('lxcpath'));
  const files = discovered.files;
  const explicit = new Set(args.positional);
  const fs = new NodeFileSystem();
  const results: FileResult[] = [];
  let ioError = discovered.ioError;

  for (const file of files) {
    const isStdin = file === '-';
    // The path the file is known by: for standard input, --stdin-filename if given.
    const named = isStdin ? stdinName : file;
    let project: ProjectConfig | undefined;
    try {
      project = args.flags.has('no-config') ? undefined : (forced ?? loader.findFor(named !== undefined ? dirname(resolve(named)) : process.cwd()));
    } catch (err) {
      if (!(err instanceof ConfigFileError)) throw err;
      writeStderr(`lxclint: ${err.message.replace(/\n/g, '\nlxclint: ')}\n`);
      return { exitCode: 2 };
    }
    const ignoring = project && !args.flags.has('no-ignore') ? project : undefined;
    const pattern = ignoring && named !== undefined ? ignorePatternFor(ignoring, named) : undefined;
    if (pattern !== undefined) {
      // Found by walking a directory: skip quietly. Named on the command line: say why nothing is reported.
      if (explicit.has(file) || isStdin) writeStderr(`lxclint: ${named}: ignored by "${pattern}" in ${ignoring!.source} (--no-ignore checks it)\n`);
      continue;
    }
    const loaded = loadConfigFile(file, named ?? (isStdin ? '<stdin>' : file));
    if (!loaded) {
      ioError = true;
      continue;
    }
    let doc = loaded.doc;
    const options: LintOptions = {
      version: cliVersion ?? project?.lxcVersion ?? '5.0',
      ...(host ? { host } : {}),
      ...(project ? { rules: project.rules, ruleOptions: project.ruleOptions } : {}),
    };
    if (fixer) {
      const fixed = fixer.file(doc, file, fs, options);
      if (!fixed) continue;
      doc = fixed;
    }
    const { config, diagnostics, suppressed } = lintDocument(doc, fs, options);
    // Findings in an included file that an ignore pattern covers are dropped too.
    const kept = ignoring ? diagnostics.filter((d) => d.uri === doc.uri || ignorePatternFor(ignoring, d.uri) === undefined) : diagnostics;
    results.push(...groupByFile(config, kept, suppressed, named !== undefined));
  }

  if (fixer?.dryRun) return { exitCode: ioError ? 2 : fixer.exitCode() };
  // --quiet hides warnings and info from the report, but they still count for --max-warnings.
  const all = countSeverities(results.flatMap((r) => r.diagnostics));
  const shownResults = args.flags.has('quiet') ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : results;
  const outFile = args.values.get('output-file');
  const out = formatResults(format, shownResults, { color: !outFile && useColor(), cwd: process.cwd(), version: VERSION });
  if (outFile) {
    try {
      writeFileSync(outFile, out);
    } catch (err) {
      writeStderr(`lxclint: ${outFile}: cannot write the report (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      return { exitCode: 2 };
    }
  } else {
    writeStdout(out);
  }
  if (ioError) return { exitCode: 2 };
  if (maxWarnings >= 0 && all.warnings > maxWarnings) {
    writeStderr(`lxclint: too many warnings (${all.warnings}, --max-warnings ${maxWarnings})\n`);
    return { exitCode: 1 };
  }
  return { exitCode: all.errors > 0 ? 1 : 0 };
}

/**
 * Host facts for the host rules: a snapshot file, live facts (--host, or by default when checking this
 * machine's own containers, i.e. no PATH), or none (--no-host, which wins). Throws with a message for exit 2.
 */
async function hostFacts(flags: Set<string>, factsFile: string | undefined, noPaths: boolean): Promise<HostFacts | undefined> {
  if (flags.has('no-host')) return undefined;
  if (factsFile !== undefined) {
    const { readHostFactsFile } = await import('../host/live-facts');
    return readHostFactsFile(factsFile);
  }
  if (flags.has('host') || noPaths) {
    const { readLiveHostFacts } = await import('../host/live-facts');
    try {
      return readLiveHostFacts();
    } catch (err) {
      if (flags.has('host')) throw new Error(`cannot read this machine's network links: ${(err as Error).message}`);
      // Only the default: check without the host tier rather than fail.
      writeStderr(`lxclint: host rules skipped, cannot read this machine's network links: ${(err as Error).message}\n`);
      return undefined;
    }
  }
  return undefined;
}

/** One result per document (the config and each file it includes that has findings). */
function groupByFile(config: ResolvedConfig, diagnostics: Diagnostic[], suppressed: SuppressedDiagnostic[], hasPath: boolean): FileResult[] {
  const byUri = new Map<string, { diagnostics: Diagnostic[]; suppressed: SuppressedDiagnostic[] }>();
  const entry = (uri: string) => {
    let e = byUri.get(uri);
    if (!e) byUri.set(uri, (e = { diagnostics: [], suppressed: [] }));
    return e;
  };
  entry(config.root.uri);
  for (const d of diagnostics) entry(d.uri).diagnostics.push(d);
  for (const s of suppressed) entry(s.diagnostic.uri).suppressed.push(s);
  const docs = new Map([...config.documents.values()].map((doc) => [doc.uri, doc]));
  return [...byUri].map(([uri, e]) => ({
    path: uri,
    absPath: uri === config.root.uri && !hasPath ? undefined : resolve(uri),
    doc: docs.get(uri)!,
    ...e,
  }));
}

function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && !['0', 'false'].includes(process.env.FORCE_COLOR)) return true;
  return stdoutIsTTY();
}

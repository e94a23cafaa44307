/**
 * The fix flags of `lxclint check`: `--fix` (safe fixes), `--unsafe-fixes` (the rest too), `--fix-dry-run`
 * (show the diff, write nothing). Only the files named on the command line (or found from it) are edited;
 * problems in files they include are reported but not fixed there, since an included file is often shared
 * (`/usr/share/lxc/config/*.conf`): name it explicitly to fix it.
 */
import {
  encodeConfigText, fixDocument, fixSelected, parseConfig, type ConfigDocument, type FileSystem, type LintOptions,
} from '@lxclint/core';
import { writeFileAtomic } from '../io/atomic-write';
import { unifiedDiff } from '../io/diff';
import { writeOut } from '../io/files';
import { UsageError } from './args';
import { writeStderr } from '../io/output';

/** Flags to add to check's option spec. */
export const FIX_FLAGS = ['fix', 'unsafe-fixes', 'fix-dry-run'];

export const FIX_HELP = `  --fix                  Apply safe fixes (the meaning of the config stays the same) and report what is left
  --unsafe-fixes         With --fix or --fix-dry-run: apply fixes that change what LXC does, too
  --fix-dry-run          Print the diff --fix would make and write nothing (exit 1 if there is one)
`;

export interface FixMode {
  unsafe: boolean;
  dryRun: boolean;
}

/** The fix mode the flags ask for, or undefined when check should only lint. */
export function fixModeFrom(flags: Set<string>): FixMode | undefined {
  const fix = flags.has('fix');
  const dryRun = flags.has('fix-dry-run');
  const unsafe = flags.has('unsafe-fixes');
  if (fix && dryRun) throw new UsageError('--fix and --fix-dry-run cannot be combined');
  if (unsafe && !fix && !dryRun) throw new UsageError('--unsafe-fixes needs --fix or --fix-dry-run');
  return fix || dryRun ? { unsafe, dryRun } : undefined;
}

/**
 * The fix part of one `check` run. `check` calls `file()` for each document before linting it: with --fix it
 * returns the fixed document (written back in place) to lint and report; with --fix-dry-run it prints the diff
 * and returns undefined (nothing is reported), and `exitCode()` then says whether anything would change.
 */
export class FixSession {
  private changed = 0;
  constructor(readonly mode: FixMode) {}

  get dryRun(): boolean {
    return this.mode.dryRun;
  }

  file(doc: ConfigDocument, path: string, fs: FileSystem, options: LintOptions): ConfigDocument | undefined {
    const result = fixDocument(doc, fs, { ...options, unsafe: this.mode.unsafe });
    reportLeftovers(doc.uri, result.remaining, this.mode, result.converged);
    if (result.changed) this.changed++;
    if (this.mode.dryRun) {
      if (result.changed) writeOut(unifiedDiff(doc.text, result.text, `a/${doc.uri.replace(/^\/+/, "")}`, `b/${doc.uri.replace(/^\/+/, "")}`), doc.encoding);
      return undefined;
    }
    if (!result.changed) return doc;
    if (path === '-') {
      writeStderr('lxclint: fixes are not applied to standard input (use --fix-dry-run to see them)\n');
      return doc;
    }
    try {
      writeFileAtomic(path, encodeConfigText(result.text, doc.encoding));
    } catch (err) {
      writeStderr(`lxclint: ${path}: cannot write fixes: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return doc;
    }
    const unsafe = result.applied.filter((a) => !a.safe).length;
    const n = result.applied.length;
    writeStderr(`fixed ${path}: ${n} problem${n === 1 ? '' : 's'}${unsafe > 0 ? ` (${unsafe} with unsafe fixes)` : ''}\n`);
    return parseConfig(result.text, { uri: doc.uri, encoding: doc.encoding, invalidUtf8At: doc.invalidUtf8At });
  }

  /** With --fix-dry-run: 1 when some file would change. */
  exitCode(): number {
    return this.changed > 0 ? 1 : 0;
  }
}

/** The fix session the flags ask for, or undefined when check should only lint. */
export function fixSessionFrom(flags: Set<string>): FixSession | undefined {
  const mode = fixModeFrom(flags);
  return mode ? new FixSession(mode) : undefined;
}

function reportLeftovers(uri: string, remaining: ReturnType<typeof fixDocument>['remaining'], mode: FixMode, converged: boolean): void {
  if (!converged) writeStderr(`lxclint: ${uri}: fixes did not settle after repeated passes; the rest is left for you\n`);
  const unsafeLeft = mode.unsafe ? 0 : remaining.filter((d) => d.uri === uri && fixSelected(d, { unsafe: true }) && !d.fix.safe).length;
  if (unsafeLeft > 0) writeStderr(`${uri}: ${unsafeLeft} more fix${unsafeLeft === 1 ? ' is' : 'es are'} available with --unsafe-fixes\n`);
  const elsewhere = new Set(remaining.filter((d) => d.uri !== uri && d.fix).map((d) => d.uri));
  for (const other of elsewhere) writeStderr(`${other}: has fixable problems; it is included by ${uri} and was not changed (name it to fix it)\n`);
}

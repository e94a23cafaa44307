/** Output formats of `check`. Each turns file results into the text written to stdout. */
import type { ConfigDocument, Diagnostic, SuppressedDiagnostic } from '@lxclint/core';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FileResult {
  /** The path as shown to people (as given, or as discovered); `<stdin>` for standard input. */
  path: string;
  /** Absolute path, or undefined for standard input without --stdin-filename. */
  absPath: string | undefined;
  doc: ConfigDocument;
  diagnostics: Diagnostic[];
  /** Findings hidden by inline suppressions (json and sarif report them as suppressed). */
  suppressed: SuppressedDiagnostic[];
}

export interface FormatOptions {
  color: boolean;
  /** Base for relative paths (SARIF's SRCROOT, GitHub's file=). */
  cwd: string;
  version: string;
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github'];

export function formatResults(format: string, results: FileResult[], options: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options);
    case 'github':
      return formatGithub(results, options);
    default:
      return formatStylish(results, options);
  }
}

/** Diagnostic counts the way exit codes and summaries see them: info is neither an error nor a warning. */
export function countSeverities(diagnostics: Iterable<Diagnostic>): { errors: number; warnings: number; infos: number } {
  const n = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') n.errors++;
    else if (d.severity === 'warning') n.warnings++;
    else n.infos++;
  }
  return n;
}

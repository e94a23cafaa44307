/** Output formats of `check`. Each turns file results into the text written to stdout. */
import type { ConfigDocument, Diagnostic } from '@lxclint/core';
import { formatJson } from './json';
import { formatStylish } from './stylish';

export interface FileResult {
  path: string;
  doc: ConfigDocument;
  diagnostics: Diagnostic[];
}

export interface FormatOptions {
  color: boolean;
}

export const FORMATS = ['stylish', 'json'];

export function formatResults(format: string, results: FileResult[], options: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    default:
      return formatStylish(results, options);
  }
}

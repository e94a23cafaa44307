/** Reading configs and writing command output for fmt, migrate and the fix flags of check. */
import { readFileSync } from 'node:fs';
import { encodeConfigText, parseConfigBytes, type ConfigDocument, type TextEncoding } from '@lxclint/core';

export interface LoadedFile {
  path: string;
  doc: ConfigDocument;
}

/** Read and parse a config ("-" is standard input); on failure print why and return undefined. */
export function loadConfigFile(path: string): LoadedFile | undefined {
  try {
    const bytes = path === '-' ? readFileSync(0) : readFileSync(path);
    return { path, doc: parseConfigBytes(bytes, path === '-' ? '<stdin>' : path) };
  } catch (err) {
    process.stderr.write(`lxclint: ${path}: ${(err as NodeJS.ErrnoException).code ?? 'cannot read'}\n`);
    return undefined;
  }
}

/** Write text to stdout in the file's own encoding, so bytes that are not UTF-8 come out unchanged. */
export function writeOut(text: string, encoding: TextEncoding): void {
  process.stdout.write(encoding === 'utf8' ? text : encodeConfigText(text, encoding));
}

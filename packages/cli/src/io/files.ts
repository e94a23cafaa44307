/** Reading configs and writing command output for the commands. */
import { readFileSync } from 'node:fs';
import { encodeConfigText, parseConfigBytes, type ConfigDocument, type TextEncoding } from '@lxclint/core';
import { writeStderr, writeStdout } from './output';

export interface LoadedFile {
  path: string;
  doc: ConfigDocument;
}

/**
 * Read and parse a config ("-" is standard input, known as `uri` or "<stdin>"); on failure print why and return
 * undefined. Every command reads its configs through this, so they all report an unreadable file the same way.
 */
export function loadConfigFile(path: string, uri?: string): LoadedFile | undefined {
  const shown = uri ?? (path === '-' ? '<stdin>' : path);
  try {
    const bytes = path === '-' ? readFileSync(0) : readFileSync(path);
    return { path, doc: parseConfigBytes(bytes, shown) };
  } catch (err) {
    writeStderr(`lxclint: ${path === '-' ? '<stdin>' : path}: ${(err as NodeJS.ErrnoException).code ?? 'cannot read'}\n`);
    return undefined;
  }
}

/** Write text to stdout in the file's own encoding, so bytes that are not UTF-8 come out unchanged. */
export function writeOut(text: string, encoding: TextEncoding): void {
  writeStdout(encoding === 'utf8' ? text : encodeConfigText(text, encoding));
}

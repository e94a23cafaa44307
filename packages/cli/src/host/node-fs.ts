/** The real disk behind the core's FileSystem interface. */
import { opendirSync, readFileSync, statSync } from 'node:fs';
import type { FileSystem } from '@lxclint/core';

export class NodeFileSystem implements FileSystem {
  constructor(private readonly workDir = process.cwd()) {}
  readFile(path: string): Uint8Array | undefined {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  }
  stat(path: string): 'file' | 'dir' | undefined {
    try {
      const s = statSync(path, { throwIfNoEntry: false });
      return s === undefined ? undefined : s.isDirectory() ? 'dir' : 'file';
    } catch {
      return undefined;
    }
  }
  /** Raw readdir() order, as liblxc reads an included directory (readdirSync's order is not guaranteed raw). */
  readDir(path: string): string[] | undefined {
    try {
      const dir = opendirSync(path);
      const names: string[] = [];
      try {
        for (let e = dir.readSync(); e !== null; e = dir.readSync()) names.push(e.name);
      } finally {
        dir.closeSync();
      }
      return names;
    } catch {
      return undefined;
    }
  }
  cwd(): string {
    return this.workDir;
  }
}

/** The real disk behind the core's FileSystem interface. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
      const s = statSync(path);
      return s.isDirectory() ? 'dir' : 'file';
    } catch {
      return undefined;
    }
  }
  readDir(path: string): string[] | undefined {
    try {
      return readdirSync(path);
    } catch {
      return undefined;
    }
  }
  cwd(): string {
    return this.workDir;
  }
}

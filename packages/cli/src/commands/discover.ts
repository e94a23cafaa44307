/**
 * Which files a command works on: files as given, directories as containers (`DIR/config`) or as an
 * lxcpath (`DIR/*\/config`), and by default the containers under /var/lib/lxc.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeStderr } from '../io/output';

export const DEFAULT_LXCPATH = '/var/lib/lxc';

export interface Discovery {
  files: string[];
  /** Paths that do not exist or cannot be read: an I/O error (exit 2) after the rest is done. */
  missing: string[];
}

export function discoverConfigs(paths: string[], lxcpath: string | undefined): Discovery {
  const files: string[] = [];
  const missing: string[] = [];
  const inputs = paths.length > 0 ? paths : [lxcpath ?? DEFAULT_LXCPATH];
  for (const p of inputs) {
    if (p === '-') {
      files.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (!st.isDirectory()) {
      files.push(p);
      continue;
    }
    const own = join(p, 'config');
    if (statSync(own, { throwIfNoEntry: false })?.isFile()) files.push(own);
    let names: string[] = [];
    try {
      names = readdirSync(p).sort();
    } catch {
      missing.push(p);
      continue;
    }
    for (const name of names) {
      const candidate = join(p, name, 'config');
      try {
        // Not a container directory: no config there (undefined, no exception) or not a directory at all.
        if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) files.push(candidate);
      } catch {
        // ENOTDIR and the like: not a container directory either
      }
    }
  }
  return { files: [...new Set(files)], missing };
}

/** discoverConfigs, with each missing path reported on stderr the same way for every command. */
export function discoverAndReport(paths: string[], lxcpath: string | undefined): { files: string[]; ioError: boolean } {
  const { files, missing } = discoverConfigs(paths, lxcpath);
  for (const m of missing) writeStderr(`lxclint: ${m}: no such file or directory\n`);
  return { files, ioError: missing.length > 0 };
}

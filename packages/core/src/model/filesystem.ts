/**
 * All file access of the core goes through this interface: the CLI passes the real disk, the language
 * server passes open editor buffers over the disk, tests pass an in-memory tree.
 */
export interface FileSystem {
  /** The file's bytes, or undefined when it cannot be read. */
  readFile(path: string): Uint8Array | undefined;
  /** 'file', 'dir', or undefined when nothing is there. */
  stat(path: string): 'file' | 'dir' | undefined;
  /** Entry names of a directory in the order the OS gives them (liblxc uses raw readdir order). */
  readDir(path: string): string[] | undefined;
  /** Directory relative includes resolve against (liblxc: the loading process's working directory). */
  cwd(): string;
}

/** Join POSIX paths without touching the disk. */
export function joinPath(dir: string, name: string): string {
  if (name.startsWith('/')) return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i <= 0) return i === 0 ? '/' : '.';
  return path.slice(0, i);
}

/** Normalise `.`/`..`/`//` segments the way a path lookup would see them (for cycle detection). */
export function normalizePath(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}

/** An in-memory file tree: for unit tests and for the language server's unsaved buffers. */
export class MemoryFileSystem implements FileSystem {
  private files = new Map<string, Uint8Array>();
  constructor(files: Record<string, string | Uint8Array> = {}, private readonly workDir = '/') {
    for (const [p, content] of Object.entries(files)) this.write(p, content);
  }
  write(path: string, content: string | Uint8Array): void {
    this.files.set(normalizePath(path), typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  readFile(path: string): Uint8Array | undefined {
    return this.files.get(normalizePath(path));
  }
  stat(path: string): 'file' | 'dir' | undefined {
    const p = normalizePath(path);
    if (this.files.has(p)) return 'file';
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return 'dir';
    return undefined;
  }
  readDir(path: string): string[] | undefined {
    if (this.stat(path) !== 'dir') return undefined;
    const prefix = `${normalizePath(path).replace(/\/$/, '')}/`;
    const names = new Set<string>();
    for (const k of this.files.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]!);
    return [...names];
  }
  cwd(): string {
    return this.workDir;
  }
}

/**
 * The resolved view of a config: every `lxc.` entry in the order liblxc applies it, with `lxc.include`d
 * files spliced in at the include line (files and directories, as set_config_includefiles() does).
 * Unlike liblxc this keeps going past problems, and catches cycles and runaway depth that crash or hang it.
 */
import { lookupKey } from '../catalog/catalog';
import type { KeyMatch, LxcVersion } from '../catalog/types';
import { parseConfigBytes } from '../syntax/decode';
import { PRESIZE_MAX } from '../syntax/scanner';
import type { ConfigDocument, EntryLine } from '../syntax/tree';
import { joinPath, normalizePath, type FileSystem } from './filesystem';

export interface ConfigEntry {
  doc: ConfigDocument;
  line: EntryLine;
  key: string;
  value: string;
  /** Catalogue row for the key; undefined for keys LXC does not know. */
  match: KeyMatch | undefined;
  /** The `lxc.include` entry that brought this file in (null in the root file). */
  includedFrom: ConfigEntry | null;
  /** Position in evaluation order. */
  seq: number;
}

export type IncludeProblemKind = 'missing' | 'cycle' | 'depth' | 'not-a-file' | 'not-a-dir' | 'relative' | 'not-followed';

export interface IncludeProblem {
  kind: IncludeProblemKind;
  entry: ConfigEntry;
  /** The path as resolved. */
  path: string;
}

export interface ResolvedConfig {
  root: ConfigDocument;
  /** Every document read, by normalised path (the root under its uri). */
  documents: Map<string, ConfigDocument>;
  /** All `lxc.` entries in evaluation order (non-`lxc.` lines are ignored by LXC and are not here). */
  entries: ConfigEntry[];
  includeProblems: IncludeProblem[];
  version: LxcVersion;
}

export interface ResolveOptions {
  version?: LxcVersion;
  /** How deep includes may nest before we stop (liblxc has no limit and recurses until it crashes). */
  maxIncludeDepth?: number;
}

export function resolveConfig(root: ConfigDocument, fs: FileSystem | undefined, options: ResolveOptions = {}): ResolvedConfig {
  const version = options.version ?? '5.0';
  const maxDepth = options.maxIncludeDepth ?? 16;
  // Presized for the root's lines (an upper bound unless includes add more; writes past it append): pushing
  // 8,000 entries one by one leaves ~240 KB of outgrown arrays behind. Trimmed to `count` at the end.
  const entries: ConfigEntry[] = root.lines.length <= PRESIZE_MAX ? new Array<ConfigEntry>(root.lines.length) : [];
  let count = 0;
  const result: ResolvedConfig = { root, documents: new Map([[root.uri, root]]), entries, includeProblems: [], version };
  const stack: string[] = [normalizePath(root.uri)];

  // Files repeat a few keys many times (the parser hands out one string per distinct key, so comparing them is
  // cheap): entries with the same key share one (never mutated) KeyMatch instead of a lookup and an object each.
  // A small cache indexed by key length, not a Map: a file of 1,000 interfaces has thousands of keys that each
  // occur once, and hashing each into a Map would cost more than the lookups it saves.
  const cachedKeys: Array<string | undefined> = new Array<string | undefined>(32).fill(undefined);
  const cachedMatches: Array<KeyMatch | undefined> = new Array<KeyMatch | undefined>(32).fill(undefined);
  const matchOf = (key: string): KeyMatch | undefined => {
    // `lxc.net.N.*` keys (index 7 '.') each name one interface's setting, so they rarely repeat and comparing
    // one with the cached key of its length costs more than lookupKey's fast path for them.
    if (key.charCodeAt(7) === 46 && key.charCodeAt(4) === 110) return lookupKey(key, version);
    const slot = key.length & 31;
    if (cachedKeys[slot] === key) {
      // Keep the latest string: the parser's first sighting of a key is a slice and the later ones its one
      // canonical copy, which then compares by identity instead of by content.
      cachedKeys[slot] = key;
      return cachedMatches[slot];
    }
    const m = lookupKey(key, version);
    cachedKeys[slot] = key;
    cachedMatches[slot] = m;
    return m;
  };

  const walk = (doc: ConfigDocument, from: ConfigEntry | null): void => {
    // Indexed, not for-of: the iterator's result objects were a fifth of what resolve allocated.
    const lines = doc.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.kind !== 'entry' || !line.isLxc) continue;
      const key = line.key;
      const entry = new Entry(doc, line, matchOf(key), from, count);
      entries[count++] = entry;
      if (key === 'lxc.include' && line.value !== '') include(entry);
    }
  };

  const problem = (kind: IncludeProblemKind, entry: ConfigEntry, path: string) => result.includeProblems.push({ kind, entry, path });

  const includeFile = (entry: ConfigEntry, path: string): void => {
    const norm = normalizePath(path);
    if (stack.includes(norm)) return void problem('cycle', entry, path);
    if (stack.length > maxDepth) return void problem('depth', entry, path);
    let doc = result.documents.get(norm);
    if (!doc) {
      const bytes = fs!.readFile(path);
      if (bytes === undefined) return void problem(fs!.stat(path) === 'dir' ? 'not-a-file' : 'missing', entry, path);
      doc = parseConfigBytes(bytes, path);
      result.documents.set(norm, doc);
    }
    stack.push(norm);
    walk(doc, entry);
    stack.pop();
  };

  const include = (entry: ConfigEntry): void => {
    const value = entry.value;
    if (!fs) return void problem('not-followed', entry, value);
    let path = value;
    if (!value.startsWith('/')) {
      path = joinPath(fs.cwd(), value);
      problem('relative', entry, path);
    }
    const isDir = value.endsWith('/') || fs.stat(path) === 'dir';
    if (!isDir) return includeFile(entry, path);
    const names = fs.readDir(path);
    // liblxc accepts a directory that does not exist (opendir ENOENT) without a word.
    if (names === undefined) {
      // opendir() of a file fails with ENOTDIR, which liblxc treats as an error (only ENOENT is tolerated).
      if (fs.stat(path.replace(/\/+$/, '')) === 'file') problem('not-a-dir', entry, path);
      return;
    }
    for (const name of names) {
      if (name === '.' || name === '..' || name.length < 6 || !name.endsWith('.conf')) continue;
      includeFile(entry, joinPath(path, name));
    }
  };

  walk(root, null);
  entries.length = count;
  return result;
}

/**
 * A ConfigEntry as resolve makes them: key and value are read from the line (the same strings) instead of
 * being copied into two more fields of every entry.
 */
class Entry implements ConfigEntry {
  constructor(
    readonly doc: ConfigDocument,
    readonly line: EntryLine,
    readonly match: KeyMatch | undefined,
    readonly includedFrom: ConfigEntry | null,
    readonly seq: number,
  ) {}
  get key(): string {
    return this.line.key;
  }
  get value(): string {
    return this.line.value;
  }
  toJSON(): ConfigEntry {
    const { doc, line, key, value, match, includedFrom, seq } = this;
    return { doc, line, key, value, match, includedFrom, seq };
  }
}

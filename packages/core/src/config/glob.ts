/**
 * The `ignore` globs of a project configuration, gitignore-like and matched against POSIX paths relative to
 * the configuration file's directory:
 *
 * - `*` matches any run of characters except `/`; `?` one character except `/`; `[abc]`, `[a-z]`, `[!a-z]`
 *   (or `[^a-z]`) one character of a class (never `/`); `\x` the character x itself.
 * - `**` as a whole segment matches zero or more segments (`a/**\/config`, `**\/old`, `build/**`).
 * - A pattern without a `/` (other than a trailing one) matches at any depth: `*.bak` is `**\/*.bak`.
 *   A pattern with a `/` is anchored at the configuration's directory; a leading `/` only anchors.
 * - A pattern that matches a directory matches everything under it; a trailing `/` matches directories only.
 * - `!pattern` re-includes what an earlier pattern ignored: the last pattern that matches decides.
 * - Dot files are matched like any other name (`*` matches `.old`).
 *
 * Our own matcher rather than Node's `path.matchesGlob`, which is experimental in Node 20.
 */

export class GlobError extends Error {}

export interface CompiledGlob {
  /** The pattern as written. */
  source: string;
  negated: boolean;
  /** Matches only directories (written with a trailing `/`). */
  dirOnly: boolean;
  regex: RegExp;
}

/** Compile one pattern; throws GlobError for a pattern that cannot mean anything. */
export function compileGlob(source: string): CompiledGlob {
  let p = source;
  const negated = p.startsWith('!');
  if (negated) p = p.slice(1);
  if (p.trim() === '') throw new GlobError('empty pattern');
  const dirOnly = p.endsWith('/') && !p.endsWith('\\/');
  if (dirOnly) p = p.replace(/\/+$/, '');
  while (p.startsWith('./')) p = p.slice(2);
  let anchored = p.includes('/');
  if (p.startsWith('/')) {
    anchored = true;
    p = p.replace(/^\/+/, '');
  }
  if (p === '') throw new GlobError('the pattern names no file');
  const segments = p.split(/\/+/);
  if (segments.some((s) => s === '..' || s === '.')) throw new GlobError('"." and ".." segments are not allowed: patterns are relative to the configuration\'s directory');
  if (!anchored && segments[0] !== '**') segments.unshift('**');

  let re = '';
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === '**') {
      // Zero or more whole segments; as the last segment, everything below (at least one segment).
      re += last ? '[^/]+(?:/[^/]+)*' : '(?:[^/]+/)*';
      return;
    }
    re += segmentRegex(seg) + (last ? '' : '/');
  });
  return { source, negated, dirOnly, regex: new RegExp(`^${re}$`, 'u') };
}

function segmentRegex(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i]!;
    if (ch === '\\') {
      const next = seg[i + 1];
      if (next === undefined) throw new GlobError('a trailing "\\" escapes nothing');
      out += escapeRegex(next);
      i++;
    } else if (ch === '*') {
      // `**` inside a segment (`a**b`) is just `*`.
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const { regex, end } = classRegex(seg, i);
      out += regex;
      i = end;
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

/** `[...]` starting at `seg[start]`; returns the regex and the index of the closing `]`. */
function classRegex(seg: string, start: number): { regex: string; end: number } {
  let i = start + 1;
  let negate = false;
  if (seg[i] === '!' || seg[i] === '^') {
    negate = true;
    i++;
  }
  const items: string[] = [];
  let first = true;
  for (; i < seg.length; i++) {
    let ch = seg[i]!;
    if (ch === ']' && !first) {
      if (items.length === 0) throw new GlobError(`empty character class in "${seg}"`);
      // The class never matches `/`, negated or not.
      return { regex: negate ? `[^/${items.join('')}]` : `(?!/)[${items.join('')}]`, end: i };
    }
    first = false;
    if (ch === '\\') {
      const next = seg[i + 1];
      if (next === undefined) break;
      ch = next;
      i++;
    }
    if (seg[i + 1] === '-' && seg[i + 2] !== undefined && seg[i + 2] !== ']') {
      let hi = seg[i + 2]!;
      let skip = 2;
      if (hi === '\\' && seg[i + 3] !== undefined) {
        hi = seg[i + 3]!;
        skip = 3;
      }
      if (hi.codePointAt(0)! < ch.codePointAt(0)!) throw new GlobError(`range "${ch}-${hi}" is out of order`);
      items.push(`${escapeClass(ch)}-${escapeClass(hi)}`);
      i += skip;
      continue;
    }
    items.push(escapeClass(ch));
  }
  throw new GlobError(`unclosed "[" in "${seg}"`);
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

function escapeClass(ch: string): string {
  return /[\\\]^[-]/.test(ch) ? `\\${ch}` : ch;
}

/** Whether one compiled pattern matches a relative path, itself or (for files under it) one of its directories. */
export function globMatches(glob: CompiledGlob, relPath: string): boolean {
  const segments = relPath.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0 || segments[0] === '..') return false;
  const upTo = glob.dirOnly ? segments.length - 1 : segments.length;
  for (let n = 1; n <= upTo; n++) {
    if (glob.regex.test(segments.slice(0, n).join('/'))) return true;
  }
  return false;
}

/**
 * The pattern that decides whether `relPath` (relative to the configuration's directory, `/`-separated) is
 * ignored, or undefined when it is not. Paths outside the directory (`../x`) are never ignored.
 */
export function matchIgnore(globs: readonly CompiledGlob[], relPath: string): CompiledGlob | undefined {
  let decided: CompiledGlob | undefined;
  for (const g of globs) {
    if (globMatches(g, relPath)) decided = g.negated ? undefined : g;
  }
  return decided;
}

/**
 * Finding and loading `lxclint.json`: the nearest one at or above each checked file's directory (up to the
 * filesystem root), or the one `--config` names. Parsing and validation are the core's (config/); this
 * module only reads files and caches per directory.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, parse as parsePath, relative, resolve, sep } from 'node:path';
import { allRules, ignoredBy, parseProjectConfig, PROJECT_CONFIG_NAMES, type ProjectConfig } from '@lxclint/core';

/** A configuration file that cannot be used: exit 2, the message names the file. */
export class ConfigFileError extends Error {}

export class ProjectConfigLoader {
  private readonly byDir = new Map<string, ProjectConfig | undefined>();
  private readonly byFile = new Map<string, ProjectConfig>();

  /** Read and validate one file; throws ConfigFileError. */
  load(path: string): ProjectConfig {
    const abs = resolve(path);
    const cached = this.byFile.get(abs);
    if (cached) return cached;
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      throw new ConfigFileError(`${path}: cannot read the configuration (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    const { config, errors } = parseProjectConfig(text, abs, allRules.map((r) => r.id));
    if (!config) throw new ConfigFileError(errors.map((e) => `${path}: ${e}`).join('\n'));
    this.byFile.set(abs, config);
    return config;
  }

  /** The configuration that applies to files in `dir`: the nearest lxclint.json (or .lxclint.json) upward. */
  findFor(dir: string): ProjectConfig | undefined {
    const start = resolve(dir);
    const visited: string[] = [];
    let found: ProjectConfig | undefined;
    for (let d = start; ; d = dirname(d)) {
      if (this.byDir.has(d)) {
        found = this.byDir.get(d);
        break;
      }
      visited.push(d);
      const here = PROJECT_CONFIG_NAMES.map((n) => join(d, n)).filter(isFile);
      if (here.length > 1) throw new ConfigFileError(`${here.join(' and ')}: two configuration files in one directory; keep one`);
      if (here.length === 1) {
        found = this.load(here[0]!);
        break;
      }
      if (d === parsePath(d).root) break;
    }
    for (const v of visited) this.byDir.set(v, found);
    return found;
  }
}

function isFile(path: string): boolean {
  try {
    // Most candidates do not exist: no exception (and its stack trace) for those.
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The ignore pattern of `config` that excludes `path`, if any (paths outside the config's directory never are). */
export function ignorePatternFor(config: ProjectConfig, path: string): string | undefined {
  const rel = relative(dirname(config.source), resolve(path));
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return undefined;
  return ignoredBy(config, rel.split(sep).join('/'));
}

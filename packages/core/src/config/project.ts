/**
 * The project configuration file (`lxclint.json`): LXC release, per-rule severity and options, ignore globs,
 * and a `format` section owned by the formatter. Parsing and validation only; finding the file is the host's
 * job (the CLI searches upward from each checked file).
 *
 *   { "lxcVersion": "6.0",
 *     "rules": { "duplicate-key": "off", "inline-comment": ["error", { ... }] },
 *     "ignore": ["old/**", "*.bak"],
 *     "format": { ... } }
 *
 * Validation is strict: unknown keys and unknown rule ids are errors, so a typo never silently does nothing.
 */
import { isLxcVersion, LXC_VERSIONS, type LxcVersion } from '../catalog/types';
import type { RuleSetting } from '../rules/engine';
import { suggest } from '../util/suggest';
import { compileGlob, GlobError, matchIgnore, type CompiledGlob } from './glob';

export const PROJECT_CONFIG_NAMES = ['lxclint.json', '.lxclint.json'] as const;

const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
const TOP_LEVEL = ['$schema', 'lxcVersion', 'rules', 'ignore', 'format'];

export interface ProjectConfig {
  /** Where it was read from; globs are relative to its directory. */
  source: string;
  lxcVersion?: LxcVersion;
  rules: Record<string, RuleSetting>;
  ruleOptions: Record<string, Record<string, unknown>>;
  ignore: CompiledGlob[];
  /** The formatter's section, passed through unvalidated here. */
  format?: Record<string, unknown>;
}

export interface ProjectConfigResult {
  /** Set when there are no errors. */
  config?: ProjectConfig;
  /** One message per problem, each naming the setting (`rules.foo: ...`). */
  errors: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function didYouMean(word: string, candidates: Iterable<string>): string {
  const { matches } = suggest(word, candidates);
  return matches.length > 0 ? ` (did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?)` : '';
}

/**
 * Parse and validate the text of a project configuration. `ruleIds` are the rules that exist (for unknown
 * ids and "did you mean").
 */
export function parseProjectConfig(text: string, source: string, ruleIds: Iterable<string>): ProjectConfigResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    return { errors: [`not valid JSON: ${(err as Error).message}`] };
  }
  return validateProjectConfig(data, source, ruleIds);
}

export function validateProjectConfig(data: unknown, source: string, ruleIds: Iterable<string>): ProjectConfigResult {
  const errors: string[] = [];
  if (!isObject(data)) return { errors: ['the configuration must be a JSON object'] };
  const known = new Set(ruleIds);
  const config: ProjectConfig = { source, rules: {}, ruleOptions: {}, ignore: [] };

  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL.includes(key)) errors.push(`unknown setting "${key}"${didYouMean(key, TOP_LEVEL)}; allowed: ${TOP_LEVEL.join(', ')}`);
  }
  if (data.$schema !== undefined && typeof data.$schema !== 'string') errors.push('$schema: must be a string');

  if (data.lxcVersion !== undefined) {
    const v = data.lxcVersion;
    if (isLxcVersion(v)) config.lxcVersion = v;
    else errors.push(`lxcVersion: ${show(v)} is not a supported LXC release; use one of ${LXC_VERSIONS.map((x) => `"${x}"`).join(', ')} (a string)`);
  }

  if (data.rules !== undefined) {
    if (!isObject(data.rules)) errors.push('rules: must be an object mapping rule ids to "off", "info", "warning", "error" or [severity, {options}]');
    else {
      for (const [id, value] of Object.entries(data.rules)) {
        if (!known.has(id)) {
          errors.push(`rules: unknown rule "${id}"${didYouMean(id, known)}`);
          continue;
        }
        let setting: unknown = value;
        let options: unknown;
        if (Array.isArray(value)) {
          if (value.length < 1 || value.length > 2) {
            errors.push(`rules.${id}: an array setting is [severity] or [severity, {options}], got ${show(value)}`);
            continue;
          }
          [setting, options] = value;
        }
        if (typeof setting !== 'string' || !(SETTINGS as readonly string[]).includes(setting)) {
          errors.push(`rules.${id}: severity ${show(setting)} is not one of ${SETTINGS.map((s) => `"${s}"`).join(', ')}`);
          continue;
        }
        if (options !== undefined && !isObject(options)) {
          errors.push(`rules.${id}: options must be an object, got ${show(options)}`);
          continue;
        }
        config.rules[id] = setting as RuleSetting;
        if (options !== undefined) config.ruleOptions[id] = options as Record<string, unknown>;
      }
    }
  }

  if (data.ignore !== undefined) {
    if (!Array.isArray(data.ignore)) errors.push('ignore: must be an array of glob patterns');
    else {
      data.ignore.forEach((p: unknown, i) => {
        if (typeof p !== 'string') return void errors.push(`ignore[${i}]: must be a string, got ${show(p)}`);
        try {
          config.ignore.push(compileGlob(p));
        } catch (err) {
          if (!(err instanceof GlobError)) throw err;
          errors.push(`ignore[${i}]: bad pattern ${show(p)}: ${err.message}`);
        }
      });
    }
  }

  if (data.format !== undefined) {
    if (!isObject(data.format)) errors.push('format: must be an object');
    else config.format = data.format;
  }

  return errors.length > 0 ? { errors } : { config, errors };
}

/** The ignore pattern (as written) that excludes `relPath`, a `/`-separated path relative to the config's directory. */
export function ignoredBy(config: ProjectConfig, relPath: string): string | undefined {
  return matchIgnore(config.ignore, relPath)?.source;
}

/** Small, strict option parsing shared by the commands (no dependency: start-up time matters). */
export class UsageError extends Error {}

export interface CommandResult {
  exitCode: number;
}

export interface OptionSpec {
  /** Options that take a value (`--format json` or `--format=json`). */
  values?: string[];
  /** Options that may repeat and take a value. */
  lists?: string[];
  /** Boolean flags. */
  flags?: string[];
  /** Short aliases: `-f` → `--format`. */
  aliases?: Record<string, string>;
}

export interface ParsedArgs {
  positional: string[];
  values: Map<string, string>;
  lists: Map<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: new Map(), lists: new Map(), flags: new Set() };
  const values = new Set(spec.values ?? []);
  const lists = new Set(spec.lists ?? []);
  const flags = new Set(spec.flags ?? []);
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (spec.aliases?.[arg]) arg = spec.aliases[arg]!;
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (flags.has(name)) {
      if (eq !== -1) throw new UsageError(`option "--${name}" takes no value`);
      out.flags.add(name);
      continue;
    }
    if (values.has(name) || lists.has(name)) {
      let v: string | undefined;
      if (eq !== -1) v = arg.slice(eq + 1);
      else {
        v = argv[++i];
        if (v === undefined) throw new UsageError(`option "--${name}" needs a value`);
      }
      if (lists.has(name)) out.lists.set(name, [...(out.lists.get(name) ?? []), v]);
      else out.values.set(name, v);
      continue;
    }
    throw new UsageError(`unknown option "--${name}"`);
  }
  return out;
}

/** What the value validators report. Rules in rules/value/ turn findings into diagnostics by kind. */
import type { Severity } from '../rules/types';

/**
 * Which rule a finding belongs to:
 * - `invalid`: liblxc rejects the value (the load fails; a few start-time rejections are marked `rejects: false`)
 * - `numeric-base`: a number liblxc reads as octal (`010` is 8)
 * - `ignored`: LXC accepts the value but drops or replaces part of it (`5x`, garbage sizes)
 * - `surprising`: LXC accepts the value but does something other than it reads (`keyring.session = 1`, empty resets)
 * - `load-time`: the value reads or writes the host while the config is parsed (`lxc.environment = NAME`, log files)
 */
export type ValueFindingKind = 'invalid' | 'numeric-base' | 'ignored' | 'surprising' | 'load-time';

export interface ValueEdit {
  /** Offsets inside the value as liblxc sees it (quotes stripped). */
  start: number;
  end: number;
  newText: string;
}

export interface ValueFinding {
  kind: ValueFindingKind;
  severity: Severity;
  message: string;
  /** True when liblxc's setter fails, so the whole config fails to load. */
  rejects: boolean;
  /** The part of the value the finding is about (offsets inside the value); the whole value when absent. */
  range?: { start: number; end: number };
  /** The finding is about the key's suffix (`lxc.namespace.share.<ns>`), not the value. */
  onKey?: boolean;
  /** A replacement that makes the value what was most likely meant (changes what LXC does: an unsafe fix). */
  fix?: { description: string; edits: ValueEdit[] };
}

export interface CheckValueOptions {
  /** How the file's bytes were decoded: liblxc's length limits count bytes. */
  encoding?: 'utf8' | 'latin1';
}

/**
 * `lxclint migrate`: legacy (LXC 1.x/2.x) keys → the keys LXC 3.0 and later accept, as edits on the tree.
 *
 * What it does, and where it differs from LXC's own sed script `lxc-update-config`:
 *   - Only real entry lines are touched. Comments stay byte for byte (the script rewrites `# lxc.network...`
 *     too, and counts commented `lxc.network.type` lines as interfaces).
 *   - Legacy network blocks are numbered as LXC 2.x numbered them: each non-empty `lxc.network.type` appends
 *     an interface, later un-indexed `lxc.network.<sub>` lines apply to the last one, `lxc.network.<n>.<sub>`
 *     addresses the n-th one, and `lxc.network =` / `lxc.network.type =` drop them all (numbering restarts).
 *     When the file already uses `lxc.net.<N>`, legacy blocks are numbered after the highest such N.
 *   - `lxc.network.ipv4`/`ipv6` become `ipv4.address`/`ipv6.address` in both forms (the script leaves the
 *     indexed form `lxc.net.<n>.ipv4`, which no LXC accepts: lxc/lxc#1790).
 *   - `lxc.limit.<res>` → `lxc.prlimit.<res>` (the script only renames the bare key).
 *   - `lxc.rootfs = P` + `lxc.rootfs.backend = B` → `lxc.rootfs.path = B:P` when P has no storage prefix yet
 *     (the script uses B only if the backend line is the file's last line, else `dir`, even for block devices).
 *   - Removed keys (`lxc.rootfs.backend`, `lxc.kmsg`, `lxc.pivotdir`) become a comment saying why, followed by
 *     the old line commented out, instead of vanishing.
 *   - Lines LXC 2.x itself refused (a network subkey before any type line, an index with no interface, an
 *     unknown subkey) are left unchanged and reported: guessing would hide a broken config.
 * Only the document given is migrated; files it includes are separate files to migrate on their own.
 */
import { legacyNetSubkey, lookupKey, networkSubkeyInfo } from '../catalog/catalog';
import { applyEdits } from '../fix/edits';
import type { TextEdit } from '../rules/types';
import { parseConfig } from '../syntax/parser';
import type { ConfigDocument, EntryLine } from '../syntax/tree';

export type MigrateNoteKind = 'renamed' | 'network' | 'removed' | 'rootfs' | 'left-unchanged' | 'numbering';

export interface MigrateNote {
  /** 0-based line in the input. */
  line: number;
  kind: MigrateNoteKind;
  message: string;
  /** True for notes the user has to act on (a line left unchanged that LXC will still refuse). */
  problem: boolean;
}

export interface MigrateResult {
  text: string;
  changed: boolean;
  edits: TextEdit[];
  notes: MigrateNote[];
  /** Counts for a one-line summary. */
  summary: { renamed: number; network: number; removed: number; leftUnchanged: number };
}

/** Storage types liblxc knows as a `type:` prefix of `lxc.rootfs.path` (storage.c's table). */
export const STORAGE_TYPES = ['btrfs', 'dir', 'loop', 'lvm', 'nbd', 'overlay', 'overlayfs', 'rbd', 'zfs'] as const;

const REMOVED_WHY: Record<string, string> = {
  'lxc.kmsg': 'LXC 2.1 removed lxc.kmsg; it has no replacement',
  'lxc.pivotdir': 'LXC 2.1 removed lxc.pivotdir; it has no replacement',
  'lxc.rootfs.backend': 'LXC 3.0 removed lxc.rootfs.backend; the storage type is now the "type:" prefix of lxc.rootfs.path',
};

export function hasStoragePrefix(path: string): boolean {
  const colon = path.indexOf(':');
  return colon > 0 && (STORAGE_TYPES as readonly string[]).includes(path.slice(0, colon));
}

const MODERN_NET = /^lxc\.net\.([0-9]+)(\.|$)/;
const LEGACY_INDEXED = /^lxc\.network\.([0-9]+)\.(.+)$/;

export function migrateDocument(doc: ConfigDocument): MigrateResult {
  const text = doc.text;
  const edits: TextEdit[] = [];
  const notes: MigrateNote[] = [];
  const summary = { renamed: 0, network: 0, removed: 0, leftUnchanged: 0 };
  const entries = doc.lines.filter((l): l is EntryLine => l.kind === 'entry' && l.isLxc);
  const defaultEol = doc.lines.find((l) => l.eol !== '')?.eol ?? '\n';

  // Legacy interfaces are numbered after any lxc.net.<N> the file already uses, so the two never collide.
  let offset = 0;
  for (const e of entries) {
    const m = MODERN_NET.exec(e.key);
    if (m) offset = Math.max(offset, Number.parseInt(m[1]!, 10) + 1);
  }
  const mixed = offset > 0 && entries.some((e) => e.key === 'lxc.network' || e.key.startsWith('lxc.network.'));
  if (mixed) {
    const first = entries.find((e) => e.key.startsWith('lxc.network.'))!;
    notes.push({
      line: first.line, kind: 'numbering', problem: false,
      message: `the file mixes lxc.net.N and legacy lxc.network keys: legacy interfaces are numbered from ${offset}, after the existing ones; check the device order`,
    });
  }

  // The effective backend: LXC 2.x kept the last value.
  let backend = '';
  for (const e of entries) if (e.key === 'lxc.rootfs.backend') backend = e.value;
  const hasRootfs = entries.some((e) => e.key === 'lxc.rootfs');

  const rename = (e: EntryLine, to: string) => edits.push({ start: e.keySpan.start, end: e.keySpan.end, newText: to });
  const leave = (e: EntryLine, why: string) => {
    summary.leftUnchanged++;
    notes.push({ line: e.line, kind: 'left-unchanged', problem: true, message: `${e.key}: ${why}; left unchanged (LXC 3.0 and later refuse this key)` });
  };
  const commentOut = (e: EntryLine, why: string) => {
    const indent = text.slice(e.indent.start, e.indent.end);
    const eol = e.eol || defaultEol;
    const old = text.slice(e.indent.end, e.contentEnd);
    edits.push({ start: e.start, end: e.contentEnd, newText: `${indent}# lxclint migrate: ${why}. The line was:${eol}${indent}# ${old}` });
    summary.removed++;
    notes.push({ line: e.line, kind: 'removed', problem: false, message: `${e.key}: ${why}; turned into a comment` });
  };

  let count = 0; // legacy interfaces since the last clear
  let current = -1; // lxc.net index of the last legacy interface
  for (const e of entries) {
    const key = e.key;
    if (key === 'lxc.network' || key.startsWith('lxc.network.')) {
      migrateNetworkLine(e);
      continue;
    }
    const match = lookupKey(key, '5.0');
    if (!match || match.info.status !== 'legacy') continue;
    if (key in REMOVED_WHY) {
      let why = REMOVED_WHY[key]!;
      if (key === 'lxc.rootfs.backend') {
        why += hasRootfs && backend !== '' ? ` (added to lxc.rootfs.path as "${backend}:")` : '';
      }
      commentOut(e, why);
      continue;
    }
    if (key === 'lxc.rootfs') {
      rename(e, 'lxc.rootfs.path');
      summary.renamed++;
      if (backend !== '' && e.value !== '' && !hasStoragePrefix(e.value)) {
        const q = e.quote ?? '';
        edits.push({ start: e.valueSpan.start, end: e.valueSpan.end, newText: `${q}${backend}:${e.value}${q}` });
        notes.push({ line: e.line, kind: 'rootfs', problem: false, message: `lxc.rootfs.backend = ${backend} became the storage prefix of lxc.rootfs.path` });
      }
      continue;
    }
    if (key === 'lxc.limit' || key.startsWith('lxc.limit.')) {
      rename(e, `lxc.prlimit${key.slice('lxc.limit'.length)}`);
      summary.renamed++;
      continue;
    }
    const to = match.info.replacedBy;
    if (to && /^lxc\.[a-z0-9_.]+$/.test(to)) {
      rename(e, to);
      summary.renamed++;
    }
  }

  if (backend !== '' && !hasRootfs) {
    const b = entries.find((e) => e.key === 'lxc.rootfs.backend')!;
    notes.push({ line: b.line, kind: 'rootfs', problem: true, message: `lxc.rootfs.backend = ${backend} but no lxc.rootfs line in this file: add "${backend}:" in front of lxc.rootfs.path yourself where it is set` });
  }

  const migrated = edits.length === 0 ? text : applyEdits(text, edits);
  return { text: migrated, changed: migrated !== text, edits, notes, summary };

  function migrateNetworkLine(e: EntryLine): void {
    const key = e.key;
    if (key === 'lxc.network' || key === 'lxc.network.type') {
      if (e.value === '') {
        // Both dropped every interface in LXC 2.x; `lxc.net =` does the same today.
        edits.push({ start: e.keySpan.start, end: e.keySpan.end, newText: 'lxc.net' });
        count = 0;
        current = -1;
        summary.network++;
        return;
      }
      if (key === 'lxc.network') return leave(e, 'LXC 2.x refused a value here too ("lxc.network must not have a value")');
      current = offset + count++;
      rename(e, `lxc.net.${current}.type`);
      summary.network++;
      return;
    }
    const indexed = LEGACY_INDEXED.exec(key);
    const rawSub = indexed ? indexed[2]! : key.slice('lxc.network.'.length);
    const sub = legacyNetSubkey(rawSub);
    if (!isLegacySubkey(rawSub)) return leave(e, `"${rawSub}" is not a network key LXC 2.x knew`);
    if (indexed) {
      const n = Number.parseInt(indexed[1]!, 10);
      if (sub === 'type') {
        // LXC 2.x sent lxc.network.<n>.type to the type setter, which appends a new interface whatever n is.
        if (e.value === '') {
          edits.push({ start: e.keySpan.start, end: e.keySpan.end, newText: 'lxc.net' });
          count = 0;
          current = -1;
        } else {
          current = offset + count++;
          rename(e, `lxc.net.${current}.type`);
          if (current - offset !== n) {
            notes.push({ line: e.line, kind: 'numbering', problem: false, message: `${key}: LXC 2.x made this a new interface (number ${current - offset} in this file), not number ${n}` });
          }
        }
        summary.network++;
        return;
      }
      if (n >= count) return leave(e, `LXC 2.x had no interface number ${n} at this point ("no network device defined")`);
      rename(e, `lxc.net.${offset + n}.${sub}`);
      upIfEmptyFlags(e, sub);
      summary.network++;
      return;
    }
    if (current === -1) return leave(e, 'no lxc.network.type before it (LXC 2.x refused this line too: "network is not created")');
    rename(e, `lxc.net.${current}.${sub}`);
    upIfEmptyFlags(e, sub);
    summary.network++;
  }

  /** LXC 2.x's legacy flags setter brought the interface up for any value, even an empty one; today empty clears. */
  function upIfEmptyFlags(e: EntryLine, sub: string): void {
    if (sub !== 'flags' || e.value !== '') return;
    edits.push({ start: e.valueSpan.start, end: e.valueSpan.end, newText: e.valueSpan.end > e.valueSpan.start ? 'up' : ' up' });
    notes.push({ line: e.line, kind: 'network', problem: false, message: `${e.key} with an empty value brought the interface up in LXC 2.x; written as "up"` });
  }
}

/** Network subkeys LXC 2.x accepted in `lxc.network.*` (ipv4/ipv6 are the old address keys). */
function isLegacySubkey(sub: string): boolean {
  if (sub === 'ipv4' || sub === 'ipv6') return true;
  if (!networkSubkeyInfo(sub)) return false;
  return lookupKey(`lxc.network.${sub}`, '5.0')?.info.status === 'legacy';
}

/** Migrate a text (tests and the language server). */
export function migrateText(text: string, uri = '<input>'): MigrateResult {
  return migrateDocument(parseConfig(text, { uri }));
}

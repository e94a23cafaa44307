/** The per-interface store of effective entries by subkey (see InterfaceKeys). */
import { NET_SUBKEY_NAMES, netSubkeyId } from '../catalog/catalog';
import type { ConfigEntry } from './resolve';

/**
 * One interface's effective entries per subkey. Stored as one slot per subkey (the catalogue's netSubkeyId()) instead
 * of a Map of one-element arrays: a file of 1,000 interfaces made 1,000 Maps and 8,000 small arrays per lint.
 * A slot holds the entry while the subkey has one (single-valued keys always; list keys until a second entry,
 * since most interfaces have one address), then the list in evaluation order.
 */
export class InterfaceKeys {
  private slots: Array<ConfigEntry | ConfigEntry[] | undefined> | undefined;

  /** The effective entries of a subkey (the last one for single-valued keys, all of them for lists), or undefined. */
  get(sub: string): readonly ConfigEntry[] | undefined {
    const slot = this.slot(sub);
    return slot === undefined || isList(slot) ? slot : [slot];
  }

  /** Whether the subkey has an effective entry. */
  has(sub: string): boolean {
    return this.slot(sub) !== undefined;
  }

  /** The last effective entry of a subkey (the effective one for single-valued keys), or undefined. */
  last(sub: string): ConfigEntry | undefined {
    const slot = this.slot(sub);
    return slot === undefined || !isList(slot) ? slot : slot[slot.length - 1];
  }

  /**
   * The subkey's slot as stored, without the array get() makes: its one entry, or its list of two or more
   * (callers must not modify it).
   */
  slot(sub: string): ConfigEntry | readonly ConfigEntry[] | undefined {
    const id = netSubkeyId(sub);
    return id === undefined ? undefined : this.slotAt(id);
  }

  /** slot() by the subkey's number (a match's netSubkeyId): no lookup of the name. */
  slotAt(id: number): ConfigEntry | readonly ConfigEntry[] | undefined {
    return this.slots === undefined ? undefined : this.slots[id];
  }

  /** Subkeys with their effective entries, in subkey-id order (like a Map's entries). */
  *[Symbol.iterator](): IterableIterator<[string, readonly ConfigEntry[]]> {
    if (this.slots === undefined) return;
    for (let id = 0; id < this.slots.length; id++) {
      const slot = this.slots[id];
      if (slot !== undefined) yield [NET_SUBKEY_NAMES[id]!, Array.isArray(slot) ? slot : [slot]];
    }
  }

  /** Sets a subkey, by its number (replacing a single-valued one, appending to a list). */
  set(id: number, entry: ConfigEntry, multi: boolean): void {
    const slots = (this.slots ??= new Array(Math.max(FIRST_SLOTS, id + 1)));
    const slot = slots[id];
    if (!multi || slot === undefined) slots[id] = entry;
    else if (Array.isArray(slot)) slot.push(entry);
    else slots[id] = [slot, entry];
  }

  /** Removes a subkey, by its number. */
  delete(id: number): void {
    if (this.slots !== undefined) this.slots[id] = undefined;
  }

  /** Removes every subkey; returns the effective entries it held, in evaluation order (undefined: none). */
  clear(): ConfigEntry[] | undefined {
    const slots = this.slots;
    if (slots === undefined) return undefined;
    let out: ConfigEntry[] | undefined;
    for (let id = 0; id < slots.length; id++) {
      const slot = slots[id];
      if (slot === undefined) continue;
      out ??= [];
      if (isList(slot)) for (const e of slot) out.push(e);
      else out.push(slot);
      slots[id] = undefined;
    }
    // The slots are by subkey: put the entries back in line order.
    return out !== undefined && out.length > 1 ? out.sort((a, b) => a.seq - b.seq) : out;
  }
}

/** Whether a slot holds a list (two or more entries; Array.isArray does not narrow readonly arrays). */
export function isList(slot: ConfigEntry | readonly ConfigEntry[]): slot is readonly ConfigEntry[] {
  return Array.isArray(slot);
}

/** Slots an interface's table starts with: the subkeys most interfaces set have the first numbers. */
const FIRST_SLOTS = 8;

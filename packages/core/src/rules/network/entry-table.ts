/**
 * A hash set of config entries keyed by something parsed from them (an address), for the duplicate rules:
 * open addressing over an Int32Array of entry positions (`seq + 1`, 0 = free). A Map of 1,000 addresses
 * allocated ~57 KB as it grew, plus an object per value; this is one typed array, sized up front.
 *
 * The caller hashes the key and confirms a candidate itself (only the entry is stored):
 *   for (let i = t.start(h), e = t.at(i); e !== undefined; e = t.at((i = t.next(i)))) if (same(e)) return e;
 *   t.put(i, entry, hashOf);
 */
import type { ConfigEntry } from '../../model/resolve';

export class EntryTable {
  private slots: Int32Array;
  private count = 0;

  /** `expected`: how many entries will be put, at most (more is fine, the table then grows). */
  constructor(private readonly entries: readonly ConfigEntry[], expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
  }

  /** The first slot to look at for a hash. */
  start(hash: number): number {
    return hash & (this.slots.length - 1);
  }

  /** The slot after `i` on the probe. */
  next(i: number): number {
    return (i + 1) & (this.slots.length - 1);
  }

  /** The entry in slot `i`, or undefined when it is free (the probe ends there). */
  at(i: number): ConfigEntry | undefined {
    const s = this.slots[i]!;
    return s === 0 ? undefined : this.entries[s - 1];
  }

  /** Puts the entry into the free slot `i` its probe ended at; `hashOf` rehashes the entries if the table grows. */
  put(i: number, entry: ConfigEntry, hashOf: (entry: ConfigEntry) => number): void {
    this.slots[i] = entry.seq + 1;
    if (++this.count * 2 > this.slots.length) this.grow(hashOf);
  }

  private grow(hashOf: (entry: ConfigEntry) => number): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let k = 0; k < old.length; k++) {
      if (old[k] === 0) continue;
      let i = this.start(hashOf(this.entries[old[k]! - 1]!));
      while (this.slots[i] !== 0) i = this.next(i);
      this.slots[i] = old[k]!;
    }
  }
}

/** Spreads the bits of an int32 over the low ones a table keeps (addresses often differ in high bits only). */
export function mixBits(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return x ^ (x >>> 16);
}

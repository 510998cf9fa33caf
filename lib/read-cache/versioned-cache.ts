// An in-process cache of values that each belong to one version of something (issue 13). A reader
// asks with the version it has just read from the database, so an entry is used only while that
// version is current; several server instances stay correct because each checks the version on every
// read, and none of them is told about anyone else's writes. Pure: no Next, no Prisma.

type Entry<V> = { version: string; value: V; bytes: number };

export class VersionedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private bytes = 0;

  /** `maxBytes`: the budget across entries, each sized by its caller (a body's length, say). */
  constructor(private readonly maxBytes: number) {}

  get(key: string, version: string): V | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    // Least recently used goes first: re-inserting moves the key to the end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  /**
   * Keeps `value` as `key`'s current entry. Versions only grow (see articleReadVersion), so a slow
   * reader arriving with an older version than the entry's does not push the newer one out.
   */
  set(key: string, version: string, value: V, bytes: number, isNewer: (a: string, b: string) => boolean): void {
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old && isNewer(old.version, version)) return;
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, { version, value, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

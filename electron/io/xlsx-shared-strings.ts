/**
 * An .xlsx's shared-string table, kept compact: every string's UTF-8 bytes in one growing Buffer and
 * where each ends in a Uint32Array, decoded again when a cell asks for it. exceljs's own cache
 * (`sharedStrings: 'cache'`) keeps the table as JS strings, many of them slices that pin the larger
 * text sax read them from: on a 1M-row export (1.85M strings) that alone is hundreds of MB of heap,
 * while the bytes here are a tenth of it and live outside the heap.
 *
 * An entry may be null (`<si/>`, or a `<t>` without text): exceljs gives those cells no value, and so
 * does `get`. An index the table does not have gives undefined, as exceljs's array did. Text that
 * UTF-8 cannot carry unchanged (a lone surrogate) is kept aside as it is, so `get` always returns
 * exactly what was pushed.
 */

type WellFormed = { isWellFormed(): boolean };

const INITIAL_BYTES = 64 * 1024;
const INITIAL_ENTRIES = 1024;

export class SharedStrings {
  private bytes = Buffer.allocUnsafe(INITIAL_BYTES);
  private used = 0;
  /** ends[i] is where string i stops in `bytes` (it starts where i-1 stops). */
  private ends = new Uint32Array(INITIAL_ENTRIES);
  /** One bit per entry: set when the entry is null rather than a (possibly empty) string. */
  private nulls = new Uint8Array(INITIAL_ENTRIES / 8);
  private count = 0;
  /** Entries UTF-8 would alter (lone surrogates), by index: no valid XML makes one, so rare. */
  private readonly odd = new Map<number, string>();

  get size(): number {
    return this.count;
  }

  /** Appends entry number `size`. */
  push(text: string | null): void {
    if (this.count === this.ends.length) this.growEntries();
    if (text === null) {
      const i = this.count;
      this.nulls[i >> 3] = (this.nulls[i >> 3] ?? 0) | (1 << (i & 7));
    } else if (!(text as unknown as WellFormed).isWellFormed()) {
      this.odd.set(this.count, text);
    } else if (text.length > 0) {
      // UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair's 4 bytes cover 2 units).
      if (this.bytes.length - this.used < text.length * 3) this.growBytes(text.length * 3);
      this.used += this.bytes.write(text, this.used, 'utf8');
    }
    this.ends[this.count] = this.used;
    this.count += 1;
  }

  get(index: number): string | null | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    if (((this.nulls[index >> 3] ?? 0) >> (index & 7)) & 1) return null;
    const odd = this.odd.size === 0 ? undefined : this.odd.get(index);
    if (odd !== undefined) return odd;
    const start = index === 0 ? 0 : (this.ends[index - 1] ?? 0);
    return this.bytes.toString('utf8', start, this.ends[index]);
  }

  private growBytes(atLeast: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + atLeast));
    this.bytes.copy(next, 0, 0, this.used);
    this.bytes = next;
  }

  private growEntries(): void {
    const ends = new Uint32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.ends = ends;
    const nulls = new Uint8Array(ends.length / 8);
    nulls.set(this.nulls);
    this.nulls = nulls;
  }
}

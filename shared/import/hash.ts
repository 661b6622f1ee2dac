/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of a text. Used for header signatures (recognising a saved
 * mapping template): a handful of templates per book, so 64 bits make a collision practically
 * impossible, and the function is short, pure and the same on every platform.
 * Not for row identity: fingerprints are kept as their exact canonical text (see fingerprint.ts).
 */

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** UTF-8 bytes of a string, without TextEncoder (not in shared/'s ES2022 lib). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** FNV-1a 64 of the text's UTF-8 bytes, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let h = OFFSET;
  for (const b of utf8(text)) {
    h ^= BigInt(b);
    h = (h * PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}

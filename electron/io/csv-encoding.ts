/**
 * Which text encoding a CSV is in. Order of trust: a BOM, then strict UTF-8 validity, then a byte-level
 * check for GBK (what Chinese banks and POS back-offices write), with chardet as a second opinion.
 * When the answer is not clear the caller gets ranked candidates and `uncertain: true`, so the
 * preview can ask the user instead of importing mojibake silently.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { readError } from './read-limits';

/** `declared`: a web page's <meta charset> or an XML declaration names it. */
export type EncodingSource = 'bom' | 'ascii' | 'utf8' | 'declared' | 'detected' | 'override';

export type EncodingCandidate = { encoding: string; confidence: number };

export type EncodingInfo = {
  /** An iconv-lite encoding name: utf-8, utf-16le, utf-16be, gb18030, big5, … */
  encoding: string;
  /** 0–100. */
  confidence: number;
  source: EncodingSource;
  /** True when the user should confirm the encoding (the preview shows the candidates). */
  uncertain: boolean;
  candidates: EncodingCandidate[];
  /** Bytes of BOM to skip. */
  bomLength: number;
  /**
   * Set when some lines are UTF-8 and others are not (two exports pasted together): no single encoding
   * reads the file, so it is refused whatever the user picks. Lines are 1-based.
   */
  mixed?: MixedEncoding;
};

/** Where a file switches encoding: the first UTF-8 line with Chinese (or other non-ASCII) text, and the first line that is not UTF-8. */
export type MixedEncoding = { utf8Line: number; otherLine: number };

const GB_CONFIDENT = 0.9;
const GB_MIN_PAIRS = 8;
/**
 * Evidence needed before calling a file mixed: GBK text is valid UTF-8 only by accident, and an accident
 * across several whole lines and this many multi-byte characters does not happen in practice.
 */
const MIXED_MIN_UTF8_LINES = 2;
const MIXED_MIN_UTF8_CHARS = 8;

function bom(buf: Uint8Array): EncodingInfo | null {
  const mk = (encoding: string, bomLength: number): EncodingInfo => ({
    encoding,
    confidence: 100,
    source: 'bom',
    uncertain: false,
    candidates: [{ encoding, confidence: 100 }],
    bomLength,
  });
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return mk('utf-8', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return mk('utf-16le', 2);
  if (buf[0] === 0xfe && buf[1] === 0xff) return mk('utf-16be', 2);
  if (buf[0] === 0x84 && buf[1] === 0x31 && buf[2] === 0x95 && buf[3] === 0x33) return mk('gb18030', 4);
  return null;
}

/** Strict UTF-8 check that tolerates a sequence cut by the end of a sample. */
export function isValidUtf8(buf: Uint8Array, truncated: boolean): boolean {
  let end = buf.length;
  if (truncated) {
    // Step back over a possibly incomplete trailing sequence.
    let i = end - 1;
    let back = 0;
    while (i >= 0 && back < 3 && ((buf[i] ?? 0) & 0xc0) === 0x80) {
      i -= 1;
      back += 1;
    }
    if (i >= 0 && (buf[i] ?? 0) >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Well-formed GBK pairs in a sample, and how many fall in the GB2312 hanzi/punctuation rows real
 * Chinese text uses. `score` is that share, 0 as soon as a byte cannot start a GBK pair.
 */
export function gbkStats(buf: Uint8Array): { pairs: number; score: number } {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < buf.length; i += 1) {
    const b = buf[i] ?? 0;
    if (b < 0x80) continue;
    const t = buf[i + 1];
    if (t === undefined) break; // cut by the sample end
    if (b === 0x80 || b === 0xff || t < 0x40 || t === 0x7f || t === 0xff) return { pairs, score: 0 };
    pairs += 1;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) common += 1;
    i += 1;
  }
  return { pairs, score: pairs === 0 ? 0 : common / pairs };
}

function utf16WithoutBom(buf: Uint8Array): string | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero += 1;
    if (buf[i + 1] === 0) oddZero += 1;
  }
  const half = n / 2;
  if (oddZero / half > 0.3 && evenZero / half < 0.05) return 'utf-16le';
  if (evenZero / half > 0.3 && oddZero / half < 0.05) return 'utf-16be';
  return null;
}

const CHARDET_TO_ICONV: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'latin1',
  'windows-1252': 'windows-1252',
};

/**
 * Detects the encoding of a sample (the start of the file, or all of it). `truncated` says the
 * sample is not the whole file, so a multi-byte character may be cut at its end.
 */
export function detectEncoding(sample: Uint8Array, truncated: boolean): EncodingInfo {
  const fromBom = bom(sample);
  if (fromBom) return fromBom;
  const certain = (encoding: string, source: EncodingSource): EncodingInfo => ({
    encoding,
    confidence: 100,
    source,
    uncertain: false,
    candidates: [{ encoding, confidence: 100 }],
    bomLength: 0,
  });
  if (sample.every((b) => b < 0x80)) return certain('utf-8', 'ascii');
  const u16 = utf16WithoutBom(sample);
  if (u16) return { ...certain(u16, 'detected'), confidence: 80 };
  if (isValidUtf8(sample, truncated)) return certain('utf-8', 'utf8');
  const mixed = mixedEncoding(sample, truncated);

  const { pairs, score } = gbkStats(sample);
  const candidates = new Map<string, number>();
  candidates.set('gb18030', Math.round(score * 100));
  for (const m of chardet.analyse(sample)) {
    const enc = CHARDET_TO_ICONV[m.name];
    if (enc && enc !== 'utf-8' && !candidates.has(enc)) candidates.set(enc, Math.min(m.confidence, 99));
  }
  const ranked = [...candidates].map(([encoding, confidence]) => ({ encoding, confidence }));
  ranked.sort((a, b) => b.confidence - a.confidence);
  const top = ranked[0] ?? { encoding: 'gb18030', confidence: 0 };
  // GB18030 decodes every GBK file and more; prefer it whenever the bytes look like Chinese GBK.
  // A handful of characters proves little (any two bytes can look like one hanzi): ask the user.
  const uncertain =
    mixed !== null || !(top.encoding === 'gb18030' && score >= GB_CONFIDENT && pairs >= GB_MIN_PAIRS);
  return {
    encoding: top.encoding,
    confidence: top.confidence,
    source: 'detected',
    uncertain,
    candidates: ranked,
    bomLength: 0,
    ...(mixed ? { mixed } : {}),
  };
}

/**
 * Finds a sample whose non-ASCII lines are partly valid UTF-8 and partly not. Called only when the
 * whole sample is not UTF-8. A line cut by the end of a truncated sample is not judged.
 */
export function mixedEncoding(sample: Uint8Array, truncated: boolean): MixedEncoding | null {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let utf8Line = 0;
  let otherLine = 0;
  let utf8Lines = 0;
  let utf8Chars = 0;
  let line = 0;
  for (let start = 0; start < sample.length;) {
    const nl = sample.indexOf(0x0a, start);
    const end = nl === -1 ? sample.length : nl;
    line += 1;
    if (nl === -1 && truncated) break;
    const bytes = sample.subarray(start, end);
    let leads = 0;
    for (const b of bytes) if (b >= 0xc0) leads += 1;
    if (bytes.some((b) => b >= 0x80)) {
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      if (valid) {
        utf8Lines += 1;
        utf8Chars += leads;
        if (utf8Line === 0) utf8Line = line;
      } else if (otherLine === 0) otherLine = line;
    }
    start = end + 1;
  }
  const enough = utf8Lines >= MIXED_MIN_UTF8_LINES && utf8Chars >= MIXED_MIN_UTF8_CHARS;
  return enough && otherLine > 0 ? { utf8Line, otherLine } : null;
}

export function normaliseEncodingName(name: string): string | null {
  const n = name.trim().toLowerCase();
  if (n === 'gbk' || n === 'gb2312' || n === 'cp936' || n === 'gb18030') return 'gb18030';
  if (n === 'utf8') return 'utf-8';
  return iconv.encodingExists(n) ? n : null;
}

/**
 * `detected` replaced by an encoding the user picked (`override`) or the file declares (`declared`).
 * A name iconv-lite does not know refuses the file (`file` names it in the message).
 */
export function chosenEncoding(
  detected: EncodingInfo,
  name: string,
  source: 'override' | 'declared',
  file: string,
): EncodingInfo {
  const encoding = normaliseEncodingName(name);
  if (!encoding)
    throw readError('file_unsupported', `Unknown text encoding "${name}".`, {
      file,
      reason: 'unknown_encoding',
    });
  return {
    encoding,
    confidence: 100,
    source,
    uncertain: false,
    candidates: detected.candidates,
    bomLength: detected.source === 'bom' ? detected.bomLength : 0,
    // Picking one encoding does not make a mixed file readable: keep saying so.
    ...(detected.mixed ? { mixed: detected.mixed } : {}),
  };
}

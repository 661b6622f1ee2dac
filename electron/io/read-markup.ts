/**
 * The text of a web page or Excel 2003 XML workbook saved under a spreadsheet name (see
 * openMarkupTables): decoded by the charset it declares (`<meta charset>`, `http-equiv` content, or
 * the XML declaration), else by the same detection as a CSV, so a GBK page without a declaration is
 * asked about in the preview rather than read as mojibake.
 */
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { chosenEncoding, detectEncoding, normaliseEncodingName, type EncodingInfo } from './csv-encoding';

const DECLARED = [
  /<meta[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i,
  /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i,
];

/** The charset the markup's head declares, as an iconv-lite name, or null. */
function declaredCharset(head: Uint8Array): string | null {
  const text = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  for (const re of DECLARED) {
    const name = text.match(re)?.[1];
    const known = name === undefined ? null : normaliseEncodingName(name);
    if (known) return known;
  }
  return null;
}

export async function decodeMarkup(
  path: string,
  file: string,
  override?: string,
): Promise<{ text: string; encoding: EncodingInfo }> {
  const data = await readFile(path);
  const detected = detectEncoding(data, false);
  // A byte-order mark outranks what the page declares, as in a browser; the user's pick outranks both.
  const declared = detected.source === 'bom' ? null : declaredCharset(data);
  const name = override ?? declared;
  const encoding =
    name === null
      ? detected
      : chosenEncoding(detected, name, override === undefined ? 'declared' : 'override', file);
  return { text: iconv.decode(data.subarray(encoding.bomLength), encoding.encoding), encoding };
}

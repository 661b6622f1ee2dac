/**
 * A case bundle the recipient can verify: the PDF, the disputed rows as .xlsx, copies of the source
 * files and manifest.json with the SHA-256 of every file. Written as a folder, or as a .zip (yazl).
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export type BundleEntry = { name: string; data: Buffer };

export type Manifest = {
  caseNo: string;
  createdAt: string;
  generator: string;
  files: { name: string; sha256: string; size: number }[];
  /** Source files whose original was not in the book's attachment store. */
  missing?: string[];
};

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A file name safe in a folder or zip on every system (no separators, no reserved characters). */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned === '' ? 'file' : cleaned.slice(0, 150);
}

/** Source files read from the attachment store; a missing original is skipped (the manifest says so). */
export function readSources(sources: readonly { name: string; path: string }[]): {
  entries: BundleEntry[];
  missing: string[];
} {
  const entries: BundleEntry[] = [];
  const missing: string[] = [];
  const used = new Set<string>();
  for (const s of sources) {
    let data: Buffer;
    try {
      data = readFileSync(s.path);
    } catch {
      missing.push(s.name);
      continue;
    }
    let name = `sources/${safeFileName(s.name)}`;
    for (let i = 2; used.has(name); i++) name = `sources/${i}-${safeFileName(s.name)}`;
    used.add(name);
    entries.push({ name, data });
  }
  return { entries, missing };
}

export function manifestOf(caseNo: string, createdAt: string, entries: readonly BundleEntry[]): Manifest {
  return {
    caseNo,
    createdAt,
    generator: 'FeeTrail',
    files: entries.map((e) => ({ name: e.name, sha256: sha256Of(e.data), size: e.data.length })),
  };
}

/** Writes the bundle with its manifest.json: a .zip when `out` ends with .zip, else a folder. */
export async function writeBundle(
  out: string,
  entries: readonly BundleEntry[],
  manifest: Manifest,
): Promise<void> {
  const all = [
    ...entries,
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8') },
  ];
  if (!out.toLowerCase().endsWith('.zip')) {
    for (const e of all) {
      const target = join(out, ...e.name.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, e.data);
    }
    return;
  }
  mkdirSync(dirname(out), { recursive: true });
  const zip = new ZipFile();
  for (const e of all) zip.addBuffer(e.data, e.name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
}

/**
 * Test setup through the host's API, the way the Import page does it: upload a file
 * (POST /api/upload), start its import (`imports:start`) and poll `imports:job` until it is done.
 * For journeys that need data in the book but are not about importing it.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportJob, ImportResult } from '../../../shared/api/imports';
import type { FileRef } from '../../../shared/api/files';
import { callHost } from './host';
import type { RunningHost } from './host';

async function upload(host: RunningHost, path: string): Promise<FileRef> {
  const response = await fetch(`${host.origin}/api/upload?name=${encodeURIComponent(basename(path))}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream' },
    body: await readFile(path),
  });
  const body = (await response.json()) as { ok: boolean; value?: FileRef; error?: unknown };
  if (!body.ok || body.value === undefined)
    throw new Error(`upload of ${path} failed: ${JSON.stringify(body.error)}`);
  return body.value;
}

/** Imports one file into the open book with the detected layout; resolves with what was added. */
export async function importFile(host: RunningHost, path: string, timeoutMs = 60_000): Promise<ImportResult> {
  const file = await upload(host, path);
  let job = (await callHost(host, 'imports:start', { fileId: file.fileId })) as ImportJob;
  const deadline = Date.now() + timeoutMs;
  while (job.state === 'running') {
    if (Date.now() > deadline) throw new Error(`import of ${path} still running after ${timeoutMs} ms`);
    // Polling a job, as the Import page does; not waiting on the UI.
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = (await callHost(host, 'imports:job', { jobId: job.jobId })) as ImportJob;
  }
  if (job.state !== 'done' || job.result === null)
    throw new Error(`import of ${path} ended ${job.state}: ${JSON.stringify(job.error)}`);
  return job.result;
}

/** Imports files one after another (one import at a time, as a bookkeeper would). */
export async function importFiles(host: RunningHost, paths: readonly string[]): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const path of paths) results.push(await importFile(host, path));
  return results;
}

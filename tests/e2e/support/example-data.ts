import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callHost } from './host';
import type { RunningHost } from './host';

/** The example month in ../shared/samples beside the repository (where CI puts it too). */
export const EXAMPLE_DIR = fileURLToPath(
  new URL('../../../../shared/samples/example-2026-08', import.meta.url),
);

/** Uploads a file to the host and imports it into the open book, waiting for the job to finish. */
export async function importThroughHost(host: RunningHost, path: string): Promise<void> {
  const name = basename(path);
  const response = await fetch(`${host.origin}/api/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}` },
    body: readFileSync(path),
  });
  const body = (await response.json()) as { ok: boolean; value?: { fileId: string } };
  if (!body.ok || body.value === undefined) throw new Error(`upload of ${name} failed`);
  let job = (await callHost(host, 'imports:start', { fileId: body.value.fileId })) as {
    jobId: string;
    state: string;
    error: unknown;
  };
  const deadline = Date.now() + 60_000;
  while (job.state === 'running' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    job = (await callHost(host, 'imports:job', { jobId: job.jobId })) as typeof job;
  }
  if (job.state !== 'done')
    throw new Error(`import of ${name} ended ${job.state}: ${JSON.stringify(job.error)}`);
}

/** The example month (POS export and bank statement) imported and reconciled; returns the summary. */
export async function loadExampleMonth(
  host: RunningHost,
): Promise<{ turnoverFen: number; feesChargedFen: number }> {
  await importThroughHost(host, `${EXAMPLE_DIR}/pos_export.xlsx`);
  await importThroughHost(host, `${EXAMPLE_DIR}/bank_icbc_corp.xlsx`);
  const report = (await callHost(host, 'reconcile:run', { month: '2026-08' })) as {
    summary: { turnoverFen: number; feesChargedFen: number };
  };
  return report.summary;
}

/**
 * Issue #8: every file of the hostile corpus (tests/hostile/corpus.ts) gets its declared outcome —
 * a correct import, or a clear error naming the file (and the sheet, row and column where they mean
 * something) that leaves the book unchanged — and never a crash or a hang. Preview and import run in
 * child processes with a V8 heap limit and a wall-clock timeout, several entries per child; each child
 * reports its peak RSS, which must stay under the bound.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../renderer/src/api/describe-error';
import { LANGUAGES } from '../../renderer/src/i18n/catalogue';
import type { Language } from '../../renderer/src/i18n/catalogue';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { isReadRefusalReason } from '../../shared/import/refusals';
import type { ImportIssue } from '../../shared/import/raw';
import type { AppError, ErrorCode } from '../../shared/result';
import type { Attempt, ChildResult, Failure } from '../hostile/child';
import { buildCorpus, CORPUS } from '../hostile/corpus';
import type { CorpusEntry } from '../hostile/corpus';

const CHILD = fileURLToPath(new URL('../hostile/child.ts', import.meta.url));
/** V8 heap of each child, and the peak resident set it must stay under (heap + code + buffers). */
const HEAP_MB = 512;
const RSS_BOUND_MB = 768;
/** Wall clock per entry (the child's budget is this times its entries). Not a speed test: a hang guard. */
const ENTRY_TIMEOUT_MS = 60_000;
const CHILDREN = 4;
const PARALLEL = 2;

type ChildRun = { ids: string[]; results: ChildResult[]; rssKb: number | null; exit: string; stderr: string };

function runChild(dir: string, ids: string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', CHILD, dir, ...ids],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, ENTRY_TIMEOUT_MS * ids.length);
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      const lines = out.split('\n');
      const results = lines
        .filter((l) => l.startsWith('RESULT '))
        .map((l) => JSON.parse(l.slice('RESULT '.length)) as ChildResult);
      const rss = lines.find((l) => l.startsWith('RSS '));
      resolve({
        ids,
        results,
        rssKb: rss ? Number(rss.slice(4)) : null,
        exit: timedOut ? 'timeout' : `${code ?? signal}`,
        stderr: err.slice(-2000),
      });
    });
  });
}

async function runAll(dir: string): Promise<ChildRun[]> {
  const batches: string[][] = Array.from({ length: CHILDREN }, () => []);
  CORPUS.forEach((e, i) => batches[i % CHILDREN]?.push(e.id));
  const runs: ChildRun[] = [];
  for (let i = 0; i < batches.length; i += PARALLEL) {
    runs.push(...(await Promise.all(batches.slice(i, i + PARALLEL).map((ids) => runChild(dir, ids)))));
  }
  return runs;
}

function failureOf(a: Attempt) {
  if (a.ok) throw new Error(`expected a refusal, got ${JSON.stringify(a.value)}`);
  return a.error;
}

/** Where an error points, whichever layer raised it (reader details, or the first located issue). */
function located(a: Attempt): Record<string, unknown> {
  const e = failureOf(a);
  const d = e.details;
  return {
    reason: d['reason'],
    sheet: d['sheet'] ?? e.issue?.sheet,
    row: d['row'] ?? e.issue?.row,
    column: d['column'] ?? e.issue?.columnLetter,
    issue: e.issue?.code,
  };
}

/** The UI's translator in `language`, with the app's catalogues. */
function translator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}

/**
 * What the import page shows for a refusal, in each language: the reader's reason or the first bad
 * row in words, naming the file — never the code's general line (which says neither what nor where).
 */
function expectSpecificInEveryLanguage(e: Failure, file: string): void {
  const details: Record<string, unknown> = { ...e.details };
  if (e.issue) details['issues'] = [{ ...e.issue, file, severity: 'error' } satisfies ImportIssue];
  const error: AppError = { code: e.code as ErrorCode, message: e.message, details };
  if (e.code !== 'import_invalid') expect(isReadRefusalReason(details['reason'])).toBe(true);
  for (const language of LANGUAGES) {
    const t = translator(language);
    const text = describeError(t, error, language);
    expect(text).toContain(file);
    expect(text).not.toContain('{{');
    expect(text).not.toBe(t(`errors.${error.code}`));
    if (e.code === 'import_invalid' && e.issue) expect(text).toContain(String(e.issue.row));
  }
}

describe('hostile-input corpus', () => {
  let dir = '';
  let runs: ChildRun[] = [];
  const byId = new Map<string, ChildResult>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feetrail-hostile-'));
    await buildCorpus(dir);
    runs = await runAll(dir);
    for (const r of runs) for (const res of r.results) byId.set(res.id, res);
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has at least 40 entries, each with a unique id', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((e) => e.id)).size).toBe(CORPUS.length);
  });

  it(`every child finished in time with a peak RSS under ${RSS_BOUND_MB} MB (heap capped at ${HEAP_MB} MB)`, () => {
    const slowest = [...byId.values()].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.info(
      `hostile corpus: peak RSS per child ${runs.map((r) => `${Math.round((r.rssKb ?? 0) / 1024)} MB`).join(', ')}; slowest ${slowest.map((r) => `${r.id} ${r.ms} ms`).join(', ')}`,
    );
    for (const r of runs) {
      expect({ ids: r.ids, exit: r.exit, stderr: r.exit === '0' ? '' : r.stderr }).toEqual({
        ids: r.ids,
        exit: '0',
        stderr: '',
      });
      expect(r.rssKb).not.toBeNull();
      expect((r.rssKb ?? Infinity) / 1024).toBeLessThan(RSS_BOUND_MB);
    }
  });

  const check = (entry: CorpusEntry) => () => {
    const r = byId.get(entry.id);
    expect(r, `${entry.id} reported no result (crashed, hung or ran out of memory)`).toBeDefined();
    if (!r) return;
    expect(r.integrity).toBe('ok');
    expect(r.forbiddenFound).toEqual([]);
    expect(r.ms).toBeLessThan(ENTRY_TIMEOUT_MS);
    const want = entry.expect;
    if ('ok' in want) {
      expect(r.imported).toMatchObject({ ok: true, value: { added: want.ok.rows } });
      expect(r.preview).toMatchObject({
        ok: true,
        value: { canCommit: true, stats: { okRows: want.ok.rows } },
      });
      expect(r.after['pos_transactions'] ?? 0).toBe((r.before['pos_transactions'] ?? 0) + want.ok.rows);
      for (const [i, fields] of Object.entries(want.ok.spot))
        expect(r.stored[Number(i)]).toMatchObject(fields);
      return;
    }
    const { code, says, ...where } = want.error;
    const e = failureOf(r.imported);
    expect(e.code).toBe(code);
    expect(e.message).toContain(entry.file);
    for (const words of says ?? []) expect(e.message).toContain(words);
    expect(located(r.imported)).toMatchObject(where);
    if (where.row !== undefined) expect(e.message).toContain(String(where.row));
    if (typeof where.column === 'string') expect(e.message).toContain(`column ${where.column}`);
    // The import_ambiguous refusals reach the user as the preview's blockers, not as this message.
    if (e.code !== 'import_ambiguous') expectSpecificInEveryLanguage(e, entry.file);
    // The preview refuses the same way: it throws the same error, or it shows the file cannot be committed.
    if (r.preview.ok) expect(r.preview.value['canCommit']).toBe(false);
    else expect(r.preview.error.code).toBe(code);
    // Nothing was written.
    expect(r.after).toEqual(r.before);
  };

  for (const entry of CORPUS) it(`${entry.id}: ${entry.what}`, check(entry));
});

/**
 * Baseline: what SQLite itself costs. One prepared INSERT of `rows` rows with the same data columns as
 * `pos_transactions`, in one transaction, into a bare table (no indexes, no foreign keys, no
 * provenance), with the book's pragmas (WAL, synchronous=FULL). Values are made from the row number,
 * so nothing but SQLite's work and the bindings is held in memory.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '../measure';

const rows = Number(process.argv[2] ?? 0);
if (!Number.isInteger(rows) || rows <= 0) throw new Error('usage: raw-insert.ts <rows>');

const CHANNELS = ['card', 'wechat', 'alipay', 'unionpay_qr'] as const;
const dir = mkdtempSync(join(tmpdir(), 'feetrail-bench-raw-'));
const db = new Database(join(dir, 'raw.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE pos (
  id INTEGER PRIMARY KEY AUTOINCREMENT, batch_id INTEGER NOT NULL, source_row_id INTEGER NOT NULL,
  fingerprint TEXT NOT NULL, merchant_no TEXT, terminal_id TEXT, txn_time TEXT NOT NULL, txn_date TEXT NOT NULL,
  card_no TEXT, card_kind TEXT NOT NULL, channel TEXT NOT NULL, txn_type TEXT NOT NULL, status TEXT NOT NULL,
  amount_fen INTEGER NOT NULL, fee_fen INTEGER, settle_fen INTEGER, settle_date TEXT, ref_no TEXT,
  orig_ref_no TEXT, trace_no TEXT, batch_no TEXT)`);
const insert = db.prepare(`INSERT INTO pos (batch_id, source_row_id, fingerprint, merchant_no, terminal_id,
  txn_time, txn_date, card_no, card_kind, channel, txn_type, status, amount_fen, fee_fen, settle_fen,
  settle_date, ref_no, orig_ref_no, trace_no, batch_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

/** A calendar date `day` days after 2016-09-01, as `YYYY-MM-DD` (UTC arithmetic on a date only). */
function dateOf(day: number): string {
  return new Date(Date.UTC(2016, 8, 1 + day)).toISOString().slice(0, 10);
}

const t0 = process.hrtime.bigint();
db.transaction(() => {
  for (let i = 0; i < rows; i += 1) {
    const date = dateOf(Math.floor((i * 3650) / Math.max(rows, 1_000_000)));
    const amount = 500 + ((i * 7919) % 200_000);
    const fee = Math.floor((amount * 60 + 5000) / 10_000);
    const card = i % 2 === 0;
    insert.run(
      1,
      i + 1,
      `${(i * 2654435761).toString(16).padStart(16, '0')}${i.toString(16).padStart(48, '0')}`,
      '822290058120123',
      i % 3 === 0 ? 'A8837261' : 'A8837262',
      `${date} ${String(8 + (i % 14)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
      date,
      card ? `622848******${String(i % 10_000).padStart(4, '0')}` : null,
      card ? 'debit' : 'unknown',
      CHANNELS[i % 4] ?? 'card',
      'sale',
      'success',
      amount,
      fee,
      amount - fee,
      date,
      `268${String(i).padStart(9, '0')}`,
      null,
      String(i % 1_000_000).padStart(6, '0'),
      '000088',
    );
  }
})();
const count = (db.prepare('SELECT count(*) AS n FROM pos').get() as { n: number }).n;
report(t0, { rows: count });
db.close();
rmSync(dir, { recursive: true, force: true });

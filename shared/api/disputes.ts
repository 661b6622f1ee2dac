import { z } from 'zod';
import { CONTACT_CHANNELS, DISPUTE_STATUSES } from '../domain/dispute-status';
import type { ContactChannel, DisputeStatus } from '../domain/dispute-status';
import type { Fen } from '../money';
import { call } from './define';
import type { FileRef } from './files';
import type { FindingView } from './reconcile';

export type { ContactChannel, DisputeStatus } from '../domain/dispute-status';

export const DEFAULT_ACQUIRER = '拉卡拉支付股份有限公司';

export type DisputeCase = {
  id: number;
  caseNo: string;
  title: string;
  acquirer: string;
  merchantName: string | null;
  merchantNo: string | null;
  terminals: string[];
  periodFrom: string | null;
  periodTo: string | null;
  /** The amount claimed, in fen: the findings' total unless edited (then `claimedReason` says why). */
  claimedFen: Fen;
  /** What the case's findings add up to (the merchant's losses only), in fen. */
  findingsTotalFen: Fen;
  claimedReason: string | null;
  remedy: string | null;
  deadline: string | null;
  status: DisputeStatus;
  recoveredFen: Fen;
  findingCount: number;
  createdAt: string;
  updatedAt: string;
};

export type DisputeEventType = 'created' | 'status' | 'contact' | 'document' | 'note' | 'edited';

export type DisputeEvent = {
  id: number;
  at: string;
  type: DisputeEventType;
  channel: ContactChannel | null;
  ticketNo: string | null;
  person: string | null;
  fromStatus: DisputeStatus | null;
  toStatus: DisputeStatus | null;
  note: string | null;
  documentName: string | null;
  documentSha256: string | null;
};

export type DisputeDetail = { case: DisputeCase; findings: FindingView[]; events: DisputeEvent[] };

export type EvidenceReply = {
  /** The file written: a PDF, or a .zip bundle. */
  file: FileRef;
  sha256: string;
  /** Number of transactions the pack cites. */
  txnCount: number;
};

const id = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A contact's date, with or without a time. */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/, 'YYYY-MM-DD HH:mm');
const fen = z.number().int().min(0).max(9e15);

export const disputeFieldsSchema = z
  .object({
    title: text(200).min(1),
    acquirer: text(200).min(1),
    merchantName: text(200).nullable(),
    merchantNo: text(40).nullable(),
    terminals: z.array(text(40).min(1)).max(200),
    claimedFen: fen,
    claimedReason: text(500).nullable(),
    remedy: text(1000).nullable(),
    deadline: localDate.nullable(),
  })
  .partial()
  .strict();

export type DisputeFields = z.input<typeof disputeFieldsSchema>;

export const disputeCalls = {
  'disputes:list': call<DisputeCase[]>()(z.object({ status: z.enum(DISPUTE_STATUSES).optional() }).strict()),
  'disputes:get': call<DisputeDetail>()(z.object({ id }).strict()),
  /** Open a case from findings (they become `disputed`); fields left out are filled from the findings. */
  'disputes:create': call<DisputeDetail>()(
    z.object({ findingIds: z.array(id).min(1).max(10_000), fields: disputeFieldsSchema.optional() }).strict(),
  ),
  /** Edit a case's fields; a claim that differs from the findings' total needs a reason. */
  'disputes:update': call<DisputeDetail>()(z.object({ id, fields: disputeFieldsSchema }).strict()),
  'disputes:setStatus': call<DisputeDetail>()(
    z
      .object({
        id,
        status: z.enum(DISPUTE_STATUSES),
        recoveredFen: fen.optional(),
        note: text(2000).optional(),
      })
      .strict(),
  ),
  /** Log one contact with the acquirer or a regulator (hotline call, ticket, email, letter, 12363…). */
  'disputes:contact': call<DisputeDetail>()(
    z
      .object({
        id,
        channel: z.enum(CONTACT_CHANNELS),
        note: text(2000).min(1),
        ticketNo: text(100).optional(),
        person: text(100).optional(),
        at: localDateTime.optional(),
      })
      .strict(),
  ),
  /**
   * Print the evidence pack (申诉材料). `format: 'zip'` bundles it with the disputed rows as .xlsx, the
   * source files and a manifest of SHA-256. With `target` (a save-dialog file) it is written there;
   * otherwise to a file the host serves for download.
   */
  'disputes:evidence': call<EvidenceReply>()(
    z
      .object({
        id,
        language: z.enum(['zh', 'en']).default('zh'),
        format: z.enum(['pdf', 'zip']).default('pdf'),
        target: z.string().max(100).optional(),
      })
      .strict(),
  ),
};

/** Handlers for disputes:* calls: cases, status, contact log, evidence packs. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { disputeCalls } from '../../shared/api/disputes';
import { listDisputes } from '../db/disputes-repo';
import { safeFileName } from '../io/evidence/evidence-bundle';
import type { Services } from './create-services';
import type { HandlerMap } from './dispatch';

export function disputesHandlers(s: Services): HandlerMap<typeof disputeCalls> {
  return {
    'disputes:list': (input) => listDisputes(s.books.require(), input.status),
    'disputes:get': (input) => s.disputes.detail(s.books.require(), input.id),
    'disputes:create': (input) => s.disputes.create(s.books.require(), input),
    'disputes:update': (input) => s.disputes.update(s.books.require(), input),
    'disputes:setStatus': (input) => s.disputes.setStatus(s.books.require(), input),
    'disputes:contact': (input) => s.disputes.contact(s.books.require(), input),
    'disputes:evidence': async (input) => {
      const book = s.books.require();
      const caseNo = s.disputes.detail(book, input.id).case.caseNo;
      const stem = input.language === 'en' ? `evidence-${caseNo}` : `申诉材料-${caseNo}`;
      const name = safeFileName(`${stem}.${input.format}`);
      // Desktop: the place the user chose in the save dialog. Browser: a private temp file to download.
      const target = input.target
        ? s.files.resolve(input.target, 'write')
        : { path: join(mkdtempSync(join(tmpdir(), 'feetrail-evidence-')), name), name };
      const r =
        input.format === 'zip'
          ? await s.evidence.writeBundle(book, input.id, target.path, input.language)
          : await s.evidence.writePdf(book, input.id, target.path, input.language);
      return { file: s.files.register(r.path, target.name), sha256: r.sha256, txnCount: r.txnCount };
    },
  };
}

/** Handlers for transactions:* and bank:* calls. */
import type { ledgerCalls } from '../../shared/api/ledger';
import { FeeTrailError } from '../../shared/result';
import {
  getBankLine,
  getTransaction,
  listBankLines,
  listTerminals,
  listTransactions,
} from '../db/ledger-repo';
import type { Services } from './create-services';
import type { HandlerMap } from './dispatch';

export function ledgerHandlers(s: Services): HandlerMap<typeof ledgerCalls> {
  return {
    'transactions:list': (input) => listTransactions(s.books.require(), input),
    'transactions:get': (input) => {
      const found = getTransaction(s.books.require(), input.id);
      if (!found) throw new FeeTrailError('not_found', `No transaction ${input.id}.`);
      return found;
    },
    'transactions:terminals': () => listTerminals(s.books.require()),
    'bank:list': (input) => listBankLines(s.books.require(), input),
    'bank:get': (input) => {
      const found = getBankLine(s.books.require(), input.id);
      if (!found) throw new FeeTrailError('not_found', `No bank line ${input.id}.`);
      return found;
    },
  };
}

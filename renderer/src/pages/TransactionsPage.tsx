import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredTxn, TxnFilter, TxnTotals } from '../../../shared/api/contract';
import { CARD_KINDS, CHANNELS, TXN_STATUSES, TXN_TYPES } from '../../../shared/domain/types';
import { fen } from '../../../shared/fen';
import { useApi } from '../api/use-api';
import { useApiQuery } from '../api/use-api-query';
import { useBook } from '../book/use-book';
import { LedgerEmptyPage, LedgerView } from '../components/ledger/LedgerView';
import { ledgerTableColumns } from '../components/ledger/ledger-table';
import type { LedgerFilter, SetChoice } from '../components/ledger/ledger-table';
import { SelectFilter } from '../components/ledger/SelectFilter';
import { formatFen } from '../format/number';
import { POS_COLUMNS, POS_DETAIL_COLUMNS } from '../ledger/ledger-columns';
import { linkedTxnFilter } from '../routing/route-query';

type Choices = Pick<TxnFilter, 'terminalId' | 'channel' | 'cardKind' | 'txnType' | 'status' | 'sort'>;

/** POS transactions: filter, sort, totals of what is filtered, and each row's source. */
export function TransactionsPage() {
  const { t } = useTranslation();
  const { current, revision } = useBook();
  const n = current?.counts.posTransactions ?? 0;
  if (n === 0)
    return <LedgerEmptyPage title={t('transactions.title')}>{t('transactions.emptyBody')}</LedgerEmptyPage>;
  return <TransactionsTable revision={revision} />;
}

function TransactionsTable({ revision }: { revision: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [linked] = useState(linkedTxnFilter); // charts link here with ?from&to&channel
  const terminals = useApiQuery('transactions:terminals', {}, revision);
  const fetchPage = useCallback(
    (filter: LedgerFilter<Choices>, offset: number, limit: number) =>
      api.invoke('transactions:list', { ...filter, offset, limit }),
    [api],
  );

  const filters = (choices: Choices, set: SetChoice<Choices>) => (
    <>
      <SelectFilter
        label={t('ledger.terminalId')}
        value={choices.terminalId ?? ''}
        options={(terminals.status === 'ok' ? terminals.value : []).map((id) => ({ value: id, label: id }))}
        onChange={(v) => set('terminalId', v)}
      />
      <SelectFilter
        label={t('ledger.channel')}
        value={choices.channel ?? ''}
        options={CHANNELS.map((v) => ({ value: v, label: t(`ledger.channels.${v}`) }))}
        onChange={(v) => set('channel', v)}
      />
      <SelectFilter
        label={t('ledger.cardKind')}
        value={choices.cardKind ?? ''}
        options={CARD_KINDS.map((v) => ({ value: v, label: t(`ledger.cardKinds.${v}`) }))}
        onChange={(v) => set('cardKind', v)}
      />
      <SelectFilter
        label={t('ledger.txnType')}
        value={choices.txnType ?? ''}
        options={TXN_TYPES.map((v) => ({ value: v, label: t(`ledger.txnTypes.${v}`) }))}
        onChange={(v) => set('txnType', v)}
      />
      <SelectFilter
        label={t('ledger.status')}
        value={choices.status ?? ''}
        options={TXN_STATUSES.map((v) => ({ value: v, label: t(`ledger.statuses.${v}`) }))}
        onChange={(v) => set('status', v)}
      />
    </>
  );

  const columns = (totals: TxnTotals | null, count: string) =>
    ledgerTableColumns<StoredTxn>(
      t,
      POS_COLUMNS,
      ['txnTime', 'refNo'],
      totals && {
        amountFen: formatFen(fen(totals.amountFen)),
        feeFen: formatFen(fen(totals.feeFen)),
        settleFen: formatFen(fen(totals.settleFen)),
        terminalId: count,
      },
    );

  return (
    <LedgerView<StoredTxn, TxnTotals, Choices>
      title={t('transactions.title')}
      revision={revision}
      initialRange={linked.range ?? null}
      initialChoices={linked.channel ? { channel: linked.channel } : {}}
      searchPlaceholder={t('ledger.searchPlaceholder')}
      countText={(n) => t('ledger.count', { n })}
      fetchPage={fetchPage}
      columns={columns}
      filters={filters}
      detailCall="transactions:get"
      detailColumns={POS_DETAIL_COLUMNS}
    />
  );
}

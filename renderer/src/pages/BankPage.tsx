import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankFilter, BankTotals, StoredBankLine } from '../../../shared/api/contract';
import { fen } from '../../../shared/fen';
import { useApi } from '../api/use-api';
import { useBook } from '../book/use-book';
import { LedgerEmptyPage, LedgerView } from '../components/ledger/LedgerView';
import { ledgerTableColumns } from '../components/ledger/ledger-table';
import type { LedgerFilter, SetChoice } from '../components/ledger/ledger-table';
import { SelectFilter } from '../components/ledger/SelectFilter';
import { formatFen } from '../format/number';
import { BANK_COLUMNS, BANK_DETAIL_COLUMNS } from '../ledger/ledger-columns';

type Choices = Pick<BankFilter, 'direction' | 'sort'>;
const DIRECTIONS = ['credit', 'debit'] as const;

/** Bank statement lines: filter, sort, totals of money in and out, and each line's source. */
export function BankPage() {
  const { t } = useTranslation();
  const { current, revision } = useBook();
  const n = current?.counts.bankLines ?? 0;
  if (n === 0) return <LedgerEmptyPage title={t('bank.title')}>{t('bank.emptyBody')}</LedgerEmptyPage>;
  return <BankTable revision={revision} />;
}

function BankTable({ revision }: { revision: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const fetchPage = useCallback(
    (filter: LedgerFilter<Choices>, offset: number, limit: number) =>
      api.invoke('bank:list', { ...filter, offset, limit }),
    [api],
  );

  const filters = (choices: Choices, set: SetChoice<Choices>) => (
    <>
      <SelectFilter
        label={t('ledger.direction')}
        value={choices.direction ?? ''}
        options={DIRECTIONS.map((v) => ({ value: v, label: t(`ledger.directions.${v}`) }))}
        onChange={(v) => set('direction', v)}
      />
    </>
  );

  const columns = (totals: BankTotals | null, count: string) =>
    ledgerTableColumns<StoredBankLine>(
      t,
      BANK_COLUMNS,
      ['txnTime'],
      totals && {
        creditFen: formatFen(fen(totals.creditFen)),
        debitFen: formatFen(fen(totals.debitFen)),
        summary: count,
      },
    );

  return (
    <LedgerView<StoredBankLine, BankTotals, Choices>
      title={t('bank.title')}
      revision={revision}
      searchPlaceholder={t('ledger.bankSearchPlaceholder')}
      countText={(n) => t('ledger.bankCount', { n })}
      fetchPage={fetchPage}
      columns={columns}
      filters={filters}
      detailCall="bank:get"
      detailColumns={BANK_DETAIL_COLUMNS}
    />
  );
}

import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredTxn, TxnFilter } from '../../../shared/api/contract';
import { CARD_KINDS, CHANNELS, TXN_STATUSES, TXN_TYPES } from '../../../shared/domain/types';
import { fen } from '../../../shared/fen';
import { useApi } from '../api/use-api';
import { useApiQuery } from '../api/use-api-query';
import { useBook } from '../book/use-book';
import { Dialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateRangeFilter } from '../components/ledger/DateRangeFilter';
import { LedgerFacts } from '../components/ledger/LedgerFacts';
import { ProvenanceDetail } from '../components/ledger/ProvenanceDetail';
import { SelectFilter } from '../components/ledger/SelectFilter';
import { Page } from '../components/Page';
import { VirtualTable } from '../components/VirtualTable';
import type { VirtualColumn } from '../components/VirtualTable';
import { monthRange } from '../format/month-range';
import { formatCount, formatFen } from '../format/number';
import { POS_COLUMNS, POS_DETAIL_COLUMNS, ledgerCellClass, ledgerText } from '../ledger/ledger-columns';
import { useFindShortcut } from '../ledger/use-find-shortcut';
import { useLedgerPages } from '../ledger/use-ledger-pages';
import { useFocusMonth } from '../month/use-focus-month';
import { linkedTxnFilter } from '../routing/route-query';
import { routeHref } from '../routing/routes';

type Choices = Pick<TxnFilter, 'terminalId' | 'channel' | 'cardKind' | 'txnType' | 'status' | 'sort'>;
const SORTS = ['time_asc', 'time_desc', 'amount_asc', 'amount_desc'] as const;

/** POS transactions: filter, sort, totals of what is filtered, and each row's source. */
export function TransactionsPage() {
  const { t } = useTranslation();
  const { current, revision } = useBook();
  const n = current?.counts.posTransactions ?? 0;
  if (n === 0) {
    return (
      <Page title={t('transactions.title')}>
        <EmptyState
          action={
            <a className="button button-primary" href={routeHref('import')}>
              {t('overview.goImport')}
            </a>
          }
        >
          {t('transactions.emptyBody')}
        </EmptyState>
      </Page>
    );
  }
  return <TransactionsTable revision={revision} />;
}

function TransactionsTable({ revision }: { revision: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const { month } = useFocusMonth();
  const [linked] = useState(linkedTxnFilter); // charts link here with ?from&to&channel
  const [customRange, setCustomRange] = useState<{ month: string; from: string; to: string } | null>(
    linked.range && { month, ...linked.range },
  );
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<Choices>(linked.channel ? { channel: linked.channel } : {});
  const [open, setOpen] = useState<StoredTxn | null>(null);
  const searchId = useId();
  const searchRef = useFindShortcut();
  const terminals = useApiQuery('transactions:terminals', {}, revision);

  // The month in focus sets the dates until the user picks their own for that month.
  const range = customRange !== null && customRange.month === month ? customRange : monthRange(month);
  const filter: TxnFilter = useMemo(() => {
    const f: TxnFilter = { from: range.from, to: range.to, ...choices };
    const trimmed = text.trim();
    if (trimmed !== '') f.text = trimmed;
    return f;
  }, [range.from, range.to, choices, text]);
  const key = JSON.stringify([filter, revision]);
  const fetchPage = useCallback(
    (offset: number, limit: number) => api.invoke('transactions:list', { ...filter, offset, limit }),
    [api, filter],
  );
  const pages = useLedgerPages(key, fetchPage);

  const set = <K extends keyof Choices>(name: K, value: Choices[K] | '') =>
    setChoices((c) => {
      const next = { ...c };
      if (value === '' || value === undefined) delete next[name];
      else next[name] = value;
      return next;
    });

  const totals = pages.totals;
  const columns: VirtualColumn<StoredTxn>[] = POS_COLUMNS.map((column) => ({
    key: column,
    header: t(`ledger.${column}`),
    align: column.endsWith('Fen') ? 'num' : column === 'txnTime' || column === 'refNo' ? 'mono' : undefined,
    cell: (row) => ledgerText(t, column, row[column]),
    cellClass: (row) => ledgerCellClass(column, row[column]),
    total:
      totals === null
        ? undefined
        : column === 'amountFen'
          ? formatFen(fen(totals.amountFen))
          : column === 'feeFen'
            ? formatFen(fen(totals.feeFen))
            : column === 'settleFen'
              ? formatFen(fen(totals.settleFen))
              : column === 'terminalId'
                ? t('ledger.count', { n: formatCount(pages.total) })
                : undefined,
  }));

  return (
    <Page title={t('transactions.title')}>
      <div className="filters" role="search">
        <DateRangeFilter
          value={range}
          onChange={(r) => setCustomRange({ month, ...r })}
          onWholeMonth={() => setCustomRange(null)}
        />
        <div className="filter-group">
          <label htmlFor={searchId}>{t('ledger.search')}</label>
          <input
            id={searchId}
            ref={searchRef}
            type="search"
            value={text}
            maxLength={100}
            placeholder={t('ledger.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
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
        <SelectFilter
          label={t('ledger.sort')}
          value={choices.sort ?? ''}
          options={SORTS.map((v) => ({ value: v, label: t(`ledger.sorts.${v}`) }))}
          onChange={(v) => set('sort', v)}
        />
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setChoices({});
            setText('');
            setCustomRange(null);
          }}
        >
          {t('ledger.clearFilters')}
        </button>
      </div>

      {pages.error !== null ? <ErrorNotice error={pages.error} /> : null}
      <p className="muted" data-testid="ledger-count" aria-live="polite">
        {pages.status === 'loading' ? t('app.loading') : t('ledger.count', { n: formatCount(pages.total) })}
      </p>
      {pages.status === 'ok' && pages.total === 0 ? (
        <EmptyState>{t('ledger.noMatch')}</EmptyState>
      ) : (
        <VirtualTable
          caption={t('transactions.title')}
          columns={columns}
          count={pages.total}
          rowAt={pages.rowAt}
          rowKey={(row) => String(row.id)}
          ensureRange={pages.ensureRange}
          onOpen={setOpen}
          totalLabel={t('common.total')}
          loadingLabel={t('app.loading')}
        />
      )}

      <Dialog open={open !== null} title={t('ledger.detailTitle')} onClose={() => setOpen(null)} wide>
        {open !== null ? <TxnDetail txn={open} /> : null}
      </Dialog>
    </Page>
  );
}

/** One transaction's fields and where it came from (file, sheet, row, original cells). */
function TxnDetail({ txn }: { txn: StoredTxn }) {
  const detail = useApiQuery('transactions:get', { id: txn.id });
  return (
    <>
      <LedgerFacts columns={POS_DETAIL_COLUMNS} values={txn} />
      {detail.status === 'ok' ? <ProvenanceDetail provenance={detail.value.provenance} /> : null}
      {detail.status === 'error' ? <ErrorNotice error={detail.error} /> : null}
    </>
  );
}

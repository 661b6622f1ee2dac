import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankFilter, StoredBankLine } from '../../../shared/api/contract';
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
import { BANK_COLUMNS, BANK_DETAIL_COLUMNS, ledgerCellClass, ledgerText } from '../ledger/ledger-columns';
import { useFindShortcut } from '../ledger/use-find-shortcut';
import { useLedgerPages } from '../ledger/use-ledger-pages';
import { useFocusMonth } from '../month/use-focus-month';
import { routeHref } from '../routing/routes';

type Choices = Pick<BankFilter, 'direction' | 'sort'>;
const SORTS = ['time_asc', 'time_desc', 'amount_asc', 'amount_desc'] as const;
const DIRECTIONS = ['credit', 'debit'] as const;

/** Bank statement lines: filter, sort, totals of money in and out, and each line's source. */
export function BankPage() {
  const { t } = useTranslation();
  const { current, revision } = useBook();
  const n = current?.counts.bankLines ?? 0;
  if (n === 0) {
    return (
      <Page title={t('bank.title')}>
        <EmptyState
          action={
            <a className="button button-primary" href={routeHref('import')}>
              {t('overview.goImport')}
            </a>
          }
        >
          {t('bank.emptyBody')}
        </EmptyState>
      </Page>
    );
  }
  return <BankTable revision={revision} />;
}

function BankTable({ revision }: { revision: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const { month } = useFocusMonth();
  const [customRange, setCustomRange] = useState<{ month: string; from: string; to: string } | null>(null);
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<Choices>({});
  const [open, setOpen] = useState<StoredBankLine | null>(null);
  const searchId = useId();
  const searchRef = useFindShortcut();

  const range = customRange !== null && customRange.month === month ? customRange : monthRange(month);
  const filter: BankFilter = useMemo(() => {
    const f: BankFilter = { from: range.from, to: range.to, ...choices };
    const trimmed = text.trim();
    if (trimmed !== '') f.text = trimmed;
    return f;
  }, [range.from, range.to, choices, text]);
  const key = JSON.stringify([filter, revision]);
  const fetchPage = useCallback(
    (offset: number, limit: number) => api.invoke('bank:list', { ...filter, offset, limit }),
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
  const columns: VirtualColumn<StoredBankLine>[] = BANK_COLUMNS.map((column) => ({
    key: column,
    header: t(`ledger.${column}`),
    align: column.endsWith('Fen') ? 'num' : column === 'txnTime' ? 'mono' : undefined,
    cell: (row) => ledgerText(t, column, row[column]),
    cellClass: (row) => ledgerCellClass(column, row[column]),
    total:
      totals === null
        ? undefined
        : column === 'creditFen'
          ? formatFen(fen(totals.creditFen))
          : column === 'debitFen'
            ? formatFen(fen(totals.debitFen))
            : column === 'summary'
              ? t('ledger.bankCount', { n: formatCount(pages.total) })
              : undefined,
  }));

  return (
    <Page title={t('bank.title')}>
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
            placeholder={t('ledger.bankSearchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <SelectFilter
          label={t('ledger.direction')}
          value={choices.direction ?? ''}
          options={DIRECTIONS.map((v) => ({ value: v, label: t(`ledger.directions.${v}`) }))}
          onChange={(v) => set('direction', v)}
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
        {pages.status === 'loading'
          ? t('app.loading')
          : t('ledger.bankCount', { n: formatCount(pages.total) })}
      </p>
      {pages.status === 'ok' && pages.total === 0 ? (
        <EmptyState>{t('ledger.noMatch')}</EmptyState>
      ) : (
        <VirtualTable
          caption={t('bank.title')}
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
        {open !== null ? <BankDetail line={open} /> : null}
      </Dialog>
    </Page>
  );
}

function BankDetail({ line }: { line: StoredBankLine }) {
  const detail = useApiQuery('bank:get', { id: line.id });
  return (
    <>
      <LedgerFacts columns={BANK_DETAIL_COLUMNS} values={line} />
      {detail.status === 'ok' ? <ProvenanceDetail provenance={detail.value.provenance} /> : null}
      {detail.status === 'error' ? <ErrorNotice error={detail.error} /> : null}
    </>
  );
}

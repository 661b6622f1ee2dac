import { useCallback, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/result';
import { useApiQuery } from '../../api/use-api-query';
import { monthRange } from '../../format/month-range';
import { formatCount } from '../../format/number';
import type { LedgerColumn } from '../../ledger/ledger-columns';
import { useFindShortcut } from '../../ledger/use-find-shortcut';
import { useLedgerPages } from '../../ledger/use-ledger-pages';
import type { LedgerPage } from '../../ledger/use-ledger-pages';
import { useFocusMonth } from '../../month/use-focus-month';
import { routeHref } from '../../routing/routes';
import { Dialog } from '../Dialog';
import { EmptyState } from '../EmptyState';
import { ErrorNotice } from '../ErrorNotice';
import { Page } from '../Page';
import { VirtualTable } from '../VirtualTable';
import type { VirtualColumn } from '../VirtualTable';
import { LEDGER_SORTS } from './ledger-table';
import type { LedgerFilter, LedgerSort, SetChoice } from './ledger-table';
import { SelectFilter } from './SelectFilter';
import { DateRangeFilter } from './DateRangeFilter';
import type { DateRange } from './DateRangeFilter';
import { LedgerElsewhere } from './LedgerElsewhere';
import { LedgerFacts } from './LedgerFacts';
import { ProvenanceDetail } from './ProvenanceDetail';

type LedgerViewProps<Row extends { id: number }, Totals, Choices extends { sort?: LedgerSort }> = {
  title: string;
  revision: number;
  /** Where the table starts (a chart's link may bring dates and choices); else the month in focus. */
  initialRange?: DateRange | null;
  initialChoices?: Choices;
  searchPlaceholder: string;
  /** "共 n 笔" / "共 n 条" for the count line and the 合计 row. */
  countText: (n: string) => string;
  fetchPage: (
    filter: LedgerFilter<Choices>,
    offset: number,
    limit: number,
  ) => Promise<Result<LedgerPage<Row, Totals>>>;
  columns: (totals: Totals | null, count: string) => VirtualColumn<Row>[];
  /** The table's own filters (the dates, the search and the sort are LedgerView's). */
  filters: (choices: Choices, set: SetChoice<Choices>) => ReactNode;
  /** The call that brings a row's provenance, and the fields its detail lists. */
  detailCall: 'transactions:get' | 'bank:get';
  detailColumns: readonly LedgerColumn[];
};

/**
 * A ledger table page (Transactions, Bank): dates (the month in focus until the user picks others),
 * search (Ctrl+F), the table's own filters, a virtualised table with the 合计 of what is filtered, and
 * each row's detail with where it came from.
 */
export function LedgerView<Row extends { id: number }, Totals, Choices extends { sort?: LedgerSort }>(
  props: LedgerViewProps<Row, Totals, Choices>,
) {
  const { title, revision, initialRange = null, initialChoices, countText } = props;
  const { t } = useTranslation();
  const { month } = useFocusMonth();
  const [customRange, setCustomRange] = useState<(DateRange & { month: string }) | null>(
    initialRange && { month, ...initialRange },
  );
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<Choices>(initialChoices ?? ({} as Choices));
  const [open, setOpen] = useState<Row | null>(null);
  const searchId = useId();
  const searchRef = useFindShortcut();

  // The month in focus sets the dates until the user picks their own for that month.
  const range = customRange !== null && customRange.month === month ? customRange : monthRange(month);
  const filter: LedgerFilter<Choices> = useMemo(() => {
    const f: LedgerFilter<Choices> = { from: range.from, to: range.to, ...choices };
    const trimmed = text.trim();
    if (trimmed !== '') f.text = trimmed;
    return f;
  }, [range.from, range.to, choices, text]);
  const key = JSON.stringify([filter, revision]);
  const { fetchPage } = props;
  const fetchFiltered = useCallback(
    (offset: number, limit: number) => fetchPage(filter, offset, limit),
    [fetchPage, filter],
  );
  const pages = useLedgerPages(key, fetchFiltered);

  const set: SetChoice<Choices> = (name, value) =>
    setChoices((c) => {
      const next = { ...c };
      if (value === '' || value === undefined) delete next[name];
      else next[name] = value;
      return next;
    });

  const count = countText(formatCount(pages.total));
  /** Nothing chosen but the dates (and the order): an empty table means the rows are in other months. */
  const onlyDates = text.trim() === '' && Object.keys(choices).every((k) => k === 'sort');
  return (
    <Page title={title}>
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
            placeholder={props.searchPlaceholder}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        {props.filters(choices, set)}
        <SelectFilter
          label={t('ledger.sort')}
          value={choices.sort ?? ''}
          options={LEDGER_SORTS.map((v) => ({ value: v, label: t(`ledger.sorts.${v}`) }))}
          onChange={(v) => set('sort', v)}
        />
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setChoices({} as Choices);
            setText('');
            setCustomRange(null);
          }}
        >
          {t('ledger.clearFilters')}
        </button>
      </div>

      {pages.error !== null ? <ErrorNotice error={pages.error} /> : null}
      <p className="muted" data-testid="ledger-count" aria-live="polite">
        {pages.status === 'loading' ? t('app.loading') : count}
      </p>
      {pages.status === 'ok' && pages.total === 0 ? (
        onlyDates ? (
          <LedgerElsewhere
            kind={props.detailCall === 'transactions:get' ? 'pos' : 'bank'}
            revision={revision}
          />
        ) : (
          <EmptyState>{t('ledger.noMatch')}</EmptyState>
        )
      ) : (
        <VirtualTable
          caption={title}
          columns={props.columns(pages.totals, count)}
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
        {open !== null ? (
          <LedgerRowDetail call={props.detailCall} columns={props.detailColumns} row={open} />
        ) : null}
      </Dialog>
    </Page>
  );
}

/** A row's fields and, once loaded, where it came from (file, sheet, row, original cells). */
function LedgerRowDetail({
  call,
  columns,
  row,
}: {
  call: 'transactions:get' | 'bank:get';
  columns: readonly LedgerColumn[];
  row: { id: number };
}) {
  const detail = useApiQuery(call, { id: row.id });
  return (
    <>
      <LedgerFacts columns={columns} values={row} />
      {detail.status === 'ok' ? <ProvenanceDetail provenance={detail.value.provenance} /> : null}
      {detail.status === 'error' ? <ErrorNotice error={detail.error} /> : null}
    </>
  );
}

/** A ledger page while the book holds none of its rows: what to import, and a button to go there. */
export function LedgerEmptyPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <EmptyState
        action={
          <a className="button button-primary" href={routeHref('import')}>
            {t('overview.goImport')}
          </a>
        }
      >
        {children}
      </EmptyState>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import type { PreviewColumn } from '../../../../shared/api/contract';
import { BANK_FIELDS, POS_FIELDS } from '../../../../shared/import/fields';
import type { SourceKind } from '../../../../shared/import/fields';
import { fieldLabel } from '../../import/labels';
import { useLanguage } from '../../i18n/use-language';

type MappingEditorProps = {
  kind: SourceKind;
  columns: readonly PreviewColumn[];
  disabled: boolean;
  /**
   * Fields whose column is still to be confirmed (several columns look like it, or one column's
   * meaning cannot be told from the data): the mapping's `ambiguous`.
   */
  unclear?: readonly { field: string; columns: readonly number[] }[];
  /** `field` null: the column is not used. */
  onChange: (columnIndex: number, field: string | null) => void;
};

/** Each column of the file, its header, and the field it feeds; every choice can be changed. */
export function MappingEditor({ kind, columns, disabled, unclear = [], onChange }: MappingEditorProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const fields: readonly string[] = kind === 'pos' ? POS_FIELDS : BANK_FIELDS;
  return (
    <section className="mapping-editor">
      <h3>{t('import.mappingTitle')}</h3>
      <p className="field-hint">{t('import.mappingHint')}</p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.header')}</th>
            <th scope="col">{t('import.field')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => {
            // Choosing the field a column already has changes nothing in a select: "keep" says it.
            const toConfirm = unclear.some(
              (u) => u.columns.includes(column.index) && (column.field === null || column.field === u.field),
            );
            return (
              <tr
                key={column.index}
                data-column={column.letter}
                className={toConfirm ? 'is-unclear' : undefined}
              >
                <td>{column.letter}</td>
                <th scope="row" className="mapping-header">
                  {column.header}
                </th>
                <td>
                  <select
                    aria-label={`${t('import.field')}: ${column.letter} ${column.header}`}
                    value={column.field ?? ''}
                    disabled={disabled}
                    onChange={(event) =>
                      onChange(column.index, event.target.value === '' ? null : event.target.value)
                    }
                  >
                    <option value="">{t('import.noField')}</option>
                    {fields.map((field) => (
                      <option key={field} value={field}>
                        {fieldLabel(field, language)}
                      </option>
                    ))}
                  </select>
                  {toConfirm && column.field !== null ? (
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={disabled}
                      onClick={() => onChange(column.index, column.field)}
                    >
                      {t('import.keepField')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

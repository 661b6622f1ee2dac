import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportPreview } from '../../../../shared/api/contract';
import { CARD_KINDS, CHANNELS, TXN_STATUSES, TXN_TYPES } from '../../../../shared/domain/types';
import type { UserValueMaps } from '../../../../shared/import/value-maps';
import { formatCount } from '../../format/number';
import { fieldLabel } from '../../import/labels';
import { useLanguage } from '../../i18n/use-language';

type Choice = { value: string; label: string };

/** The codes a value-mapped field can take, named as the tables show them. */
function choicesFor(t: TFunction, field: string): Choice[] {
  switch (field) {
    case 'cardKind':
      return CARD_KINDS.map((v) => ({ value: v, label: t(`ledger.cardKinds.${v}`) }));
    case 'channel':
      return CHANNELS.map((v) => ({ value: v, label: t(`ledger.channels.${v}`) }));
    case 'txnType':
      return TXN_TYPES.map((v) => ({ value: v, label: t(`ledger.txnTypes.${v}`) }));
    case 'status':
      return TXN_STATUSES.map((v) => ({ value: v, label: t(`ledger.statuses.${v}`) }));
    case 'direction':
      return (['credit', 'debit'] as const).map((v) => ({ value: v, label: t(`ledger.directions.${v}`) }));
    default:
      return [];
  }
}

/** Values no alias knows ("储值卡", "快捷支付"…): the user says what each one means. */
export function ValueMapper({
  unknownValues,
  disabled,
  onMap,
}: {
  unknownValues: ImportPreview['unknownValues'];
  disabled: boolean;
  onMap: (valueMaps: UserValueMaps) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const baseId = useId();
  if (unknownValues.length === 0) return null;
  return (
    <section className="value-mapper notice notice-warning">
      <strong>{t('import.unknownValuesTitle')}</strong>
      <ul>
        {unknownValues.map((u, index) => {
          const id = `${baseId}-${index}`;
          return (
            <li key={`${u.field}:${u.value}`}>
              <label htmlFor={id}>
                {t('import.unknownValue', {
                  field: fieldLabel(u.field, language),
                  value: u.value,
                  n: formatCount(u.count),
                })}
              </label>{' '}
              <select
                id={id}
                defaultValue=""
                disabled={disabled}
                onChange={(event) => {
                  if (event.target.value !== '') {
                    onMap({ [u.field]: { [u.value]: event.target.value } });
                  }
                }}
              >
                <option value="">{t('import.chooseMeaning')}</option>
                {choicesFor(t, u.field).map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
              {u.hint ? <p className="value-hint">{language === 'en' ? u.hint.en : u.hint.zh}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

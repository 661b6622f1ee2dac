/**
 * Cell values → domain codes (卡类型 → debit/credit, 支付方式 → channel, …). Order of lookup: the user's
 * own map from the mapping (what they taught the preview), then the exact alias table, then keyword
 * rules. A value none of them knows is returned as unknown, never guessed.
 */
import {
  POS_VALUE_HINTS,
  CARD_KIND_KEYWORDS,
  CARD_KIND_VALUES,
  CHANNEL_KEYWORDS,
  CHANNEL_VALUES,
  STATUS_KEYWORDS,
  STATUS_VALUES,
  TXN_TYPE_KEYWORDS,
  TXN_TYPE_VALUES,
} from './aliases-pos';
import { DIRECTION_KEYWORDS, DIRECTION_VALUES, type Direction } from './aliases-bank';
import type { CardKind, Channel, TxnStatus, TxnType } from '../domain/types';
import { normaliseValue } from './text';

export type ValueField = 'cardKind' | 'channel' | 'txnType' | 'status' | 'direction';
export type ValueCodes = {
  cardKind: CardKind;
  channel: Channel;
  txnType: TxnType;
  status: TxnStatus;
  direction: Direction;
};

type Table<T> = { exact: Record<string, T>; keywords: readonly (readonly [string, T])[] };

const TABLES: { [F in ValueField]: Table<ValueCodes[F]> } = {
  cardKind: { exact: CARD_KIND_VALUES, keywords: CARD_KIND_KEYWORDS },
  channel: { exact: CHANNEL_VALUES, keywords: CHANNEL_KEYWORDS },
  txnType: { exact: TXN_TYPE_VALUES, keywords: TXN_TYPE_KEYWORDS },
  status: { exact: STATUS_VALUES, keywords: STATUS_KEYWORDS },
  direction: { exact: DIRECTION_VALUES, keywords: DIRECTION_KEYWORDS },
};

/** The user's value maps, keyed by the normalised value (normaliseValue). */
export type UserValueMaps = { [F in ValueField]?: Record<string, ValueCodes[F]> };

/** The code for a value, or null when nothing knows it. `text` is the cleaned cell text. */
export function lookupValue<F extends ValueField>(
  field: F,
  text: string,
  user?: UserValueMaps,
): ValueCodes[F] | null {
  const key = normaliseValue(text);
  const own = user?.[field];
  if (own && Object.prototype.hasOwnProperty.call(own, key)) return own[key] ?? null;
  const table: Table<ValueCodes[F]> = TABLES[field];
  if (Object.prototype.hasOwnProperty.call(table.exact, key)) return table.exact[key] ?? null;
  for (const [word, code] of table.keywords) {
    if (key.includes(word)) return code;
  }
  return null;
}

/** Why a value FeeTrail does not know is asked about, when it is one asked about on purpose. */
export function valueHint(field: string, text: string): { zh: string; en: string } | null {
  const key = normaliseValue(text);
  const h = POS_VALUE_HINTS.find((x) => x.field === field && x.words.some((w) => key.includes(w)));
  return h ? { zh: h.zh, en: h.en } : null;
}

/**
 * The rate card as the settings editor holds it: every field as the text in its input, so a half-typed
 * rate ("0.") is kept as typed. `draftToJson` gives the documented JSON (docs/RATE-CARD.md) that
 * `rates:save` validates; `draftFromJson` reads what `rates:list` and `rates:templates` return.
 */
import type { RateCardJson } from '../../../shared/domain/rate-card';
import type { RefundFeePolicy } from '../../../shared/domain/rate-card';
import type { CardKind, Channel, TxnType } from '../../../shared/domain/types';
import type { RoundingMode } from '../../../shared/fen';

export type RuleDraft = {
  id: string;
  label: string;
  /** Empty: any channel (any card kind). */
  channels: Channel[];
  cardKinds: CardKind[];
  /** At least one; ['sale'] is the default the JSON leaves out. */
  txnTypes: TxnType[];
  /** Yuan as typed ("1000.00"); '' when not set. */
  amountMin: string;
  amountMax: string;
  /** Percent as typed ("0.60"). */
  ratePercent: string;
  cap: string;
  min: string;
  fixed: string;
};

export type VersionDraft = {
  effectiveFrom: string;
  rounding: RoundingMode;
  refundFeePolicy: RefundFeePolicy;
  note: string;
  rules: RuleDraft[];
};

export type CardDraft = {
  name: string;
  merchantNo: string;
  terminalId: string;
  versions: VersionDraft[];
};

type RuleJson = RateCardJson['versions'][number]['rules'][number];
type VersionJson = RateCardJson['versions'][number];

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: string | number | undefined | null): string =>
  v === undefined || v === null ? '' : String(v);
const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

export function emptyRule(id: string): RuleDraft {
  return {
    id,
    label: '',
    channels: [],
    cardKinds: [],
    txnTypes: ['sale'],
    amountMin: '',
    amountMax: '',
    ratePercent: '',
    cap: '',
    min: '',
    fixed: '',
  };
}

/** A rule id not used yet in the version ("rule_3"). */
export function freshRuleId(rules: readonly RuleDraft[]): string {
  const used = new Set(rules.map((r) => r.id));
  let n = rules.length + 1;
  while (used.has(`rule_${n}`)) n += 1;
  return `rule_${n}`;
}

function ruleFromJson(r: RuleJson): RuleDraft {
  const txnTypes = list(r.txnType);
  return {
    id: r.id,
    label: r.label ?? '',
    channels: list(r.channel),
    cardKinds: list(r.cardKind),
    txnTypes: txnTypes.length === 0 ? ['sale'] : txnTypes,
    amountMin: text(r.amountMin),
    amountMax: text(r.amountMax),
    ratePercent: text(r.ratePercent),
    cap: text(r.cap),
    min: text(r.min),
    fixed: text(r.fixed),
  };
}

function versionFromJson(v: VersionJson): VersionDraft {
  return {
    effectiveFrom: v.effectiveFrom,
    rounding: v.rounding ?? 'half_up',
    refundFeePolicy: v.refundFeePolicy ?? 'none',
    note: v.note ?? '',
    rules: v.rules.map(ruleFromJson),
  };
}

export function draftFromJson(card: RateCardJson): CardDraft {
  return {
    name: card.name,
    merchantNo: card.scope?.merchantNo ?? '',
    terminalId: card.scope?.terminalId ?? '',
    versions: card.versions.map(versionFromJson),
  };
}

export function ruleToJson(r: RuleDraft): RuleJson {
  const onlySale = r.txnTypes.length === 1 && r.txnTypes[0] === 'sale';
  const json: RuleJson = {
    id: r.id.trim(),
    label: optional(r.label),
    channel: r.channels.length === 0 ? undefined : r.channels,
    cardKind: r.cardKinds.length === 0 ? undefined : r.cardKinds,
    txnType: onlySale ? undefined : r.txnTypes,
    amountMin: optional(r.amountMin),
    amountMax: optional(r.amountMax),
    ratePercent: r.ratePercent.trim(),
    cap: optional(r.cap),
    min: optional(r.min),
    fixed: optional(r.fixed),
  };
  // The schema is strict about unknown keys only; undefined keys are dropped to keep the JSON tidy.
  return Object.fromEntries(Object.entries(json).filter(([, v]) => v !== undefined)) as RuleJson;
}

export function versionToJson(v: VersionDraft): VersionJson {
  return {
    effectiveFrom: v.effectiveFrom.trim(),
    rounding: v.rounding,
    refundFeePolicy: v.refundFeePolicy,
    ...(v.note.trim() === '' ? {} : { note: v.note.trim() }),
    rules: v.rules.map(ruleToJson),
  };
}

export function draftToJson(d: CardDraft): RateCardJson {
  const merchantNo = optional(d.merchantNo);
  const terminalId = optional(d.terminalId);
  return {
    name: d.name.trim(),
    ...(merchantNo === undefined && terminalId === undefined
      ? {}
      : { scope: { merchantNo: merchantNo ?? null, terminalId: terminalId ?? null } }),
    versions: d.versions.map(versionToJson),
  };
}

/** A new version that starts as a copy of the latest one (a new contract usually changes a rate or two). */
export function nextVersion(versions: readonly VersionDraft[], effectiveFrom: string): VersionDraft {
  const latest = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
  if (latest === undefined)
    return { effectiveFrom, rounding: 'half_up', refundFeePolicy: 'none', note: '', rules: [] };
  return { ...latest, effectiveFrom, note: '', rules: latest.rules.map((r) => ({ ...r })) };
}

/**
 * shared/import: raw rows → normalised records, pure functions. What the import service calls:
 * - analyse(firstRows, { file, templates?, kind?, headerRow?, date1904?, encoding? }) → Analysis
 * - applyOverrides(mapping, overrides) → mapping, then validateMapping(mapping, file) → issues
 * - createNormaliser(mapping, { file }) → push(row) for every row (streamed), summary() at the end
 */
export { analyse } from './analyse';
export type { AnalyseOptions, Analysis } from './analyse';
export { detectHeader, judgeKind, combineTwoRows, DEFAULT_SCAN_ROWS } from './detect-header';
export type { DetectOptions, HeaderCandidate, HeaderDetection, KindVerdict } from './detect-header';
export { applyOverrides, suggestMapping, validateMapping } from './mapping';
export type { MappingContext, MappingOverrides } from './mapping';
export {
  bankMappingSchema,
  columnMappingSchema,
  headerSignature,
  mappingTemplateSchema,
  MAPPING_VERSION,
  parseMappingTemplateJson,
  posMappingSchema,
} from './mapping-schema';
export type { BankMapping, ColumnMapping, MappingTemplate, PosMapping } from './mapping-schema';
export {
  createBankNormaliser,
  createNormaliser,
  createPosNormaliser,
  normaliseAll,
  normaliseStream,
} from './normalise';
export type {
  AnyNormaliser,
  NormaliseContext,
  NormalisedFile,
  NormaliseSummary,
  Normaliser,
  RowOutcome,
} from './normalise';
export { SKIP_REASONS } from './row-classify';
export type { SkipReason } from './row-classify';
export { ISSUE_CODES, makeIssue, locate } from './issues';
export type { IssueCode, IssueParams } from './issues';
export {
  combineDateTime,
  inferDateOrder,
  parseDateOnly,
  parseDateText,
  parseMomentCell,
  parseTimeCell,
  parseTimeText,
} from './dates';
export type { DateFailure, DateOptions, DateOrder } from './dates';
export {
  bankBase,
  posFallbackBase,
  posFingerprint,
  withOccurrence,
  createOccurrenceCounter,
} from './fingerprint';
export { BANK_FIELDS, POS_FIELDS, SOURCE_KINDS, FIELD_LABELS } from './fields';
export type { AnyField, BankField, MoneyField, PosField, SourceKind } from './fields';
export { lookupValue } from './value-maps';
export type { UserValueMaps, ValueField } from './value-maps';

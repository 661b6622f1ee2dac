import type { reportsZhCN } from './reports.zh-CN';

/** The Reports page's own text (spread into `reports` of en.ts; the report cards use `close.reports`). */
export const reportsEn: typeof reportsZhCN = {
  languageLabel: 'Report language',
  languageHint:
    'The same as the app’s language unless you choose; English reports suit an accountant or head office.',
  languages: { 'zh-CN': '中文 (Chinese)', en: 'English' },
};

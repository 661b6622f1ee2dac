/** The Reports page's own text (spread into `reports` of zh-CN.ts; the report cards use `close.reports`). */
export const reportsZhCN = {
  languageLabel: '报表语言',
  languageHint: '默认与界面语言相同；英文报表可以发给不懂中文的会计师或总部。',
  languages: { 'zh-CN': '中文', en: 'English（英文）' },
};

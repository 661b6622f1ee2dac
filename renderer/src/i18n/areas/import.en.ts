import type { importTemplatesZhCN } from './import.zh-CN';

/** The Import page's mapping-template panel (spread into `import.templates` of en.ts). */
export const importTemplatesEn: typeof importTemplatesZhCN = {
  title: 'Column mapping templates',
  intro:
    'Column mappings saved while importing. A file with the same header is mapped the same way next time. Export a template as a .json file to share it, or import one a colleague sent.',
  importFile: 'Import template file…',
  importing: 'Reading…',
  empty: 'No templates yet. Fill in “Save as template” when you import a file to save one.',
  name: 'Name',
  kind: 'Kind',
  headers: 'Header (by column)',
  signature: 'Header signature',
  createdAt: 'Created',
  lastUsedAt: 'Last used',
  neverUsed: 'Not used yet',
  export: 'Export',
  delete: 'Delete',
  imported: 'Imported the template “{{name}}”. Files with the same header will use it.',
  exported: 'Exported the template to “{{name}}”.',
  deleted: 'Deleted the template “{{name}}”. Imported data is not affected.',
  deleteTitle: 'Delete this template?',
  deleteBody:
    'Files with the same header will no longer be mapped with “{{name}}”. Imported data is not affected.',
  deleteConfirm: 'Delete template',
  notJson:
    '“{{name}}” is not a JSON file; no template was imported. Pick a .feetrail-template.json file exported from FeeTrail.',
  invalid:
    '“{{name}}” is not a valid FeeTrail template ({{problem}}); no template was imported. Ask for a fresh export from FeeTrail.',
};

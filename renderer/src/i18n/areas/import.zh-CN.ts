/** The Import page's mapping-template panel (spread into `import.templates` of zh-CN.ts). */
export const importTemplatesZhCN = {
  title: '列对应模板',
  intro:
    '导入时保存的列对应关系。下次导入表头相同的文件会自动套用。可以把模板导出为 .json 文件发给同事，或导入同事发来的模板。',
  importFile: '导入模板文件…',
  importing: '正在读取…',
  empty: '还没有模板。导入文件时在“保存为模板”中填一个名称，就会保存一个模板。',
  name: '名称',
  kind: '类型',
  headers: '表头（按列）',
  signature: '表头签名',
  createdAt: '创建时间',
  lastUsedAt: '最近使用',
  neverUsed: '还没用过',
  export: '导出',
  delete: '删除',
  imported: '已导入模板“{{name}}”。导入表头相同的文件时会自动套用。',
  exported: '已导出模板到“{{name}}”。',
  deleted: '已删除模板“{{name}}”。已导入的数据不受影响。',
  deleteTitle: '删除这个模板？',
  deleteBody: '删除后，表头相同的文件不会再自动套用“{{name}}”的列对应关系。已导入的数据不受影响。',
  deleteConfirm: '删除模板',
  notJson:
    '“{{name}}”不是 JSON 文件，没有导入任何模板。请选择从 FeeTrail 导出的 .feetrail-template.json 文件。',
  invalid:
    '“{{name}}”不是有效的 FeeTrail 模板（{{problem}}），没有导入任何模板。请让对方重新从 FeeTrail 导出。',
};

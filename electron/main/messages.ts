/**
 * The few words the main process shows itself (menus, dialog filters, start-up errors). The page has
 * its own catalogues in renderer/; these follow the system language, Chinese unless it is not Chinese
 * and is English.
 */
export type MainLocale = 'zh-CN' | 'en';

export type MainMessages = {
  menu: {
    file: string;
    quit: string;
    edit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    selectAll: string;
    view: string;
    reload: string;
    devTools: string;
    zoomIn: string;
    zoomOut: string;
    resetZoom: string;
    fullScreen: string;
    help: string;
    about: string;
  };
  filters: { spreadsheets: string; books: string; json: string; pdf: string; zip: string };
  dialogs: { openTitle: string; saveTitle: string };
  startup: {
    title: string;
    nativeModuleMissing: (path: string) => string;
    failed: (reason: string) => string;
  };
  aboutDetail: (version: string) => string;
};

const zh: MainMessages = {
  menu: {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullScreen: '全屏',
    help: '帮助',
    about: '关于 FeeTrail 手续费对账',
  },
  filters: {
    spreadsheets: '表格文件 (xlsx, xls, csv)',
    books: 'FeeTrail 账本',
    json: 'JSON 文件',
    pdf: 'PDF 文件',
    zip: 'ZIP 压缩包',
  },
  dialogs: { openTitle: '选择文件', saveTitle: '保存为' },
  startup: {
    title: 'FeeTrail 无法启动',
    nativeModuleMissing: (path) =>
      `找不到为本机 Electron 编译的数据库模块：\n${path}\n\n请在项目目录运行 npm start（它会先编译该模块），或重新安装 FeeTrail。`,
    failed: (reason) => `启动时出错：${reason}\n\n账本未被修改。`,
  },
  aboutDetail: (version) => `版本 ${version}\nPOS 刷卡手续费核对与对账`,
};

const en: MainMessages = {
  menu: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Full Screen',
    help: 'Help',
    about: 'About FeeTrail',
  },
  filters: {
    spreadsheets: 'Spreadsheets (xlsx, xls, csv)',
    books: 'FeeTrail books',
    json: 'JSON files',
    pdf: 'PDF files',
    zip: 'ZIP archives',
  },
  dialogs: { openTitle: 'Choose files', saveTitle: 'Save as' },
  startup: {
    title: 'FeeTrail cannot start',
    nativeModuleMissing: (path) =>
      `The database module built for this Electron is missing:\n${path}\n\nRun npm start in the project folder (it builds the module first), or reinstall FeeTrail.`,
    failed: (reason) => `FeeTrail failed to start: ${reason}\n\nNo book was changed.`,
  },
  aboutDetail: (version) => `Version ${version}\nCheck and reconcile POS card fees`,
};

/** Chinese is the default: English only when the system asks for English. */
export function mainLocaleOf(systemLocale: string): MainLocale {
  return systemLocale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function mainMessages(locale: MainLocale): MainMessages {
  return locale === 'en' ? en : zh;
}

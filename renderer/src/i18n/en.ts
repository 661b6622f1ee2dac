import type { Catalogue } from './catalogue';

/** The English catalogue. Typed as `Catalogue`, so a missing or extra key fails the type check. */
export const en: Catalogue = {
  app: {
    name: 'FeeTrail fee reconciliation',
    brand: 'FeeTrail',
    brandSub: 'Fee reconciliation',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
  },
  nav: {
    label: 'Areas',
    overview: 'Overview',
    import: 'Import',
    transactions: 'Transactions',
    bank: 'Bank',
    reconcile: 'Reconcile',
    charts: 'Charts',
    disputes: 'Disputes',
    close: 'Close',
    reports: 'Reports',
    settings: 'Settings',
  },
  header: {
    month: 'Month',
    prevMonth: 'Previous month',
    nextMonth: 'Next month',
    pickMonth: 'Choose month',
    language: 'Language',
    noBook: 'No book open',
  },
  language: {
    'zh-CN': '中文',
    en: 'English',
  },
  common: {
    cancel: 'Cancel',
    confirm: 'OK',
    close: 'Close',
    retry: 'Try again',
    total: 'Total',
    working: 'Working…',
  },
  book: {
    switcher: 'Switch book',
    currentLabel: 'Current book',
    recent: 'Recent books',
    noRecent: 'No books opened yet.',
    isCurrent: 'open now',
    open: 'Open',
    openRecent: 'Open book “{{name}}”',
    openFile: 'Open book file…',
    openDefault: 'Open the default book',
    forget: 'Remove',
    forgetLabel: 'Remove “{{name}}” from the recent list (the file is kept)',
    missing: 'File moved or deleted',
    lastOpened: 'Last opened {{time}}',
    closeBook: 'Close book',
    create: 'New book…',
    createTitle: 'New book',
    nameLabel: 'Book name',
    namePlaceholder: 'e.g. Zhang’s Corner Shop',
    nameHint: 'One book per shop. A book is saved as one .feetrail file named after the book.',
    nameInvalid: 'A book name must be 1 to 80 characters and cannot contain \\ / : * ? " < > |.',
    createSubmit: 'Create and open',
    location: 'File location',
  },
  welcome: {
    title: 'Welcome to FeeTrail',
    intro:
      'FeeTrail checks the card fees your Lakala POS charges: import the POS transaction export and your bank statement, and it recomputes every fee from your rate card, matches each day’s settlement to the bank, finds overcharges and prepares the evidence for a dispute.',
    startTitle: 'Get started',
    startBody: 'Create a book (one per shop), or open one you used before.',
    stepsTitle: 'Each month',
    step1:
      'Import the POS transaction export (Excel or CSV from the Lakala merchant back-office) on the Import page.',
    step2: 'Import the bank statement for the same month (exported from online banking).',
    step3: 'On the Reconcile page, see whether fees were overcharged and every settlement arrived.',
    step4: 'Dispute the overcharges, then close the month once everything checks out.',
  },
  overview: {
    title: 'Overview',
    bookTitle: 'Book “{{name}}”',
    contents: 'What the book holds',
    item: 'Item',
    quantity: 'Quantity',
    counts: {
      importBatches: 'Import batches',
      posTransactions: 'POS transactions',
      bankLines: 'Bank lines',
      mappingTemplates: 'Column mapping templates',
    },
    emptyTitle: 'This book is empty',
    emptyBody:
      'Start on the Import page: import the POS transaction export and the bank statement for the same month, then reconcile.',
    goImport: 'Go to Import',
    nextTitle: 'Next step',
    needBank:
      'No bank lines yet. Import a bank statement on the Import page to check that settlements arrived.',
    needPos:
      'No POS transactions yet. Import the POS transaction export on the Import page to recompute fees.',
    ready: 'POS transactions and bank lines are in. Reconcile {{month}} on the Reconcile page.',
    goReconcile: 'Go to Reconcile',
    createdAt: 'Created {{time}}',
  },
  import: {
    title: 'Import',
    intro:
      'Bring in the files your POS back-office and your bank give you. Importing the same file twice adds nothing.',
    posTitle: 'POS transaction export',
    posBody:
      'The transaction detail export from the Lakala merchant back-office or app: .xlsx, .xls or .csv.',
    bankTitle: 'Bank statement',
    bankBody: 'The account statement from online banking: .xlsx, .xls or .csv (UTF-8 or GBK).',
    notYet: 'This build cannot import files yet: importing is still being built.',
  },
  transactions: {
    title: 'Transactions',
    emptyBody: 'No transactions yet. Import a POS transaction export on the Import page first.',
    inBook: 'The book holds {{n}} POS transactions. The list appears once importing is complete.',
  },
  bank: {
    title: 'Bank lines',
    emptyBody: 'No bank lines yet. Import a statement exported from online banking on the Import page first.',
    inBook: 'The book holds {{n}} bank lines. The list appears once importing is complete.',
  },
  reconcile: {
    title: 'Reconcile',
    emptyBody:
      'Reconciling needs POS transactions and bank lines for the same month. Import both on the Import page first.',
  },
  charts: {
    title: 'Charts',
    emptyBody:
      'Once POS transactions are imported, this page shows sales, fees and the effective rate month by month. Import data on the Import page first.',
  },
  disputes: {
    title: 'Disputes',
    emptyBody:
      'No disputes yet. When reconciling finds an overcharged fee, you can open a dispute for it there.',
  },
  close: {
    title: 'Month close',
    emptyBody:
      'Closing a month locks its data against changes. Import the month’s data and reconcile it first.',
  },
  reports: {
    title: 'Reports',
    emptyBody:
      'Reports are built from the book’s transactions and reconciliation results. Import data first.',
  },
  settings: {
    title: 'Settings',
    languageTitle: 'Language',
    languageHint: 'The language is remembered on this computer.',
    bookTitle: 'Current book',
    noBook: 'No book is open.',
    aboutTitle: 'About FeeTrail',
    version: 'Version',
    door: 'Running as',
    doors: {
      desktop: 'Desktop app',
      web: 'Browser (local host)',
      cli: 'Command line',
    },
    dataDir: 'Data folder',
    defaultBook: 'Default book',
    schemaVersion: 'Book schema version',
  },
  progress: {
    rows: '{{done}} / {{total}} rows done',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
  },
  web: {
    noTokenTitle: 'Cannot connect to FeeTrail',
    noTokenBody:
      'This page needs the access link printed at start-up. Go back to the terminal running npm run web, copy the whole link starting with http://127.0.0.1 and open it in the browser.',
  },
  errors: {
    title: 'That did not work',
    invalid_input: 'Something you entered is not valid. Please check it and try again.',
    unknown_call: 'This version of FeeTrail cannot do that. Please update FeeTrail.',
    not_found: 'That record no longer exists; it may have been deleted. Refresh and try again.',
    no_book_open: 'No book is open. Create or open a book first.',
    book_not_found:
      'The book file cannot be found; it may have been moved or deleted. Remove it from the recent list or pick the file again.',
    book_exists:
      'A book with that name already exists. Choose another name, or open it from the recent list.',
    book_not_feetrail: 'This file is not a FeeTrail book. It was not opened and has not been changed.',
    book_newer_version:
      'This book was written by a newer version of FeeTrail. Update FeeTrail to open it; the file has not been changed.',
    book_corrupt:
      'This book file is damaged and cannot be opened; it has not been changed. Use a copy from the backups folder.',
    book_locked: 'This book is open in another FeeTrail window. Close it there first.',
    file_unreadable:
      'The file cannot be read. Make sure no other program (Excel, WPS) has it open and try again.',
    file_unsupported: 'This kind of file is not supported. Choose an .xlsx, .xls or .csv file.',
    file_too_large: 'The file is larger than allowed. Export a shorter date range and import that.',
    import_invalid:
      'The file contains rows that cannot be imported; the book was not changed. Fix the file as listed and import it again.',
    import_ambiguous:
      'FeeTrail could not tell what this file is or what its columns mean; the book was not changed. Choose them in the preview and import again.',
    month_closed: 'This month is closed and its data cannot change. Reopen it on the Close page first.',
    cancelled: 'Cancelled. The book was not changed.',
    internal:
      'Something went wrong inside FeeTrail; the book was not changed. Try again, and if it keeps happening send the log to support.',
    transport_unreachable:
      'Cannot reach the local FeeTrail host. Make sure the terminal running npm run web is still open, then try again.',
    transport_unauthorized:
      'The access link is no longer valid. Open the link printed in the terminal running npm run web again.',
    transport_bad_reply:
      'The local FeeTrail host sent a reply FeeTrail does not understand. Restart npm run web and try again.',
    upload_failed: 'The file “{{name}}” could not be uploaded. Please try again.',
    unsupported_here: 'The browser version cannot do this; use the desktop app.',
  },
};

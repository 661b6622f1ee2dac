import { z } from 'zod';
import { call } from './define';

export type BookCounts = {
  importBatches: number;
  posTransactions: number;
  bankLines: number;
  mappingTemplates: number;
};

export type BookInfo = {
  path: string;
  /** File name without the `.feetrail` extension. */
  name: string;
  /** Number of schema migrations applied; a book with more than this build knows is refused. */
  schemaVersion: number;
  createdAt: string | null;
  createdByVersion: string | null;
  counts: BookCounts;
};

export type RecentBook = {
  path: string;
  name: string;
  lastOpenedAt: string;
  /** False when the file has been moved or deleted since. */
  exists: boolean;
};

/** A book name becomes a file name: no path separators, no reserved characters, not empty. */
export const bookNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((name) => ![...name].some((ch) => ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch)), {
    message: 'A book name cannot contain \\ / : * ? " < > | or control characters',
  });

export const bookCalls = {
  /** The open book, or null when none is open. */
  'book:current': call<BookInfo | null>()(z.object({}).strict()),
  'book:recent': call<RecentBook[]>()(z.object({}).strict()),
  /** Create a new book named `name` in the books folder (or at a path the user picked) and open it. */
  'book:create': call<BookInfo>()(
    z.union([z.object({ name: bookNameSchema }).strict(), z.object({ fileId: z.string().min(1) }).strict()]),
  ),
  /** Open a book from the recent list, or one the user picked with the file dialog. */
  'book:open': call<BookInfo>()(
    z.union([
      z.object({ path: z.string().min(1) }).strict(),
      z.object({ fileId: z.string().min(1) }).strict(),
    ]),
  ),
  /** Open (creating it the first time) the default book in the user-data folder. */
  'book:openDefault': call<BookInfo>()(z.object({}).strict()),
  'book:close': call<null>()(z.object({}).strict()),
  /** Create and open a sample book: last month's generated exports, imported and reconciled. */
  'book:createSample': call<BookInfo>()(z.object({}).strict()),
  'book:forget': call<RecentBook[]>()(z.object({ path: z.string().min(1) }).strict()),
};

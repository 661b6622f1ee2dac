/**
 * The open book of this process (one at a time, as a bookkeeper works on one shop at a time),
 * the default book, and the recent list.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BookInfo, RecentBook } from '../../shared/api/contract';
import { FeeTrailError } from '../../shared/result';
import type { Book, BookOpenOptions } from '../db/book';
import { bookNameOf, createBook, localNow, openBook } from '../db/book';
import { readBookInfo } from '../db/book-info-repo';
import { latestGoodBackup } from './backup-service';
import type { ConfigStore } from './config-store';
import { booksDirOf, defaultBookPathOf } from './paths';

export class BookService {
  private book: Book | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly config: ConfigStore,
    private readonly openOptions: BookOpenOptions,
    /** The CLI works on books named on its command line and leaves the app's recent list alone. */
    private readonly rememberRecent = true,
  ) {}

  get defaultBookPath(): string {
    return defaultBookPathOf(this.dataDir);
  }

  /** The open book; services that need one call this and the user gets a clear message if none is open. */
  require(): Book {
    if (!this.book) throw new FeeTrailError('no_book_open', 'No book is open. Open or create a book first.');
    return this.book;
  }

  current(): Book | null {
    return this.book;
  }

  info(): BookInfo | null {
    return this.book ? readBookInfo(this.book) : null;
  }

  private adopt(book: Book): BookInfo {
    this.closeCurrent();
    this.book = book;
    if (this.rememberRecent) this.config.touchRecent(book.path, localNow());
    return readBookInfo(book);
  }

  /** Create a book named `name` in the books folder. */
  createNamed(name: string): BookInfo {
    return this.createAt(join(booksDirOf(this.dataDir), `${name}.feetrail`));
  }

  createAt(path: string): BookInfo {
    const target = path.toLowerCase().endsWith('.feetrail') ? path : `${path}.feetrail`;
    return this.adopt(createBook(resolve(target), this.openOptions));
  }

  openAt(path: string): BookInfo {
    const full = resolve(path);
    if (this.book && this.book.path === full) return readBookInfo(this.book);
    try {
      return this.adopt(openBook(full, this.openOptions));
    } catch (e) {
      // A damaged book: point the user at the newest backup that passes the integrity check.
      if (e instanceof FeeTrailError && e.code === 'book_corrupt') {
        const good = latestGoodBackup(full);
        throw new FeeTrailError(
          'book_corrupt',
          good ? `${e.message} The latest good backup is ${good.name} (${good.createdAt}).` : e.message,
          { ...e.details, latestGoodBackup: good ? { name: good.name, createdAt: good.createdAt } : null },
        );
      }
      throw e;
    }
  }

  /** Open a book the page named by path: only books from the recent list (or the default) qualify. */
  openRecent(path: string): BookInfo {
    const known = this.config.get().recentBooks.some((b) => b.path === path) || path === this.defaultBookPath;
    if (!known) throw new FeeTrailError('not_found', 'That book is not in the recent list.', { path });
    return this.openAt(path);
  }

  openDefault(): BookInfo {
    return existsSync(this.defaultBookPath)
      ? this.openAt(this.defaultBookPath)
      : this.createAt(this.defaultBookPath);
  }

  /**
   * What the app opens when it starts: the book used last, else the default book (created the first
   * time). A book that cannot be opened is reported and the app starts on the welcome screen.
   */
  openAtStartup(onError: (message: string) => void = () => undefined): BookInfo | null {
    const last = this.config.get().lastBookPath;
    try {
      return last && existsSync(last) ? this.openAt(last) : this.openDefault();
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
      return null;
    }
  }

  recent(): RecentBook[] {
    return this.config.get().recentBooks.map((b) => ({
      path: b.path,
      name: bookNameOf(b.path),
      lastOpenedAt: b.lastOpenedAt,
      exists: existsSync(b.path),
    }));
  }

  forget(path: string): RecentBook[] {
    this.config.forgetRecent(path);
    return this.recent();
  }

  closeCurrent(): void {
    this.book?.close();
    this.book = null;
  }
}

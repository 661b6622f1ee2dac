/** Handlers for app:* and book:* calls. */
import type { appCalls } from '../../shared/api/app';
import type { bookCalls } from '../../shared/api/book';
import type { Services } from './create-services';
import type { HandlerMap } from './dispatch';
import { booksDirOf } from './paths';
import { createSampleBook } from './sample-book';

type Calls = typeof appCalls & typeof bookCalls;

export function bookHandlers(s: Services): HandlerMap<Calls> {
  return {
    'app:info': () => s.appInfo(),
    'book:current': () => s.books.info(),
    'book:recent': () => s.books.recent(),
    'book:create': (input) =>
      'name' in input
        ? s.books.createNamed(input.name)
        : s.books.createAt(s.files.resolve(input.fileId, 'write').path),
    'book:open': (input) =>
      'path' in input ? s.books.openRecent(input.path) : s.books.openAt(s.files.resolve(input.fileId).path),
    'book:openDefault': () => s.books.openDefault(),
    'book:createSample': () =>
      createSampleBook(s.books, s.imports, s.reconcile, booksDirOf(s.options.dataDir)),
    'book:close': () => {
      s.books.closeCurrent();
      return null;
    },
    'book:forget': (input) => s.books.forget(input.path),
  };
}

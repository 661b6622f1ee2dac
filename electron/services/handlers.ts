/**
 * The service side of the contract: one handler per call, each a thin adapter onto a service.
 * Every door (IPC, HTTP, CLI, tests) dispatches through `createServiceDispatcher`.
 */
import type { ServiceContract } from '../../shared/api/contract';
import { serviceContract } from '../../shared/api/contract';
import type { DispatchOptions, HandlerMap } from './dispatch';
import { createDispatcher } from './dispatch';
import type { Services } from './create-services';

export function createServiceHandlers(s: Services): HandlerMap<ServiceContract> {
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
    'book:close': () => {
      s.books.closeCurrent();
      return null;
    },
    'book:forget': (input) => s.books.forget(input.path),
  };
}

export function createServiceDispatcher(s: Services, options?: DispatchOptions) {
  return createDispatcher(serviceContract, createServiceHandlers(s), options);
}

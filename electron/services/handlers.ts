/**
 * The service side of the contract: one handler per call, each a thin adapter onto a service, grouped
 * by area in handlers-<area>.ts. Every door (IPC, HTTP, CLI, tests) dispatches through
 * `createServiceDispatcher`; the HandlerMap type makes a missing or extra handler a compile error.
 */
import type { ServiceContract } from '../../shared/api/contract';
import { serviceContract } from '../../shared/api/contract';
import type { Services } from './create-services';
import type { DispatchOptions, HandlerMap } from './dispatch';
import { createDispatcher } from './dispatch';
import { backupHandlers } from './handlers-backup';
import { bookHandlers } from './handlers-book';
import { chartsHandlers } from './handlers-charts';
import { closeHandlers } from './handlers-close';
import { disputesHandlers } from './handlers-disputes';
import { importHandlers } from './handlers-import';
import { ledgerHandlers } from './handlers-ledger';
import { reconcileHandlers } from './handlers-reconcile';

export function createServiceHandlers(s: Services): HandlerMap<ServiceContract> {
  return {
    ...bookHandlers(s),
    ...backupHandlers(s),
    ...importHandlers(s),
    ...ledgerHandlers(s),
    ...reconcileHandlers(s),
    ...disputesHandlers(s),
    ...chartsHandlers(s),
    ...closeHandlers(s),
  };
}

export function createServiceDispatcher(s: Services, options?: DispatchOptions) {
  return createDispatcher(serviceContract, createServiceHandlers(s), options);
}

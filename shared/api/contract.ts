/**
 * The one API contract. Every call is named `area:verb`, has a zod schema for its request and a typed
 * reply; replies are `{ ok: true, value } | { ok: false, error: { code, message, details } }`.
 * Three doors dispatch to the same services: electron/preload (IPC), electron/host (HTTP) and the CLI.
 */
import type { CallMap, InputOf, Invoker, OutputOf } from './define';
import { appCalls } from './app';
import { backupCalls } from './backup';
import { bookCalls } from './book';
import { chartsCalls } from './charts';
import { closeCalls } from './close';
import { disputeCalls } from './disputes';
import { desktopCalls } from './files';
import { importCalls } from './imports';
import { ledgerCalls } from './ledger';
import { reconcileCalls } from './reconcile';

/** Calls the services answer, through every door. */
export const serviceContract = {
  ...appCalls,
  ...bookCalls,
  ...backupCalls,
  ...importCalls,
  ...ledgerCalls,
  ...reconcileCalls,
  ...disputeCalls,
  ...chartsCalls,
  ...closeCalls,
} satisfies CallMap;

/** Everything the desktop preload exposes: the services plus the native dialogs. */
export const desktopContract = { ...serviceContract, ...desktopCalls } satisfies CallMap;

export type ServiceContract = typeof serviceContract;
export type DesktopContract = typeof desktopContract;
export type ServiceCallName = Extract<keyof ServiceContract, string>;
export type DesktopCallName = Extract<keyof DesktopContract, string>;

export type ApiInput<K extends DesktopCallName> = InputOf<DesktopContract[K]>;
export type ApiOutput<K extends DesktopCallName> = OutputOf<DesktopContract[K]>;

export const SERVICE_CALL_NAMES = Object.keys(serviceContract) as ServiceCallName[];
export const DESKTOP_CALL_NAMES = Object.keys(desktopContract) as DesktopCallName[];

export function isServiceCall(name: string): name is ServiceCallName {
  return Object.prototype.hasOwnProperty.call(serviceContract, name);
}

export function isDesktopCall(name: string): name is DesktopCallName {
  return Object.prototype.hasOwnProperty.call(desktopContract, name);
}

/**
 * What the page sees as `window.feetrail` in the desktop app: one typed `invoke` and nothing else.
 * No raw ipcRenderer reaches the page.
 */
export type FeeTrailBridge = {
  invoke: Invoker<DesktopContract>;
};

export type { FileRef, FileFilter } from './files';
export type { AppInfo, Door } from './app';
export type { BookInfo, RecentBook, BookCounts } from './book';
export type * from './imports';
export type * from './ledger';
export type * from './backup';
export type * from './reconcile';
export type * from './disputes';
export type * from './charts';
export type * from './close';

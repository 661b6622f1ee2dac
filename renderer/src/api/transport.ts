/**
 * How the renderer reaches the services. Two transports implement one `Transport`:
 * the desktop preload (`window.feetrail`, IPC) and the browser host (HTTP on 127.0.0.1 with a token).
 * Everything is typed by the contract in shared/api: call names, inputs and replies.
 */
import type { ApiInput, DesktopContract, FileRef } from '../../../shared/api/contract';
import type { Invoker } from '../../../shared/api/define';
import type { AppError, Result } from '../../../shared/result';

export type TransportKind = 'desktop' | 'web';
export type PickFilter = ApiInput<'dialog:openFiles'>['filter'];
export type SaveFilter = ApiInput<'dialog:saveFile'>['filter'];

/**
 * Where a file the user saves goes. Desktop: the user picked a place (`target`, which the service
 * writes to) or cancelled. Browser: the service writes a file the host keeps, and the renderer then
 * calls `download` with the FileRef the service returns.
 */
export type SaveTarget = { kind: 'target'; file: FileRef } | { kind: 'cancelled' } | { kind: 'download' };

export type Transport = {
  readonly kind: TransportKind;
  /** Every call of the contract. In the browser the desktop-only `dialog:*` calls answer `unknown_call`. */
  readonly invoke: Invoker<DesktopContract>;
  /** Lets the user choose files (native dialog or upload); `ok([])` when they cancel. */
  pickFiles: (options: { filter: PickFilter; multiple: boolean }) => Promise<Result<FileRef[]>>;
  /** Asks where to save a file the services will write. */
  saveFile: (options: { filter: SaveFilter; suggestedName: string }) => Promise<Result<SaveTarget>>;
  /** Hands a file the services wrote to the user (browser: a download; desktop: already saved). */
  download: (file: FileRef) => void;
};

/**
 * Problems of the transport itself (host gone, token refused, garbled reply). They travel as the
 * `internal` code with a `transport` detail, so the UI can say exactly what happened.
 */
export type TransportProblem =
  'unreachable' | 'unauthorized' | 'bad_reply' | 'upload_failed' | 'unsupported_here';

export function transportError<T>(problem: TransportProblem, extra: Record<string, unknown> = {}): Result<T> {
  return {
    ok: false,
    error: {
      code: 'internal',
      message: `Transport problem: ${problem}`,
      details: { transport: problem, ...extra },
    },
  };
}

export function transportProblemOf(error: AppError): TransportProblem | null {
  const problem = error.details?.['transport'];
  switch (problem) {
    case 'unreachable':
    case 'unauthorized':
    case 'bad_reply':
    case 'upload_failed':
    case 'unsupported_here':
      return problem;
    default:
      return null;
  }
}

/** True when `value` has the shape of a `Result` (replies from the host are JSON we did not type). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

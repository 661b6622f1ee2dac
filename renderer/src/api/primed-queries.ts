import type { ApiInput, ApiOutput, DesktopCallName } from '../../../shared/api/contract';
import type { Result } from '../../../shared/result';
import type { Transport } from './transport';

/**
 * Read calls started before the page that asks them mounts: a press on a navigation link starts the
 * page's first calls (NavBar), so the book answers while the click completes and the page's code runs,
 * instead of after the page's first render. useApiQuery takes a primed call for its first question
 * rather than asking again.
 *
 * A primed answer is as of the press. It serves only a page mounted within PRIMED_FOR_MS of it (a press
 * that became a click) and only once; a press that never became a click leaves an entry that the next
 * press replaces.
 */
const PRIMED_FOR_MS = 2_000;

type Primed = { key: string; at: number; answer: Promise<Result<unknown>>; settled: Result<unknown> | null };

/** What a mounting query takes: the call under way, and its answer when it has already come. */
export type PrimedQuery<T> = { answer: Promise<Result<T>>; settled: Result<T> | null };

let primed: Primed[] = [];

function primedKey(name: DesktopCallName, inputKey: string, refreshKey: string | number | null): string {
  return JSON.stringify([name, inputKey, refreshKey]);
}

/**
 * Starts the calls a page is about to ask, replacing whatever an earlier press primed. `refreshKey` is
 * the one the page's useApiQuery passes (the book's revision): an answer primed for another book state
 * is never taken.
 */
export function primeQueries(
  api: Transport,
  refreshKey: string | number | null,
  calls: readonly { [K in DesktopCallName]: { name: K; input: ApiInput<K> } }[DesktopCallName][],
): void {
  const at = performance.now();
  primed = calls.map((call): Primed => {
    // The union of calls cannot be narrowed to one K here; each input is its own call's.
    const invoke = api.invoke as (name: DesktopCallName, input: unknown) => Promise<Result<unknown>>;
    const entry: Primed = {
      key: primedKey(call.name, JSON.stringify(call.input), refreshKey),
      at,
      answer: invoke(call.name, call.input),
      settled: null,
    };
    // A rejected call is the page's to report: useApiQuery handles the rejection of the promise it takes.
    entry.answer.then(
      (result) => (entry.settled = result),
      () => undefined,
    );
    return entry;
  });
}

/** The call primed for this question, if one is fresh; taken (a second mount asks the book again). */
export function takePrimedQuery<K extends DesktopCallName>(
  name: K,
  inputKey: string,
  refreshKey: string | number | null,
): PrimedQuery<ApiOutput<K>> | null {
  const key = primedKey(name, inputKey, refreshKey);
  const found = primed.find((p) => p.key === key && performance.now() - p.at <= PRIMED_FOR_MS);
  if (found === undefined) return null;
  primed = primed.filter((p) => p !== found);
  // The key holds the call's name, so the answer is this call's output.
  return found as unknown as PrimedQuery<ApiOutput<K>>;
}

/**
 * The one dispatcher every door calls: validate the request with the contract's zod schema, run the
 * handler, and turn whatever happens into a `Result`. No exception and no stack trace leaves here.
 */
import type { CallMap, OutputOf, ParsedInputOf } from '../../shared/api/define';
import type { Result } from '../../shared/result';
import { err, isFeeTrailError, ok } from '../../shared/result';

export type HandlerMap<M extends CallMap> = {
  [K in keyof M & string]: (input: ParsedInputOf<M[K]>) => Promise<OutputOf<M[K]>> | OutputOf<M[K]>;
};

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export type DispatchOptions = {
  /** Where unexpected errors are reported (a log file, stderr); the user only sees the code. */
  onInternalError?: (name: string, error: unknown) => void;
};

export function createDispatcher<M extends CallMap>(
  contract: M,
  handlers: HandlerMap<M>,
  options: DispatchOptions = {},
): Dispatch {
  return async (name, input) => {
    if (!Object.prototype.hasOwnProperty.call(contract, name)) {
      return err('unknown_call', `Unknown call: ${name}`, { name });
    }
    const spec = contract[name as keyof M & string] as M[keyof M & string];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return err('invalid_input', `Invalid request for ${name}`, {
        name,
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      });
    }
    try {
      const handler = handlers[name as keyof M & string];
      const value = await handler(parsed.data as ParsedInputOf<M[keyof M & string]>);
      return ok(value);
    } catch (e) {
      if (isFeeTrailError(e)) return { ok: false, error: e.toAppError() };
      options.onInternalError?.(name, e);
      return err(
        'internal',
        'Something went wrong inside FeeTrail. The book was not changed by this request.',
        {
          name,
        },
      );
    }
  };
}

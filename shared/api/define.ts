import type { z } from 'zod';
import type { Result } from '../result';

/**
 * One call of the API: a zod schema for its request and a phantom type for its reply.
 * Replies are not re-validated: they come from our own services, not from outside.
 */
export type CallSpec<I extends z.ZodType = z.ZodType, O = unknown> = {
  readonly input: I;
  readonly output?: O;
};

/** `call<Reply>()(requestSchema)`: curried so the reply type can be given while the schema is inferred. */
export function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });
}

export type CallMap = Record<string, CallSpec>;

export type InputOf<S> = S extends CallSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends CallSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<S> = S extends CallSpec<z.ZodType, infer O> ? O : never;

/** The typed client every transport (preload IPC, HTTP host, in-process) implements. */
export type Invoker<M extends CallMap> = <K extends keyof M & string>(
  name: K,
  input: InputOf<M[K]>,
) => Promise<Result<OutputOf<M[K]>>>;

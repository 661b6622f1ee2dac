import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { Result } from '../../shared/result';
import { primeQueries, takePrimedQuery } from '../../renderer/src/api/primed-queries';
import type { Transport } from '../../renderer/src/api/transport';

/** A transport that records the calls asked and answers each with its own input, echoed. */
function echoTransport(): { api: Transport; asked: string[] } {
  const asked: string[] = [];
  const api: Transport = {
    kind: 'web',
    invoke: (name, input) => {
      asked.push(name);
      // The echo stands for the call's output: these tests only look at which answer is handed over.
      return Promise.resolve({ ok: true, value: input } as unknown as Result<never>);
    },
    pickFiles: () => Promise.resolve({ ok: true, value: [] }),
    saveFile: () => Promise.resolve({ ok: true, value: { kind: 'cancelled' } }),
    download: () => undefined,
  };
  return { api, asked };
}

const series: ApiInput<'charts:series'> = { from: '2026-08-01', to: '2026-08-31', granularity: 'day' };
const key = JSON.stringify(series);

describe('calls primed by a press on a navigation link', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are asked once and handed, answered, to the page that mounts with the same question', async () => {
    const { api, asked } = echoTransport();
    primeQueries(api, 3, [
      { name: 'charts:series', input: series },
      { name: 'charts:findings', input: { from: series.from, to: series.to } },
    ]);
    expect(asked).toEqual(['charts:series', 'charts:findings']);
    await Promise.resolve();
    const taken = takePrimedQuery('charts:series', key, 3);
    expect(taken?.settled).toEqual({ ok: true, value: series });
    expect(await taken?.answer).toEqual({ ok: true, value: series });
    // Taken once: a second mount asks the book again.
    expect(takePrimedQuery('charts:series', key, 3)).toBeNull();
    expect(asked).toHaveLength(2);
  });

  it('serve no other question, no other book state, and no page mounted long after the press', () => {
    const { api } = echoTransport();
    primeQueries(api, 3, [{ name: 'charts:series', input: series }]);
    expect(takePrimedQuery('charts:series', JSON.stringify({ ...series, channel: 'card' }), 3)).toBeNull();
    expect(takePrimedQuery('charts:series', key, 4)).toBeNull();
    const pressedAt = performance.now();
    vi.spyOn(performance, 'now').mockReturnValue(pressedAt + 5_000);
    expect(takePrimedQuery('charts:series', key, 3)).toBeNull();
  });

  it('are replaced by the next press', () => {
    const { api } = echoTransport();
    primeQueries(api, 3, [{ name: 'charts:series', input: series }]);
    primeQueries(api, 3, [{ name: 'charts:findings', input: { from: series.from, to: series.to } }]);
    expect(takePrimedQuery('charts:series', key, 3)).toBeNull();
  });
});

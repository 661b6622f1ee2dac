import { CHANNELS } from '../../../shared/domain/types';
import type { Channel } from '../../../shared/domain/types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Filters another page linked to (`#/transactions?from=2026-08-24&to=2026-08-24&channel=alipay`),
 * read once when the page opens. Anything malformed is ignored.
 */
export function linkedTxnFilter(hash: string = window.location.hash): {
  range: { from: string; to: string } | null;
  channel: Channel | null;
} {
  const q = new URLSearchParams(hash.split('?')[1] ?? '');
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  const channel = q.get('channel') ?? '';
  return {
    range: DATE.test(from) && DATE.test(to) && from <= to ? { from, to } : null,
    channel: (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : null,
  };
}

/** The book's rate cards, stored as their documented JSON (docs/RATE-CARD.md). */
import type { RateCard } from '../../shared/domain/rate-card';
import { parseRateCardJson, rateCardToJson } from '../../shared/domain/rate-card';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import type { Book } from './book';
import { appendAudit } from './audit-repo';

export type StoredRateCard = { id: number; card: RateCard; updatedAt: string };

export function listRateCards(book: Book): StoredRateCard[] {
  const rows = book.db
    .prepare('SELECT id, card_json AS cardJson, updated_at AS updatedAt FROM rate_cards ORDER BY id')
    .all() as {
    id: number;
    cardJson: string;
    updatedAt: string;
  }[];
  return rows.flatMap((r) => {
    const parsed = parseRateCardJson(JSON.parse(r.cardJson));
    return parsed.ok ? [{ id: r.id, card: parsed.value, updatedAt: r.updatedAt }] : [];
  });
}

/** A new book's card is "拉卡拉标准"; a book without any card gets it on first use. */
export function ensureDefaultRateCard(book: Book, at: string): void {
  const n = book.db.prepare('SELECT count(*) FROM rate_cards').pluck().get() as number;
  if (n > 0) return;
  saveRateCard(book, rateCardTemplate('lakala_standard'), at);
}

/**
 * Save a card: one with the same name and scope is replaced (its versions are the card's history),
 * otherwise it is added.
 */
export function saveRateCard(book: Book, card: RateCard, at: string): StoredRateCard {
  const json = JSON.stringify(rateCardToJson(card));
  const same = listRateCards(book).find(
    (c) =>
      c.card.name === card.name &&
      (c.card.scope?.merchantNo ?? null) === (card.scope?.merchantNo ?? null) &&
      (c.card.scope?.terminalId ?? null) === (card.scope?.terminalId ?? null),
  );
  let id: number;
  if (same) {
    book.db
      .prepare('UPDATE rate_cards SET name = ?, card_json = ?, updated_at = ? WHERE id = ?')
      .run(card.name, json, at, same.id);
    id = same.id;
  } else {
    id = Number(
      book.db
        .prepare('INSERT INTO rate_cards(name, card_json, updated_at) VALUES (?, ?, ?)')
        .run(card.name, json, at).lastInsertRowid,
    );
  }
  appendAudit(book, at, 'rates.saved', { id, name: card.name, versions: card.versions.length });
  return { id, card, updatedAt: at };
}

export function deleteRateCard(book: Book, id: number, at: string): boolean {
  const ok = book.db.prepare('DELETE FROM rate_cards WHERE id = ?').run(id).changes > 0;
  if (ok) appendAudit(book, at, 'rates.deleted', { id });
  return ok;
}

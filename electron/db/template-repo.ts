/** Saved column mappings ("templates"), found again by the header signature of a file's layout. */
import type { MappingTemplateInfo, SourceKind } from '../../shared/api/imports';
import type { ColumnMapping } from '../../shared/import/mapping-schema';
import { columnMappingSchema } from '../../shared/import/mapping-schema';
import type { Book } from './book';

type Row = Omit<MappingTemplateInfo, 'headers'> & { mappingJson: string };

/** The template's columns, with when an import last used it (import_batches.template_id). */
const COLUMNS = `id, name, kind, header_signature AS headerSignature, created_at AS createdAt,
  updated_at AS updatedAt, mapping_json AS mappingJson,
  (SELECT max(b.imported_at) FROM import_batches b WHERE b.template_id = mapping_templates.id) AS lastUsedAt`;

/** Header texts of a stored mapping (validated when saved; a damaged one lists no headers). */
function headersOf(mappingJson: string): string[] {
  const parsed = columnMappingSchema.safeParse(JSON.parse(mappingJson));
  return parsed.success ? parsed.data.headers : [];
}

function info(r: Row): MappingTemplateInfo {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    headerSignature: r.headerSignature,
    headers: headersOf(r.mappingJson),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    lastUsedAt: r.lastUsedAt,
  };
}

export function listTemplates(book: Book): MappingTemplateInfo[] {
  return (book.db.prepare(`SELECT ${COLUMNS} FROM mapping_templates ORDER BY name`).all() as Row[]).map(info);
}

export function getTemplate(
  book: Book,
  id: number,
): { info: MappingTemplateInfo; mapping: ColumnMapping } | undefined {
  const r = book.db.prepare(`SELECT ${COLUMNS} FROM mapping_templates WHERE id = ?`).get(id) as
    Row | undefined;
  return r ? { info: info(r), mapping: columnMappingSchema.parse(JSON.parse(r.mappingJson)) } : undefined;
}

/** The most recently saved template for this layout and kind. */
export function findTemplateBySignature(
  book: Book,
  signature: string,
  kind?: SourceKind,
): { info: MappingTemplateInfo; mapping: ColumnMapping } | undefined {
  const r = (
    kind
      ? book.db
          .prepare(
            `SELECT ${COLUMNS} FROM mapping_templates WHERE header_signature = ? AND kind = ? ORDER BY updated_at DESC, id DESC LIMIT 1`,
          )
          .get(signature, kind)
      : book.db
          .prepare(
            `SELECT ${COLUMNS} FROM mapping_templates WHERE header_signature = ? ORDER BY updated_at DESC, id DESC LIMIT 1`,
          )
          .get(signature)
  ) as Row | undefined;
  if (!r) return undefined;
  const parsed = columnMappingSchema.safeParse(JSON.parse(r.mappingJson));
  return parsed.success ? { info: info(r), mapping: parsed.data } : undefined;
}

/** Save (or replace, by name) a template. */
export function saveTemplate(
  book: Book,
  name: string,
  mapping: ColumnMapping,
  at: string,
): MappingTemplateInfo {
  book.db
    .prepare(
      `INSERT INTO mapping_templates(name, kind, header_signature, mapping_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, header_signature = excluded.header_signature,
         mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
    )
    .run(name, mapping.kind, mapping.signature, JSON.stringify(mapping), at, at);
  const r = book.db.prepare(`SELECT ${COLUMNS} FROM mapping_templates WHERE name = ?`).get(name) as Row;
  return info(r);
}

export function deleteTemplate(book: Book, id: number): boolean {
  return book.db.prepare('DELETE FROM mapping_templates WHERE id = ?').run(id).changes > 0;
}

export function getTemplateByName(
  book: Book,
  name: string,
): { info: MappingTemplateInfo; mapping: ColumnMapping } | undefined {
  const id = book.db.prepare('SELECT id FROM mapping_templates WHERE name = ?').pluck().get(name) as
    number | undefined;
  return id === undefined ? undefined : getTemplate(book, id);
}

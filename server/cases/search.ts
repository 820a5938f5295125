import { sql, type Expression, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DialectKind } from '../../db/dialects';
import type { Database } from '../../db/schema';

/** The reports a query starts from, and what orders them newest first. */
export interface SearchSource {
  reports: SelectQueryBuilder<Database, 'reports', object>;
  /** Ids are assigned on receipt, so id order is receipt order; on SQLite the index's rowid is the same id. */
  newestFirst: Expression<number>;
}

/**
 * The only dialect-specific part of the inbox: full-text search over the anonymised text. Both
 * implementations take the same words and answer "reports containing every word, as a word prefix".
 */
export interface ReportTextSearch {
  /** `reports`, narrowed to those whose text holds every word from `searchTerms` (all of them for none). */
  source(terms: string[]): SearchSource;
  /** Makes text that was just removed from reports unrecoverable from the index and the database files. */
  purgeRemovedText(): Promise<void>;
}

const MAX_TERMS = 8;

/**
 * What a person typed, reduced to words of letters and digits: quotes, operators and SQL are not words, so
 * nothing typed can change the query's structure (it is bound as a parameter as well).
 */
export function searchTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export function createReportTextSearch(db: Kysely<Database>, dialect: DialectKind): ReportTextSearch {
  return dialect === 'postgres' ? postgresSearch(db) : sqliteSearch(db, { ownsFile: dialect === 'sqlite' });
}

/**
 * FTS5 (SQLite and D1): each word quoted as a phrase with a prefix star; words are implicitly AND-ed.
 * The index is joined, not asked for a list of ids: it hands out its matches one at a time in rowid order,
 * so a page (ordered by that rowid) or a capped count stops after the rows it needs, where `id in (…)` would
 * first collect every match of a common word.
 * `ownsFile`: the database is a file of ours (SQLite), not storage run by Cloudflare (D1).
 */
function sqliteSearch(db: Kysely<Database>, { ownsFile }: { ownsFile: boolean }): ReportTextSearch {
  const withIndex = db.withTables<{ reports_fts: { rowid: number } }>();
  return {
    source(terms) {
      if (terms.length === 0) return everyReport(db);
      const match = terms.map((t) => `"${t}"*`).join(' ');
      const reports = withIndex
        .selectFrom('reports')
        .innerJoin('reports_fts', 'reports_fts.rowid', 'reports.id')
        .where(sql<boolean>`reports_fts match ${match}`);
      // The joined index adds no column a caller reads: to them it is a query on reports.
      return { reports: reports as unknown as SearchSource['reports'], newestFirst: sql.ref('reports_fts.rowid') };
    },
    async purgeRemovedText() {
      // The index removes a deleted text's entries in place (FTS5 "secure-delete", migration 0007), and
      // secure_delete zeroes freed pages; the checkpoint moves everything out of the write-ahead log.
      if (ownsFile) await sql`pragma wal_checkpoint(truncate)`.execute(db);
    },
  };
}

function everyReport(db: Kysely<Database>): SearchSource {
  return { reports: db.selectFrom('reports'), newestFirst: sql.ref('reports.id') };
}

/** A generated tsvector ('simple': no stemming for ten languages) with a GIN index; `:*` for prefixes. */
function postgresSearch(db: Kysely<Database>): ReportTextSearch {
  return {
    source(terms) {
      if (terms.length === 0) return everyReport(db);
      const query = terms.map((t) => `${t}:*`).join(' & ');
      return {
        reports: db.selectFrom('reports').where(sql<boolean>`reports.search_vector @@ to_tsquery('simple', ${query})`),
        newestFirst: sql.ref('reports.id'),
      };
    },
    async purgeRemovedText() {
      // The old row version (and its index entries) is dead after the update; vacuum reclaims it now
      // rather than whenever autovacuum comes by. Evidence bytes live in evidence_blobs on PostgreSQL.
      await sql`vacuum reports, report_messages, report_translations, report_notes, report_evidence, evidence_blobs`.execute(
        db,
      );
    },
  };
}

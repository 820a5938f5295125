import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DialectKind } from '../../db/dialects';
import type { Database } from '../../db/schema';

/**
 * The only dialect-specific part of the inbox: full-text search over the anonymised text. Both
 * implementations take the same words and answer "reports containing every word, as a word prefix".
 */
export interface ReportTextSearch {
  /** A condition on `reports.id`, for words from `searchTerms`. */
  matches(terms: string[]): Expression<SqlBool>;
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
 * `ownsFile`: the database is a file of ours (SQLite), not storage run by Cloudflare (D1).
 */
function sqliteSearch(db: Kysely<Database>, { ownsFile }: { ownsFile: boolean }): ReportTextSearch {
  return {
    matches(terms) {
      const match = terms.map((t) => `"${t}"*`).join(' ');
      return sql<SqlBool>`reports.id in (select rowid from reports_fts where reports_fts match ${match})`;
    },
    async purgeRemovedText() {
      // FTS5 records deletions as markers in new segments; only merging rewrites the old segments away.
      // secure_delete zeroes the freed pages; the checkpoint moves everything out of the write-ahead log.
      await sql`insert into reports_fts(reports_fts) values ('optimize')`.execute(db);
      if (ownsFile) await sql`pragma wal_checkpoint(truncate)`.execute(db);
    },
  };
}

/** A generated tsvector ('simple': no stemming for ten languages) with a GIN index; `:*` for prefixes. */
function postgresSearch(db: Kysely<Database>): ReportTextSearch {
  return {
    matches(terms) {
      const query = terms.map((t) => `${t}:*`).join(' & ');
      return sql<SqlBool>`reports.search_vector @@ to_tsquery('simple', ${query})`;
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include "gloss-store-private.h"

/*
 * The schema as an ordered list of migrations: step N turns a version N-1
 * library into version N.  Never edit a step that has shipped; add one.
 * tests/core/test-store.c opens a library of every older version.
 */

static const GlossStoreMigration migrations[] = {
  { 1,
    "CREATE TABLE articles ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL DEFAULT '',"
    "  byline TEXT,"
    "  site_name TEXT,"
    "  url TEXT,"
    "  published TEXT,"
    "  language TEXT,"
    "  source_kind TEXT NOT NULL CHECK (source_kind IN ('html', 'text')),"
    "  source_name TEXT,"
    "  source BLOB NOT NULL,"               /* zlib-compressed original bytes */
    "  source_size INTEGER NOT NULL,"
    "  source_sha256 TEXT NOT NULL UNIQUE,"
    "  extractor_version INTEGER NOT NULL,"
    "  imported_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  read_position INTEGER NOT NULL DEFAULT 0,"
    "  unread INTEGER NOT NULL DEFAULT 1,"
    "  archived INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE TABLE article_versions ("     /* earlier copies an update replaced */
    "  id INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  source_kind TEXT NOT NULL,"
    "  source_name TEXT,"
    "  source BLOB NOT NULL,"
    "  source_size INTEGER NOT NULL,"
    "  source_sha256 TEXT NOT NULL,"
    "  extractor_version INTEGER NOT NULL,"
    "  replaced_at TEXT NOT NULL"
    ");"
    "CREATE INDEX article_versions_by_article ON article_versions (article);"
    "CREATE TABLE blocks ("
    "  article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  PRIMARY KEY (article, idx)"
    ") WITHOUT ROWID;"
    "CREATE TABLE annotations ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('claim', 'denial', 'evidence', 'question')),"
    "  start_block INTEGER NOT NULL CHECK (start_block >= 0),"
    "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
    "  end_block INTEGER NOT NULL CHECK (end_block >= start_block),"
    "  end_offset INTEGER NOT NULL CHECK (end_offset >= 0),"
    "  exact TEXT NOT NULL,"
    "  prefix TEXT NOT NULL DEFAULT '',"
    "  suffix TEXT NOT NULL DEFAULT '',"
    "  state TEXT NOT NULL DEFAULT 'anchored'"
    "    CHECK (state IN ('anchored', 'moved', 'orphaned')),"
    "  note TEXT,"
    "  speaker TEXT,"
    "  verdict TEXT CHECK ((kind = 'claim' AND verdict IN ('unrated', 'true', 'mostly-true',"
    "    'mixed', 'mostly-false', 'false', 'unverifiable')) OR (kind <> 'claim' AND verdict IS NULL)),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ");"
    "CREATE INDEX annotations_by_position ON annotations (article, start_block, start_offset);"
    "CREATE TABLE annotation_links ("
    "  from_annotation INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,"
    "  to_annotation INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,"
    "  relation TEXT NOT NULL CHECK (relation IN ('responds-to', 'supports', 'contradicts')),"
    "  CHECK (from_annotation <> to_annotation),"
    "  PRIMARY KEY (from_annotation, to_annotation, relation)"
    ") WITHOUT ROWID;"
    "CREATE INDEX annotation_links_to ON annotation_links (to_annotation);"
  },
  /* Annotations imported from other tools keep the id they had there
   * (a Hypothesis id, a Web Annotation IRI), so a second import of the
   * same file recognises them instead of adding copies. */
  { 2,
    "ALTER TABLE annotations ADD COLUMN source_id TEXT;"
    "CREATE UNIQUE INDEX annotations_by_source_id ON annotations (source_id)"
    "  WHERE source_id IS NOT NULL;"
  },
  /* The library at scale (issue 4).  Full-text search: articles_fts holds
   * one row per article (rowid = article id; title, then the blocks joined
   * by U+001E so a match maps back to its block) and keeps its own copy of
   * the text, written by the store's article write paths
   * (gloss_store_index_article); annotations_fts indexes the annotations
   * table itself (external content) and triggers keep it in step with
   * every write, including the cascade when an article goes.  Accents and
   * case are folded; two- and three-letter prefixes are indexed for
   * search-as-you-type.  The listing reads n_blocks and n_words instead of
   * the blocks; read_position is the block and read_offset the code point
   * inside it where reading stopped. */
  { 3,
    "ALTER TABLE articles ADD COLUMN n_blocks INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE articles ADD COLUMN n_words INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE articles ADD COLUMN read_offset INTEGER NOT NULL DEFAULT 0;"
    "UPDATE articles SET"
    "  n_blocks = (SELECT count(*) FROM blocks WHERE article = articles.id),"
    "  n_words = (SELECT coalesce(sum(length(text) - length(replace(text, ' ', '')) + 1), 0)"
    "             FROM blocks WHERE article = articles.id AND text <> '');"
    "CREATE INDEX annotations_by_article_kind ON annotations (article, kind);"
    "CREATE INDEX articles_by_imported ON articles (imported_at);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body,"
    "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
    "INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');"
    "INSERT INTO articles_fts (rowid, title, body)"
    "  SELECT a.id, a.title, (SELECT group_concat(text, char(30))"
    "                         FROM (SELECT text FROM blocks WHERE article = a.id ORDER BY idx))"
    "  FROM articles a;"
    "CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN"
    "  DELETE FROM articles_fts WHERE rowid = old.id;"
    "END;"
    "CREATE TRIGGER articles_fts_after_title AFTER UPDATE OF title ON articles"
    "  WHEN old.title IS NOT new.title BEGIN"
    "  UPDATE articles_fts SET title = new.title WHERE rowid = new.id;"
    "END;"
    "CREATE VIRTUAL TABLE annotations_fts USING fts5 (exact, note, speaker,"
    "  content = 'annotations', content_rowid = 'id',"
    "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
    "INSERT INTO annotations_fts (annotations_fts) VALUES ('rebuild');"
    "CREATE TRIGGER annotations_fts_after_insert AFTER INSERT ON annotations BEGIN"
    "  INSERT INTO annotations_fts (rowid, exact, note, speaker)"
    "    VALUES (new.id, new.exact, new.note, new.speaker);"
    "END;"
    "CREATE TRIGGER annotations_fts_after_delete AFTER DELETE ON annotations BEGIN"
    "  INSERT INTO annotations_fts (annotations_fts, rowid, exact, note, speaker)"
    "    VALUES ('delete', old.id, old.exact, old.note, old.speaker);"
    "END;"
    "CREATE TRIGGER annotations_fts_after_update AFTER UPDATE OF exact, note, speaker"
    "  ON annotations BEGIN"
    "  INSERT INTO annotations_fts (annotations_fts, rowid, exact, note, speaker)"
    "    VALUES ('delete', old.id, old.exact, old.note, old.speaker);"
    "  INSERT INTO annotations_fts (rowid, exact, note, speaker)"
    "    VALUES (new.id, new.exact, new.note, new.speaker);"
    "END;"
  },
  /* The listing reads every article's row; the compressed original sits in
   * the middle of it, so reading the columns after it walks the blob's
   * overflow pages.  This covering index holds what the listing reads, so
   * the library list never touches the originals. */
  { 4,
    "CREATE INDEX articles_listing ON articles (imported_at, id, uuid, title, byline, site_name,"
    "  url, published, source_name, unread, archived, n_blocks, n_words, read_position,"
    "  read_offset);"
  },
  /* Ids are never handed out twice.  Without AUTOINCREMENT, SQLite gives a
   * new row the largest id plus one, so deleting the newest article (or
   * annotation, or earlier version) and then adding another reused its
   * id, and Undo, which puts the deleted rows back with their ids, was
   * refused; links remembered for an annotation's Undo could name the
   * newcomer.  A column cannot become AUTOINCREMENT in place, so the three
   * tables whose ids are handed out and restored are rebuilt the way the
   * SQLite manual describes (lang_altertable.html, "other kinds of table
   * schema changes"): with foreign keys off (migrate() in gloss-store.c),
   * create each new table, copy every row with its id, drop the old one,
   * rename the new one into its place, then recreate the indexes and
   * triggers the drop took with it; foreign_key_check runs before the
   * commit.  Copying the ids sets sqlite_sequence to the largest one (an
   * id deleted before the upgrade, above all that remain, can come once
   * more: harmless, since no Undo outlives the program that offered it).
   * blocks and annotation_links have no ids of their own; the search
   * tables keep their rows, keyed by the same ids. */
  { 5,
    "CREATE TABLE new_articles ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL DEFAULT '',"
    "  byline TEXT,"
    "  site_name TEXT,"
    "  url TEXT,"
    "  published TEXT,"
    "  language TEXT,"
    "  source_kind TEXT NOT NULL CHECK (source_kind IN ('html', 'text')),"
    "  source_name TEXT,"
    "  source BLOB NOT NULL,"
    "  source_size INTEGER NOT NULL,"
    "  source_sha256 TEXT NOT NULL UNIQUE,"
    "  extractor_version INTEGER NOT NULL,"
    "  imported_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  read_position INTEGER NOT NULL DEFAULT 0,"
    "  unread INTEGER NOT NULL DEFAULT 1,"
    "  archived INTEGER NOT NULL DEFAULT 0,"
    "  n_blocks INTEGER NOT NULL DEFAULT 0,"
    "  n_words INTEGER NOT NULL DEFAULT 0,"
    "  read_offset INTEGER NOT NULL DEFAULT 0"
    ");"
    "INSERT INTO new_articles (id, uuid, title, byline, site_name, url, published, language,"
    "  source_kind, source_name, source, source_size, source_sha256, extractor_version,"
    "  imported_at, updated_at, read_position, unread, archived, n_blocks, n_words, read_offset)"
    "  SELECT id, uuid, title, byline, site_name, url, published, language, source_kind,"
    "    source_name, source, source_size, source_sha256, extractor_version, imported_at,"
    "    updated_at, read_position, unread, archived, n_blocks, n_words, read_offset"
    "  FROM articles;"
    "CREATE TABLE new_article_versions ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  source_kind TEXT NOT NULL,"
    "  source_name TEXT,"
    "  source BLOB NOT NULL,"
    "  source_size INTEGER NOT NULL,"
    "  source_sha256 TEXT NOT NULL,"
    "  extractor_version INTEGER NOT NULL,"
    "  replaced_at TEXT NOT NULL"
    ");"
    "INSERT INTO new_article_versions (id, article, source_kind, source_name, source,"
    "  source_size, source_sha256, extractor_version, replaced_at)"
    "  SELECT id, article, source_kind, source_name, source, source_size, source_sha256,"
    "    extractor_version, replaced_at"
    "  FROM article_versions;"
    "CREATE TABLE new_annotations ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('claim', 'denial', 'evidence', 'question')),"
    "  start_block INTEGER NOT NULL CHECK (start_block >= 0),"
    "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
    "  end_block INTEGER NOT NULL CHECK (end_block >= start_block),"
    "  end_offset INTEGER NOT NULL CHECK (end_offset >= 0),"
    "  exact TEXT NOT NULL,"
    "  prefix TEXT NOT NULL DEFAULT '',"
    "  suffix TEXT NOT NULL DEFAULT '',"
    "  state TEXT NOT NULL DEFAULT 'anchored'"
    "    CHECK (state IN ('anchored', 'moved', 'orphaned')),"
    "  note TEXT,"
    "  speaker TEXT,"
    "  verdict TEXT CHECK ((kind = 'claim' AND verdict IN ('unrated', 'true', 'mostly-true',"
    "    'mixed', 'mostly-false', 'false', 'unverifiable')) OR (kind <> 'claim' AND verdict IS NULL)),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  source_id TEXT"
    ");"
    "INSERT INTO new_annotations (id, uuid, article, kind, start_block, start_offset, end_block,"
    "  end_offset, exact, prefix, suffix, state, note, speaker, verdict, created_at, updated_at,"
    "  source_id)"
    "  SELECT id, uuid, article, kind, start_block, start_offset, end_block, end_offset, exact,"
    "    prefix, suffix, state, note, speaker, verdict, created_at, updated_at, source_id"
    "  FROM annotations;"
    /* Dropping a table takes its indexes and triggers with it; with
     * foreign keys off nothing cascades, so blocks, links and versions
     * stay.  The new tables take the old names only after every old one
     * is gone, so no reference anywhere is rewritten. */
    "DROP TABLE annotations;"
    "DROP TABLE article_versions;"
    "DROP TABLE articles;"
    "ALTER TABLE new_articles RENAME TO articles;"
    "ALTER TABLE new_article_versions RENAME TO article_versions;"
    "ALTER TABLE new_annotations RENAME TO annotations;"
    "CREATE INDEX articles_by_imported ON articles (imported_at);"
    "CREATE INDEX articles_listing ON articles (imported_at, id, uuid, title, byline, site_name,"
    "  url, published, source_name, unread, archived, n_blocks, n_words, read_position,"
    "  read_offset);"
    "CREATE INDEX article_versions_by_article ON article_versions (article);"
    "CREATE INDEX annotations_by_position ON annotations (article, start_block, start_offset);"
    "CREATE UNIQUE INDEX annotations_by_source_id ON annotations (source_id)"
    "  WHERE source_id IS NOT NULL;"
    "CREATE INDEX annotations_by_article_kind ON annotations (article, kind);"
    "CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN"
    "  DELETE FROM articles_fts WHERE rowid = old.id;"
    "END;"
    "CREATE TRIGGER articles_fts_after_title AFTER UPDATE OF title ON articles"
    "  WHEN old.title IS NOT new.title BEGIN"
    "  UPDATE articles_fts SET title = new.title WHERE rowid = new.id;"
    "END;"
    "CREATE TRIGGER annotations_fts_after_insert AFTER INSERT ON annotations BEGIN"
    "  INSERT INTO annotations_fts (rowid, exact, note, speaker)"
    "    VALUES (new.id, new.exact, new.note, new.speaker);"
    "END;"
    "CREATE TRIGGER annotations_fts_after_delete AFTER DELETE ON annotations BEGIN"
    "  INSERT INTO annotations_fts (annotations_fts, rowid, exact, note, speaker)"
    "    VALUES ('delete', old.id, old.exact, old.note, old.speaker);"
    "END;"
    "CREATE TRIGGER annotations_fts_after_update AFTER UPDATE OF exact, note, speaker"
    "  ON annotations BEGIN"
    "  INSERT INTO annotations_fts (annotations_fts, rowid, exact, note, speaker)"
    "    VALUES ('delete', old.id, old.exact, old.note, old.speaker);"
    "  INSERT INTO annotations_fts (rowid, exact, note, speaker)"
    "    VALUES (new.id, new.exact, new.note, new.speaker);"
    "END;"
  },
  /* Versions with their provenance (issue 15).  provenance is a JSON
   * object (GlossProvenance: the link asked for, the final address, when,
   * the HTTP status and headers, the SHA-256 of the bytes); NULL for a
   * file imported from disk.  version_at is when the current text came in,
   * stored_at when an earlier version did (worked out here from the
   * replacement times, the first version from the import).  An annotation
   * moved onto changed words keeps the words it was made or rated on in
   * rated_exact (NULL while they are still its words); needs_review marks
   * a verdict on words that changed since, until the user confirms it. */
  { 6,
    "ALTER TABLE articles ADD COLUMN provenance TEXT;"
    "ALTER TABLE articles ADD COLUMN version_at TEXT;"
    "ALTER TABLE article_versions ADD COLUMN provenance TEXT;"
    "ALTER TABLE article_versions ADD COLUMN stored_at TEXT;"
    "ALTER TABLE annotations ADD COLUMN rated_exact TEXT;"
    "ALTER TABLE annotations ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0;"
    "UPDATE articles SET version_at = coalesce("
    "  (SELECT max(replaced_at) FROM article_versions WHERE article = articles.id), imported_at);"
    "UPDATE article_versions SET stored_at = coalesce("
    "  (SELECT max(older.replaced_at) FROM article_versions older"
    "   WHERE older.article = article_versions.article AND older.id < article_versions.id),"
    "  (SELECT imported_at FROM articles WHERE id = article_versions.article));"
    "CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;"
  },
  /* Team libraries (issue 14, src/core/team): the library stays the
   * working copy and these tables hold what syncing needs.  team_libraries:
   * a server library this one syncs with (its libpq connection string,
   * never a password) and the server version pulled so far; team_shared:
   * the articles (by uuid) shared to it; team_synced: the last copy of each
   * article, annotation and link agreed with the server (canonical JSON,
   * the server version it had, whether it was a tombstone), the base of
   * the three-way merge and what tells a local change from none;
   * team_conflicts: an annotation both sides changed, and the copy that
   * keeps the side that lost.  Articles and annotations already carry
   * uuids; a link's is derived from its two ends and its relation. */
  { 7,
    "CREATE TABLE team_libraries ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  conninfo TEXT NOT NULL,"
    "  library_uuid TEXT NOT NULL,"
    "  pulled_version INTEGER NOT NULL DEFAULT 0,"
    "  last_sync TEXT,"
    "  last_error TEXT"
    ");"
    "CREATE TABLE team_shared ("
    "  library INTEGER NOT NULL REFERENCES team_libraries (id) ON DELETE CASCADE,"
    "  article_uuid TEXT NOT NULL,"
    "  PRIMARY KEY (library, article_uuid)"
    ") WITHOUT ROWID;"
    "CREATE INDEX team_shared_by_article ON team_shared (article_uuid);"
    "CREATE TABLE team_synced ("
    "  library INTEGER NOT NULL REFERENCES team_libraries (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('article', 'annotation', 'link')),"
    "  uuid TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  deleted INTEGER NOT NULL DEFAULT 0,"
    "  data TEXT NOT NULL,"
    "  author TEXT,"
    "  PRIMARY KEY (library, kind, uuid)"
    ") WITHOUT ROWID;"
    "CREATE TABLE team_conflicts ("
    "  id INTEGER PRIMARY KEY,"
    "  library INTEGER NOT NULL REFERENCES team_libraries (id) ON DELETE CASCADE,"
    "  annotation_uuid TEXT NOT NULL,"
    "  copy_uuid TEXT NOT NULL,"
    "  fields TEXT NOT NULL,"
    "  created_at TEXT NOT NULL"
    ");"
  },
  /* Suggestions a reader dismissed (issue 13), so they stay dismissed for
   * that article: the sentence's place and its words, which a later
   * version of the article may no longer have at that place. */
  { 8,
    "CREATE TABLE dismissed_suggestions ("
    "  article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  block INTEGER NOT NULL,"
    "  start INTEGER NOT NULL,"
    "  end INTEGER NOT NULL,"
    "  exact TEXT NOT NULL,"
    "  dismissed_at TEXT NOT NULL,"
    "  PRIMARY KEY (article, block, start, end)"
    ") WITHOUT ROWID;"
  },
  /* A neutral kind, "note": a highlight with an optional comment (issue
   * 17).  The kind's CHECK is part of the table, so annotations is rebuilt
   * as in step 5, with every row, id and link kept; the id sequence
   * carries over, so an id handed out before is never handed out again. */
  { 9,
    "CREATE TABLE new_annotations ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('claim', 'denial', 'evidence', 'question', 'note')),"
    "  start_block INTEGER NOT NULL CHECK (start_block >= 0),"
    "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
    "  end_block INTEGER NOT NULL CHECK (end_block >= start_block),"
    "  end_offset INTEGER NOT NULL CHECK (end_offset >= 0),"
    "  exact TEXT NOT NULL,"
    "  prefix TEXT NOT NULL DEFAULT '',"
    "  suffix TEXT NOT NULL DEFAULT '',"
    "  state TEXT NOT NULL DEFAULT 'anchored'"
    "    CHECK (state IN ('anchored', 'moved', 'orphaned')),"
    "  note TEXT,"
    "  speaker TEXT,"
    "  verdict TEXT CHECK ((kind = 'claim' AND verdict IN ('unrated', 'true', 'mostly-true',"
    "    'mixed', 'mostly-false', 'false', 'unverifiable')) OR (kind <> 'claim' AND verdict IS NULL)),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  source_id TEXT,"
    "  rated_exact TEXT,"
    "  needs_review INTEGER NOT NULL DEFAULT 0"
    ");"
    "INSERT INTO new_annotations (id, uuid, article, kind, start_block, start_offset, end_block,"
    "  end_offset, exact, prefix, suffix, state, note, speaker, verdict, created_at, updated_at,"
    "  source_id, rated_exact, needs_review)"
    "  SELECT id, uuid, article, kind, start_block, start_offset, end_block, end_offset, exact,"
    "    prefix, suffix, state, note, speaker, verdict, created_at, updated_at, source_id,"
    "    rated_exact, needs_review"
    "  FROM annotations;"
    "UPDATE sqlite_sequence"
    "  SET seq = max (seq, coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'annotations'), 0))"
    "  WHERE name = 'new_annotations';"
    "DROP TABLE annotations;"
    "ALTER TABLE new_annotations RENAME TO annotations;"
    "CREATE INDEX annotations_by_position ON annotations (article, start_block, start_offset);"
    "CREATE UNIQUE INDEX annotations_by_source_id ON annotations (source_id)"
    "  WHERE source_id IS NOT NULL;"
    "CREATE INDEX annotations_by_article_kind ON annotations (article, kind);"
    "CREATE TRIGGER annotations_fts_after_insert AFTER INSERT ON annotations BEGIN"
    "  INSERT INTO annotations_fts (rowid, exact, note, speaker)"
    "    VALUES (new.id, new.exact, new.note, new.speaker);"
    "END;"
    "CREATE TRIGGER annotations_fts_after_delete AFTER DELETE ON annotations BEGIN"
    "  INSERT INTO annotations_fts (annotations_fts, rowid, exact, note, speaker)"
    "    VALUES ('delete', old.id, old.exact, old.note, old.speaker);"
    "END;"
    "CREATE TRIGGER annotations_fts_after_update AFTER UPDATE OF exact, note, speaker"
    "  ON annotations BEGIN"
    "  INSERT INTO annotations_fts (annotations_fts, rowid, exact, note, speaker)"
    "    VALUES ('delete', old.id, old.exact, old.note, old.speaker);"
    "  INSERT INTO annotations_fts (rowid, exact, note, speaker)"
    "    VALUES (new.id, new.exact, new.note, new.speaker);"
    "END;"
  },
  /* Team libraries: a sync with nothing new must not compare every shared
   * object with its synced copy (a second or so for 10,000 annotations).
   * team_local_changes.counter moves on every write to what tells a
   * change waiting from none (articles, annotations, links, what is
   * shared, the synced copies), from any program, by triggers, so no
   * write path has to know; clean_at is
   * the counter's value when a sync last found nothing waiting, and while
   * the two agree there is nothing to send.  An update counts only when
   * it touches a column of the objects' JSON (gloss-team-objects.c), so
   * reading an article does not count.  A step that rebuilds one of these
   * tables must create its triggers again. */
  { 10,
    "CREATE TABLE team_local_changes ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  counter INTEGER NOT NULL"
    ");"
    "INSERT INTO team_local_changes (id, counter) VALUES (1, 0);"
    "ALTER TABLE team_libraries ADD COLUMN clean_at INTEGER;"
    "CREATE TRIGGER articles_team_changes_after_insert AFTER INSERT ON articles BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER articles_team_changes_after_update AFTER UPDATE OF uuid, title, byline,"
    "  site_name, url, published, language, source_kind, source_name, source_size, source_sha256,"
    "  extractor_version, imported_at ON articles BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER articles_team_changes_after_delete AFTER DELETE ON articles BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER annotations_team_changes_after_insert AFTER INSERT ON annotations BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER annotations_team_changes_after_update AFTER UPDATE OF uuid, article, kind,"
    "  start_block, start_offset, end_block, end_offset, exact, prefix, suffix, state, note, speaker,"
    "  verdict, created_at, updated_at ON annotations BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER annotations_team_changes_after_delete AFTER DELETE ON annotations BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER annotation_links_team_changes_after_insert AFTER INSERT ON annotation_links BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER annotation_links_team_changes_after_update AFTER UPDATE ON annotation_links BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER annotation_links_team_changes_after_delete AFTER DELETE ON annotation_links BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER team_shared_team_changes_after_insert AFTER INSERT ON team_shared BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER team_shared_team_changes_after_update AFTER UPDATE ON team_shared BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER team_shared_team_changes_after_delete AFTER DELETE ON team_shared BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER team_synced_team_changes_after_insert AFTER INSERT ON team_synced BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER team_synced_team_changes_after_update AFTER UPDATE ON team_synced BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
    "CREATE TRIGGER team_synced_team_changes_after_delete AFTER DELETE ON team_synced BEGIN"
    "  UPDATE team_local_changes SET counter = counter + 1;"
    "END;"
  },
  /* Team libraries: the name each member picked for their work in a team
   * library (a sync brings them), and team_authors, who made each synced
   * annotation by that name, else by their login. */
  { 11,
    "CREATE TABLE team_people ("
    "  library INTEGER NOT NULL REFERENCES team_libraries (id) ON DELETE CASCADE,"
    "  person TEXT NOT NULL,"
    "  display_name TEXT NOT NULL,"
    "  PRIMARY KEY (library, person)"
    ") WITHOUT ROWID;"
    "CREATE VIEW team_authors AS"
    "  SELECT t.library, t.uuid, coalesce (p.display_name, t.author) AS author"
    "  FROM team_synced t"
    "  LEFT JOIN team_people p ON p.library = t.library AND p.person = t.author"
    "  WHERE t.kind = 'annotation' AND t.author IS NOT NULL;"
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == GLOSS_STORE_SCHEMA_VERSION);

const GlossStoreMigration *
gloss_store_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

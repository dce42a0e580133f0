/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-store-private.h"
#include "gloss-team-objects.h"

/*
 * The local side of syncing: what an article, annotation or link looks
 * like on the wire, read from and written to the library's own tables.
 *
 * An object travels as a JSON object of its fields in a canonical form,
 * made by SQLite's json_object() with the fields in the order below -- both
 * from a row here and from JSON that came from the server (json_extract()
 * of each field) -- so "changed since the last sync" is a comparison of two
 * strings, done by SQLite over the whole library in one statement.
 */

typedef struct
{
  const char *name;
  const char *column;
} Field;

/* A new column here goes into the UPDATE OF list of its table's
 * *_team_changes_after_update trigger too (gloss-store-schema.c, step 10),
 * or changing only it would not wake the next sync. */
static const Field article_fields[] = {
  { "sha256", "a.source_sha256" }, { "title", "a.title" }, { "byline", "a.byline" },
  { "site_name", "a.site_name" }, { "url", "a.url" }, { "published", "a.published" },
  { "language", "a.language" }, { "source_kind", "a.source_kind" },
  { "source_name", "a.source_name" }, { "source_size", "a.source_size" },
  { "extractor_version", "a.extractor_version" }, { "imported_at", "a.imported_at" },
  { NULL, NULL }
};

static const Field annotation_fields[] = {
  { "article", "ar.uuid" }, { "kind", "an.kind" }, { "start_block", "an.start_block" },
  { "start_offset", "an.start_offset" }, { "end_block", "an.end_block" },
  { "end_offset", "an.end_offset" }, { "exact", "an.exact" }, { "prefix", "an.prefix" },
  { "suffix", "an.suffix" }, { "state", "an.state" }, { "note", "an.note" },
  { "speaker", "an.speaker" }, { "verdict", "an.verdict" }, { "created_at", "an.created_at" },
  { "updated_at", "an.updated_at" },
  { NULL, NULL }
};

static const Field link_fields[] = {
  { "from", "fa.uuid" }, { "to", "ta.uuid" }, { "relation", "l.relation" },
  { NULL, NULL }
};

static const Field *
fields_of (const char *kind)
{
  if (g_str_equal (kind, "article"))
    return article_fields;
  if (g_str_equal (kind, "annotation"))
    return annotation_fields;
  return link_fields;
}

/* json_object('name', <column>, …) over a row */
char *
gloss_team_canonical_from_row (const char *kind)
{
  GString *sql = g_string_new ("json_object(");

  for (const Field *f = fields_of (kind); f->name != NULL; f++)
    g_string_append_printf (sql, "%s'%s', %s", f == fields_of (kind) ? "" : ", ", f->name,
                            f->column);
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

/* json_object('name', json_extract(<param>, '$.name'), …) */
char *
gloss_team_canonical_from_json (const char *kind,
                                const char *param)
{
  GString *sql = g_string_new ("json_object(");

  for (const Field *f = fields_of (kind); f->name != NULL; f++)
    g_string_append_printf (sql, "%s'%s', json_extract(%s, '$.\"%s\"')",
                            f == fields_of (kind) ? "" : ", ", f->name, param, f->name);
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

static sqlite3_stmt *
cached (GlossStore  *store,
        const char  *sql,
        GError     **error)
{
  return gloss_store_prepare_cached (store, sql, error);
}

/* Returns the canonical form of @data (JSON from anywhere), or NULL. */
char *
gloss_team_canonicalize (GlossStore  *store,
                         const char  *kind,
                         const char  *data,
                         GError     **error)
{
  g_autofree char *expr = gloss_team_canonical_from_json (kind, "?1");
  g_autofree char *sql = g_strdup_printf ("SELECT %s", expr);
  sqlite3_stmt *statement = cached (store, sql, error);
  char *text;

  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, data, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      gloss_store_set_error (store, error, sqlite3_errcode (gloss_store_get_db (store)),
                             _("reading the team library"));
      sqlite3_reset (statement);
      return NULL;
    }
  text = gloss_sql_dup_text (statement, 0);
  sqlite3_reset (statement);
  return text;
}

/* The object's canonical JSON as it is here, or NULL (in *out_present
 * FALSE) when it is not here.  @data: a copy of the object's fields, from
 * which a link is found (a link's uuid is not stored). */
gboolean
gloss_team_read_local (GlossStore  *store,
                       const char  *kind,
                       const char  *uuid,
                       const char  *data,
                       char       **out_local,
                       GError     **error)
{
  g_autofree char *expr = gloss_team_canonical_from_row (kind);
  g_autofree char *sql = NULL;
  sqlite3_stmt *statement;
  int rc;

  *out_local = NULL;
  if (g_str_equal (kind, "article"))
    sql = g_strdup_printf ("SELECT %s FROM articles a WHERE a.uuid = ?1", expr);
  else if (g_str_equal (kind, "annotation"))
    sql = g_strdup_printf ("SELECT %s FROM annotations an JOIN articles ar ON ar.id = an.article"
                           " WHERE an.uuid = ?1", expr);
  else
    sql = g_strdup_printf ("SELECT %s FROM annotation_links l"
                           " JOIN annotations fa ON fa.id = l.from_annotation"
                           " JOIN annotations ta ON ta.id = l.to_annotation"
                           " WHERE fa.uuid = json_extract(?2, '$.from')"
                           " AND ta.uuid = json_extract(?2, '$.to')"
                           " AND l.relation = json_extract(?2, '$.relation')", expr);

  statement = cached (store, sql, error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  if (g_str_equal (kind, "link"))
    sqlite3_bind_text (statement, 2, data, -1, SQLITE_STATIC);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    *out_local = gloss_sql_dup_text (statement, 0);
  sqlite3_reset (statement);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading the team library"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run (GlossStore    *store,
     sqlite3_stmt  *statement,
     GError       **error)
{
  int rc = sqlite3_step (statement);

  sqlite3_reset (statement);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      gloss_store_set_error (store, error, rc, _("saving the team library"));
      return FALSE;
    }
  return TRUE;
}

/* Writes an annotation's fields from canonical @data under @uuid: updates
 * it, or adds it to its article.  *out_written is FALSE when the article
 * is not here (deleted here meanwhile). */
static gboolean
write_annotation (GlossStore  *store,
                  const char  *uuid,
                  const char  *data,
                  gboolean    *out_written,
                  GError     **error)
{
  sqlite3_stmt *update;
  sqlite3_stmt *insert;

#define J(name) "json_extract(?2, '$." name "')"
  update = cached (store,
                   "UPDATE annotations SET kind = " J ("kind") ", start_block = " J ("start_block")
                   ", start_offset = " J ("start_offset") ", end_block = " J ("end_block")
                   ", end_offset = " J ("end_offset") ", exact = " J ("exact")
                   ", prefix = " J ("prefix") ", suffix = " J ("suffix") ", state = " J ("state")
                   ", note = " J ("note") ", speaker = " J ("speaker") ", verdict = " J ("verdict")
                   ", created_at = " J ("created_at") ", updated_at = " J ("updated_at")
                   " WHERE uuid = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, data, -1, SQLITE_STATIC);
  if (!run (store, update, error))
    return FALSE;
  *out_written = sqlite3_changes (gloss_store_get_db (store)) > 0;
  if (*out_written)
    return TRUE;

  insert = cached (store,
                   "INSERT INTO annotations (uuid, article, kind, start_block, start_offset,"
                   " end_block, end_offset, exact, prefix, suffix, state, note, speaker, verdict,"
                   " created_at, updated_at) SELECT ?1, ar.id, " J ("kind") ", " J ("start_block")
                   ", " J ("start_offset") ", " J ("end_block") ", " J ("end_offset") ", "
                   J ("exact") ", " J ("prefix") ", " J ("suffix") ", " J ("state") ", " J ("note")
                   ", " J ("speaker") ", " J ("verdict") ", " J ("created_at") ", "
                   J ("updated_at") " FROM articles ar WHERE ar.uuid = " J ("article"), error);
#undef J
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, data, -1, SQLITE_STATIC);
  if (!run (store, insert, error))
    return FALSE;
  *out_written = sqlite3_changes (gloss_store_get_db (store)) > 0;
  return TRUE;
}

static gboolean
write_link (GlossStore  *store,
            const char  *data,
            GError     **error)
{
  sqlite3_stmt *insert = cached (store,
                                 "INSERT OR IGNORE INTO annotation_links (from_annotation,"
                                 " to_annotation, relation) SELECT fa.id, ta.id,"
                                 " json_extract(?1, '$.relation') FROM annotations fa, annotations ta"
                                 " WHERE fa.uuid = json_extract(?1, '$.from')"
                                 " AND ta.uuid = json_extract(?1, '$.to')", error);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, data, -1, SQLITE_STATIC);
  return run (store, insert, error);
}

/* An article's metadata; its body never changes once shared. */
static gboolean
write_article_metadata (GlossStore  *store,
                        const char  *uuid,
                        const char  *data,
                        GError     **error)
{
  sqlite3_stmt *update = cached (store,
                                 "UPDATE articles SET title = json_extract(?2, '$.title'),"
                                 " byline = json_extract(?2, '$.byline'),"
                                 " site_name = json_extract(?2, '$.site_name'),"
                                 " url = json_extract(?2, '$.url'),"
                                 " published = json_extract(?2, '$.published'),"
                                 " language = json_extract(?2, '$.language'),"
                                 " source_name = json_extract(?2, '$.source_name')"
                                 " WHERE uuid = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, data, -1, SQLITE_STATIC);
  return run (store, update, error);
}

/* A new article from the server: its metadata, compressed original and
 * blocks as they were extracted where it was first shared, so anchors
 * point at the same text everywhere. */
gboolean
gloss_team_insert_article (GlossStore  *store,
                           gint64       library_id,
                           const char  *uuid,
                           const char  *data,
                           GBytes      *source,
                           const char  *blocks,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_blocks = NULL;
  g_autoptr(sqlite3_stmt) share = NULL;
  g_autofree char *now = gloss_store_now ();
  gint64 id;

  insert = gloss_store_prepare (store,
                                "INSERT INTO articles (uuid, title, byline, site_name, url,"
                                " published, language, source_kind, source_name, source,"
                                " source_size, source_sha256, extractor_version, imported_at,"
                                " updated_at) VALUES (?1, json_extract(?2, '$.title'),"
                                " json_extract(?2, '$.byline'), json_extract(?2, '$.site_name'),"
                                " json_extract(?2, '$.url'), json_extract(?2, '$.published'),"
                                " json_extract(?2, '$.language'), json_extract(?2, '$.source_kind'),"
                                " json_extract(?2, '$.source_name'), ?3,"
                                " json_extract(?2, '$.source_size'), json_extract(?2, '$.sha256'),"
                                " json_extract(?2, '$.extractor_version'),"
                                " json_extract(?2, '$.imported_at'), ?4)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, data, -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (insert, 3, g_bytes_get_data (source, NULL), g_bytes_get_size (source),
                       SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, now, -1, SQLITE_STATIC);
  if (!gloss_store_step_done (store, insert, _("saving the article"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (gloss_store_get_db (store));

  insert_blocks = gloss_store_prepare (store,
                                       "INSERT INTO blocks (article, idx, kind, text)"
                                       " SELECT ?1, key, json_extract(value, '$.kind'),"
                                       " json_extract(value, '$.text') FROM json_each(?2)", error);
  if (insert_blocks == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert_blocks, 1, id);
  sqlite3_bind_text (insert_blocks, 2, blocks, -1, SQLITE_STATIC);
  if (!gloss_store_step_done (store, insert_blocks, _("saving the article"), error) ||
      !gloss_store_index_article (store, id, NULL, error))
    return FALSE;

  share = gloss_store_prepare (store,
                               "INSERT OR IGNORE INTO team_shared (library, article_uuid)"
                               " VALUES (?1, ?2)", error);
  if (share == NULL)
    return FALSE;
  sqlite3_bind_int64 (share, 1, library_id);
  sqlite3_bind_text (share, 2, uuid, -1, SQLITE_STATIC);
  return gloss_store_step_done (store, share, _("saving the article"), error);
}

/* Writes @data (canonical) as the object's state here; an article must
 * already be here (gloss_team_insert_article() brings new ones). */
gboolean
gloss_team_write_local (GlossStore  *store,
                        const char  *kind,
                        const char  *uuid,
                        const char  *data,
                        GError     **error)
{
  gboolean written;

  if (g_str_equal (kind, "article"))
    return write_article_metadata (store, uuid, data, error);
  if (g_str_equal (kind, "annotation"))
    return write_annotation (store, uuid, data, &written, error);
  return write_link (store, data, error);
}

gboolean
gloss_team_delete_local (GlossStore  *store,
                         const char  *kind,
                         const char  *uuid,
                         const char  *data,
                         GError     **error)
{
  sqlite3_stmt *statement;

  if (g_str_equal (kind, "article"))
    statement = cached (store, "DELETE FROM articles WHERE uuid = ?1", error);
  else if (g_str_equal (kind, "annotation"))
    statement = cached (store, "DELETE FROM annotations WHERE uuid = ?1", error);
  else
    statement = cached (store,
                        "DELETE FROM annotation_links"
                        " WHERE from_annotation = (SELECT id FROM annotations"
                        "   WHERE uuid = json_extract(?2, '$.from'))"
                        " AND to_annotation = (SELECT id FROM annotations"
                        "   WHERE uuid = json_extract(?2, '$.to'))"
                        " AND relation = json_extract(?2, '$.relation')", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, data, -1, SQLITE_STATIC);
  return run (store, statement, error);
}

/* The last copy agreed with the server. */
gboolean
gloss_team_set_synced (GlossStore  *store,
                       gint64       library_id,
                       const char  *kind,
                       const char  *uuid,
                       gint64       version,
                       gboolean     deleted,
                       const char  *data,
                       const char  *author,
                       GError     **error)
{
  sqlite3_stmt *statement = cached (store,
                                    "INSERT INTO team_synced (library, kind, uuid, version,"
                                    " deleted, data, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                    " ON CONFLICT (library, kind, uuid) DO UPDATE SET"
                                    " version = excluded.version, deleted = excluded.deleted,"
                                    " data = excluded.data,"
                                    " author = coalesce (team_synced.author, excluded.author)",
                                    error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  sqlite3_bind_text (statement, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 4, version);
  sqlite3_bind_int (statement, 5, deleted);
  sqlite3_bind_text (statement, 6, data, -1, SQLITE_STATIC);
  gloss_sql_bind_text (statement, 7, author);
  return run (store, statement, error);
}

/* Reads the last synced copy; FALSE in *out_found when there is none. */
gboolean
gloss_team_get_synced (GlossStore  *store,
                       gint64       library_id,
                       const char  *kind,
                       const char  *uuid,
                       gboolean    *out_found,
                       gint64      *out_version,
                       gboolean    *out_deleted,
                       char       **out_data,
                       GError     **error)
{
  sqlite3_stmt *statement = cached (store,
                                    "SELECT version, deleted, data FROM team_synced"
                                    " WHERE library = ?1 AND kind = ?2 AND uuid = ?3", error);
  int rc;

  *out_found = FALSE;
  *out_data = NULL;
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  sqlite3_bind_text (statement, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    {
      *out_found = TRUE;
      *out_version = sqlite3_column_int64 (statement, 0);
      *out_deleted = sqlite3_column_int (statement, 1);
      *out_data = gloss_sql_dup_text (statement, 2);
    }
  sqlite3_reset (statement);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading the team library"));
      return FALSE;
    }
  return TRUE;
}

/* An article shared twice under two uuids is one: this library takes the
 * uuid the server had first. */
gboolean
gloss_team_adopt_article_uuid (GlossStore  *store,
                               const char  *old_uuid,
                               const char  *new_uuid,
                               GError     **error)
{
  sqlite3_stmt *article = cached (store, "UPDATE articles SET uuid = ?2 WHERE uuid = ?1", error);
  sqlite3_stmt *shared;

  if (article == NULL)
    return FALSE;
  sqlite3_bind_text (article, 1, old_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (article, 2, new_uuid, -1, SQLITE_STATIC);
  if (!run (store, article, error))
    return FALSE;
  shared = cached (store, "UPDATE OR IGNORE team_shared SET article_uuid = ?2"
                          " WHERE article_uuid = ?1", error);
  if (shared == NULL)
    return FALSE;
  sqlite3_bind_text (shared, 1, old_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (shared, 2, new_uuid, -1, SQLITE_STATIC);
  return run (store, shared, error);
}

/* The uuid of the article here with these bytes, if any. */
char *
gloss_team_find_article_by_sha256 (GlossStore  *store,
                                   const char  *sha256,
                                   GError     **error)
{
  sqlite3_stmt *statement = cached (store, "SELECT uuid FROM articles WHERE source_sha256 = ?1",
                                    error);
  char *uuid = NULL;

  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    uuid = gloss_sql_dup_text (statement, 0);
  sqlite3_reset (statement);
  return uuid;
}

/* A new article's body as it goes to the server: the compressed original
 * as stored, and the blocks as a JSON array of {kind, text}. */
gboolean
gloss_team_read_body (GlossStore  *store,
                      gint64       article_id,
                      GBytes     **out_source,
                      char       **out_blocks,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = gloss_store_prepare (store,
                                   "SELECT source, (SELECT json_group_array(json_object('kind', kind,"
                                   " 'text', text)) FROM (SELECT kind, text FROM blocks"
                                   " WHERE article = ?1 ORDER BY idx)) FROM articles WHERE id = ?1",
                                   error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, article_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      gloss_store_set_error (store, error, sqlite3_errcode (gloss_store_get_db (store)),
                             _("reading the article"));
      return FALSE;
    }
  *out_source = g_bytes_new (sqlite3_column_blob (statement, 0),
                             sqlite3_column_bytes (statement, 0));
  *out_blocks = gloss_sql_dup_text (statement, 1);
  return TRUE;
}

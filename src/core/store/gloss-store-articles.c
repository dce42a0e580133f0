/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "gloss-decode.h"
#include "gloss-diff.h"
#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * Articles in the store: import (deduplicated by the SHA-256 of the original
 * bytes), loading, listing, and replacing an article's text by a newer copy
 * or by a newer extractor, re-anchoring its annotations in the same
 * transaction.  The original bytes are kept gzip-compressed, so a later,
 * better extractor can clean them again.
 */

static GBytes *
compress_source (GBytes  *source,
                 GError **error)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gsize size;
  const guint8 *data = g_bytes_get_data (source, &size);

  if (!g_output_stream_write_all (gzip, data, size, NULL, NULL, error) ||
      !g_output_stream_close (gzip, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
insert_blocks (GlossStore    *self,
               gint64         article_id,
               GlossArticle  *article,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  guint n_blocks = gloss_article_get_n_blocks (article);

  statement = gloss_store_prepare (self,
                                   "INSERT INTO blocks (article, idx, kind, text) "
                                   "VALUES (?1, ?2, ?3, ?4)", error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < n_blocks; i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);

      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, article_id);
      sqlite3_bind_int (statement, 2, i);
      sqlite3_bind_text (statement, 3, gloss_block_kind_to_string (gloss_block_get_kind (block)),
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (statement, 4, gloss_block_get_text (block), -1, SQLITE_STATIC);
      if (!gloss_store_step_done (self, statement, _("saving the article"), error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_metadata (sqlite3_stmt *statement,
               GlossArticle *article)
{
  sqlite3_bind_text (statement, 1, gloss_article_get_title (article) ?: "", -1, SQLITE_TRANSIENT);
  gloss_sql_bind_text (statement, 2, gloss_article_get_byline (article));
  gloss_sql_bind_text (statement, 3, gloss_article_get_site_name (article));
  gloss_sql_bind_text (statement, 4, gloss_article_get_url (article));
  gloss_sql_bind_text (statement, 5, gloss_article_get_published (article));
  gloss_sql_bind_text (statement, 6, gloss_article_get_language (article));
  gloss_sql_bind_text (statement, 7, gloss_article_get_source_kind (article) ?: "text");
}

void
gloss_prepared_import_free (GlossPreparedImport *prepared)
{
  if (prepared == NULL)
    return;

  g_clear_pointer (&prepared->source, g_bytes_unref);
  g_clear_pointer (&prepared->compressed, g_bytes_unref);
  g_clear_object (&prepared->article);
  g_free (prepared->source_name);
  g_free (prepared->sha256);
  g_free (prepared->provenance);
  g_free (prepared);
}

char *
gloss_store_source_sha256 (GBytes *source)
{
  return sha256_of (source);
}

/* Everything an import does before writing: the hash, the lookup for the
 * same bytes, extraction and compression.  Returns NULL with
 * *@out_existing > 0 (and no error) when the bytes are already stored. */
GlossPreparedImport *
gloss_store_prepare_import (GlossStore                 *self,
                            GBytes                     *source,
                            const char                 *source_name,
                            const char                 *sha256,
                            const GlossExtractOptions  *options,
                            gint64                     *out_existing,
                            GError                    **error)
{
  g_autoptr(GlossPreparedImport) prepared = g_new0 (GlossPreparedImport, 1);
  GlossExtractOptions defaults;
  gint64 existing;

  g_assert (out_existing != NULL);

  *out_existing = 0;
  if (options == NULL)
    {
      gloss_extract_options_init (&defaults);
      options = &defaults;
    }

  prepared->sha256 = sha256 != NULL ? g_strdup (sha256) : sha256_of (source);
  existing = gloss_store_find_article_by_sha256 (self, prepared->sha256, error);
  if (existing < 0)
    return NULL;
  if (existing > 0)
    {
      *out_existing = existing;
      return NULL;
    }

  prepared->article = gloss_extract_full (source, source_name, options, error);
  if (prepared->article == NULL)
    return NULL;
  prepared->compressed = compress_source (source, error);
  if (prepared->compressed == NULL)
    return NULL;
  prepared->source = g_bytes_ref (source);
  prepared->source_name = g_strdup (source_name);

  return g_steal_pointer (&prepared);
}

gboolean
gloss_store_index_article (GlossStore    *self,
                           gint64         article_id,
                           GlossArticle  *article_or_null,
                           GError       **error)
{
  g_autoptr(GlossArticle) loaded = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) counts = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  GlossArticle *article = article_or_null;
  guint n_blocks;

  if (article == NULL)
    {
      loaded = gloss_store_load_article (self, article_id, error);
      if (loaded == NULL)
        return FALSE;
      article = loaded;
    }

  /* U+001E between blocks: the tokenizer reads it as a separator, and the
   * search maps a match back to its block by counting them. */
  n_blocks = gloss_article_get_n_blocks (article);
  for (guint i = 0; i < n_blocks; i++)
    {
      const char *text = gloss_block_get_text (gloss_article_get_block (article, i));

      if (i > 0)
        g_string_append_c (body, '\x1e');
      g_string_append (body, text);
    }

  counts = gloss_store_prepare (self,
                                "UPDATE articles SET n_blocks = ?1, n_words = ?2 WHERE id = ?3",
                                error);
  if (counts == NULL)
    return FALSE;
  sqlite3_bind_int (counts, 1, n_blocks);
  sqlite3_bind_int (counts, 2, gloss_article_count_words (article));
  sqlite3_bind_int64 (counts, 3, article_id);
  if (!gloss_store_step_done (self, counts, _("indexing the article"), error))
    return FALSE;

  clear = gloss_store_prepare (self, "DELETE FROM articles_fts WHERE rowid = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, article_id);
  if (!gloss_store_step_done (self, clear, _("indexing the article"), error))
    return FALSE;

  insert = gloss_store_prepare (self,
                                "INSERT INTO articles_fts (rowid, title, body) "
                                "SELECT id, title, ?2 FROM articles WHERE id = ?1", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, article_id);
  sqlite3_bind_text (insert, 2, body->str, body->len, SQLITE_STATIC);
  return gloss_store_step_done (self, insert, _("indexing the article"), error);
}

/* Inside a transaction.  Returns the new article's id, or the id of the
 * article that got the same bytes meanwhile (another process, or an earlier
 * file of the same batch) with *@out_duplicate set. */
gint64
gloss_store_insert_prepared (GlossStore           *self,
                             GlossPreparedImport  *prepared,
                             gboolean             *out_duplicate,
                             GError              **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = gloss_store_now ();
  g_autoptr(sqlite3_stmt) statement = NULL;
  gint64 existing;
  gint64 article_id;

  if (out_duplicate != NULL)
    *out_duplicate = FALSE;

  existing = gloss_store_find_article_by_sha256 (self, prepared->sha256, error);
  if (existing < 0)
    return 0;
  if (existing > 0)
    {
      if (out_duplicate != NULL)
        *out_duplicate = TRUE;
      return existing;
    }

  statement = gloss_store_prepare (self,
                                   "INSERT INTO articles (title, byline, site_name, url, published,"
                                   " language, source_kind, uuid, source_name, source, source_size,"
                                   " source_sha256, extractor_version, imported_at, updated_at,"
                                   " version_at, provenance) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                   " ?14, ?14, ?14, ?15)", error);
  if (statement == NULL)
    return 0;

  bind_metadata (statement, prepared->article);
  sqlite3_bind_text (statement, 8, uuid, -1, SQLITE_STATIC);
  gloss_sql_bind_text (statement, 9, prepared->source_name);
  sqlite3_bind_blob64 (statement, 10, g_bytes_get_data (prepared->compressed, NULL),
                       g_bytes_get_size (prepared->compressed), SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 11, g_bytes_get_size (prepared->source));
  sqlite3_bind_text (statement, 12, prepared->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int (statement, 13, GLOSS_EXTRACTOR_VERSION);
  sqlite3_bind_text (statement, 14, now, -1, SQLITE_STATIC);
  gloss_sql_bind_text (statement, 15, prepared->provenance);
  if (!gloss_store_step_done (self, statement, _("saving the article"), error))
    return 0;

  article_id = sqlite3_last_insert_rowid (gloss_store_get_db (self));
  if (!insert_blocks (self, article_id, prepared->article, error) ||
      !gloss_store_index_article (self, article_id, prepared->article, error))
    return 0;

  return article_id;
}

/**
 * gloss_store_import:
 * @self: a #GlossStore
 * @source: the bytes of a saved page or of copied text
 * @source_name: (nullable): the file's name, kept for the user and as a hint
 * @options: (nullable): extraction options, or %NULL for the defaults
 * @out_duplicate: (out) (optional): whether the bytes were already stored
 * @error: return location for a %GLOSS_ERROR
 *
 * Extracts and stores an article; the same bytes imported again give the
 * existing article (also when they are an earlier version of one).  Many
 * files at once: gloss_store_import_files() (gloss-file-import.h).
 *
 * Returns: the article's id, or 0 with @error set
 */
gint64
gloss_store_import (GlossStore                 *self,
                    GBytes                     *source,
                    const char                 *source_name,
                    const GlossExtractOptions  *options,
                    gboolean                   *out_duplicate,
                    GError                    **error)
{
  g_autoptr(GlossPreparedImport) prepared = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 existing = 0;
  gint64 article_id;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  if (out_duplicate != NULL)
    *out_duplicate = FALSE;

  prepared = gloss_store_prepare_import (self, source, source_name, NULL, options, &existing,
                                         &local_error);
  if (prepared == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
      if (out_duplicate != NULL)
        *out_duplicate = TRUE;
      return existing;
    }

  if (!gloss_store_begin (self, error))
    return 0;
  article_id = gloss_store_insert_prepared (self, prepared, out_duplicate, error);
  if (article_id == 0 || !gloss_store_commit (self, error))
    {
      gloss_store_rollback (self);
      return 0;
    }

  return article_id;
}

static void
set_not_found (GError **error,
               gint64   article_id)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
               _("There is no article %" PRId64 " in the library"), article_id);
}

/* Runs @sql (one row of articles, its id bound as ?1) and returns the
 * statement on that row, or NULL with %GLOSS_ERROR_NOT_FOUND or the
 * database's error. */
static sqlite3_stmt *
step_to_article_row (GlossStore  *self,
                     const char  *sql,
                     gint64       article_id,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (self, sql, error);
  int rc;

  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    return g_steal_pointer (&statement);

  if (rc == SQLITE_DONE)
    set_not_found (error, article_id);
  else
    gloss_store_set_error (self, error, rc, _("reading the article"));
  return NULL;
}

/**
 * gloss_store_load_article:
 *
 * Returns: (transfer full): the stored article with its id set, or %NULL
 *   with %GLOSS_ERROR_NOT_FOUND or a database error
 */
GlossArticle *
gloss_store_load_article (GlossStore  *self,
                          gint64       article_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(sqlite3_stmt) blocks = NULL;
  g_autoptr(GlossArticle) article = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = step_to_article_row (self,
                                   "SELECT title, byline, site_name, url, published, language,"
                                   " source_kind FROM articles WHERE id = ?1", article_id, error);
  if (statement == NULL)
    return NULL;

  article = gloss_article_new ();
  gloss_article_set_id (article, article_id);
  gloss_article_set_title (article, (const char *) sqlite3_column_text (statement, 0));
  gloss_article_set_byline (article, (const char *) sqlite3_column_text (statement, 1));
  gloss_article_set_site_name (article, (const char *) sqlite3_column_text (statement, 2));
  gloss_article_set_url (article, (const char *) sqlite3_column_text (statement, 3));
  gloss_article_set_published (article, (const char *) sqlite3_column_text (statement, 4));
  gloss_article_set_language (article, (const char *) sqlite3_column_text (statement, 5));
  gloss_article_set_source_kind (article, (const char *) sqlite3_column_text (statement, 6));

  blocks = gloss_store_prepare (self,
                                "SELECT kind, text FROM blocks WHERE article = ?1 ORDER BY idx",
                                error);
  if (blocks == NULL)
    return NULL;
  sqlite3_bind_int64 (blocks, 1, article_id);
  while ((rc = sqlite3_step (blocks)) == SQLITE_ROW)
    {
      GlossBlockKind kind = GLOSS_BLOCK_PARAGRAPH;

      gloss_block_kind_from_string ((const char *) sqlite3_column_text (blocks, 0), &kind);
      gloss_article_append_stored_block (article, kind,
                                         (const char *) sqlite3_column_text (blocks, 1));
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("reading the article"));
      return NULL;
    }

  return g_steal_pointer (&article);
}

/**
 * gloss_store_list_articles:
 *
 * Returns: (transfer full) (element-type GlossArticleSummary): every article,
 *   most recently imported first
 */
GPtrArray *
gloss_store_list_articles (GlossStore  *self,
                           GError     **error)
{
  return gloss_store_list_articles_full (self, GLOSS_ARTICLE_FILTER_NONE,
                                         GLOSS_ARTICLE_SORT_ADDED, error);
}

/**
 * gloss_store_list_article_ids:
 *
 * Returns: (transfer full) (element-type gint64): the id of every article,
 *   oldest first, as pointers to gint64
 */
GPtrArray *
gloss_store_list_article_ids (GlossStore  *self,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare (self, "SELECT id FROM articles ORDER BY id", error);
  if (statement == NULL)
    return NULL;

  ids = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);

      g_ptr_array_add (ids, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("listing the articles"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Inside a transaction: gives article @article_id the text of @article and
 * moves every annotation to where its words are now.  Returns the
 * annotations as they are after re-anchoring, in document order. */
static GPtrArray *
replace_text_and_reanchor (GlossStore         *self,
                           gint64              article_id,
                           GlossArticle       *article,
                           GlossUpdateReport  *report,
                           GError            **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) old_anchors = NULL;
  g_autoptr(GPtrArray) new_anchors = NULL;
  g_autofree char *now = gloss_store_now ();

  update = gloss_store_prepare (self,
                                "UPDATE articles SET title = ?1, byline = ?2, site_name = ?3,"
                                " url = ?4, published = ?5, language = ?6, source_kind = ?7,"
                                " extractor_version = ?8, updated_at = ?9 WHERE id = ?10", error);
  if (update == NULL)
    return NULL;
  bind_metadata (update, article);
  sqlite3_bind_int (update, 8, GLOSS_EXTRACTOR_VERSION);
  sqlite3_bind_text (update, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 10, article_id);
  if (!gloss_store_step_done (self, update, _("saving the article"), error))
    return NULL;

  clear = gloss_store_prepare (self, "DELETE FROM blocks WHERE article = ?1", error);
  if (clear == NULL)
    return NULL;
  sqlite3_bind_int64 (clear, 1, article_id);
  if (!gloss_store_step_done (self, clear, _("saving the article"), error) ||
      !insert_blocks (self, article_id, article, error) ||
      !gloss_store_index_article (self, article_id, article, error))
    return NULL;

  annotations = gloss_store_list_annotations (self, article_id, error);
  if (annotations == NULL)
    return NULL;

  old_anchors = g_ptr_array_new ();
  for (guint i = 0; i < annotations->len; i++)
    g_ptr_array_add (old_anchors,
                     (gpointer) gloss_annotation_get_anchor (g_ptr_array_index (annotations, i)));
  new_anchors = gloss_anchor_reanchor_all (old_anchors, article);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      const GlossAnchor *anchor = g_ptr_array_index (new_anchors, i);
      g_autoptr(GlossAnchor) old = gloss_anchor_copy (gloss_annotation_get_anchor (annotation));

      if (report != NULL)
        gloss_update_report_count (report, old, anchor);
      if (!gloss_annotation_set_anchor (annotation, anchor))
        continue;
      if (!gloss_store_write_anchor (self, gloss_annotation_get_id (annotation), anchor, now, error) ||
          !gloss_store_keep_rated_words (self, gloss_annotation_get_id (annotation), old->exact,
                                         anchor->exact, error))
        return NULL;
    }

  return g_steal_pointer (&annotations);
}

static gboolean
keep_current_version (GlossStore  *self,
                      gint64       article_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *now = gloss_store_now ();

  statement = gloss_store_prepare (self,
                                   "INSERT INTO article_versions (article, source_kind, source_name,"
                                   " source, source_size, source_sha256, extractor_version,"
                                   " replaced_at, provenance, stored_at) "
                                   "SELECT id, source_kind, source_name, source, source_size,"
                                   " source_sha256, extractor_version, ?2, provenance,"
                                   " coalesce(version_at, imported_at) FROM articles WHERE id = ?1",
                                   error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, article_id);
  sqlite3_bind_text (statement, 2, now, -1, SQLITE_STATIC);
  return gloss_store_step_done (self, statement, _("keeping the earlier version"), error);
}

/* Whether article @article_id may take the bytes hashed @sha256: it must
 * exist, and no other article may hold them (now or as an earlier
 * version).  When they are its current bytes, nothing is to be done; an
 * earlier version of its own may come back (a revert). */
static gboolean
check_update (GlossStore  *self,
              gint64       article_id,
              const char  *sha256,
              gboolean    *out_unchanged,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) current = NULL;
  g_autoptr(sqlite3_stmt) other = NULL;
  int rc;

  current = gloss_store_prepare (self, "SELECT source_sha256 = ?2 FROM articles WHERE id = ?1",
                                 error);
  if (current == NULL)
    return FALSE;
  sqlite3_bind_int64 (current, 1, article_id);
  sqlite3_bind_text (current, 2, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (current);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, article_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_error (self, error, rc, _("reading the article"));
      return FALSE;
    }
  *out_unchanged = sqlite3_column_int (current, 0) != 0;
  if (*out_unchanged)
    return TRUE;

  other = gloss_store_prepare (self,
                               "SELECT id FROM articles WHERE source_sha256 = ?1 AND id <> ?2 "
                               "UNION ALL "
                               "SELECT article FROM article_versions "
                               "WHERE source_sha256 = ?1 AND article <> ?2 LIMIT 1", error);
  if (other == NULL)
    return FALSE;
  sqlite3_bind_text (other, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (other, 2, article_id);
  rc = sqlite3_step (other);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("This file is already in the library as article %" PRId64),
                   (gint64) sqlite3_column_int64 (other, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("looking for the article"));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_store_update_article:
 * @self: a #GlossStore
 * @article_id: the article to update
 * @new_source: the bytes of a newer copy of the same story
 * @source_name: (nullable): the new file's name
 * @options: (nullable): extraction options
 * @error: return location for a %GLOSS_ERROR
 *
 * gloss_store_update_article_full() without provenance or report.
 *
 * Returns: (transfer full) (element-type GlossAnnotation): the article's
 *   annotations with their new anchors and states, or %NULL with @error set
 */
GPtrArray *
gloss_store_update_article (GlossStore                 *self,
                            gint64                      article_id,
                            GBytes                     *new_source,
                            const char                 *source_name,
                            const GlossExtractOptions  *options,
                            GError                    **error)
{
  return gloss_store_update_article_full (self, article_id, new_source, source_name, options,
                                          NULL, NULL, error);
}

/**
 * gloss_store_update_article_full:
 * @self: a #GlossStore
 * @article_id: the article to update
 * @new_source: the bytes of a newer copy of the same story
 * @source_name: (nullable): the new file's name
 * @options: (nullable): extraction options
 * @provenance: (nullable): where @new_source came from
 * @out_report: (out) (optional): what changed: paragraphs, annotations
 *   kept, moved and orphaned; all zero with @unchanged set when the bytes
 *   are the ones the article has
 * @error: return location for a %GLOSS_ERROR
 *
 * Replaces the article's text with @new_source, keeps the bytes it had (with
 * their provenance) as an earlier version, and re-anchors every annotation
 * (docs/ARCHITECTURE.md §4), all in one transaction: on failure nothing
 * changed.
 *
 * Returns: (transfer full) (element-type GlossAnnotation): the article's
 *   annotations with their new anchors and states, or %NULL with @error set
 */
GPtrArray *
gloss_store_update_article_full (GlossStore                 *self,
                                 gint64                      article_id,
                                 GBytes                     *new_source,
                                 const char                 *source_name,
                                 const GlossExtractOptions  *options,
                                 const GlossProvenance      *provenance,
                                 GlossUpdateReport          *out_report,
                                 GError                    **error)
{
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossArticle) old_article = NULL;
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *provenance_json = NULL;
  g_autofree char *now = gloss_store_now ();
  GlossUpdateReport report = { 0 };
  GlossExtractOptions defaults;
  gboolean unchanged = FALSE;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (new_source != NULL, NULL);

  if (out_report != NULL)
    memset (out_report, 0, sizeof *out_report);
  if (options == NULL)
    {
      gloss_extract_options_init (&defaults);
      options = &defaults;
    }

  sha256 = sha256_of (new_source);
  if (!check_update (self, article_id, sha256, &unchanged, error))
    return NULL;
  if (unchanged)
    {
      if (out_report != NULL)
        out_report->unchanged = TRUE;
      return gloss_store_list_annotations (self, article_id, error);
    }

  article = gloss_extract_full (new_source, source_name, options, error);
  if (article == NULL)
    return NULL;
  compressed = compress_source (new_source, error);
  if (compressed == NULL)
    return NULL;
  if (provenance != NULL)
    provenance_json = gloss_provenance_to_json (provenance);

  /* Checked again under the write lock: another program may have deleted
   * the article or imported these bytes meanwhile. */
  if (!gloss_store_begin (self, error))
    return NULL;
  if (!check_update (self, article_id, sha256, &unchanged, error))
    goto failed;
  if (unchanged)
    {
      gloss_store_rollback (self);
      if (out_report != NULL)
        out_report->unchanged = TRUE;
      return gloss_store_list_annotations (self, article_id, error);
    }
  old_article = gloss_store_load_article (self, article_id, error);
  if (old_article == NULL || !keep_current_version (self, article_id, error))
    goto failed;

  statement = gloss_store_prepare (self,
                                   "UPDATE articles SET source = ?1, source_size = ?2,"
                                   " source_sha256 = ?3, source_name = ?4, provenance = ?6,"
                                   " version_at = ?7 WHERE id = ?5", error);
  if (statement == NULL)
    goto failed;
  sqlite3_bind_blob64 (statement, 1, g_bytes_get_data (compressed, NULL),
                       g_bytes_get_size (compressed), SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 2, g_bytes_get_size (new_source));
  sqlite3_bind_text (statement, 3, sha256, -1, SQLITE_STATIC);
  gloss_sql_bind_text (statement, 4, source_name);
  sqlite3_bind_int64 (statement, 5, article_id);
  gloss_sql_bind_text (statement, 6, provenance_json);
  sqlite3_bind_text (statement, 7, now, -1, SQLITE_STATIC);
  if (!gloss_store_step_done (self, statement, _("saving the new version"), error))
    goto failed;

  annotations = replace_text_and_reanchor (self, article_id, article, &report, error);
  if (annotations == NULL || !gloss_store_commit (self, error))
    goto failed;

  changes = gloss_diff_articles (old_article, article);
  report.n_changed_blocks = gloss_diff_count_changed_blocks (changes);
  if (out_report != NULL)
    *out_report = report;
  return g_steal_pointer (&annotations);

failed:
  gloss_store_rollback (self);
  return NULL;
}

static GBytes *
load_source (GlossStore  *self,
             gint64       article_id,
             char       **out_kind,
             char       **out_name,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GBytes) compressed = NULL;

  statement = step_to_article_row (self,
                                   "SELECT source, source_kind, source_name FROM articles "
                                   "WHERE id = ?1", article_id, error);
  if (statement == NULL)
    return NULL;

  compressed = g_bytes_new (sqlite3_column_blob (statement, 0), sqlite3_column_bytes (statement, 0));
  *out_kind = gloss_sql_dup_text (statement, 1);
  *out_name = gloss_sql_dup_text (statement, 2);

  return gloss_decode_maybe_gunzip (compressed, G_MAXSIZE, error);
}

/**
 * gloss_store_reextract_article:
 * @self: a #GlossStore
 * @article_id: the article to clean again
 * @error: return location for a %GLOSS_ERROR
 *
 * Cleans the article's stored original bytes again with this build's
 * extractor and re-anchors its annotations, in one transaction.
 *
 * Returns: (transfer full) (element-type GlossAnnotation): the annotations
 *   with their new anchors and states, or %NULL with @error set
 */
GPtrArray *
gloss_store_reextract_article (GlossStore  *self,
                               gint64       article_id,
                               GError     **error)
{
  g_autoptr(GBytes) source = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  GlossExtractOptions options;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  source = load_source (self, article_id, &kind, &name, error);
  if (source == NULL)
    return NULL;

  /* Clean it the way it was first read, whatever sniffing says today. */
  gloss_extract_options_init (&options);
  options.max_input_bytes = G_MAXSIZE;
  gloss_input_format_from_string (kind, &options.format);
  article = gloss_extract_full (source, name, &options, error);
  if (article == NULL)
    return NULL;

  if (!gloss_store_begin (self, error))
    return NULL;
  annotations = replace_text_and_reanchor (self, article_id, article, NULL, error);
  if (annotations == NULL || !gloss_store_commit (self, error))
    {
      gloss_store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&annotations);
}

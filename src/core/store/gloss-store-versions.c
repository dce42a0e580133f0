/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <string.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "gloss-decode.h"
#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * An article's versions: the rows of article_versions (earlier texts, in
 * the order they were replaced) and then the article's own row (the text
 * it has now).  Versions are numbered from 1, oldest first, so a number
 * stays the same when newer versions come.  Each keeps its original bytes
 * and, when it was downloaded, its provenance.
 */

void
gloss_article_version_free (GlossArticleVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->stored_at);
  g_free (version->replaced_at);
  g_free (version->source_name);
  g_free (version->source_kind);
  g_free (version->sha256);
  gloss_provenance_free (version->provenance);
  g_free (version);
}

void
gloss_article_link_free (GlossArticleLink *link)
{
  if (link == NULL)
    return;
  g_free (link->url);
  g_free (link->etag);
  g_free (link->last_modified);
  g_free (link);
}

static void
set_not_found (GError **error,
               gint64   article_id)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
               _("There is no article %" PRId64 " in the library"), article_id);
}

static GlossArticleVersion *
version_from_row (sqlite3_stmt *statement)
{
  GlossArticleVersion *version = g_new0 (GlossArticleVersion, 1);
  const char *provenance = (const char *) sqlite3_column_text (statement, 6);

  version->stored_at = gloss_sql_dup_text (statement, 0);
  version->replaced_at = gloss_sql_dup_text (statement, 1);
  version->source_name = gloss_sql_dup_text (statement, 2);
  version->source_kind = gloss_sql_dup_text (statement, 3);
  version->sha256 = gloss_sql_dup_text (statement, 4);
  version->size = (guint64) sqlite3_column_int64 (statement, 5);
  version->provenance = gloss_provenance_from_json (provenance);
  return version;
}

/**
 * gloss_store_list_versions:
 * @self: a #GlossStore
 * @article_id: an article
 * @error: return location for a %GLOSS_ERROR
 *
 * Returns: (transfer full) (element-type GlossArticleVersion): the
 *   article's versions, oldest first, the current one last; %NULL with
 *   %GLOSS_ERROR_NOT_FOUND when there is no such article
 */
GPtrArray *
gloss_store_list_versions (GlossStore  *self,
                           gint64       article_id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) earlier = NULL;
  g_autoptr(sqlite3_stmt) current = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  GlossArticleVersion *version;
  gboolean own_read;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  /* Both reads see the same library, unless the caller's read (an
   * export's) already makes sure of it. */
  own_read = sqlite3_get_autocommit (gloss_store_get_db (self));
  if (own_read && !gloss_store_begin_read (self, error))
    return NULL;

  versions = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_version_free);
  earlier = gloss_store_prepare (self,
                                 "SELECT stored_at, replaced_at, source_name, source_kind,"
                                 " source_sha256, source_size, provenance FROM article_versions "
                                 "WHERE article = ?1 ORDER BY id", error);
  if (earlier == NULL)
    goto failed;
  sqlite3_bind_int64 (earlier, 1, article_id);
  while ((rc = sqlite3_step (earlier)) == SQLITE_ROW)
    g_ptr_array_add (versions, version_from_row (earlier));
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("listing the versions"));
      goto failed;
    }

  current = gloss_store_prepare (self,
                                 "SELECT coalesce(version_at, imported_at), NULL, source_name,"
                                 " source_kind, source_sha256, source_size, provenance "
                                 "FROM articles WHERE id = ?1", error);
  if (current == NULL)
    goto failed;
  sqlite3_bind_int64 (current, 1, article_id);
  rc = sqlite3_step (current);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error, article_id);
      else
        gloss_store_set_error (self, error, rc, _("listing the versions"));
      goto failed;
    }
  version = version_from_row (current);
  version->current = TRUE;
  g_ptr_array_add (versions, version);
  if (own_read)
    gloss_store_end_read (self);

  for (guint i = 0; i < versions->len; i++)
    ((GlossArticleVersion *) g_ptr_array_index (versions, i))->number = i + 1;
  return g_steal_pointer (&versions);

failed:
  if (own_read)
    gloss_store_end_read (self);
  return NULL;
}

/* The original bytes of earlier version @number (1-based) and how they
 * were read. */
static GBytes *
load_earlier_source (GlossStore        *self,
                     gint64             article_id,
                     guint              number,
                     char             **out_kind,
                     char             **out_name,
                     GlossProvenance  **out_provenance,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GBytes) compressed = NULL;
  int rc;

  statement = gloss_store_prepare (self,
                                   "SELECT source, source_kind, source_name, provenance "
                                   "FROM article_versions WHERE article = ?1 "
                                   "ORDER BY id LIMIT 1 OFFSET ?2", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);
  sqlite3_bind_int64 (statement, 2, (gint64) number - 1);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("Article %" PRId64 " has no version %u"), article_id, number);
      else
        gloss_store_set_error (self, error, rc, _("reading the version"));
      return NULL;
    }

  compressed = g_bytes_new (sqlite3_column_blob (statement, 0), sqlite3_column_bytes (statement, 0));
  *out_kind = gloss_sql_dup_text (statement, 1);
  *out_name = gloss_sql_dup_text (statement, 2);
  if (out_provenance != NULL)
    *out_provenance = gloss_provenance_from_json ((const char *) sqlite3_column_text (statement, 3));
  return gloss_decode_maybe_gunzip (compressed, G_MAXSIZE, error);
}

static guint
count_versions (GlossStore  *self,
                gint64       article_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  statement = gloss_store_prepare (self,
                                   "SELECT (SELECT count(*) FROM article_versions WHERE article = ?1)"
                                   " + 1 FROM articles WHERE id = ?1", error);
  if (statement == NULL)
    return 0;
  sqlite3_bind_int64 (statement, 1, article_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (statement, 0);
  if (rc == SQLITE_DONE)
    set_not_found (error, article_id);
  else
    gloss_store_set_error (self, error, rc, _("listing the versions"));
  return 0;
}

static void
set_no_version (GError **error,
                gint64   article_id,
                guint    number)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
               _("Article %" PRId64 " has no version %u"), article_id, number);
}

/**
 * gloss_store_load_version:
 * @self: a #GlossStore
 * @article_id: an article
 * @number: a version number from gloss_store_list_versions()
 * @error: return location for a %GLOSS_ERROR
 *
 * An earlier version is cleaned from its stored bytes with this build's
 * extractor; the current one is the article as stored.
 *
 * Returns: (transfer full): that version's text, or %NULL with @error set
 */
GlossArticle *
gloss_store_load_version (GlossStore  *self,
                          gint64       article_id,
                          guint        number,
                          GError     **error)
{
  g_autoptr(GBytes) source = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  GlossExtractOptions options;
  guint n_versions;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  n_versions = count_versions (self, article_id, error);
  if (n_versions == 0)
    return NULL;
  if (number == 0 || number > n_versions)
    {
      set_no_version (error, article_id, number);
      return NULL;
    }
  if (number == n_versions)
    return gloss_store_load_article (self, article_id, error);

  source = load_earlier_source (self, article_id, number, &kind, &name, NULL, error);
  if (source == NULL)
    return NULL;
  gloss_extract_options_init (&options);
  options.max_input_bytes = G_MAXSIZE;
  gloss_input_format_from_string (kind, &options.format);
  return gloss_extract_full (source, name, &options, error);
}

/**
 * gloss_store_restore_version:
 * @self: a #GlossStore
 * @article_id: an article
 * @number: an earlier version's number
 * @out_report: (out) (optional): what changed
 * @error: return location for a %GLOSS_ERROR
 *
 * Makes version @number the current text again, by the update path: the
 * text it replaces is kept as the newest earlier version (so restoring is
 * undone by restoring that one), and annotations are re-anchored.
 *
 * Returns: (transfer full) (element-type GlossAnnotation): the annotations
 *   after re-anchoring, or %NULL with @error set
 */
GPtrArray *
gloss_store_restore_version (GlossStore         *self,
                             gint64              article_id,
                             guint               number,
                             GlossUpdateReport  *out_report,
                             GError            **error)
{
  g_autoptr(GBytes) source = NULL;
  g_autoptr(GlossProvenance) provenance = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  GlossExtractOptions options;
  guint n_versions;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  n_versions = count_versions (self, article_id, error);
  if (n_versions == 0)
    return NULL;
  if (number == 0 || number >= n_versions)
    {
      if (number == n_versions)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                     _("Version %u is already the current text"), number);
      else
        set_no_version (error, article_id, number);
      return NULL;
    }

  source = load_earlier_source (self, article_id, number, &kind, &name, &provenance, error);
  if (source == NULL)
    return NULL;
  gloss_extract_options_init (&options);
  options.max_input_bytes = G_MAXSIZE;
  gloss_input_format_from_string (kind, &options.format);
  return gloss_store_update_article_full (self, article_id, source, name, &options, provenance,
                                          out_report, error);
}

/**
 * gloss_store_dup_provenance:
 *
 * Returns: (transfer full) (nullable): where the article's current text was
 *   downloaded from; %NULL without error when it came from a file
 */
GlossProvenance *
gloss_store_dup_provenance (GlossStore  *self,
                            gint64       article_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare (self, "SELECT provenance FROM articles WHERE id = ?1", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    return gloss_provenance_from_json ((const char *) sqlite3_column_text (statement, 0));
  if (rc == SQLITE_DONE)
    set_not_found (error, article_id);
  else
    gloss_store_set_error (self, error, rc, _("reading the article"));
  return NULL;
}

/**
 * gloss_store_dup_article_link:
 *
 * Returns: (transfer full) (nullable): the address to check the article
 *   against (where it was downloaded from, else the link the page gives
 *   for itself) with the validators of the version stored from it; %NULL
 *   without error when the article has no link
 */
GlossArticleLink *
gloss_store_dup_article_link (GlossStore  *self,
                              gint64       article_id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  GlossArticleLink *link;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare (self,
                                   "SELECT coalesce(json_extract(provenance, '$.final_url'),"
                                   " json_extract(provenance, '$.requested_url'), url),"
                                   " json_extract(provenance, '$.etag'),"
                                   " json_extract(provenance, '$.last_modified') "
                                   "FROM articles WHERE id = ?1", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error, article_id);
      else
        gloss_store_set_error (self, error, rc, _("reading the article"));
      return NULL;
    }
  if (sqlite3_column_type (statement, 0) == SQLITE_NULL)
    return NULL;

  link = g_new0 (GlossArticleLink, 1);
  link->url = gloss_sql_dup_text (statement, 0);
  link->etag = gloss_sql_dup_text (statement, 1);
  link->last_modified = gloss_sql_dup_text (statement, 2);
  return link;
}

static gint64
first_id (GlossStore   *self,
          sqlite3_stmt *statement,
          GError      **error)
{
  int rc = sqlite3_step (statement);

  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (statement, 0);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("looking for the article"));
      return -1;
    }
  return 0;
}

/**
 * gloss_store_find_same_story:
 * @self: a #GlossStore
 * @link: (nullable): where the new copy was downloaded from
 * @article: the new copy, extracted
 * @error: return location for a %GLOSS_ERROR
 *
 * Looks for an article the new copy is a later version of: one with the
 * same link (the address it was downloaded from, or the link a page gives
 * for itself), or else, when either has no link, the same title from the
 * same site.
 *
 * Returns: the article's id, 0 when there is none, -1 with @error set
 */
gint64
gloss_store_find_same_story (GlossStore    *self,
                             const char    *link,
                             GlossArticle  *article,
                             GError       **error)
{
  const char *links[] = { link, gloss_article_get_url (article) };
  const char *title = gloss_article_get_title (article);
  const char *site = gloss_article_get_site_name (article);
  gboolean has_link = FALSE;

  g_return_val_if_fail (GLOSS_IS_STORE (self), -1);
  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), -1);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(sqlite3_stmt) statement = NULL;
      gint64 id;

      if (links[i] == NULL || links[i][0] == '\0')
        continue;
      has_link = TRUE;
      statement = gloss_store_prepare (self,
                                       "SELECT id FROM articles WHERE url = ?1"
                                       " OR json_extract(provenance, '$.final_url') = ?1"
                                       " OR json_extract(provenance, '$.requested_url') = ?1 "
                                       "ORDER BY id LIMIT 1", error);
      if (statement == NULL)
        return -1;
      sqlite3_bind_text (statement, 1, links[i], -1, SQLITE_STATIC);
      id = first_id (self, statement, error);
      if (id != 0)
        return id;
    }

  if (title != NULL && title[0] != '\0' && site != NULL && site[0] != '\0')
    {
      g_autoptr(sqlite3_stmt) statement = NULL;

      statement = gloss_store_prepare (self,
                                       "SELECT id FROM articles WHERE title = ?1 AND site_name = ?2"
                                       " AND (?3 OR (url IS NULL AND provenance IS NULL)) "
                                       "ORDER BY id LIMIT 1", error);
      if (statement == NULL)
        return -1;
      sqlite3_bind_text (statement, 1, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (statement, 2, site, -1, SQLITE_STATIC);
      sqlite3_bind_int (statement, 3, !has_link);
      return first_id (self, statement, error);
    }

  return 0;
}

/**
 * gloss_store_import_with_provenance:
 *
 * gloss_store_import() for downloaded bytes: the article keeps where they
 * came from.
 *
 * Returns: the article's id, or 0 with @error set
 */
gint64
gloss_store_import_with_provenance (GlossStore                 *self,
                                    GBytes                     *source,
                                    const char                 *source_name,
                                    const GlossExtractOptions  *options,
                                    const GlossProvenance      *provenance,
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
  if (provenance != NULL)
    prepared->provenance = gloss_provenance_to_json (provenance);

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

/**
 * gloss_store_import_unless_known:
 * @self: a #GlossStore
 * @source: the bytes of a saved page, copied text or a PDF
 * @source_name: (nullable): the file's name
 * @options: (nullable): extraction options
 * @out_known: (out): the article @source is a newer copy of, when it is
 *   one; then nothing was stored, for the caller to ask the user and call
 *   gloss_store_add_copy()
 * @out_duplicate: (out) (optional): whether these very bytes were stored
 * @error: return location for a %GLOSS_ERROR
 *
 * gloss_store_import() for a file the user opens: a newer copy of a story
 * already in the library (gloss_store_find_same_story(): the same link, or
 * without one the same title and site) is not stored as a second article
 * behind the user's back.
 *
 * Returns: the article's id; 0 with *@out_known set for a newer copy; 0
 *   with @error set on failure
 */
gint64
gloss_store_import_unless_known (GlossStore                 *self,
                                 GBytes                     *source,
                                 const char                 *source_name,
                                 const GlossExtractOptions  *options,
                                 gint64                     *out_known,
                                 gboolean                   *out_duplicate,
                                 GError                    **error)
{
  g_autoptr(GlossPreparedImport) prepared = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 existing = 0;
  gint64 known;
  gint64 article_id;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);
  g_return_val_if_fail (out_known != NULL, 0);

  *out_known = 0;
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

  known = gloss_store_find_same_story (self, NULL, prepared->article, error);
  if (known < 0)
    return 0;
  if (known > 0)
    {
      *out_known = known;
      return 0;
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

/**
 * gloss_store_add_copy:
 * @self: a #GlossStore
 * @source: a newer copy of a story, as gloss_store_import_unless_known()
 *   or a file import found it
 * @source_name: (nullable): the file's name
 * @options: (nullable): extraction options
 * @version_of: the article to add it to as its newest version, or 0 to
 *   keep it as an article of its own
 * @out_report: (out) (optional): for a version, what changed
 * @error: return location for a %GLOSS_ERROR
 *
 * The user's answer to "a newer copy of a known story": a new version
 * (its annotations re-anchored, as gloss_store_update_article_full()
 * does) or a separate article.
 *
 * Returns: the article's id, or 0 with @error set
 */
gint64
gloss_store_add_copy (GlossStore                 *self,
                      GBytes                     *source,
                      const char                 *source_name,
                      const GlossExtractOptions  *options,
                      gint64                      version_of,
                      GlossUpdateReport          *out_report,
                      GError                    **error)
{
  g_autoptr(GPtrArray) annotations = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  if (out_report != NULL)
    memset (out_report, 0, sizeof *out_report);
  if (version_of <= 0)
    return gloss_store_import (self, source, source_name, options, NULL, error);

  annotations = gloss_store_update_article_full (self, version_of, source, source_name, options,
                                                 NULL, out_report, error);
  return annotations != NULL ? version_of : 0;
}

void
gloss_update_report_count (GlossUpdateReport *report,
                           const GlossAnchor *old_anchor,
                           const GlossAnchor *new_anchor)
{
  if (new_anchor->state == GLOSS_ANCHOR_ORPHANED)
    {
      if (old_anchor->state != GLOSS_ANCHOR_ORPHANED)
        report->n_orphaned++;
    }
  else if (old_anchor->state != GLOSS_ANCHOR_ORPHANED &&
           old_anchor->start_block == new_anchor->start_block &&
           old_anchor->start_offset == new_anchor->start_offset &&
           old_anchor->end_block == new_anchor->end_block &&
           old_anchor->end_offset == new_anchor->end_offset &&
           g_strcmp0 (old_anchor->exact, new_anchor->exact) == 0)
    report->n_anchored++;
  else
    report->n_moved++;
}

/* Inside a transaction, after annotation @annotation_id moved from
 * @old_exact onto @new_exact: remembers the words it was made or rated on
 * (the first ones, over several changes), and marks a verdict for review;
 * words changed back clear both. */
gboolean
gloss_store_keep_rated_words (GlossStore  *self,
                              gint64       annotation_id,
                              const char  *old_exact,
                              const char  *new_exact,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (g_strcmp0 (old_exact, new_exact) == 0)
    return TRUE;

  statement = gloss_store_prepare (self,
                                   "UPDATE annotations SET"
                                   " needs_review = CASE WHEN coalesce(rated_exact, ?2) = ?3 THEN 0"
                                   "   ELSE coalesce(verdict <> 'unrated', 0) END,"
                                   " rated_exact = CASE WHEN coalesce(rated_exact, ?2) = ?3 THEN NULL"
                                   "   ELSE coalesce(rated_exact, ?2) END "
                                   "WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, annotation_id);
  sqlite3_bind_text (statement, 2, old_exact, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, new_exact, -1, SQLITE_STATIC);
  return gloss_store_step_done (self, statement, _("saving the annotation"), error);
}

/**
 * gloss_store_get_rated_words:
 * @self: a #GlossStore
 * @annotation_id: an annotation
 * @out_rated_exact: (out) (transfer full) (nullable): the words it was made
 *   or rated on when a newer version changed them, else %NULL
 * @out_needs_review: (out): whether its verdict is on words that changed
 * @error: return location for a %GLOSS_ERROR
 */
gboolean
gloss_store_get_rated_words (GlossStore  *self,
                             gint64       annotation_id,
                             char       **out_rated_exact,
                             gboolean    *out_needs_review,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  statement = gloss_store_prepare (self,
                                   "SELECT rated_exact, needs_review FROM annotations WHERE id = ?1",
                                   error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, annotation_id);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("There is no annotation %" PRId64), annotation_id);
      else
        gloss_store_set_error (self, error, rc, _("reading the annotation"));
      return FALSE;
    }
  *out_rated_exact = gloss_sql_dup_text (statement, 0);
  *out_needs_review = sqlite3_column_int (statement, 1) != 0;
  return TRUE;
}

/**
 * gloss_store_confirm_wording:
 *
 * The user has checked annotation @annotation_id on its new words: they
 * become the words it is rated on, and its verdict needs no review.
 */
gboolean
gloss_store_confirm_wording (GlossStore  *self,
                             gint64       annotation_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  statement = gloss_store_prepare (self,
                                   "UPDATE annotations SET rated_exact = NULL, needs_review = 0 "
                                   "WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, annotation_id);
  if (!gloss_store_step_done (self, statement, _("saving the annotation"), error))
    return FALSE;
  if (sqlite3_changes (gloss_store_get_db (self)) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no annotation %" PRId64), annotation_id);
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * What exports and annotation imports need from the store beyond the
 * everyday queries: the hash that names a source without a URL, and adding
 * annotations that already have an identity elsewhere.
 */

/**
 * gloss_store_dup_article_source_sha256:
 *
 * Returns: (transfer full): the SHA-256 (hex) of the article's current
 *   source bytes, the name its exports use when it has no URL
 */
char *
gloss_store_dup_article_source_sha256 (GlossStore  *self,
                                       gint64       article_id,
                                       GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare (self, "SELECT source_sha256 FROM articles WHERE id = ?1", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("There is no article %" PRId64 " in the library"), article_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_error (self, error, rc, _("reading the article"));
      return NULL;
    }

  return gloss_sql_dup_text (statement, 0);
}

/**
 * gloss_store_find_article_by_sha256:
 *
 * Returns: the article whose source has this hash, now or as an earlier
 *   version; 0 when there is none (and no error), -1 on error
 */
gint64
gloss_store_find_article_by_sha256 (GlossStore  *self,
                                    const char  *sha256,
                                    GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *lower = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), -1);
  g_return_val_if_fail (sha256 != NULL, -1);

  lower = g_ascii_strdown (sha256, -1);
  statement = gloss_store_prepare (self,
                                   "SELECT id FROM articles WHERE source_sha256 = ?1 "
                                   "UNION ALL "
                                   "SELECT article FROM article_versions WHERE source_sha256 = ?1 "
                                   "LIMIT 1", error);
  if (statement == NULL)
    return -1;
  sqlite3_bind_text (statement, 1, lower, -1, SQLITE_STATIC);
  rc = sqlite3_step (statement);
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
 * gloss_store_find_annotation_uuid:
 * @uuid: (nullable): a uuid the annotation may have kept
 * @source_id: (nullable): the id it had in another tool
 *
 * Recognises an annotation imported before.
 *
 * Returns: (transfer full) (nullable): the stored annotation's uuid, or
 *   %NULL when there is none (@error unset) or on error
 */
char *
gloss_store_find_annotation_uuid (GlossStore  *self,
                                  const char  *uuid,
                                  const char  *source_id,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  if (uuid == NULL && source_id == NULL)
    return NULL;

  statement = gloss_store_prepare (self,
                                   "SELECT uuid FROM annotations WHERE uuid = ?1 OR source_id = ?2 "
                                   "LIMIT 1", error);
  if (statement == NULL)
    return NULL;
  gloss_sql_bind_text (statement, 1, uuid);
  gloss_sql_bind_text (statement, 2, source_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    return gloss_sql_dup_text (statement, 0);
  if (rc != SQLITE_DONE)
    gloss_store_set_error (self, error, rc, _("looking for the annotation"));

  return NULL;
}

static gboolean
insert_imported (GlossStore               *self,
                 GlossImportedAnnotation  *item,
                 const char               *now,
                 GError                  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  GlossAnnotation *annotation = item->annotation;
  g_autofree char *uuid = item->uuid != NULL ? g_strdup (item->uuid) : g_uuid_string_random ();
  const char *created = item->created_at != NULL ? item->created_at : now;
  const char *updated = item->updated_at != NULL ? item->updated_at : created;
  int rc;

  statement = gloss_store_prepare (self,
                                   "INSERT INTO annotations (kind, start_block, start_offset,"
                                   " end_block, end_offset, exact, prefix, suffix, state, note,"
                                   " speaker, verdict, uuid, article, created_at, updated_at,"
                                   " source_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                   " ?14, ?15, ?16, ?17)", error);
  if (statement == NULL)
    return FALSE;

  gloss_store_bind_annotation_fields (statement, annotation);
  sqlite3_bind_text (statement, 13, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 14, gloss_annotation_get_article_id (annotation));
  sqlite3_bind_text (statement, 15, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 16, updated, -1, SQLITE_STATIC);
  gloss_sql_bind_text (statement, 17, item->source_id);

  rc = sqlite3_step (statement);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                     _("Cannot store the imported annotation “%s”: its id is already in the "
                       "library or its article is gone"), uuid);
      else
        gloss_store_set_error (self, error, rc, _("saving the annotation"));
      return FALSE;
    }

  gloss_annotation_set_stored (annotation, sqlite3_last_insert_rowid (gloss_store_get_db (self)),
                               uuid, created, updated);
  return TRUE;
}

/* Links whose target is not in the library are dropped rather than failing
 * the whole import: the file may hold only part of someone's library. */
static gboolean
insert_links (GlossStore               *self,
              GlossImportedAnnotation  *item,
              GError                  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (item->links == NULL || item->links->len == 0)
    return TRUE;

  statement = gloss_store_prepare (self,
                                   "INSERT OR IGNORE INTO annotation_links"
                                   " (from_annotation, to_annotation, relation) "
                                   "SELECT ?1, id, ?3 FROM annotations WHERE uuid = ?2 AND id <> ?1",
                                   error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < item->links->len; i++)
    {
      const GlossAnnotationLink *link = &g_array_index (item->links, GlossAnnotationLink, i);

      if (link->target_uuid == NULL)
        continue;
      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, gloss_annotation_get_id (item->annotation));
      sqlite3_bind_text (statement, 2, link->target_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (statement, 3, gloss_relation_to_string (link->relation), -1, SQLITE_STATIC);
      if (!gloss_store_step_done (self, statement, _("saving the annotation’s links"), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * gloss_store_add_imported_annotations:
 * @self: a #GlossStore
 * @items: (array length=n_items): the annotations of one imported file
 * @n_items: how many
 * @error: return location for a %GLOSS_ERROR
 *
 * Stores all of @items and then their links, in one transaction: a file is
 * imported whole or not at all.  Links may point at annotations of the same
 * batch or at ones already stored.  On success each annotation has its id,
 * uuid, times and stored links.
 */
gboolean
gloss_store_add_imported_annotations (GlossStore               *self,
                                      GlossImportedAnnotation  *items,
                                      guint                     n_items,
                                      GError                  **error)
{
  g_autoptr(sqlite3_stmt) reload = NULL;
  g_autofree char *now = gloss_store_now ();

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);

  if (n_items == 0)
    return TRUE;

  if (!gloss_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    if (!insert_imported (self, &items[i], now, error))
      goto failed;
  for (guint i = 0; i < n_items; i++)
    if (!insert_links (self, &items[i], error))
      goto failed;

  if (!gloss_store_commit (self, error))
    goto failed;

  /* Hand back the stored links, with their target ids. */
  reload = gloss_store_prepare (self,
                                "SELECT l.relation, l.to_annotation, t.uuid "
                                "FROM annotation_links l JOIN annotations t ON t.id = l.to_annotation "
                                "WHERE l.from_annotation = ?1", error);
  if (reload == NULL)
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      int rc;

      sqlite3_reset (reload);
      sqlite3_bind_int64 (reload, 1, gloss_annotation_get_id (items[i].annotation));
      while ((rc = sqlite3_step (reload)) == SQLITE_ROW)
        {
          GlossRelation relation;

          if (gloss_relation_from_string ((const char *) sqlite3_column_text (reload, 0), &relation))
            gloss_annotation_add_link (items[i].annotation, relation,
                                       sqlite3_column_int64 (reload, 1),
                                       (const char *) sqlite3_column_text (reload, 2));
        }
      if (rc != SQLITE_DONE)
        {
          gloss_store_set_error (self, error, rc, _("reading the annotation’s links"));
          return FALSE;
        }
    }

  return TRUE;

failed:
  for (guint i = 0; i < n_items; i++)
    gloss_annotation_set_stored (items[i].annotation, 0, NULL, NULL, NULL);
  gloss_store_rollback (self);
  return FALSE;
}

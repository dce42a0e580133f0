/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * Annotations and their links.  Each call is one transaction: when it
 * returns TRUE the change is on disk (synchronous=FULL), which is what
 * "acknowledged" means to the GUI and to gloss-cli.
 */

#define ANNOTATION_COLUMNS \
  "id, uuid, article, kind, start_block, start_offset, end_block, end_offset, exact, prefix," \
  " suffix, state, note, speaker, verdict, created_at, updated_at"

/* Reads the links of @annotation_id one way: @sql selects relation, the
 * other annotation's id, uuid and article for ?1. */
static gboolean
read_links (GlossStore  *self,
            const char  *sql,
            gint64       annotation_id,
            GArray      *links,
            GError     **error)
{
  sqlite3_stmt *statement;
  int rc;

  /* Run once per annotation listed, so kept prepared by the store. */
  statement = gloss_store_prepare_cached (self, sql, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, annotation_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossAnnotationLink link = { 0, };

      if (!gloss_relation_from_string ((const char *) sqlite3_column_text (statement, 0),
                                       &link.relation))
        continue;
      link.target_id = sqlite3_column_int64 (statement, 1);
      link.target_uuid = g_strdup ((const char *) sqlite3_column_text (statement, 2));
      link.target_article_id = sqlite3_column_int64 (statement, 3);
      g_array_append_val (links, link);
    }
  sqlite3_reset (statement);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("reading the annotation’s links"));
      return FALSE;
    }
  return TRUE;
}

/* Both ways: the links this annotation makes, and those made to it. */
static gboolean
load_links (GlossStore       *self,
            GlossAnnotation  *annotation,
            GError          **error)
{
  gint64 id = gloss_annotation_get_id (annotation);
  g_autoptr(GArray) outgoing = gloss_annotation_link_array_new ();
  g_autoptr(GArray) incoming = gloss_annotation_link_array_new ();

  if (!read_links (self,
                   "SELECT l.relation, l.to_annotation, t.uuid, t.article "
                   "FROM annotation_links l JOIN annotations t ON t.id = l.to_annotation "
                   "WHERE l.from_annotation = ?1 "
                   "ORDER BY t.article <> (SELECT article FROM annotations WHERE id = ?1), "
                   "t.article, t.start_block, t.start_offset",
                   id, outgoing, error) ||
      !read_links (self,
                   "SELECT l.relation, l.from_annotation, f.uuid, f.article "
                   "FROM annotation_links l JOIN annotations f ON f.id = l.from_annotation "
                   "WHERE l.to_annotation = ?1 "
                   "ORDER BY f.article <> (SELECT article FROM annotations WHERE id = ?1), "
                   "f.article, f.start_block, f.start_offset",
                   id, incoming, error))
    return FALSE;

  for (guint i = 0; i < outgoing->len; i++)
    {
      const GlossAnnotationLink *link = &g_array_index (outgoing, GlossAnnotationLink, i);

      if (gloss_annotation_add_link (annotation, link->relation, link->target_id,
                                     link->target_uuid))
        gloss_annotation_set_link_article (annotation,
                                           gloss_annotation_get_n_links (annotation) - 1,
                                           link->target_article_id);
    }
  gloss_annotation_set_incoming_links (annotation, incoming);
  return TRUE;
}

GlossAnnotation *
gloss_store_annotation_from_row (GlossStore    *self,
                                 sqlite3_stmt  *statement,
                                 GError       **error)
{
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  GlossAnnotationKind kind = GLOSS_ANNOTATION_CLAIM;
  GlossAnchorState state = GLOSS_ANCHOR_ANCHORED;
  GlossVerdict verdict = GLOSS_VERDICT_NONE;
  const char *verdict_name;

  gloss_annotation_kind_from_string ((const char *) sqlite3_column_text (statement, 3), &kind);
  gloss_anchor_state_from_string ((const char *) sqlite3_column_text (statement, 11), &state);
  anchor = gloss_anchor_new (sqlite3_column_int (statement, 4), sqlite3_column_int (statement, 5),
                             sqlite3_column_int (statement, 6), sqlite3_column_int (statement, 7),
                             (const char *) sqlite3_column_text (statement, 8),
                             (const char *) sqlite3_column_text (statement, 9),
                             (const char *) sqlite3_column_text (statement, 10), state);

  annotation = gloss_annotation_new (kind, anchor);
  gloss_annotation_set_stored (annotation, sqlite3_column_int64 (statement, 0),
                               (const char *) sqlite3_column_text (statement, 1),
                               (const char *) sqlite3_column_text (statement, 15),
                               (const char *) sqlite3_column_text (statement, 16));
  gloss_annotation_set_article_id (annotation, sqlite3_column_int64 (statement, 2));
  gloss_annotation_set_note (annotation, (const char *) sqlite3_column_text (statement, 12));
  gloss_annotation_set_speaker (annotation, (const char *) sqlite3_column_text (statement, 13));
  verdict_name = (const char *) sqlite3_column_text (statement, 14);
  if (verdict_name != NULL && gloss_verdict_from_string (verdict_name, &verdict) &&
      kind == GLOSS_ANNOTATION_CLAIM)
    gloss_annotation_set_verdict (annotation, verdict);

  if (!load_links (self, annotation, error))
    return NULL;

  return g_steal_pointer (&annotation);
}

static void
set_annotation_not_found (GError **error,
                          gint64   annotation_id)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
               _("There is no annotation %" PRId64 " in the library"), annotation_id);
}

GlossAnnotation *
gloss_store_load_annotation (GlossStore  *self,
                             gint64       annotation_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare (self,
                                   "SELECT " ANNOTATION_COLUMNS " FROM annotations WHERE id = ?1",
                                   error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, annotation_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_DONE)
    {
      set_annotation_not_found (error, annotation_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_error (self, error, rc, _("reading the annotation"));
      return NULL;
    }

  return gloss_store_annotation_from_row (self, statement, error);
}

/**
 * gloss_store_list_annotations:
 *
 * Returns: (transfer full) (element-type GlossAnnotation): the article's
 *   annotations in document order
 */
GPtrArray *
gloss_store_list_annotations (GlossStore  *self,
                              gint64       article_id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare (self,
                                   "SELECT " ANNOTATION_COLUMNS " FROM annotations WHERE article = ?1 "
                                   "ORDER BY start_block, start_offset, end_block, end_offset, id",
                                   error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);

  annotations = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossAnnotation *annotation = gloss_store_annotation_from_row (self, statement, error);

      if (annotation == NULL)
        return NULL;
      g_ptr_array_add (annotations, annotation);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("reading the annotations"));
      return NULL;
    }

  return g_steal_pointer (&annotations);
}

gboolean
gloss_store_write_anchor (GlossStore         *self,
                          gint64              annotation_id,
                          const GlossAnchor  *anchor,
                          const char         *now,
                          GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = gloss_store_prepare (self,
                                   "UPDATE annotations SET start_block = ?1, start_offset = ?2,"
                                   " end_block = ?3, end_offset = ?4, exact = ?5, prefix = ?6,"
                                   " suffix = ?7, state = ?8, updated_at = ?9 WHERE id = ?10", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int (statement, 1, anchor->start_block);
  sqlite3_bind_int (statement, 2, anchor->start_offset);
  sqlite3_bind_int (statement, 3, anchor->end_block);
  sqlite3_bind_int (statement, 4, anchor->end_offset);
  sqlite3_bind_text (statement, 5, anchor->exact, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 6, anchor->prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 7, anchor->suffix, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 8, gloss_anchor_state_to_string (anchor->state), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 10, annotation_id);

  return gloss_store_step_done (self, statement, _("saving the annotation"), error);
}

/* Replaces the stored links of @annotation by its current ones, checking
 * that every target exists and filling in the targets' uuids. */
static gboolean
write_links (GlossStore       *self,
             GlossAnnotation  *annotation,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 id = gloss_annotation_get_id (annotation);
  guint n_links = gloss_annotation_get_n_links (annotation);

  clear = gloss_store_prepare (self, "DELETE FROM annotation_links WHERE from_annotation = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, id);
  if (!gloss_store_step_done (self, clear, _("saving the annotation’s links"), error))
    return FALSE;

  insert = gloss_store_prepare (self,
                                "INSERT INTO annotation_links (from_annotation, to_annotation, relation) "
                                "SELECT ?1, id, ?3 FROM annotations WHERE id = ?2 AND id <> ?1", error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < n_links; i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int64 (insert, 2, link->target_id);
      sqlite3_bind_text (insert, 3, gloss_relation_to_string (link->relation), -1, SQLITE_STATIC);
      if (!gloss_store_step_done (self, insert, _("saving the annotation’s links"), error))
        return FALSE;
      if (sqlite3_changes (gloss_store_get_db (self)) == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("Cannot link to annotation %" PRId64 ": it does not exist or "
                         "is the annotation itself"), link->target_id);
          return FALSE;
        }
    }

  return TRUE;
}

/* Binds ?1…?12 of an INSERT or UPDATE of annotations: kind, anchor (?2…?9),
 * note, speaker, verdict, in that order. */
void
gloss_store_bind_annotation_fields (sqlite3_stmt    *statement,
                                    GlossAnnotation *annotation)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);

  sqlite3_bind_text (statement, 1, gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (statement, 2, anchor->start_block);
  sqlite3_bind_int (statement, 3, anchor->start_offset);
  sqlite3_bind_int (statement, 4, anchor->end_block);
  sqlite3_bind_int (statement, 5, anchor->end_offset);
  sqlite3_bind_text (statement, 6, anchor->exact, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 7, anchor->prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 8, anchor->suffix, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 9, gloss_anchor_state_to_string (anchor->state), -1, SQLITE_STATIC);
  gloss_sql_bind_text (statement, 10, gloss_annotation_get_note (annotation));
  gloss_sql_bind_text (statement, 11, gloss_annotation_get_speaker (annotation));
  gloss_sql_bind_text (statement, 12, gloss_verdict_to_string (gloss_annotation_get_verdict (annotation)));
}

/* What the table's CHECK constraints refuse, said in words before the
 * write rather than as SQLite's "CHECK constraint failed" after it. */
static gboolean
check_fields (GlossAnnotation  *annotation,
              GError          **error)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);

  /* The kind and verdict agree by construction (GlossAnnotation keeps
   * them so); an anchor can be made by hand. */
  if (anchor->end_block < anchor->start_block)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   /* Translators: block numbers, counted from 0 as gloss-cli shows them */
                   _("The annotation cannot be saved: it ends in block %u, before the block "
                     "it starts in (%u)"), anchor->end_block, anchor->start_block);
      return FALSE;
    }

  return TRUE;
}

/* Links are re-read after a write so their target uuids are the stored ones. */
static gboolean
reload_links (GlossStore       *self,
              GlossAnnotation  *annotation,
              GError          **error)
{
  while (gloss_annotation_get_n_links (annotation) > 0)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, 0);

      gloss_annotation_remove_link (annotation, link->relation, link->target_id);
    }

  return load_links (self, annotation, error);
}

/**
 * gloss_store_add_annotation:
 * @self: a #GlossStore
 * @annotation: a new annotation, with its article id set
 * @error: return location for a %GLOSS_ERROR
 *
 * Stores @annotation and its links in one transaction and gives it its id,
 * uuid and times.  When this returns %TRUE the annotation is on disk.
 */
gboolean
gloss_store_add_annotation (GlossStore       *self,
                            GlossAnnotation  *annotation,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = gloss_store_now ();

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (gloss_annotation_get_id (annotation) == 0, FALSE);

  if (!check_fields (annotation, error) || !gloss_store_begin (self, error))
    return FALSE;

  statement = gloss_store_prepare (self,
                                   "INSERT INTO annotations (kind, start_block, start_offset,"
                                   " end_block, end_offset, exact, prefix, suffix, state, note,"
                                   " speaker, verdict, uuid, article, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                   " ?14, ?15, ?15)", error);
  if (statement == NULL)
    goto failed;

  gloss_store_bind_annotation_fields (statement, annotation);
  sqlite3_bind_text (statement, 13, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 14, gloss_annotation_get_article_id (annotation));
  sqlite3_bind_text (statement, 15, now, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      int rc = sqlite3_errcode (gloss_store_get_db (self));

      /* The range was checked above and the kind and verdict agree by
       * construction; what is left is an article deleted meanwhile (by
       * another window or program). */
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("There is no article %" PRId64 " in the library"),
                     gloss_annotation_get_article_id (annotation));
      else
        gloss_store_set_error (self, error, rc, _("saving the annotation"));
      goto failed;
    }

  /* Links are re-read inside the transaction: once COMMIT succeeds, this
   * function must report success, or a caller retrying would add the
   * annotation twice. */
  gloss_annotation_set_stored (annotation, sqlite3_last_insert_rowid (gloss_store_get_db (self)),
                               uuid, now, now);
  if (!write_links (self, annotation, error) || !reload_links (self, annotation, error) ||
      !gloss_store_commit (self, error))
    {
      gloss_annotation_set_stored (annotation, 0, NULL, NULL, NULL);
      goto failed;
    }

  return TRUE;

failed:
  gloss_store_rollback (self);
  return FALSE;
}

/**
 * gloss_store_save_annotation:
 * @self: a #GlossStore
 * @annotation: a stored annotation, changed
 * @error: return location for a %GLOSS_ERROR
 *
 * Writes the kind, anchor, note, speaker, verdict and links of @annotation.
 */
gboolean
gloss_store_save_annotation (GlossStore       *self,
                             GlossAnnotation  *annotation,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *now = gloss_store_now ();

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (gloss_annotation_get_id (annotation) > 0, FALSE);

  if (!check_fields (annotation, error) || !gloss_store_begin (self, error))
    return FALSE;

  statement = gloss_store_prepare (self,
                                   "UPDATE annotations SET kind = ?1, start_block = ?2,"
                                   " start_offset = ?3, end_block = ?4, end_offset = ?5, exact = ?6,"
                                   " prefix = ?7, suffix = ?8, state = ?9, note = ?10, speaker = ?11,"
                                   " verdict = ?12, updated_at = ?13,"
                                   /* A verdict set now rates the words as they are. */
                                   " rated_exact = CASE WHEN verdict IS NOT ?12 THEN NULL"
                                   "   ELSE rated_exact END,"
                                   " needs_review = CASE WHEN verdict IS NOT ?12 THEN 0"
                                   "   ELSE needs_review END WHERE id = ?14", error);
  if (statement == NULL)
    goto failed;

  gloss_store_bind_annotation_fields (statement, annotation);
  sqlite3_bind_text (statement, 13, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 14, gloss_annotation_get_id (annotation));
  if (!gloss_store_step_done (self, statement, _("saving the annotation"), error))
    goto failed;
  if (sqlite3_changes (gloss_store_get_db (self)) == 0)
    {
      set_annotation_not_found (error, gloss_annotation_get_id (annotation));
      goto failed;
    }

  if (!write_links (self, annotation, error) || !reload_links (self, annotation, error) ||
      !gloss_store_commit (self, error))
    goto failed;

  gloss_annotation_set_stored (annotation, gloss_annotation_get_id (annotation),
                               gloss_annotation_get_uuid (annotation),
                               gloss_annotation_get_created_at (annotation), now);
  return TRUE;

failed:
  gloss_store_rollback (self);
  return FALSE;
}

/**
 * gloss_store_delete_annotation:
 *
 * Deletes the annotation and every link from or to it.
 */
gboolean
gloss_store_delete_annotation (GlossStore  *self,
                               gint64       annotation_id,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  if (!gloss_store_begin (self, error))
    return FALSE;

  statement = gloss_store_prepare (self, "DELETE FROM annotations WHERE id = ?1", error);
  if (statement == NULL)
    goto failed;
  sqlite3_bind_int64 (statement, 1, annotation_id);
  if (!gloss_store_step_done (self, statement, _("deleting the annotation"), error))
    goto failed;
  if (sqlite3_changes (gloss_store_get_db (self)) == 0)
    {
      set_annotation_not_found (error, annotation_id);
      goto failed;
    }

  return gloss_store_commit (self, error);

failed:
  gloss_store_rollback (self);
  return FALSE;
}

/* Delete and Undo of one annotation, as of an article
 * (gloss-store-library.c): every column of its row and of its links both
 * ways is kept, so Undo brings back the same row (id, uuid, times, rated
 * words, the id it was imported with) and the links to and from other
 * articles too.  Ids are never handed out twice (schema step 5), so
 * nothing can have taken its number meanwhile, and whatever cites it
 * (a note, a script, a link from another article) finds it again. */

struct _GlossAnnotationRows
{
  gint64 id;
  GlossSnapshotTable *annotation;
  GlossSnapshotTable *links;
};

gint64
gloss_annotation_rows_get_id (GlossAnnotationRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);

  return rows->id;
}

void
gloss_annotation_rows_free (GlossAnnotationRows *rows)
{
  if (rows == NULL)
    return;

  gloss_snapshot_table_free (rows->annotation);
  gloss_snapshot_table_free (rows->links);
  g_free (rows);
}

/**
 * gloss_store_delete_annotation_rows:
 * @self: a #GlossStore
 * @annotation_id: the annotation to delete
 * @error: return location for a %GLOSS_ERROR
 *
 * Deletes the annotation and every link from or to it, as
 * gloss_store_delete_annotation() does, and returns what it took.
 *
 * Returns: (transfer full) (nullable): the rows for
 *   gloss_store_restore_annotation_rows()
 */
GlossAnnotationRows *
gloss_store_delete_annotation_rows (GlossStore  *self,
                                    gint64       annotation_id,
                                    GError     **error)
{
  g_autoptr(GlossAnnotationRows) rows = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  if (!gloss_store_begin (self, error))
    return NULL;

  rows = g_new0 (GlossAnnotationRows, 1);
  rows->id = annotation_id;
  rows->annotation = gloss_store_snapshot_rows (self, "annotations",
                                                "SELECT * FROM annotations WHERE id = ?1",
                                                annotation_id, error);
  if (rows->annotation == NULL)
    goto failed;
  if (gloss_snapshot_table_get_n_rows (rows->annotation) == 0)
    {
      set_annotation_not_found (error, annotation_id);
      goto failed;
    }
  rows->links = gloss_store_snapshot_rows (self, "annotation_links",
                                           "SELECT * FROM annotation_links"
                                           " WHERE from_annotation = ?1 OR to_annotation = ?1",
                                           annotation_id, error);
  if (rows->links == NULL)
    goto failed;

  /* The cascade takes the links, the trigger the search row. */
  statement = gloss_store_prepare (self, "DELETE FROM annotations WHERE id = ?1", error);
  if (statement == NULL)
    goto failed;
  sqlite3_bind_int64 (statement, 1, annotation_id);
  if (!gloss_store_step_done (self, statement, _("deleting the annotation"), error) ||
      !gloss_store_commit (self, error))
    goto failed;

  return g_steal_pointer (&rows);

failed:
  gloss_store_rollback (self);
  return NULL;
}

/**
 * gloss_store_restore_annotation_rows:
 * @self: a #GlossStore
 * @rows: what gloss_store_delete_annotation_rows() returned
 * @error: return location for a %GLOSS_ERROR
 *
 * Undoes the deletion in one transaction: the annotation comes back with
 * its id and uuid, and so do its links to and from annotations that still
 * exist.  Fails, changing nothing, when its article was deleted meanwhile
 * or the annotation is already back.
 *
 * Returns: %TRUE when the annotation is back
 */
gboolean
gloss_store_restore_annotation_rows (GlossStore           *self,
                                     GlossAnnotationRows  *rows,
                                     GError              **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (!gloss_store_begin (self, error))
    return FALSE;

  statement = gloss_store_prepare (self, "SELECT 1 FROM annotations WHERE id = ?1", error);
  if (statement == NULL)
    goto failed;
  sqlite3_bind_int64 (statement, 1, rows->id);
  if (sqlite3_step (statement) == SQLITE_ROW)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("Annotation %" PRId64 " is already in the library"), rows->id);
      goto failed;
    }

  if (!gloss_store_restore_rows (self, rows->annotation, error) ||
      !gloss_store_restore_rows (self, rows->links, error) ||
      !gloss_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  gloss_store_rollback (self);
  return FALSE;
}

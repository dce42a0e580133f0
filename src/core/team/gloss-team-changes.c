/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-store-private.h"
#include "gloss-team-objects.h"

/*
 * What waits to go to the server: every shared object whose canonical JSON
 * here differs from the last copy agreed with the server (or that has no
 * such copy yet), and a tombstone for every synced object no longer here.
 * Nothing marks a change as it happens, so no write path of the store needs
 * to know about syncing, and a change made while offline, by another
 * program, or before a crash is found all the same.
 *
 * Comparing costs a pass over every shared object, so a sync first asks
 * whether anything it reads was written since the last time it found
 * nothing waiting (team_local_changes, kept by triggers: store schema
 * step 10) and compares only when something was.
 */

void
gloss_team_change_free (GlossTeamChange *change)
{
  if (change == NULL)
    return;
  g_free (change->uuid);
  g_free (change->data);
  g_free (change);
}

/* A link has no id of its own in the library: its uuid is made from its
 * two ends and its relation (a SHA-256 name-based uuid), so two people
 * making the same link make one. */
char *
gloss_team_link_uuid (const char *from_uuid,
                      const char *to_uuid,
                      const char *relation)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "gloss-link", sizeof "gloss-link");
  g_checksum_update (checksum, (const guchar *) from_uuid, strlen (from_uuid) + 1);
  g_checksum_update (checksum, (const guchar *) to_uuid, strlen (to_uuid) + 1);
  g_checksum_update (checksum, (const guchar *) relation, strlen (relation));
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x80;   /* version 8: made by us */
  digest[8] = (digest[8] & 0x3f) | 0x80;   /* RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static gboolean
collect (GlossStore   *store,
         gint64        library_id,
         const char   *kind,
         const char   *sql,
         gboolean      deleted,
         GPtrArray    *changes,
         GError      **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (store, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossTeamChange *change = g_new0 (GlossTeamChange, 1);

      change->kind = kind;
      change->uuid = gloss_sql_dup_text (statement, 0);
      change->data = gloss_sql_dup_text (statement, 1);
      change->base = sqlite3_column_int64 (statement, 2);
      change->deleted = deleted;
      if (sqlite3_column_count (statement) > 3)
        change->article_id = sqlite3_column_int64 (statement, 3);
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading the team library"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
collect_links (GlossStore  *store,
               gint64       library_id,
               GPtrArray   *changes,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) synced = NULL;
  g_autoptr(sqlite3_stmt) local = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *expr = gloss_team_canonical_from_row ("link");
  g_autofree char *sql = NULL;
  g_autoptr(GHashTable) bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  typedef struct { gint64 version; gboolean deleted; } Base;
  int rc;

  /* uuid → Base of every synced link */
  synced = gloss_store_prepare (store,
                                "SELECT uuid, version, deleted FROM team_synced"
                                " WHERE library = ?1 AND kind = 'link'", error);
  if (synced == NULL)
    return FALSE;
  sqlite3_bind_int64 (synced, 1, library_id);
  while ((rc = sqlite3_step (synced)) == SQLITE_ROW)
    {
      Base *base = g_new (Base, 1);

      base->version = sqlite3_column_int64 (synced, 1);
      base->deleted = sqlite3_column_int (synced, 2);
      g_hash_table_insert (bases, gloss_sql_dup_text (synced, 0), base);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sql = g_strdup_printf ("SELECT fa.uuid, ta.uuid, l.relation, %s FROM annotation_links l"
                         " JOIN annotations fa ON fa.id = l.from_annotation"
                         " JOIN annotations ta ON ta.id = l.to_annotation"
                         " JOIN articles ar ON ar.id = fa.article"
                         " JOIN team_shared sh ON sh.library = ?1 AND sh.article_uuid = ar.uuid",
                         expr);
  local = gloss_store_prepare (store, sql, error);
  if (local == NULL)
    return FALSE;
  sqlite3_bind_int64 (local, 1, library_id);
  while ((rc = sqlite3_step (local)) == SQLITE_ROW)
    {
      g_autofree char *uuid = gloss_team_link_uuid ((const char *) sqlite3_column_text (local, 0),
                                                    (const char *) sqlite3_column_text (local, 1),
                                                    (const char *) sqlite3_column_text (local, 2));
      Base *base = g_hash_table_lookup (bases, uuid);
      gint64 version = base != NULL ? base->version : 0;

      if (base == NULL || base->deleted)
        {
          GlossTeamChange *change = g_new0 (GlossTeamChange, 1);

          change->kind = "link";
          change->uuid = g_strdup (uuid);
          change->data = gloss_sql_dup_text (local, 3);
          change->base = version;
          g_ptr_array_add (changes, change);
        }
      g_hash_table_add (seen, g_steal_pointer (&uuid));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  /* Synced links no longer here: tombstones. */
  g_clear_pointer (&synced, sqlite3_finalize);
  synced = gloss_store_prepare (store,
                                "SELECT uuid, data, version FROM team_synced"
                                " WHERE library = ?1 AND kind = 'link' AND NOT deleted", error);
  if (synced == NULL)
    return FALSE;
  sqlite3_bind_int64 (synced, 1, library_id);
  while ((rc = sqlite3_step (synced)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (synced, 0);

      if (!g_hash_table_contains (seen, uuid))
        {
          GlossTeamChange *change = g_new0 (GlossTeamChange, 1);

          change->kind = "link";
          change->uuid = g_strdup (uuid);
          change->data = gloss_sql_dup_text (synced, 1);
          change->base = sqlite3_column_int64 (synced, 2);
          change->deleted = TRUE;
          g_ptr_array_add (changes, change);
        }
    }
  if (rc != SQLITE_DONE)
    goto failed;
  return TRUE;

failed:
  gloss_store_set_error (store, error, rc, _("reading the team library"));
  return FALSE;
}

/**
 * gloss_team_collect_changes:
 *
 * Returns: (element-type GlossTeamChange) (transfer full): the changes
 *   waiting for the server: articles first, then annotations, then links
 */
GPtrArray *
gloss_team_collect_changes (GlossStore  *store,
                            gint64       library_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_team_change_free);
  g_autofree char *article = gloss_team_canonical_from_row ("article");
  g_autofree char *annotation = gloss_team_canonical_from_row ("annotation");
  g_autofree char *articles_changed = NULL;
  g_autofree char *annotations_changed = NULL;

  articles_changed =
    g_strdup_printf ("SELECT d.uuid, d.data, coalesce (s.version, 0), d.id FROM"
                     " (SELECT a.id AS id, a.uuid AS uuid, %s AS data FROM articles a"
                     "  JOIN team_shared sh ON sh.library = ?1 AND sh.article_uuid = a.uuid) d"
                     " LEFT JOIN team_synced s"
                     "  ON s.library = ?1 AND s.kind = 'article' AND s.uuid = d.uuid"
                     " WHERE s.uuid IS NULL OR s.deleted OR s.data IS NOT d.data", article);
  annotations_changed =
    g_strdup_printf ("SELECT d.uuid, d.data, coalesce (s.version, 0) FROM"
                     " (SELECT an.uuid AS uuid, %s AS data FROM annotations an"
                     "  JOIN articles ar ON ar.id = an.article"
                     "  JOIN team_shared sh ON sh.library = ?1 AND sh.article_uuid = ar.uuid) d"
                     " LEFT JOIN team_synced s"
                     "  ON s.library = ?1 AND s.kind = 'annotation' AND s.uuid = d.uuid"
                     " WHERE s.uuid IS NULL OR s.deleted OR s.data IS NOT d.data", annotation);

  if (!collect (store, library_id, "article", articles_changed, FALSE, changes, error) ||
      !collect (store, library_id, "article",
                "SELECT s.uuid, s.data, s.version FROM team_synced s"
                " WHERE s.library = ?1 AND s.kind = 'article' AND NOT s.deleted"
                " AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.uuid = s.uuid)",
                TRUE, changes, error) ||
      !collect (store, library_id, "annotation", annotations_changed, FALSE, changes, error) ||
      !collect (store, library_id, "annotation",
                "SELECT s.uuid, s.data, s.version FROM team_synced s"
                " WHERE s.library = ?1 AND s.kind = 'annotation' AND NOT s.deleted"
                " AND NOT EXISTS (SELECT 1 FROM annotations an WHERE an.uuid = s.uuid)",
                TRUE, changes, error) ||
      !collect_links (store, library_id, changes, error))
    return NULL;

  return g_steal_pointer (&changes);
}

/**
 * gloss_team_changes_check:
 * @out_counter: (out): the library's change counter now, for
 *   gloss_team_changes_mark_clean() after a comparison that started after
 *   this read
 * @out_clean: (out): %TRUE when nothing a sync sends was written since a
 *   sync last found nothing waiting for @library_id
 */
gboolean
gloss_team_changes_check (GlossStore  *store,
                          gint64       library_id,
                          gint64      *out_counter,
                          gboolean    *out_clean,
                          GError     **error)
{
  sqlite3_stmt *statement = gloss_store_prepare_cached (store,
                                                        "SELECT c.counter, t.clean_at IS c.counter"
                                                        " FROM team_local_changes c, team_libraries t"
                                                        " WHERE c.id = 1 AND t.id = ?1", error);
  int rc;

  *out_counter = 0;
  *out_clean = FALSE;
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    {
      *out_counter = sqlite3_column_int64 (statement, 0);
      *out_clean = sqlite3_column_int (statement, 1);
    }
  sqlite3_reset (statement);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading the team library"));
      return FALSE;
    }
  return TRUE;
}

/* A comparison that began after gloss_team_changes_check() read @counter
 * found nothing waiting: until something is written, none is needed. */
gboolean
gloss_team_changes_mark_clean (GlossStore  *store,
                               gint64       library_id,
                               gint64       counter,
                               GError     **error)
{
  sqlite3_stmt *statement = gloss_store_prepare_cached (store,
                                                        "UPDATE team_libraries SET clean_at = ?2"
                                                        " WHERE id = ?1", error);
  int rc;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  sqlite3_bind_int64 (statement, 2, counter);
  rc = sqlite3_step (statement);
  sqlite3_reset (statement);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("saving the team library"));
      return FALSE;
    }
  return TRUE;
}

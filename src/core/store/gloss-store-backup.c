/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * Backups of the library, and what to do with a damaged one.
 *
 * Backups are made with SQLite's online backup API, so they are consistent
 * even while another program writes, and land in a `backups` folder next to
 * the library: before every schema upgrade, once a day when the app asks,
 * and before a restore.  Each backup is a self-contained file (rollback
 * journal, not WAL) written under a temporary name and renamed into place,
 * so a backup that exists is complete.  The newest few are kept.
 */

#define N_KEPT_BACKUPS 5
#define BACKUP_INTERVAL_SECONDS (24 * 60 * 60)

char *
gloss_store_dup_backup_folder (const char *library_path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (library_path != NULL, NULL);

  folder = g_path_get_dirname (library_path);
  return g_build_filename (folder, "backups", NULL);
}

/**
 * gloss_store_backup:
 * @self: a #GlossStore
 * @destination: the backup file to write (replaced if it exists)
 * @error: return location for a %GLOSS_ERROR
 *
 * Copies the whole library into @destination, atomically.
 */
gboolean
gloss_store_backup (GlossStore  *self,
                    const char  *destination,
                    GError     **error)
{
  g_autofree char *partial = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  partial = g_strconcat (destination, ".partial", NULL);
  g_unlink (partial);

  rc = sqlite3_open_v2 (partial, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", gloss_store_get_db (self), "main");
      if (backup == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
        }
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not back up the library to %s: %s"),
                   destination, target != NULL ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      g_unlink (partial);
      return FALSE;
    }

  sqlite3_close (target);
  if (g_rename (partial, destination) != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not back up the library to %s: %s"), destination, g_strerror (errno));
      g_unlink (partial);
      return FALSE;
    }

  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gloss_store_list_backups:
 * @library_path: the library file
 * @error: return location for a %GLOSS_ERROR
 *
 * Returns: (transfer full) (element-type utf8): the paths of the library's
 *   backups, newest first (empty when there are none)
 */
GPtrArray *
gloss_store_list_backups (const char  *library_path,
                          GError     **error)
{
  g_autofree char *folder = gloss_store_dup_backup_folder (library_path);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "library-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (backups, g_build_filename (folder, name, NULL));

  /* Names start with a UTC timestamp, so name order is time order. */
  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/**
 * gloss_store_backup_automatically:
 * @self: a #GlossStore
 * @reason: a word for the file name, such as "daily" or "before-upgrade"
 * @error: return location for a %GLOSS_ERROR
 *
 * Writes a new backup into the backup folder and keeps only the newest few.
 */
gboolean
gloss_store_backup_automatically (GlossStore  *self,
                                  const char  *reason,
                                  GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *destination = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  if (g_str_equal (gloss_store_get_path (self), ":memory:"))
    return TRUE;

  folder = gloss_store_dup_backup_folder (gloss_store_get_path (self));
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not create the backup folder %s: %s"), folder, g_strerror (errno));
      return FALSE;
    }

  name = g_strdup_printf ("library-%s.%06d-%s.db", stamp, g_date_time_get_microsecond (now), reason);
  destination = g_build_filename (folder, name, NULL);
  if (!gloss_store_backup (self, destination, error))
    return FALSE;

  backups = gloss_store_list_backups (gloss_store_get_path (self), NULL);
  for (guint i = N_KEPT_BACKUPS; backups != NULL && i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));

  return TRUE;
}

/**
 * gloss_store_backup_if_due:
 * @self: a #GlossStore
 * @error: return location for a %GLOSS_ERROR
 *
 * Makes a backup when the newest one is more than a day old (or there is
 * none) and the library holds anything.  Cheap when nothing is due, so the
 * app can call it at start-up, in a worker thread with a #GlossStore of its
 * own (a connection must not be shared between threads).
 */
gboolean
gloss_store_backup_if_due (GlossStore  *self,
                           GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;
  GStatBuf info;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  if (gloss_store_is_read_only (self) || g_str_equal (gloss_store_get_path (self), ":memory:"))
    return TRUE;

  backups = gloss_store_list_backups (gloss_store_get_path (self), error);
  if (backups == NULL)
    return FALSE;
  if (backups->len > 0 && g_stat (g_ptr_array_index (backups, 0), &info) == 0 &&
      (g_get_real_time () / G_USEC_PER_SEC) - info.st_mtime < BACKUP_INTERVAL_SECONDS)
    return TRUE;

  statement = gloss_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM articles)", error);
  if (statement == NULL)
    return FALSE;
  if (sqlite3_step (statement) != SQLITE_ROW || sqlite3_column_int (statement, 0) == 0)
    return TRUE;

  return gloss_store_backup_automatically (self, "daily", error);
}

static char *
dup_timestamped_path (const char *path,
                      const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.%s-%s", path, what, stamp);
}

static gboolean
move_database_files (const char  *from,
                     const char  *to,
                     GError     **error)
{
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (from, to) != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not move the library %s aside: %s"), from, g_strerror (errno));
      return FALSE;
    }

  /* The journal files belong to the file they came with: left behind, a
   * stale WAL would be replayed into whatever takes the library's place. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *old = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *new = g_strconcat (to, suffixes[i], NULL);

      if (g_file_test (old, G_FILE_TEST_EXISTS))
        g_rename (old, new);
    }

  return TRUE;
}

/**
 * gloss_store_set_aside_damaged:
 * @library_path: a library that could not be opened
 * @error: return location for a %GLOSS_ERROR
 *
 * Renames the library (and its journal files) to `PATH.damaged-TIMESTAMP`
 * so that a fresh library can be created in its place; the damaged file is
 * kept for the user, never deleted.
 *
 * Returns: (transfer full): the damaged file's new path, or %NULL
 */
char *
gloss_store_set_aside_damaged (const char  *library_path,
                               GError     **error)
{
  g_autofree char *aside = NULL;

  g_return_val_if_fail (library_path != NULL, NULL);

  aside = dup_timestamped_path (library_path, "damaged");
  if (!move_database_files (library_path, aside, error))
    return NULL;

  return g_steal_pointer (&aside);
}

/**
 * gloss_store_restore_backup:
 * @library_path: the library to replace (no #GlossStore may have it open)
 * @backup_path: a backup made by Gloss
 * @error: return location for a %GLOSS_ERROR
 *
 * Checks that @backup_path is an intact Gloss library, keeps the current
 * library (a backup of it when it can be read, else the file itself set
 * aside), and puts a copy of the backup in its place.
 */
gboolean
gloss_store_restore_backup (const char  *library_path,
                            const char  *backup_path,
                            GError     **error)
{
  g_autoptr(GlossStore) check = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *partial_path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (library_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* A backup made before an upgrade has the older schema: that is fine, the
   * next open upgrades the restored library again. */
  check = gloss_store_open_full (backup_path, GLOSS_STORE_OPEN_CHECK_ONLY, &local_error);
  if (check == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT,
                   _("%s cannot be restored: %s"), backup_path, local_error->message);
      return FALSE;
    }
  g_clear_object (&check);
  g_clear_error (&local_error);

  /* The copy is on disk (fsync'd) before the library is touched. */
  partial_path = g_strconcat (library_path, ".partial", NULL);
  if (!g_file_get_contents (backup_path, &contents, &length, &local_error) ||
      !g_file_set_contents_full (partial_path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not restore %s: %s"), backup_path,
                   local_error->message);
      g_unlink (partial_path);
      return FALSE;
    }

  if (g_file_test (library_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GlossStore) current = gloss_store_open (library_path, &local_error);

      if (current != NULL)
        {
          if (!gloss_store_backup_automatically (current, "before-restore", error))
            {
              g_unlink (partial_path);
              return FALSE;
            }
        }
      else if (g_error_matches (local_error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT))
        {
          g_autofree char *aside = gloss_store_set_aside_damaged (library_path, error);

          if (aside == NULL)
            {
              g_unlink (partial_path);
              return FALSE;
            }
        }
      else
        {
          /* Busy in another program, newer, unreadable: not damaged, so it
           * is neither replaced nor moved. */
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not restore %s: %s"),
                       backup_path, local_error->message);
          g_unlink (partial_path);
          return FALSE;
        }
    }

  /* A journal left by the library being replaced would be replayed into
   * the restored file. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *journal = g_strconcat (library_path, i == 0 ? "-wal" : "-shm", NULL);

      g_unlink (journal);
    }

  if (g_rename (partial_path, library_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not restore %s: %s"), backup_path,
                   g_strerror (saved_errno));
      g_unlink (partial_path);
      return FALSE;
    }

  return TRUE;
}

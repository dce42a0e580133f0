/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * GlossStore is the only owner of the sqlite3 handle (docs/ARCHITECTURE.md §5).  Every
 * write runs in a transaction with bound parameters; the journal is WAL with
 * synchronous=FULL so a committed annotation survives a killed process and a
 * power cut alike.  Opening never writes to a library it cannot read: a
 * newer schema, another program's database or a damaged file is refused
 * before the first write (turning WAL on is a write).
 */

/* "Glss" in PRAGMA application_id marks a SQLite file as a Gloss library. */
#define GLOSS_APPLICATION_ID 0x476c7373
#define BUSY_TIMEOUT_MS 10000

struct _GlossStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  gboolean read_only;

  /* SQL text → sqlite3_stmt, for statements run once per row of another
   * query (an article's 1,000 annotations each load their links):
   * preparing costs more than running them. */
  GHashTable *cached_statements;
};

G_DEFINE_FINAL_TYPE (GlossStore, gloss_store, G_TYPE_OBJECT)

static void
gloss_store_finalize (GObject *object)
{
  GlossStore *self = (GlossStore *) object;

  g_clear_pointer (&self->cached_statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (gloss_store_parent_class)->finalize (object);
}

static void
gloss_store_class_init (GlossStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_store_finalize;
}

static void
gloss_store_init (GlossStore *self)
{
  self->cached_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) sqlite3_finalize);
}

/**
 * gloss_store_dup_default_path:
 *
 * Returns: (transfer full): `$GLOSS_DB` when set, else
 *   `$XDG_DATA_HOME/gloss/library.db`
 */
char *
gloss_store_dup_default_path (void)
{
  const char *override = g_getenv ("GLOSS_DB");

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  return g_build_filename (g_get_user_data_dir (), "gloss", "library.db", NULL);
}

const char *
gloss_store_get_path (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return self->path;
}

/**
 * gloss_store_is_read_only:
 *
 * Returns: whether the library was opened for reading only (its file cannot
 *   be written, or %GLOSS_STORE_OPEN_READ_ONLY was asked for); every write
 *   then fails with a clear error and changes nothing
 */
gboolean
gloss_store_is_read_only (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * gloss_store_begin_read:
 * @self: a #GlossStore
 * @error: return location for a %GLOSS_ERROR
 *
 * Starts a read transaction, for reads that must agree with each other
 * (an article, its annotations and the hash of its source, for an export):
 * until gloss_store_end_read(), every read through @self sees the library
 * as it was at the first of them, whatever other programs or Gloss's own
 * import worker commit meanwhile.  WAL lets them write all the while.
 * Nothing may be written through @self before gloss_store_end_read().
 *
 * Returns: %TRUE when the transaction started
 */
gboolean
gloss_store_begin_read (GlossStore  *self,
                        GError     **error)
{
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);

  rc = sqlite3_exec (self->db, "BEGIN DEFERRED", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_store_set_error (self, error, rc, _("reading the library"));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_store_end_read:
 * @self: a #GlossStore
 *
 * Ends the read transaction gloss_store_begin_read() started; the next
 * read sees what was committed meanwhile.
 */
void
gloss_store_end_read (GlossStore *self)
{
  g_return_if_fail (GLOSS_IS_STORE (self));

  gloss_store_rollback (self);
}

sqlite3 *
gloss_store_get_db (GlossStore *self)
{
  return self->db;
}

/* Turns a SQLite failure into a GError a user can act on. */
void
gloss_store_set_error (GlossStore  *self,
                       GError     **error,
                       int          rc,
                       const char  *doing)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                   _("The disk is full, so %s failed. Free some space and try again."), doing);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                   _("Could not open or write the library while %s (%s). Check that %s can "
                     "be written."), doing, detail, self->path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT,
                   _("The library %s is damaged or is not a Gloss library (%s)"),
                   self->path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                   _("The library is busy in another program while %s; try again"), doing);
      break;
    default:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Database error while %s: %s"),
                   doing, detail);
      break;
    }
}

sqlite3_stmt *
gloss_store_prepare (GlossStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *statement = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &statement, NULL);

  if (rc != SQLITE_OK)
    {
      gloss_store_set_error (self, error, rc, _("reading the library"));
      return NULL;
    }

  return statement;
}

/*
 * Returns a statement for @sql that the store keeps prepared, reset and with
 * its bindings cleared.  It belongs to the store: do not finalize it, and
 * reset it when done so it holds no read transaction open.
 */
sqlite3_stmt *
gloss_store_prepare_cached (GlossStore  *self,
                            const char  *sql,
                            GError     **error)
{
  sqlite3_stmt *statement = g_hash_table_lookup (self->cached_statements, sql);
  int rc;

  if (statement != NULL)
    {
      sqlite3_reset (statement);
      sqlite3_clear_bindings (statement);
      return statement;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_store_set_error (self, error, rc, _("reading the library"));
      return NULL;
    }
  g_hash_table_insert (self->cached_statements, g_strdup (sql), statement);

  return statement;
}

gboolean
gloss_store_step_done (GlossStore    *self,
                       sqlite3_stmt  *statement,
                       const char    *doing,
                       GError       **error)
{
  int rc = sqlite3_step (statement);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      gloss_store_set_error (self, error, rc, doing);
      return FALSE;
    }

  return TRUE;
}

gboolean
gloss_store_exec (GlossStore  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      gloss_store_set_error (self, error, rc, _("updating the library"));
      return FALSE;
    }

  return TRUE;
}

/* IMMEDIATE takes the write lock up front, so two writers wait for each
 * other (busy timeout) instead of failing half-way on a lock upgrade. */
gboolean
gloss_store_begin (GlossStore  *self,
                   GError     **error)
{
  return gloss_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
gloss_store_commit (GlossStore  *self,
                    GError     **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      gloss_store_set_error (self, error, rc, _("saving"));
      gloss_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
gloss_store_rollback (GlossStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

char *
gloss_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

void
gloss_sql_bind_text (sqlite3_stmt *statement,
                     int           index,
                     const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (statement, index);
}

char *
gloss_sql_dup_text (sqlite3_stmt *statement,
                    int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (statement, column));
}

static gboolean
query_int (GlossStore  *self,
           const char  *sql,
           gint64      *out_value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (self, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;

  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_error (self, error, rc, _("reading the library"));
      return FALSE;
    }

  *out_value = sqlite3_column_int64 (statement, 0);
  return TRUE;
}

/* Refuses, without writing anything, a library this build must not touch. */
static gboolean
check_ownership_and_version (GlossStore  *self,
                             gint64      *out_version,
                             GError     **error)
{
  gint64 application_id = 0;
  gint64 n_tables = 0;

  if (!query_int (self, "PRAGMA user_version", out_version, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    return FALSE;

  if ((application_id != 0 && application_id != GLOSS_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT,
                   _("%s is a database of another program, not a Gloss library"), self->path);
      return FALSE;
    }

  if (*out_version > GLOSS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_SCHEMA,
                   _("The library %s was written by a newer version of Gloss (library version "
                     "%" PRId64 ", this Gloss reads up to %d). Update Gloss to open it; "
                     "the library was not changed."),
                   self->path, *out_version, GLOSS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* A step must leave every reference whole: the first row that points at
 * nothing fails the step, which is rolled back, so the library stays as
 * it was (and its backup from before the upgrade is there too). */
static gboolean
check_foreign_keys (GlossStore  *self,
                    guint        version,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (self, "PRAGMA foreign_key_check", error);
  int rc;

  if (statement == NULL)
    return FALSE;

  rc = sqlite3_step (statement);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_error (self, error, rc, _("checking the library"));
      return FALSE;
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT,
               /* Translators: the first %s is a file, %u the library version
                * Gloss was upgrading to, the second %s a table name */
               _("The library %s could not be upgraded to version %u: a row of “%s” refers to "
                 "one that does not exist. The library was not changed."),
               self->path, version, (const char *) sqlite3_column_text (statement, 0));
  return FALSE;
}

/* In KiB when negative, as PRAGMA cache_size takes it: 64 MiB. */
#define MIGRATION_CACHE_SIZE "-65536"

/* Each step re-reads the version inside its write transaction, so two
 * programs opening a new library at once do not both create the tables.
 * Foreign keys are off while the steps run (the pragma is a no-op inside
 * a transaction, so it goes around them): a step that rebuilds a table
 * drops the old one, which would otherwise delete every row that refers
 * to it.  check_foreign_keys() stands in for them before each commit. */
static gboolean
migrate (GlossStore  *self,
         GError     **error)
{
  const GlossStoreMigration *migrations;
  g_autofree char *restore_cache = NULL;
  guint n_migrations;
  gint64 cache_size = 0;
  gboolean ok = TRUE;

  /* A step that rebuilds a table writes every row and index of it in one
   * transaction; with SQLite's default 2 MiB page cache the random order
   * of the uuid indexes spills pages again and again (measured: 25 s
   * instead of 8 s for 10,000 articles and 100,000 annotations).  The
   * cache only grows as far as a step needs it. */
  if (!query_int (self, "PRAGMA cache_size", &cache_size, error) ||
      !gloss_store_exec (self, "PRAGMA cache_size = " MIGRATION_CACHE_SIZE, error) ||
      !gloss_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  restore_cache = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);

  migrations = gloss_store_schema_get_migrations (&n_migrations);
  for (guint i = 0; ok && i < n_migrations; i++)
    {
      g_autofree char *set_version = NULL;
      gint64 version = 0;

      if (!gloss_store_begin (self, error))
        {
          ok = FALSE;
          break;
        }
      if (!query_int (self, "PRAGMA user_version", &version, error))
        {
          gloss_store_rollback (self);
          ok = FALSE;
          break;
        }
      if (migrations[i].version <= version)
        {
          gloss_store_rollback (self);
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d;",
                                     migrations[i].version, GLOSS_APPLICATION_ID);
      if (!gloss_store_exec (self, migrations[i].sql, error) ||
          !check_foreign_keys (self, migrations[i].version, error) ||
          !gloss_store_exec (self, set_version, error) ||
          !gloss_store_commit (self, error))
        {
          gloss_store_rollback (self);
          ok = FALSE;
        }
    }

  /* Back on for everything after the upgrade, also when it failed. */
  if (!gloss_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL) ||
      !gloss_store_exec (self, restore_cache, ok ? error : NULL))
    ok = FALSE;

  return ok;
}

/* Up to this size the whole file is checked at open (a fraction of a
 * second); a larger library would make every launch and every background
 * import wait seconds, so there damage is caught where it is met: SQLite
 * reports SQLITE_CORRUPT on the damaged page, which becomes the same
 * GLOSS_ERROR_CORRUPT, and the daily backup reads every page. */
#define INTEGRITY_CHECK_MAX_BYTES (32 * 1024 * 1024)

/* A damaged file must be found before anything writes to it. */
static gboolean
check_integrity (GlossStore  *self,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  GStatBuf info;
  int rc;

  if (g_stat (self->path, &info) == 0 && info.st_size > INTEGRITY_CHECK_MAX_BYTES)
    return TRUE;

  statement = gloss_store_prepare (self, "PRAGMA quick_check(1)", error);
  if (statement == NULL)
    return FALSE;

  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (statement, 0), "ok") == 0)
    return TRUE;

  if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
    {
      gloss_store_set_error (self, error, rc, _("checking the library"));
      return FALSE;
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT,
               _("The library %s is damaged. Gloss has not changed it; you can keep it aside "
                 "and start a fresh library, or restore a backup."), self->path);
  return FALSE;
}

static int
open_connection (GlossStore *self,
                 const char *uri,
                 int         flags)
{
  int rc;

  g_hash_table_remove_all (self->cached_statements);
  if (self->db != NULL)
    sqlite3_close_v2 (g_steal_pointer (&self->db));

  rc = sqlite3_open_v2 (uri, &self->db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (self->db, TRUE);
      sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
    }

  return rc;
}

static gboolean
open_database (GlossStore  *self,
               gboolean     read_only,
               GError     **error)
{
  int rc;

  self->read_only = read_only;
  if (!read_only)
    rc = open_connection (self, self->path,
                          SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  else
    {
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
      g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", escaped);
      g_autofree char *immutable_uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
      int flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_READONLY;

      /* Reading a WAL library needs its -shm file; where that cannot be
       * created (a read-only folder), read the file as immutable instead:
       * nobody can be writing it there anyway. */
      rc = open_connection (self, uri, flags);
      if (rc == SQLITE_OK &&
          sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK)
        rc = open_connection (self, immutable_uri, flags);
    }

  if (rc != SQLITE_OK)
    {
      gloss_store_set_error (self, error, rc, _("opening the library"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
file_is_writable (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    return FALSE;
  /* WAL needs to create -wal and -shm files next to the library. */
  return g_access (folder, W_OK) == 0;
}

/**
 * gloss_store_open_full:
 * @path: the library file, created when missing (":memory:" for a throwaway)
 * @flags: #GlossStoreOpenFlags
 * @error: return location for a %GLOSS_ERROR
 *
 * Opens a library, creating it or bringing its schema up to date (after a
 * backup of the older version, see gloss_store_backup()).  A library whose
 * file cannot be written is opened read-only, so it can still be read.  A
 * newer, foreign or damaged file is refused without being written to.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
GlossStore *
gloss_store_open_full (const char          *path,
                       GlossStoreOpenFlags  flags,
                       GError             **error)
{
  g_autoptr(GlossStore) self = NULL;
  gboolean check_only = (flags & GLOSS_STORE_OPEN_CHECK_ONLY) != 0;
  gboolean read_only = check_only || (flags & GLOSS_STORE_OPEN_READ_ONLY) != 0;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!g_str_equal (path, ":memory:"))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (!read_only && g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                       _("Could not create the folder %s for the library: %s"),
                       folder, g_strerror (saved_errno));
          return NULL;
        }
      if (!read_only && g_file_test (path, G_FILE_TEST_EXISTS) && !file_is_writable (path))
        read_only = TRUE;
    }

  if (!open_database (self, read_only, error) ||
      !check_ownership_and_version (self, &version, error) ||
      !check_integrity (self, error))
    return NULL;

  if (self->read_only)
    {
      if (version < GLOSS_STORE_SCHEMA_VERSION && !check_only)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                       _("The library %s must be upgraded for this version of Gloss, but it "
                         "cannot be written. Check its permissions."), self->path);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  if (!gloss_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !gloss_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !gloss_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (version > 0 && version < GLOSS_STORE_SCHEMA_VERSION &&
      !gloss_store_backup_automatically (self, "before-upgrade", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * gloss_store_open:
 * @path: the library file, created when missing
 * @error: return location for a %GLOSS_ERROR
 *
 * gloss_store_open_full() with no flags.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
GlossStore *
gloss_store_open (const char  *path,
                  GError     **error)
{
  return gloss_store_open_full (path, GLOSS_STORE_OPEN_NONE, error);
}

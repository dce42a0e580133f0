/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-team-sync"

#include "config.h"

#include <unistd.h>

#include "gloss-team-sync-private.h"
#include "team-fixture.h"

/* Team libraries against a real PostgreSQL server (started by
 * tests/team/pg-cluster.py): people with libraries of their own edit
 * online and offline and end up with the same library; edits of one
 * annotation merge or keep both sides; deletions meet edits; readers and
 * outsiders are refused, also through plain SQL; a server that stops or a
 * client that dies mid-sync loses and doubles nothing; a wrong password, an
 * untrusted certificate and a newer server schema are refused clearly. */

#define DB "gloss_test"

static const char *const people[] = { "bob", "cat", "rita", "olga", NULL };

/* Everything a person sees of the shared library, in a fixed order. */
static char *
snapshot (TeamClient *client)
{
  sqlite3 *db = gloss_store_get_db (client->store);
  g_autoptr(GString) out = g_string_new ("");
  sqlite3_stmt *statement;
  const char *sql =
    "SELECT 'A ' || a.uuid || ' ' || a.title || ' ' || a.n_blocks || ' '"
    "  || (SELECT group_concat(text, '|') FROM blocks WHERE article = a.id)"
    " FROM articles a ORDER BY a.uuid;"
    "SELECT 'N ' || an.uuid || ' ' || ar.uuid || ' ' || an.kind || ' '"
    "  || coalesce(an.note, '-') || ' ' || coalesce(an.speaker, '-') || ' '"
    "  || coalesce(an.verdict, '-') || ' ' || an.exact || ' ' || an.start_block"
    " FROM annotations an JOIN articles ar ON ar.id = an.article ORDER BY an.uuid;"
    "SELECT 'L ' || f.uuid || ' ' || t.uuid || ' ' || l.relation FROM annotation_links l"
    " JOIN annotations f ON f.id = l.from_annotation JOIN annotations t ON t.id = l.to_annotation"
    " ORDER BY 1;";
  const char *tail = sql;

  while (*tail != '\0')
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, tail, -1, &statement, &tail), ==, SQLITE_OK);
      if (statement == NULL)
        break;
      while (sqlite3_step (statement) == SQLITE_ROW)
        g_string_append_printf (out, "%s\n", sqlite3_column_text (statement, 0));
      sqlite3_finalize (statement);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count (TeamClient *client,
       const char *sql)
{
  sqlite3_stmt *statement;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (gloss_store_get_db (client->store), sql, -1, &statement,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  n = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);
  return n;
}

static char *
note_of (TeamClient *client,
         const char *uuid)
{
  sqlite3_stmt *statement;
  char *note = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (gloss_store_get_db (client->store),
                                       "SELECT note FROM annotations WHERE uuid = ?1", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    note = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  return note;
}

static GlossAnnotation *
load_by_uuid (TeamClient *client,
              const char *uuid)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;
  gint64 id = 0;
  GlossAnnotation *annotation;

  g_assert_cmpint (sqlite3_prepare_v2 (gloss_store_get_db (client->store),
                                       "SELECT id FROM annotations WHERE uuid = ?1", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    id = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  g_assert_cmpint (id, >, 0);
  annotation = gloss_store_load_annotation (client->store, id, &error);
  g_assert_no_error (error);
  return annotation;
}

static void
set_note (TeamClient *client,
          const char *uuid,
          const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) annotation = load_by_uuid (client, uuid);

  gloss_annotation_set_note (annotation, note);
  g_assert_true (gloss_store_save_annotation (client->store, annotation, &error));
  g_assert_no_error (error);
}

static void
set_speaker (TeamClient *client,
             const char *uuid,
             const char *speaker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) annotation = load_by_uuid (client, uuid);

  gloss_annotation_set_speaker (annotation, speaker);
  g_assert_true (gloss_store_save_annotation (client->store, annotation, &error));
  g_assert_no_error (error);
}

static void
delete_by_uuid (TeamClient *client,
                const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) annotation = load_by_uuid (client, uuid);

  g_assert_true (gloss_store_delete_annotation (client->store, gloss_annotation_get_id (annotation),
                                                &error));
  g_assert_no_error (error);
}

static guint
pending (TeamClient *client,
         const char *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamLibrary) info = gloss_team_dup_library (client->store, library, &error);

  g_assert_no_error (error);
  return info->n_pending;
}

/* @article of @from, as it is in @to's library. */
static gint64
same_article (TeamClient *to,
              TeamClient *from,
              gint64      article)
{
  g_autofree char *sha256 = gloss_store_dup_article_source_sha256 (from->store, article, NULL);

  return gloss_store_find_article_by_sha256 (to->store, sha256, NULL);
}

static void
make_library (const char *name)
{
  const char *const members[] = { "bob", "editor", "cat", "editor", "rita", "reader", NULL };

  team_make_library (DB, "ann", name, members);
}

static void
assert_same (TeamClient *a,
             TeamClient *b)
{
  g_autofree char *sa = snapshot (a);
  g_autofree char *sb = snapshot (b);

  g_assert_cmpstr (sa, ==, sb);
}

/* Ann shares an article with two marks; Bob gets it whole, and the edits
 * both then make (Bob offline) end up on both sides, each once. */
static void
test_two_clients (void)
{
  TeamClient *ann, *bob;
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GlossAnnotation) question = NULL;
  g_autoptr(GlossAnnotation) evidence = NULL;
  GlossTeamSyncStats stats;
  gint64 article;

  make_library ("two");
  ann = team_client_new (DB, "ann", "two");
  bob = team_client_new (DB, "bob", "two");

  article = team_client_add_article (ann, "Roads budget", 6);
  claim = team_client_annotate (ann, article, GLOSS_ANNOTATION_CLAIM, "spent 12 thousand", 1,
                                "check the accounts");
  denial = team_client_annotate (ann, article, GLOSS_ANNOTATION_DENIAL, "critics disagreed", 1,
                                 NULL);
  stats = team_client_sync (ann);
  g_assert_cmpuint (stats.pushed, ==, 3);

  stats = team_client_sync (bob);
  g_assert_cmpuint (stats.bodies, ==, 1);
  g_assert_cmpuint (stats.pulled, ==, 3);
  assert_same (ann, bob);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM annotations"), ==, 2);

  /* Bob offline: a new question and a note; Ann meanwhile adds evidence. */
  question = team_client_annotate (bob, same_article (bob, ann, article),
                                   GLOSS_ANNOTATION_QUESTION, "the mayor said", 2, "who else?");
  set_note (bob, gloss_annotation_get_uuid (denial), "the opposition's words");
  g_assert_cmpuint (pending (bob, "two"), ==, 2);
  evidence = team_client_annotate (ann, article, GLOSS_ANNOTATION_EVIDENCE, "on roads", 3, NULL);

  team_client_sync (ann);
  team_client_sync (bob);
  team_client_sync (ann);
  assert_same (ann, bob);
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"), ==, 4);
  g_assert_cmpuint (pending (ann, "two"), ==, 0);
  g_assert_cmpuint (pending (bob, "two"), ==, 0);

  /* Nothing new: a sync moves nothing. */
  stats = team_client_sync (bob);
  g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);

  team_client_free (ann);
  team_client_free (bob);
}

/* Three people, each offline with edits of their own, then syncing in
 * turn: the same library everywhere, every annotation once. */
static void
test_three_clients_offline (void)
{
  TeamClient *c[3];
  const char *names[3] = { "ann", "bob", "cat" };
  g_autoptr(GlossAnnotation) first = NULL;
  gint64 article;

  make_library ("three");
  for (guint i = 0; i < 3; i++)
    c[i] = team_client_new (DB, names[i], "three");
  article = team_client_add_article (c[0], "Harbour plans", 8);
  first = team_client_annotate (c[0], article, GLOSS_ANNOTATION_CLAIM, "spent 10 thousand", 1,
                                NULL);
  team_client_sync (c[0]);
  team_client_sync (c[1]);
  team_client_sync (c[2]);

  /* Offline: everyone marks something, and two articles more arrive. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Harbour plans %u", i);
      g_autoptr(GPtrArray) ids = gloss_store_list_article_ids (c[i]->store, &error);
      gint64 shared = *(gint64 *) g_ptr_array_index (ids, 0);
      g_autoptr(GlossAnnotation) a = NULL;
      g_autofree char *quote = g_strdup_printf ("spent %u thousand", 11 + i);

      g_assert_no_error (error);
      a = team_client_annotate (c[i], shared, GLOSS_ANNOTATION_CLAIM, quote, 1, names[i]);
      if (i > 0)
        team_client_add_article (c[i], title, 3);
    }
  set_speaker (c[2], gloss_annotation_get_uuid (first), "the mayor");

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 3; i++)
      team_client_sync (c[i]);

  assert_same (c[0], c[1]);
  assert_same (c[1], c[2]);
  g_assert_cmpuint (count (c[0], "SELECT count(*) FROM articles"), ==, 3);
  g_assert_cmpuint (count (c[0], "SELECT count(*) FROM annotations"), ==, 4);
  g_assert_cmpuint (count (c[1], "SELECT count(*) FROM annotations WHERE speaker = 'the mayor'"),
                    ==, 1);
  for (guint i = 0; i < 3; i++)
    team_client_free (c[i]);
}

/* Shared between two people, an annotation with a note: returns its uuid. */
static char *
share_one (const char  *library,
           TeamClient **out_ann,
           TeamClient **out_bob)
{
  g_autoptr(GlossAnnotation) claim = NULL;
  gint64 article;

  make_library (library);
  *out_ann = team_client_new (DB, "ann", library);
  *out_bob = team_client_new (DB, "bob", library);
  article = team_client_add_article (*out_ann, library, 4);
  claim = team_client_annotate (*out_ann, article, GLOSS_ANNOTATION_CLAIM, "spent 11 thousand", 1,
                                "first note");
  team_client_sync (*out_ann);
  team_client_sync (*out_bob);
  return g_strdup (gloss_annotation_get_uuid (claim));
}

/* Different fields of one annotation changed on both sides: both stay. */
static void
test_concurrent_merge (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = share_one ("merge", &ann, &bob);
  g_autoptr(GlossAnnotation) merged = NULL;
  GlossTeamSyncStats stats;

  set_note (ann, uuid, "note by Ann");
  set_speaker (bob, uuid, "the mayor");
  team_client_sync (ann);
  stats = team_client_sync (bob);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  team_client_sync (ann);

  assert_same (ann, bob);
  merged = load_by_uuid (ann, uuid);
  g_assert_cmpstr (gloss_annotation_get_note (merged), ==, "note by Ann");
  g_assert_cmpstr (gloss_annotation_get_speaker (merged), ==, "the mayor");
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"), ==, 1);
  team_client_free (ann);
  team_client_free (bob);
}

/* The same field changed differently on both sides: the annotation keeps
 * the version that reached the server first, and a copy keeps the other;
 * both people see both texts. */
static void
test_concurrent_conflict (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = share_one ("conflict", &ann, &bob);
  g_autofree char *ann_note = NULL;
  GlossTeamSyncStats stats;

  set_note (ann, uuid, "Ann: false, see the budget");
  set_note (bob, uuid, "Bob: true, see the minutes");
  team_client_sync (ann);
  stats = team_client_sync (bob);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  team_client_sync (ann);

  assert_same (ann, bob);
  ann_note = note_of (bob, uuid);
  g_assert_cmpstr (ann_note, ==, "Ann: false, see the budget");
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"), ==, 2);
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"
                                " WHERE note = 'Bob: true, see the minutes'"
                                " AND exact = 'spent 11 thousand'"), ==, 1);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM team_conflicts"), ==, 1);
  team_client_free (ann);
  team_client_free (bob);
}

/* Deleted on one side, edited on the other: the edit wins, whichever
 * reaches the server first; a deletion nobody contests goes everywhere. */
static void
test_delete_against_edit (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = share_one ("delete", &ann, &bob);
  g_autofree char *note = NULL;
  g_autoptr(GlossAnnotation) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = gloss_store_list_article_ids (ann->store, &error);

  /* The deletion reaches the server first. */
  delete_by_uuid (ann, uuid);
  set_note (bob, uuid, "kept by Bob");
  team_client_sync (ann);
  team_client_sync (bob);
  team_client_sync (ann);
  note = note_of (ann, uuid);
  g_assert_cmpstr (note, ==, "kept by Bob");
  assert_same (ann, bob);

  /* The edit reaches the server first. */
  set_note (ann, uuid, "edited by Ann");
  delete_by_uuid (bob, uuid);
  team_client_sync (ann);
  team_client_sync (bob);
  team_client_sync (ann);
  g_clear_pointer (&note, g_free);
  note = note_of (bob, uuid);
  g_assert_cmpstr (note, ==, "edited by Ann");
  assert_same (ann, bob);

  /* Uncontested: gone everywhere, and a tombstone on the server. */
  other = team_client_annotate (ann, *(gint64 *) g_ptr_array_index (ids, 0),
                                GLOSS_ANNOTATION_QUESTION, "critics disagreed", 1, NULL);
  team_client_sync (ann);
  team_client_sync (bob);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM annotations"), ==, 2);
  delete_by_uuid (bob, gloss_annotation_get_uuid (other));
  team_client_sync (bob);
  team_client_sync (ann);
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"), ==, 1);
  assert_same (ann, bob);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects"
                                             " WHERE kind = 'annotation' AND deleted"), >=, 1);
  team_client_free (ann);
  team_client_free (bob);
}

/* Links travel with their annotations and are one link everywhere. */
static void
test_links (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = share_one ("links", &ann, &bob);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = gloss_store_list_article_ids (ann->store, &error);
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GlossAnnotation) claim = load_by_uuid (ann, uuid);

  denial = team_client_annotate (ann, *(gint64 *) g_ptr_array_index (ids, 0),
                                 GLOSS_ANNOTATION_DENIAL, "critics disagreed", 1, NULL);
  g_assert_true (gloss_annotation_add_link (denial, GLOSS_RELATION_RESPONDS_TO,
                                            gloss_annotation_get_id (claim), NULL));
  g_assert_true (gloss_store_save_annotation (ann->store, denial, &error));
  g_assert_no_error (error);
  team_client_sync (ann);
  team_client_sync (bob);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM annotation_links"), ==, 1);
  assert_same (ann, bob);

  /* Bob takes the link away; Ann's copy follows. */
  {
    g_autofree char *denial_uuid = g_strdup (gloss_annotation_get_uuid (denial));
    g_autoptr(GlossAnnotation) bobs = load_by_uuid (bob, denial_uuid);
    g_autoptr(GlossAnnotation) bobs_claim = load_by_uuid (bob, uuid);

    g_assert_true (gloss_annotation_remove_link (bobs, GLOSS_RELATION_RESPONDS_TO,
                                                 gloss_annotation_get_id (bobs_claim)));
    g_assert_true (gloss_store_save_annotation (bob->store, bobs, &error));
    g_assert_no_error (error);
  }
  team_client_sync (bob);
  team_client_sync (ann);
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotation_links"), ==, 0);
  assert_same (ann, bob);
  team_client_free (ann);
  team_client_free (bob);
}

/* A reader syncs what the team shares but cannot change it: refused with a
 * clear message, the change kept here, nothing written on the server, and
 * plain SQL as the reader can neither write nor delete. */
static void
test_reader_refused (void)
{
  TeamClient *ann, *rita;
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) mine = NULL;
  g_autoptr(GError) error = NULL;
  gint64 article;
  gint64 before;
  g_autofree char *conninfo = NULL;
  g_autofree char *rita_info = team_conninfo (DB, "rita");
  g_autofree char *password = team_password ("rita");
  const char *writes[] = {
    "DELETE FROM gloss.objects",
    "UPDATE gloss.objects SET deleted = true",
    "INSERT INTO gloss.members (library, person, role) SELECT id, 'rita', 'admin'"
    " FROM gloss.libraries",
    "SELECT gloss.push ((SELECT id FROM gloss.libraries WHERE name = 'reader'), '[]')",
    "SELECT gloss.set_member ((SELECT id FROM gloss.libraries WHERE name = 'reader'),"
    " 'rita', 'admin')",
  };
  PGconn *conn;

  make_library ("reader");
  ann = team_client_new (DB, "ann", "reader");
  rita = team_client_new (DB, "rita", "reader");
  article = team_client_add_article (ann, "Reader's view", 3);
  claim = team_client_annotate (ann, article, GLOSS_ANNOTATION_CLAIM, "spent 10 thousand", 1,
                                NULL);
  team_client_sync (ann);
  team_client_sync (rita);
  assert_same (ann, rita);

  before = team_superuser_count (DB, "SELECT count(*) FROM gloss.objects");
  mine = team_client_annotate (rita, same_article (rita, ann, article), GLOSS_ANNOTATION_QUESTION, "the mayor said", 1, NULL);
  g_assert_false (gloss_team_sync (rita->store, rita->library, rita->connection, NULL, &error));
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "may only read"));
  g_assert_cmpuint (pending (rita, "reader"), ==, 1);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects"), ==, before);

  conninfo = g_strdup_printf ("%s password=%s", rita_info, password);
  conn = PQconnectdb (conninfo);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      PGresult *result = PQexec (conn, writes[i]);

      g_test_message ("as a reader: %s → %s", writes[i], PQresultErrorMessage (result));
      g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
      PQclear (result);
    }
  PQfinish (conn);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects"), ==, before);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.members"
                                             " WHERE person = 'rita' AND role <> 'reader'"), ==, 0);
  team_client_free (ann);
  team_client_free (rita);
}

/* Someone outside a team library sees nothing of it: not through Gloss,
 * not through plain SQL; someone outside the team cannot even read. */
static void
test_outsider_sees_nothing (void)
{
  TeamClient *ann;
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamConnection) olga = NULL;
  g_autofree char *found = NULL;
  g_autofree char *olga_info = NULL;
  g_autofree char *eve_info = NULL;
  g_autofree char *olga_password = team_password ("olga");
  g_autofree char *olga_conninfo = team_conninfo (DB, "olga");
  g_autofree char *eve_conninfo = team_conninfo (DB, "eve");
  const char *reads[] = {
    "SELECT count(*) FROM gloss.objects",
    "SELECT count(*) FROM gloss.article_bodies",
    "SELECT count(*) FROM gloss.libraries",
    "SELECT count(*) FROM gloss.members",
    "SELECT count(*) FROM gloss.pull ((SELECT id FROM gloss.libraries LIMIT 1), 0)",
  };
  PGconn *conn;
  gint64 article;

  make_library ("private");
  ann = team_client_new (DB, "ann", "private");
  article = team_client_add_article (ann, "Private", 3);
  claim = team_client_annotate (ann, article, GLOSS_ANNOTATION_CLAIM, "spent 10 thousand", 1,
                                "secret note");
  team_client_sync (ann);

  olga = team_connect (DB, "olga");
  found = gloss_team_find_library (olga, "private", &error);
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);

  olga_info = g_strdup_printf ("%s password=%s", olga_conninfo, olga_password);
  conn = PQconnectdb (olga_info);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      PGresult *result = PQexec (conn, reads[i]);

      g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
      g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "0");
      PQclear (result);
    }
  PQfinish (conn);

  /* Eve has a login on the server but is not in the team. */
  eve_info = g_strdup_printf ("%s password=eve-secret", eve_conninfo);
  conn = PQconnectdb (eve_info);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      PGresult *result = PQexec (conn, reads[i]);

      g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
      PQclear (result);
    }
  PQfinish (conn);
  g_assert_null (gloss_team_connection_open (eve_conninfo, "eve-secret", &error));
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_REFUSED);
  team_client_free (ann);
}

static void
run_pg_ctl (const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("%s %s", team_env ("GLOSS_TEST_PG_CTL"), action);
  int status;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

static void
stop_server_hook (const char *point,
                  gpointer    user_data)
{
  if (g_str_equal (point, user_data))
    run_pg_ctl ("stop");
}

/* The server stops while a sync is under way: the sync fails with the
 * reason, nothing here is lost, and the next sync sends it all, once. */
static void
test_server_stopped (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = share_one ("stopped", &ann, &bob);
  g_autofree char *ann_info = team_conninfo (DB, "ann");
  g_autofree char *ann_password = team_password ("ann");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = gloss_store_list_article_ids (ann->store, &error);
  gint64 article = *(gint64 *) g_ptr_array_index (ids, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GlossAnnotation) a = NULL;
      g_autofree char *quote = g_strdup_printf ("Paragraph %u", i);

      a = team_client_annotate (ann, article, GLOSS_ANNOTATION_EVIDENCE, quote, 1, NULL);
    }
  set_note (ann, uuid, "changed before the outage");

  gloss_team_sync_set_test_hook (stop_server_hook, (gpointer) "before-push");
  g_assert_false (gloss_team_sync (ann->store, ann->library, ann->connection, NULL, &error));
  gloss_team_sync_set_test_hook (NULL, NULL);
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED);
  g_test_message ("while the server was away: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (pending (ann, "stopped"), ==, 4);

  /* Offline: the connection fails at once, with the reason. */
  gloss_team_connection_free (ann->connection);
  ann->connection = gloss_team_connection_open (ann_info, ann_password, &error);
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_CONNECT);
  g_clear_error (&error);

  run_pg_ctl ("start");
  ann->connection = team_connect (DB, "ann");
  gloss_team_connection_free (bob->connection);
  bob->connection = team_connect (DB, "bob");
  team_client_sync (ann);
  team_client_sync (bob);
  g_assert_cmpuint (pending (ann, "stopped"), ==, 0);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM annotations"), ==, 4);
  assert_same (ann, bob);
  team_client_free (ann);
  team_client_free (bob);
}

/* @sql with @uuid bound, run on @client's library file by a connection of
 * its own, as another program would. */
static void
other_program (TeamClient *client,
               const char *sql,
               const char *uuid)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement;

  g_assert_cmpint (sqlite3_open (client->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (statement);
  sqlite3_close (db);
}

/* A sync that finds nothing waiting does not compare the library again
 * until something is written; what another program writes after it is
 * still found and sent, and so is an article both shared offline from
 * files of the same bytes (one article on the server, Bob's notes on it
 * reach Ann). */
static void
test_quiet_then_changed (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = share_one ("quiet", &ann, &bob);
  g_autofree char *note = NULL;
  GlossTeamSyncStats stats;
  gint64 ann_twice, bob_twice;

  team_client_sync (bob);
  stats = team_client_sync (bob);
  g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);
  g_assert_cmpuint (pending (bob, "quiet"), ==, 0);

  other_program (bob, "UPDATE annotations SET note = 'edited elsewhere' WHERE uuid = ?1", uuid);
  g_assert_cmpuint (pending (bob, "quiet"), ==, 1);
  stats = team_client_sync (bob);
  g_assert_cmpuint (stats.pushed, ==, 1);
  team_client_sync (ann);
  note = note_of (ann, uuid);
  g_assert_cmpstr (note, ==, "edited elsewhere");

  team_client_sync (ann);
  other_program (ann, "DELETE FROM annotations WHERE uuid = ?1", uuid);
  g_assert_cmpuint (pending (ann, "quiet"), ==, 1);
  team_client_sync (ann);
  team_client_sync (bob);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM annotations"), ==, 0);

  ann_twice = team_client_add_article (ann, "Shared twice", 3);
  bob_twice = team_client_add_article (bob, "Shared twice", 3);
  g_object_unref (team_client_annotate (bob, bob_twice, GLOSS_ANNOTATION_QUESTION, "Paragraph 2",
                                        1, "Bob's question"));
  team_client_sync (ann);
  team_client_sync (bob);
  team_client_sync (ann);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects o"
                                             " JOIN gloss.libraries l ON l.id = o.library"
                                             " WHERE l.name = 'quiet' AND kind = 'article'"), ==, 2);
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"), ==, 1);
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM articles"), ==, 2);
  g_assert_cmpint (same_article (bob, ann, ann_twice), ==, bob_twice);
  g_assert_cmpuint (pending (ann, "quiet"), ==, 0);
  g_assert_cmpuint (pending (bob, "quiet"), ==, 0);
  assert_same (ann, bob);
  team_client_free (ann);
  team_client_free (bob);
}

/* The server is restored from a backup older than what both had pulled:
 * each still syncs (a client that waited for the server's version to
 * pass its own would never pull again), and what the server lost since
 * the backup -- a changed note, a new annotation, a new article -- goes
 * back up from the libraries that have it, once. */
static void
test_server_restored (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = share_one ("restored", &ann, &bob);
  g_autofree char *note = NULL;
  g_autoptr(GlossAnnotation) question = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  gint64 article;

  /* The backup: the library's rows as they are now. */
  team_superuser_exec (DB, "CREATE SCHEMA backup;"
                           "CREATE TABLE backup.library AS SELECT id, version FROM gloss.libraries"
                           "  WHERE name = 'restored';"
                           "CREATE TABLE backup.objects AS SELECT * FROM gloss.objects"
                           "  WHERE library = (SELECT id FROM backup.library);"
                           "CREATE TABLE backup.bodies AS SELECT * FROM gloss.article_bodies"
                           "  WHERE library = (SELECT id FROM backup.library);");

  ids = gloss_store_list_article_ids (ann->store, &error);
  g_assert_no_error (error);
  article = *(gint64 *) g_ptr_array_index (ids, 0);
  set_note (ann, uuid, "after the backup");
  team_client_sync (ann);
  question = team_client_annotate (ann, article, GLOSS_ANNOTATION_QUESTION, "Paragraph 2", 1,
                                   "asked after the backup");
  team_client_add_article (ann, "Shared after the backup", 2);
  team_client_sync (ann);
  team_client_sync (bob);
  assert_same (ann, bob);

  team_superuser_exec (DB, "DELETE FROM gloss.objects WHERE library = (SELECT id FROM backup.library);"
                           "INSERT INTO gloss.objects SELECT * FROM backup.objects;"
                           "DELETE FROM gloss.article_bodies"
                           "  WHERE library = (SELECT id FROM backup.library);"
                           "INSERT INTO gloss.article_bodies SELECT * FROM backup.bodies;"
                           "UPDATE gloss.libraries l SET version = b.version FROM backup.library b"
                           "  WHERE l.id = b.id;"
                           "DROP SCHEMA backup CASCADE;");

  team_client_sync (bob);
  team_client_sync (ann);
  team_client_sync (bob);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects o"
                                             " JOIN gloss.libraries l ON l.id = o.library"
                                             " WHERE l.name = 'restored' AND kind = 'annotation'"
                                             " AND NOT deleted"), ==, 2);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects o"
                                             " JOIN gloss.libraries l ON l.id = o.library"
                                             " WHERE l.name = 'restored' AND kind = 'article'"), ==, 2);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.article_bodies b"
                                             " JOIN gloss.libraries l ON l.id = b.library"
                                             " WHERE l.name = 'restored'"), ==, 2);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects o"
                                             " JOIN gloss.libraries l ON l.id = o.library"
                                             " WHERE l.name = 'restored'"
                                             " AND o.data ->> 'note' = 'after the backup'"), ==, 1);
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM team_conflicts"), ==, 0);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM team_conflicts"), ==, 0);
  g_assert_cmpuint (pending (ann, "restored"), ==, 0);
  g_assert_cmpuint (pending (bob, "restored"), ==, 0);
  assert_same (ann, bob);

  /* And they keep syncing: a note Ann writes now reaches Bob. */
  set_note (ann, gloss_annotation_get_uuid (question), "asked after the restore");
  team_client_sync (ann);
  team_client_sync (bob);
  note = note_of (bob, gloss_annotation_get_uuid (question));
  g_assert_cmpstr (note, ==, "asked after the restore");
  assert_same (ann, bob);
  team_client_free (ann);
  team_client_free (bob);
}

/* Bob resolves a conflict here: keeping his side puts his note on the
 * annotation and removes the copy, on both sides after a sync; keeping the
 * server's side removes the copy only; a resolved conflict is gone. */
static void
test_conflict_resolved (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = share_one ("resolve", &ann, &bob);
  g_autofree char *note = NULL;
  g_autofree char *note_after = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  GlossTeamConflict *conflict;
  gint64 first;

  set_note (ann, uuid, "Ann: false, see the budget");
  set_note (bob, uuid, "Bob: true, see the minutes");
  team_client_sync (ann);
  team_client_sync (bob);
  conflicts = gloss_team_list_conflicts (bob->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->annotation_uuid, ==, uuid);
  g_assert_cmpstrv (conflict->fields, ((const char *[]) { "note", NULL }));
  g_assert_cmpstrv (conflict->server_values, ((const char *[]) { "Ann: false, see the budget",
                                                                 NULL }));
  g_assert_cmpstrv (conflict->mine_values, ((const char *[]) { "Bob: true, see the minutes",
                                                               NULL }));
  first = conflict->id;

  g_assert_true (gloss_team_resolve_conflict (bob->store, first, GLOSS_TEAM_KEEP_MINE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM annotations"), ==, 1);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM team_conflicts"), ==, 0);
  team_client_sync (bob);
  team_client_sync (ann);
  note = note_of (ann, uuid);
  g_assert_cmpstr (note, ==, "Bob: true, see the minutes");
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"), ==, 1);
  assert_same (ann, bob);

  g_assert_false (gloss_team_resolve_conflict (bob->store, first, GLOSS_TEAM_KEEP_MINE, &error));
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  set_note (ann, uuid, "Ann: mostly false");
  set_note (bob, uuid, "Bob: mostly true");
  team_client_sync (ann);
  team_client_sync (bob);
  again = gloss_team_list_conflicts (bob->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);
  conflict = g_ptr_array_index (again, 0);
  g_assert_true (gloss_team_resolve_conflict (bob->store, conflict->id, GLOSS_TEAM_KEEP_SERVER,
                                              &error));
  g_assert_no_error (error);
  team_client_sync (bob);
  team_client_sync (ann);
  note_after = note_of (bob, uuid);
  g_assert_cmpstr (note_after, ==, "Ann: mostly false");
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"), ==, 1);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM annotations"), ==, 1);
  assert_same (ann, bob);
  team_client_free (ann);
  team_client_free (bob);
}

static void
exit_hook (const char *point,
           gpointer    user_data)
{
  if (g_str_equal (point, user_data))
    _exit (0);
}

/* The process dies mid-sync, after the server took the changes but before
 * this library recorded it (and, for Bob, after a pull was read but before
 * it was applied): the next sync doubles nothing. */
static void
test_killed_mid_sync (void)
{
  TeamClient *ann, *bob;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  gint64 article;

  if (g_test_subprocess ())
    {
      /* In the child: the library the parent made, died at the named point. */
      g_autoptr(GlossStore) store = gloss_store_open (g_getenv ("TEAM_KILL_LIBRARY"), &error);
      g_autoptr(GlossTeamConnection) connection = team_connect (DB, g_getenv ("TEAM_KILL_PERSON"));

      g_assert_no_error (error);
      gloss_team_sync_set_test_hook (exit_hook, (gpointer) g_getenv ("TEAM_KILL_POINT"));
      gloss_team_sync (store, 1, connection, NULL, NULL);
      g_error ("the sync should have ended the process at %s", g_getenv ("TEAM_KILL_POINT"));
    }

  uuid = share_one ("killed", &ann, &bob);
  ids = gloss_store_list_article_ids (ann->store, &error);
  article = *(gint64 *) g_ptr_array_index (ids, 0);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GlossAnnotation) a = NULL;
      g_autofree char *quote = g_strdup_printf ("Paragraph %u", i % 4);

      a = team_client_annotate (ann, article, GLOSS_ANNOTATION_QUESTION, quote, 1, NULL);
    }
  set_note (ann, uuid, "sent before dying");

  /* Ann's process dies right after the server committed her push. */
  g_clear_object (&ann->store);
  g_setenv ("TEAM_KILL_LIBRARY", ann->path, TRUE);
  g_setenv ("TEAM_KILL_PERSON", "ann", TRUE);
  g_setenv ("TEAM_KILL_POINT", "pushed", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects o"
                                             " JOIN gloss.libraries l ON l.id = o.library"
                                             " WHERE l.name = 'killed' AND kind = 'annotation'"), ==, 6);

  /* Bob's dies after reading the pull, before applying it. */
  g_clear_object (&bob->store);
  g_setenv ("TEAM_KILL_LIBRARY", bob->path, TRUE);
  g_setenv ("TEAM_KILL_PERSON", "bob", TRUE);
  g_setenv ("TEAM_KILL_POINT", "pulled", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  ann->store = gloss_store_open (ann->path, &error);
  g_assert_no_error (error);
  bob->store = gloss_store_open (bob->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending (ann, "killed"), >, 0);   /* it did not know */
  team_client_sync (ann);
  team_client_sync (bob);
  team_client_sync (ann);
  g_assert_cmpuint (pending (ann, "killed"), ==, 0);
  g_assert_cmpuint (count (ann, "SELECT count(*) FROM annotations"), ==, 6);
  g_assert_cmpuint (count (bob, "SELECT count(*) FROM annotations"), ==, 6);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects o"
                                             " JOIN gloss.libraries l ON l.id = o.library"
                                             " WHERE l.name = 'killed' AND kind = 'annotation'"), ==, 6);
  assert_same (ann, bob);
  team_client_free (ann);
  team_client_free (bob);
}

static void
test_wrong_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamConnection) connection = NULL;

  g_autofree char *conninfo = team_conninfo (DB, "bob");

  connection = gloss_team_connection_open (conninfo, "not-the-password", &error);
  g_assert_null (connection);
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "password authentication failed"));
}

/* TLS with the server's certificate checked is the default: a server whose
 * certificate the client does not trust is refused, and a plain connection
 * happens only when asked for. */
static void
test_refused_certificate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamConnection) connection = NULL;
  g_autofree char *untrusted = g_strdup_printf ("host=127.0.0.1 port=%s dbname=" DB
                                                " user=bob sslrootcert=%s",
                                                team_env ("GLOSS_TEST_PG_PORT"),
                                                team_env ("GLOSS_TEST_PG_OTHER_CA"));
  g_autofree char *plain = g_strdup_printf ("host=127.0.0.1 port=%s dbname=" DB
                                            " user=bob sslmode=disable",
                                            team_env ("GLOSS_TEST_PG_PORT"));
  g_autofree char *password = team_password ("bob");

  connection = gloss_team_connection_open (untrusted, password, &error);
  g_assert_null (connection);
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "certificate verify failed"));
  g_clear_error (&error);

  connection = gloss_team_connection_open (plain, password, &error);
  g_assert_no_error (error);
  g_assert_nonnull (connection);
}

/* A server set up by a newer Gloss: refused before anything is read or
 * written, with a message that says what to do; the local changes wait. */
static void
test_newer_server_schema (void)
{
  const char *const nobody[] = { NULL };
  TeamClient *nina;
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamConnection) connection = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *nina_info = team_conninfo ("gloss_newer", "nina");
  g_autofree char *nina_password = team_password ("nina");
  g_autofree char *newer = NULL;
  gint64 article;

  team_make_database ("gloss_newer", "nina", nobody);
  team_make_library ("gloss_newer", "nina", "future", nobody);
  nina = team_client_new ("gloss_newer", "nina", "future");
  article = team_client_add_article (nina, "Future", 2);
  claim = team_client_annotate (nina, article, GLOSS_ANNOTATION_CLAIM, "spent 10 thousand", 1,
                                NULL);
  before = snapshot (nina);

  newer = g_strdup_printf ("INSERT INTO gloss.schema_version (version) VALUES (%d)",
                           GLOSS_TEAM_SERVER_SCHEMA_VERSION + 1);
  team_superuser_exec ("gloss_newer", newer);
  connection = gloss_team_connection_open (nina_info, nina_password, &error);
  g_assert_null (connection);
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer Gloss"));
  after = snapshot (nina);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (pending (nina, "future"), ==, 2);
  team_client_free (nina);
}

static char *
author_of (TeamClient *client,
           gint64      article,
           const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) authors = gloss_team_list_authors (client->store, article, &error);

  g_assert_no_error (error);
  return g_strdup (g_hash_table_lookup (authors, uuid));
}

static void
set_display_name (TeamClient *client,
                  const char *library,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamLibrary) info = gloss_team_dup_library (client->store, library, &error);

  g_assert_no_error (error);
  g_assert_true (gloss_team_set_display_name (client->connection, info->library_uuid, name,
                                              &error));
  g_assert_no_error (error);
}

/* Each member picks the name the team sees on their work in a team
 * library: a colleague's annotations show it after a sync, All Annotations
 * lists and filters by it, a change reaches the others, a blank one goes
 * back to the name on the server; an outsider cannot pick one. */
static void
test_display_name (void)
{
  TeamClient *ann, *bob;
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossTeamLibrary) info = NULL;
  g_autoptr(GlossTeamConnection) olga = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) authors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *blank = NULL;
  g_autofree char *mine = NULL;
  gint64 article, bobs;

  make_library ("names");
  ann = team_client_new (DB, "ann", "names");
  bob = team_client_new (DB, "bob", "names");
  set_display_name (ann, "names", "Ann Lee (desk)");
  article = team_client_add_article (ann, "Names", 2);
  claim = team_client_annotate (ann, article, GLOSS_ANNOTATION_CLAIM, "spent 10 thousand", 1,
                                NULL);
  team_client_sync (ann);
  team_client_sync (bob);
  bobs = same_article (bob, ann, article);

  first = author_of (bob, bobs, gloss_annotation_get_uuid (claim));
  g_assert_cmpstr (first, ==, "Ann Lee (desk)");
  mine = author_of (ann, article, gloss_annotation_get_uuid (claim));
  g_assert_cmpstr (mine, ==, "Ann Lee (desk)");
  authors = gloss_store_list_annotation_authors (bob->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (authors->len, ==, 1);
  g_assert_cmpstr (((GlossSpeakerCount *) g_ptr_array_index (authors, 0))->name, ==,
                   "Ann Lee (desk)");

  info = gloss_team_dup_library (bob->store, "names", &error);
  g_assert_no_error (error);
  members = gloss_team_list_members (bob->connection, info->library_uuid, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      GlossTeamMember *member = g_ptr_array_index (members, i);

      g_assert_cmpstr (member->display_name, ==,
                       g_str_equal (member->person, "ann") ? "Ann Lee (desk)" : member->person);
    }

  set_display_name (ann, "names", "A. Lee");
  team_client_sync (bob);
  second = author_of (bob, bobs, gloss_annotation_get_uuid (claim));
  g_assert_cmpstr (second, ==, "A. Lee");

  set_display_name (ann, "names", "  ");
  team_client_sync (bob);
  blank = author_of (bob, bobs, gloss_annotation_get_uuid (claim));
  g_assert_cmpstr (blank, ==, "ann");

  olga = team_connect (DB, "olga");
  g_assert_false (gloss_team_set_display_name (olga, info->library_uuid, "Olga", &error));
  g_assert_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_REFUSED);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.members"
                                             " WHERE display_name = 'Olga'"), ==, 0);
  team_client_free (ann);
  team_client_free (bob);
}

/* A server an older Gloss set up (schema version 1) still syncs, names
 * its people by their name on the server, and says how to get display
 * names. */
static void
test_older_server_schema (void)
{
  const char *const members[] = { "vic", NULL };
  const char *const roles[] = { "vic", "editor", NULL };
  TeamClient *uma, *vic;
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossTeamLibrary) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  gint64 article;

  team_make_database ("gloss_older", "uma", members);
  team_superuser_exec ("gloss_older",
                       "DROP FUNCTION gloss.set_display_name (uuid, text);"
                       "ALTER TABLE gloss.members DROP COLUMN display_name;"
                       "DELETE FROM gloss.schema_version WHERE version > 1");
  team_make_library ("gloss_older", "uma", "old", roles);
  uma = team_client_new ("gloss_older", "uma", "old");
  vic = team_client_new ("gloss_older", "vic", "old");
  article = team_client_add_article (uma, "Older", 2);
  claim = team_client_annotate (uma, article, GLOSS_ANNOTATION_CLAIM, "spent 10 thousand", 1,
                                NULL);
  team_client_sync (uma);
  team_client_sync (vic);
  author = author_of (vic, same_article (vic, uma, article), gloss_annotation_get_uuid (claim));
  g_assert_cmpstr (author, ==, "uma");

  info = gloss_team_dup_library (vic->store, "old", &error);
  g_assert_no_error (error);
  g_assert_false (gloss_team_set_display_name (vic->connection, info->library_uuid, "Vic",
                                               &error));
  g_assert_nonnull (strstr (error->message, "gloss-team-schema-2.sql"));
  team_client_free (uma);
  team_client_free (vic);
}

/* The merge rule itself, without a server. */
static void
test_merge_rule (void)
{
  g_autoptr(JsonNode) base = json_from_string ("{\"kind\":\"claim\",\"note\":\"a\",\"speaker\":null,"
                                               "\"verdict\":\"unrated\",\"exact\":\"x\","
                                               "\"start_block\":1,\"updated_at\":\"1\"}", NULL);
  g_autoptr(JsonNode) local = json_from_string ("{\"kind\":\"question\",\"note\":\"b\",\"speaker\":null,"
                                                "\"verdict\":null,\"exact\":\"x\","
                                                "\"start_block\":1,\"updated_at\":\"3\"}", NULL);
  g_autoptr(JsonNode) remote = json_from_string ("{\"kind\":\"claim\",\"note\":\"c\",\"speaker\":\"S\","
                                                 "\"verdict\":\"false\",\"exact\":\"x\","
                                                 "\"start_block\":1,\"updated_at\":\"2\"}", NULL);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) merged = gloss_team_merge ("annotation", json_node_get_object (base),
                                                   json_node_get_object (local),
                                                   json_node_get_object (remote), conflicts);

  /* kind: local only → question; so no verdict; note: both → remote, a
   * conflict; speaker: remote only; updated_at: the later. */
  g_assert_cmpstr (json_object_get_string_member (merged, "kind"), ==, "question");
  g_assert_true (json_object_get_null_member (merged, "verdict"));
  g_assert_cmpstr (json_object_get_string_member (merged, "note"), ==, "c");
  g_assert_cmpstr (json_object_get_string_member (merged, "speaker"), ==, "S");
  g_assert_cmpstr (json_object_get_string_member (merged, "updated_at"), ==, "3");
  g_assert_cmpuint (conflicts->len, ==, 2);   /* note, and verdict (unrated → null vs false) */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    {
      team_make_database (DB, "ann", people);
      team_superuser_exec (DB, "CREATE ROLE eve LOGIN PASSWORD 'eve-secret'");
    }

  g_test_add_func ("/team/merge-rule", test_merge_rule);
  g_test_add_func ("/team/two-clients", test_two_clients);
  g_test_add_func ("/team/three-clients-offline", test_three_clients_offline);
  g_test_add_func ("/team/concurrent-merge", test_concurrent_merge);
  g_test_add_func ("/team/concurrent-conflict", test_concurrent_conflict);
  g_test_add_func ("/team/conflict-resolved", test_conflict_resolved);
  g_test_add_func ("/team/delete-against-edit", test_delete_against_edit);
  g_test_add_func ("/team/links", test_links);
  g_test_add_func ("/team/reader-refused", test_reader_refused);
  g_test_add_func ("/team/outsider-sees-nothing", test_outsider_sees_nothing);
  g_test_add_func ("/team/quiet-then-changed", test_quiet_then_changed);
  g_test_add_func ("/team/server-restored", test_server_restored);
  g_test_add_func ("/team/server-stopped", test_server_stopped);
  g_test_add_func ("/team/killed-mid-sync", test_killed_mid_sync);
  g_test_add_func ("/team/wrong-password", test_wrong_password);
  g_test_add_func ("/team/refused-certificate", test_refused_certificate);
  g_test_add_func ("/team/newer-server-schema", test_newer_server_schema);
  g_test_add_func ("/team/display-name", test_display_name);
  g_test_add_func ("/team/older-server-schema", test_older_server_schema);

  return g_test_run ();
}

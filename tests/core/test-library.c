/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-library"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-core.h"
#include "gloss-file-import.h"
#include "gloss-store-private.h"
#include "test-common.h"
#include "test-seed.h"

/* The library at scale as a user meets it: a folder dropped in gives the
 * right outcome per file, a cancelled import leaves a sound library, the
 * list filters and sorts, a deleted article comes back whole on Undo, and
 * each article remembers where reading stopped. */

#define IMPORT_FOLDER GLOSS_TEST_DATA "/library/import"

typedef GlossTestLibrary Fixture;

/* What a consistent library looks like after any interruption. */
static void
assert_library_sound (Fixture *fixture)
{
  g_autofree char *integrity = gloss_test_sql_text (fixture->path, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  /* Every article is whole: blocks, counts and its search row. */
  g_assert_cmpint (gloss_test_sql_int (fixture->path,
                                       "SELECT count(*) FROM articles a WHERE n_blocks = 0 OR n_blocks <> "
                                       "(SELECT count(*) FROM blocks WHERE article = a.id)"), ==, 0);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==,
                   gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles_fts"));
  g_assert_cmpint (gloss_test_sql_int (fixture->path,
                                       "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                       "(SELECT 1 FROM articles_fts WHERE rowid = a.id)"), ==, 0);

  gloss_test_sql_exec (fixture->path,
                       "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');"
                       "INSERT INTO annotations_fts (annotations_fts) VALUES ('integrity-check')");
}

static GlossFileImportOutcome *
find_outcome (GlossFileImportReport *report,
              const char        *basename)
{
  for (guint i = 0; i < report->outcomes->len; i++)
    {
      GlossFileImportOutcome *outcome = g_ptr_array_index (report->outcomes, i);
      g_autofree char *name = g_file_get_basename (outcome->file);

      if (g_str_equal (name, basename))
        return outcome;
    }
  return NULL;
}

static void
assert_folder_outcomes (GlossFileImportReport *report)
{
  GlossFileImportOutcome *huawei, *copy, *outcome;

  /* Hidden files, the saved page's page_files/ folder and a document of
   * another kind (.odt) are not articles: seven files are. */
  g_assert_cmpuint (report->n_files, ==, 7);
  g_assert_cmpuint (report->outcomes->len, ==, 7);
  g_assert_false (report->cancelled);
  g_assert_null (find_outcome (report, "inner.html"));
  g_assert_null (find_outcome (report, ".hidden.html"));
  g_assert_null (find_outcome (report, "notes.odt"));

  huawei = find_outcome (report, "huawei.html");
  g_assert_cmpint (huawei->status, ==, GLOSS_FILE_IMPORT_ADDED);
  g_assert_cmpint (huawei->article_id, >, 0);
  g_assert_null (huawei->error);

  /* Same bytes in the same import: reported, not imported twice. */
  copy = find_outcome (report, "huawei-copy.html");
  g_assert_cmpint (copy->status, ==, GLOSS_FILE_IMPORT_DUPLICATE);
  g_assert_cmpint (copy->article_id, ==, huawei->article_id);

  g_assert_cmpint (find_outcome (report, "cafe.htm")->status, ==, GLOSS_FILE_IMPORT_ADDED);
  g_assert_cmpint (find_outcome (report, "storm.txt")->status, ==, GLOSS_FILE_IMPORT_ADDED);
  g_assert_cmpint (find_outcome (report, "cyber.html.gz")->status, ==, GLOSS_FILE_IMPORT_ADDED);

  outcome = find_outcome (report, "empty.txt");
  g_assert_cmpint (outcome->status, ==, GLOSS_FILE_IMPORT_FAILED);
  g_assert_error (outcome->error, GLOSS_ERROR, GLOSS_ERROR_EMPTY);
  g_assert_cmpint (outcome->article_id, ==, 0);

  outcome = find_outcome (report, "binary.html");
  g_assert_cmpint (outcome->status, ==, GLOSS_FILE_IMPORT_FAILED);
  g_assert_error (outcome->error, GLOSS_ERROR, GLOSS_ERROR_BINARY);

  g_assert_cmpuint (report->n_added, ==, 4);
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  g_assert_cmpuint (report->n_failed, ==, 2);
}

static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (IMPORT_FOLDER);
  g_autoptr(GlossFileImportReport) report = NULL;
  g_autoptr(GlossFileImportReport) again = NULL;
  g_autoptr(GlossArticle) cyber = NULL;
  g_autoptr(GError) error = NULL;

  report = gloss_store_import_files (fixture->store, &folder, 1, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_folder_outcomes (report);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 4);

  /* The gzipped page was read through. */
  cyber = gloss_store_load_article (fixture->store, find_outcome (report, "cyber.html.gz")->article_id,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (cyber), ==, "Cybersecurity agency warns of phishing wave");

  /* A second import of the same folder adds nothing. */
  again = gloss_store_import_files (fixture->store, &folder, 1, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_duplicates, ==, 5);
  g_assert_cmpuint (again->n_failed, ==, 2);
  g_assert_cmpint (find_outcome (again, "cafe.htm")->article_id, ==,
                   find_outcome (report, "cafe.htm")->article_id);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 4);
  assert_library_sound (fixture);
}

static void
test_import_missing_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/gloss/file.html");
  g_autoptr(GlossFileImportReport) report = NULL;

  report = gloss_store_import_files (fixture->store, &missing, 1, NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (report->outcomes->len, ==, 1);
  g_assert_cmpuint (report->n_failed, ==, 1);
  g_assert_error (((GlossFileImportOutcome *) report->outcomes->pdata[0])->error, GLOSS_ERROR,
                  GLOSS_ERROR_IO);
}

typedef struct
{
  GMainLoop *loop;
  GlossFileImportReport *report;
  GThread *main_thread;
  guint n_progress;
  guint last_done;
  guint last_total;
} AsyncState;

static void
on_progress (guint     n_done,
             guint     n_total,
             GFile    *current,
             gpointer  user_data)
{
  AsyncState *state = user_data;

  /* Progress arrives in the caller's main context, in order. */
  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpuint (n_done, >=, state->last_done);
  state->n_progress++;
  state->last_done = n_done;
  state->last_total = n_total;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->report = gloss_store_import_files_finish (GLOSS_STORE (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (IMPORT_FOLDER);
  g_autoptr(GlossFileImportReport) report = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  gloss_store_import_files_async (fixture->store, &folder, 1, NULL, GLOSS_FILE_IMPORT_FLAGS_NONE,
                                  NULL, on_progress, &state,
                                  NULL, on_imported, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  report = g_steal_pointer (&state.report);
  assert_folder_outcomes (report);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpuint (state.last_done, ==, 7);
  g_assert_cmpuint (state.last_total, ==, 7);

  /* The worker's connection committed; the caller's sees the articles. */
  summaries = gloss_store_list_articles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 4);
}

static void
write_generated_files (const char *folder,
                       guint       n_files)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("story-%03u.html", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *html = g_strdup_printf (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Council report number %u</title></head><body><article>"
        "<h1>Council report number %u</h1>"
        "<p>The city council approved report number %u on Tuesday after a long debate about "
        "the budget for parks, libraries and the repair of the old harbour wall.</p>"
        "<p>Members said the report, the %uth this year, would be published in full next week "
        "together with the minutes of the meeting and the votes of each member.</p>"
        "</article></body></html>", i, i, i, i);

      g_file_set_contents (path, html, -1, &error);
      g_assert_no_error (error);
    }
}

typedef struct
{
  GCancellable *cancellable;
  guint cancel_at;
} CancelState;

static void
cancel_at (guint     n_done,
           guint     n_total,
           GFile    *current,
           gpointer  user_data)
{
  CancelState *state = user_data;

  if (n_done == state->cancel_at)
    g_cancellable_cancel (state->cancellable);
}

static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder_path = g_build_filename (fixture->dir, "many", NULL);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GlossFileImportReport) report = NULL;
  g_autoptr(GlossFileImportReport) rest = NULL;
  CancelState state = { cancellable, 75 };

  write_generated_files (folder_path, 120);
  folder = g_file_new_for_path (folder_path);

  /* Cancelled in the middle of the second batch of 50. */
  report = gloss_store_import_files (fixture->store, &folder, 1, NULL, cancellable, cancel_at,
                                     &state, NULL);
  g_assert_true (report->cancelled);
  g_assert_cmpuint (report->n_files, ==, 120);
  g_assert_cmpuint (report->n_added, ==, 50);
  g_assert_cmpuint (report->outcomes->len, ==, 50);

  /* Exactly what was reported is there, whole; nothing of the batch in
   * progress was written. */
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 50);
  for (guint i = 0; i < report->outcomes->len; i++)
    {
      GlossFileImportOutcome *outcome = g_ptr_array_index (report->outcomes, i);
      g_autoptr(GlossArticle) article = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (outcome->status, ==, GLOSS_FILE_IMPORT_ADDED);
      article = gloss_store_load_article (fixture->store, outcome->article_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (gloss_article_get_n_blocks (article), >=, 2);
    }
  assert_library_sound (fixture);

  /* Importing again finishes the job. */
  rest = gloss_store_import_files (fixture->store, &folder, 1, NULL, NULL, NULL, NULL, NULL);
  g_assert_false (rest->cancelled);
  g_assert_cmpuint (rest->n_added, ==, 70);
  g_assert_cmpuint (rest->n_duplicates, ==, 50);
  assert_library_sound (fixture);
}

static gint64
import_file (Fixture    *fixture,
             const char *relative)
{
  g_autofree char *path = g_build_filename (IMPORT_FOLDER, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossFileImportReport) report = NULL;

  report = gloss_store_import_files (fixture->store, &file, 1, NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (report->outcomes->len, ==, 1);
  g_assert_cmpint (((GlossFileImportOutcome *) report->outcomes->pdata[0])->status, !=,
                   GLOSS_FILE_IMPORT_FAILED);
  return ((GlossFileImportOutcome *) report->outcomes->pdata[0])->article_id;
}

static gint64
annotate (Fixture             *fixture,
          gint64               article_id,
          GlossAnnotationKind  kind,
          const char          *quote,
          const char          *note,
          const char          *speaker)
{
  return gloss_test_annotate (fixture->store, article_id, kind, quote, speaker, note);
}

static guint
n_search_hits (Fixture    *fixture,
               const char *query,
               gboolean    annotations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSearchResults) results = gloss_store_search (fixture->store, query, 50, &error);

  g_assert_no_error (error);
  return annotations ? results->annotations->len : results->articles->len;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossArticleSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid_before = NULL;
  g_autofree char *uuid_after = NULL;
  gint64 huawei, cafe, claim_id, denial_id;
  GlossAnnotation *update;

  huawei = import_file (fixture, "huawei.html");
  cafe = import_file (fixture, "sub/cafe.htm");
  claim_id = annotate (fixture, huawei, GLOSS_ANNOTATION_CLAIM,
                       "weighing how to respond to security concerns", "NATO’s worry", "Stoltenberg");
  denial_id = annotate (fixture, huawei, GLOSS_ANNOTATION_DENIAL,
                        "there is no evidence that Huawei poses any threat to cybersecurity",
                        "The company’s answer", "Huawei");
  update = gloss_store_load_annotation (fixture->store, denial_id, &error);
  g_assert_no_error (error);
  gloss_annotation_add_link (update, GLOSS_RELATION_RESPONDS_TO, claim_id, NULL);
  g_assert_true (gloss_store_save_annotation (fixture->store, update, &error));
  g_assert_no_error (error);
  g_object_unref (update);
  g_assert_true (gloss_store_set_article_unread (fixture->store, huawei, FALSE, &error));
  g_assert_true (gloss_store_set_reading_position (fixture->store, huawei, 2, 14, &error));
  uuid_before = gloss_test_sql_text (fixture->path, "SELECT uuid FROM articles ORDER BY id LIMIT 1");

  g_assert_cmpuint (n_search_hits (fixture, "Stoltenberg", FALSE), ==, 1);
  g_assert_cmpuint (n_search_hits (fixture, "Stoltenberg", TRUE), ==, 1);

  deleted = gloss_store_delete_article (fixture->store, huawei, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_deleted_article_get_id (deleted), ==, huawei);
  g_assert_cmpuint (gloss_deleted_article_get_n_annotations (deleted), ==, 2);

  /* Gone, with its annotations, links, blocks and search rows. */
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 1);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM annotations"), ==, 0);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM annotation_links"), ==, 0);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM blocks WHERE article <> (SELECT id FROM articles)"), ==, 0);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'huawei'"), ==, 0);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM annotations_fts WHERE annotations_fts MATCH 'huawei'"), ==, 0);
  g_assert_cmpuint (n_search_hits (fixture, "Stoltenberg", FALSE), ==, 0);
  g_assert_cmpuint (n_search_hits (fixture, "Stoltenberg", TRUE), ==, 0);
  g_assert_null (gloss_store_load_article (fixture->store, huawei, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_library_sound (fixture);

  /* Undo: all of it back, same ids. */
  g_assert_true (gloss_store_restore_article (fixture->store, deleted, &error));
  g_assert_no_error (error);
  article = gloss_store_load_article (fixture->store, huawei, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Huawei rejects NATO security concerns");
  uuid_after = gloss_test_sql_text (fixture->path, "SELECT uuid FROM articles ORDER BY id LIMIT 1");
  g_assert_cmpstr (uuid_before, ==, uuid_after);
  denial = gloss_store_load_annotation (fixture->store, denial_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_speaker (denial), ==, "Huawei");
  g_assert_cmpuint (gloss_annotation_get_n_links (denial), ==, 1);
  g_assert_cmpuint (n_search_hits (fixture, "Stoltenberg", FALSE), ==, 1);
  g_assert_cmpuint (n_search_hits (fixture, "Stoltenberg", TRUE), ==, 1);
  g_assert_cmpuint (n_search_hits (fixture, "company’s answer", TRUE), ==, 1);
  summary = gloss_store_dup_article_summary (fixture->store, huawei, &error);
  g_assert_no_error (error);
  g_assert_false (summary->unread);
  g_assert_cmpuint (summary->read_block, ==, 2);
  g_assert_cmpuint (summary->read_offset, ==, 14);
  g_assert_cmpuint (summary->counts[GLOSS_ANNOTATION_DENIAL], ==, 1);
  g_assert_cmpuint (summary->n_blocks, ==, gloss_article_get_n_blocks (article));
  assert_library_sound (fixture);

  /* The other article was never touched. */
  g_clear_object (&article);
  article = gloss_store_load_article (fixture->store, cafe, &error);
  g_assert_no_error (error);

  g_assert_null (gloss_store_delete_article (fixture->store, 999, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
}

static void
test_undo_after_reimport_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = import_file (fixture, "huawei.html");

  deleted = gloss_store_delete_article (fixture->store, id, &error);
  g_assert_no_error (error);
  import_file (fixture, "huawei.html");

  g_assert_false (gloss_store_restore_article (fixture->store, deleted, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  /* It says where the file is now. */
  g_assert_nonnull (strstr (error->message, "“Huawei rejects NATO security concerns”"));
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 1);
  assert_library_sound (fixture);
}

/* Stores an annotation as an import from another tool would, with the id
 * it had there. */
static void
add_imported (Fixture    *fixture,
              gint64      article_id,
              const char *quote,
              const char *source_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_store_load_article (fixture->store, article_id, &error);
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;
  GlossImportedAnnotation item = { NULL, };

  g_assert_no_error (error);
  anchor = gloss_anchor_new_for_quote (article, quote, 1, &error);
  g_assert_no_error (error);
  annotation = gloss_annotation_new (GLOSS_ANNOTATION_QUESTION, anchor);
  gloss_annotation_set_article_id (annotation, article_id);
  item.annotation = annotation;
  item.source_id = (char *) source_id;
  g_assert_true (gloss_store_add_imported_annotations (fixture->store, &item, 1, &error));
  g_assert_no_error (error);
}

static void
test_undo_after_annotation_reimport_refused (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 huawei = import_file (fixture, "huawei.html");
  gint64 storm = import_file (fixture, "sub/deeper/storm.txt");

  add_imported (fixture, huawei, "security concerns", "https://hyp.is/abc123");
  deleted = gloss_store_delete_article (fixture->store, huawei, &error);
  g_assert_no_error (error);
  /* The same Hypothesis annotation, imported again onto another article. */
  add_imported (fixture, storm, "coastal roads", "https://hyp.is/abc123");

  g_assert_false (gloss_store_restore_article (fixture->store, deleted, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "annotations was imported again"));
  g_assert_nonnull (strstr (error->message, "“Storm closes coastal roads as rivers rise”"));
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 1);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM annotations"), ==, 1);
  assert_library_sound (fixture);
}

/* The bug schema 5 fixed: the newest article deleted, another imported
 * (which used to get the deleted one's id), then Undo. */
static void
test_undo_after_newer_import (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossAnnotation) promise = NULL;
  g_autoptr(GlossAnnotation) question = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  gint64 huawei, cafe, storm, claim_id, promise_id, question_id;
  GlossAnnotation *update;

  huawei = import_file (fixture, "huawei.html");
  cafe = import_file (fixture, "sub/cafe.htm");
  claim_id = annotate (fixture, huawei, GLOSS_ANNOTATION_CLAIM,
                       "weighing how to respond to security concerns", NULL, "Stoltenberg");
  promise_id = annotate (fixture, cafe, GLOSS_ANNOTATION_CLAIM, "chercher un repreneur",
                         "Une promesse sans calendrier", "Le maire");
  question_id = annotate (fixture, cafe, GLOSS_ANNOTATION_QUESTION, "sans donner de calendrier précis",
                          NULL, NULL);
  /* Links within the article and from it to another one. */
  update = gloss_store_load_annotation (fixture->store, question_id, &error);
  g_assert_no_error (error);
  gloss_annotation_add_link (update, GLOSS_RELATION_RESPONDS_TO, promise_id, NULL);
  gloss_annotation_add_link (update, GLOSS_RELATION_SUPPORTS, claim_id, NULL);
  g_assert_true (gloss_store_save_annotation (fixture->store, update, &error));
  g_assert_no_error (error);
  g_object_unref (update);
  g_assert_cmpuint (n_search_hits (fixture, "repreneur", FALSE), ==, 1);
  g_assert_cmpuint (n_search_hits (fixture, "promesse", TRUE), ==, 1);

  deleted = gloss_store_delete_article (fixture->store, cafe, &error);
  g_assert_no_error (error);
  storm = import_file (fixture, "sub/deeper/storm.txt");
  g_assert_cmpint (storm, >, cafe);
  g_assert_cmpint (annotate (fixture, storm, GLOSS_ANNOTATION_EVIDENCE, "storm", NULL, NULL), >,
                   question_id);

  g_assert_true (gloss_store_restore_article (fixture->store, deleted, &error));
  g_assert_no_error (error);

  article = gloss_store_load_article (fixture->store, cafe, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Le café du coin ferme ses portes");
  annotations = gloss_store_list_annotations (fixture->store, cafe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 2);
  promise = gloss_store_load_annotation (fixture->store, promise_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_note (promise), ==, "Une promesse sans calendrier");
  question = gloss_store_load_annotation (fixture->store, question_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_get_n_links (question), ==, 2);
  g_assert_cmpuint (n_search_hits (fixture, "repreneur", FALSE), ==, 1);
  g_assert_cmpuint (n_search_hits (fixture, "promesse", TRUE), ==, 1);

  /* The newcomer was not touched. */
  g_clear_object (&article);
  article = gloss_store_load_article (fixture->store, storm, &error);
  g_assert_no_error (error);
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = gloss_store_list_annotations (fixture->store, storm, &error);
  g_assert_cmpuint (annotations->len, ==, 1);
  assert_library_sound (fixture);
}

static void
test_reading_position (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = import_file (fixture, "huawei.html");
  guint block = 99, offset = 99;

  g_assert_true (gloss_store_get_reading_position (fixture->store, id, &block, &offset, &error));
  g_assert_cmpuint (block, ==, 0);
  g_assert_cmpuint (offset, ==, 0);

  g_assert_true (gloss_store_set_reading_position (fixture->store, id, 3, 41, &error));
  g_assert_no_error (error);

  /* After a restart too. */
  g_clear_object (&fixture->store);
  fixture->store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_get_reading_position (fixture->store, id, &block, &offset, &error));
  g_assert_cmpuint (block, ==, 3);
  g_assert_cmpuint (offset, ==, 41);

  /* Saving where it already is, or marking a read article read, succeeds
   * without writing (each write is a sync to disk, on every open). */
  {
    int changes = sqlite3_total_changes (gloss_store_get_db (fixture->store));

    g_assert_true (gloss_store_set_reading_position (fixture->store, id, 3, 41, &error));
    g_assert_true (gloss_store_set_article_unread (fixture->store, id, FALSE, &error));
    g_assert_true (gloss_store_set_article_unread (fixture->store, id, FALSE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_total_changes (gloss_store_get_db (fixture->store)), ==, changes + 1);
  }

  g_assert_false (gloss_store_set_reading_position (fixture->store, 999, 1, 1, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
}

static GPtrArray *
list (Fixture            *fixture,
      GlossArticleFilter  filter,
      GlossArticleSort    sort)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *summaries = gloss_store_list_articles_full (fixture->store, filter, sort, &error);

  g_assert_no_error (error);
  return summaries;
}

#define ID_AT(array, i) (((GlossArticleSummary *) g_ptr_array_index ((array), (i)))->id)

static void
test_filters_and_sorts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) unread = NULL;
  g_autoptr(GPtrArray) archived = NULL;
  g_autoptr(GPtrArray) shelf = NULL;
  g_autoptr(GPtrArray) annotated = NULL;
  g_autoptr(GPtrArray) by_title = NULL;
  g_autoptr(GPtrArray) by_published = NULL;
  gint64 huawei, cafe, storm, cyber;
  GlossArticleSort sort;

  huawei = import_file (fixture, "huawei.html");
  cafe = import_file (fixture, "sub/cafe.htm");
  storm = import_file (fixture, "sub/deeper/storm.txt");
  cyber = import_file (fixture, "sub/cyber.html.gz");

  g_assert_true (gloss_store_set_article_unread (fixture->store, cafe, FALSE, &error));
  g_assert_true (gloss_store_set_article_archived (fixture->store, storm, TRUE, &error));
  g_assert_no_error (error);
  annotate (fixture, cyber, GLOSS_ANNOTATION_EVIDENCE, "more than two thousand complaints", NULL, NULL);

  /* Most recently added first. */
  all = list (fixture, GLOSS_ARTICLE_FILTER_NONE, GLOSS_ARTICLE_SORT_ADDED);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (ID_AT (all, 0), ==, cyber);
  g_assert_cmpint (ID_AT (all, 3), ==, huawei);
  g_assert_cmpuint (((GlossArticleSummary *) all->pdata[0])->counts[GLOSS_ANNOTATION_EVIDENCE], ==, 1);
  g_assert_cmpuint (((GlossArticleSummary *) all->pdata[0])->n_words, >, 40);

  unread = list (fixture, GLOSS_ARTICLE_FILTER_UNREAD, GLOSS_ARTICLE_SORT_ADDED);
  g_assert_cmpuint (unread->len, ==, 3);
  for (guint i = 0; i < unread->len; i++)
    g_assert_cmpint (ID_AT (unread, i), !=, cafe);

  archived = list (fixture, GLOSS_ARTICLE_FILTER_ARCHIVED, GLOSS_ARTICLE_SORT_ADDED);
  g_assert_cmpuint (archived->len, ==, 1);
  g_assert_cmpint (ID_AT (archived, 0), ==, storm);

  shelf = list (fixture, GLOSS_ARTICLE_FILTER_NOT_ARCHIVED | GLOSS_ARTICLE_FILTER_UNREAD,
                GLOSS_ARTICLE_SORT_ADDED);
  g_assert_cmpuint (shelf->len, ==, 2);

  annotated = list (fixture, GLOSS_ARTICLE_FILTER_ANNOTATED, GLOSS_ARTICLE_SORT_ADDED);
  g_assert_cmpuint (annotated->len, ==, 1);
  g_assert_cmpint (ID_AT (annotated, 0), ==, cyber);

  /* Cybersecurity…, Huawei…, Le café…, Storm… */
  by_title = list (fixture, GLOSS_ARTICLE_FILTER_NONE, GLOSS_ARTICLE_SORT_TITLE);
  g_assert_cmpint (ID_AT (by_title, 0), ==, cyber);
  g_assert_cmpint (ID_AT (by_title, 1), ==, huawei);
  g_assert_cmpint (ID_AT (by_title, 2), ==, cafe);
  g_assert_cmpint (ID_AT (by_title, 3), ==, storm);

  /* 2021 before 2019; undated last. */
  by_published = list (fixture, GLOSS_ARTICLE_FILTER_NONE, GLOSS_ARTICLE_SORT_PUBLISHED);
  g_assert_cmpint (ID_AT (by_published, 0), ==, cafe);
  g_assert_cmpint (ID_AT (by_published, 1), ==, cyber);

  g_assert_true (gloss_article_sort_from_string ("title", &sort));
  g_assert_cmpint (sort, ==, GLOSS_ARTICLE_SORT_TITLE);
  g_assert_false (gloss_article_sort_from_string ("size", &sort));

  g_assert_false (gloss_store_set_article_archived (fixture->store, 999, TRUE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, gloss_test_library_set_up_open, func, gloss_test_library_tear_down)
  ADD ("/core/library/import/folder", test_import_folder);
  ADD ("/core/library/import/missing-file", test_import_missing_file);
  ADD ("/core/library/import/async", test_import_async);
  ADD ("/core/library/import/cancelled", test_import_cancelled);
  ADD ("/core/library/delete-and-undo", test_delete_and_undo);
  ADD ("/core/library/undo-after-reimport-refused", test_undo_after_reimport_refused);
  ADD ("/core/library/undo-after-newer-import", test_undo_after_newer_import);
  ADD ("/core/library/undo-after-annotation-reimport-refused", test_undo_after_annotation_reimport_refused);
  ADD ("/core/library/reading-position", test_reading_position);
  ADD ("/core/library/filters-and-sorts", test_filters_and_sorts);
#undef ADD

  return g_test_run ();
}

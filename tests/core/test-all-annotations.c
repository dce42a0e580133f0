/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-all-annotations"

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-core.h"
#include "test-common.h"
#include "test-seed.h"

/* What a fact-checker sees in "All annotations": every annotation of the
 * library, narrowed by kind, speaker (however it was typed), verdict and
 * words, newest or oldest first, orphans included and a deleted article's
 * annotations gone. */

/* The middle paragraph goes between the two halves. */
#define BUDGET_HEAD \
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" \
  "<title>Budget vote splits the council</title></head><body><article>" \
  "<h1>Budget vote splits the council</h1>" \
  "<p>Officials said turnout rose by 50% in the eastern wards on Sunday, while " \
  "500 voters in the west stayed home because of the storm.</p><p>"
#define BUDGET_TAIL \
  "</p><p>Councillor Müller called the plan “a betrayal of every promise made in May” " \
  "and asked for a second vote before the summer recess.</p>" \
  "</article></body></html>"
#define BUDGET_LEAK \
  "The leaked spreadsheet, saved as budget_2024_final.xlsx, showed cuts of twelve " \
  "percent to the opening hours of every public library in the city."
#define BUDGET_CORRECTION \
  "A corrected spreadsheet published on Monday showed smaller cuts to the opening " \
  "hours of the public libraries than first reported."

typedef struct
{
  GlossTestLibrary library;
  gint64 huawei;
  gint64 cafe;
  gint64 budget;
  gint64 ids[11];     /* ids[1] … ids[10] in the order they were made; ids[0] spare */
} Fixture;

static GBytes *
budget_page (const char *middle)
{
  char *html = g_strconcat (BUDGET_HEAD, middle, BUDGET_TAIL, NULL);

  return g_bytes_new_take (html, strlen (html));
}

static GlossAnnotation *
make_annotation (GlossStore          *store,
                 gint64               article_id,
                 GlossAnnotationKind  kind,
                 const char          *quote,
                 const char          *speaker,
                 const char          *note,
                 GlossVerdict         verdict)
{
  GlossAnnotation *annotation = gloss_test_annotation_new (store, article_id, kind, quote);

  gloss_annotation_set_speaker (annotation, speaker);
  gloss_annotation_set_note (annotation, note);
  if (kind == GLOSS_ANNOTATION_CLAIM)
    gloss_annotation_set_verdict (annotation, verdict);
  return annotation;
}

static gint64
annotate (GlossStore          *store,
          gint64               article_id,
          GlossAnnotationKind  kind,
          const char          *quote,
          const char          *speaker,
          const char          *note,
          GlossVerdict         verdict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) annotation = make_annotation (store, article_id, kind, quote,
                                                           speaker, note, verdict);

  g_assert_true (gloss_store_add_annotation (store, annotation, &error));
  g_assert_no_error (error);
  return gloss_annotation_get_id (annotation);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) budget = budget_page (BUDGET_LEAK);
  GlossStore *store;

  gloss_test_library_set_up_open (&fixture->library, data);
  store = fixture->library.store;

  fixture->huawei = gloss_test_import_data (store, "library/import/huawei.html");
  fixture->cafe = gloss_test_import_data (store, "library/import/sub/cafe.htm");
  fixture->budget = gloss_test_import_bytes (store, budget, "budget.html");

  fixture->ids[1] = annotate (store, fixture->huawei, GLOSS_ANNOTATION_CLAIM,
                              "weighing how to respond to security concerns",
                              "Jens Stoltenberg", NULL, GLOSS_VERDICT_MOSTLY_TRUE);
  fixture->ids[2] = annotate (store, fixture->huawei, GLOSS_ANNOTATION_DENIAL,
                              "there is no evidence that Huawei poses any threat to cybersecurity",
                              "Huawei", "Company statement after Stoltenberg spoke", 0);
  fixture->ids[3] = annotate (store, fixture->huawei, GLOSS_ANNOTATION_DENIAL,
                              "open for dialogue with anyone who has a legitimate concern",
                              "HUAWEI ", NULL, 0);
  fixture->ids[4] = annotate (store, fixture->huawei, GLOSS_ANNOTATION_EVIDENCE,
                              "The United States is lobbying European allies",
                              NULL, "Compare the State Department briefing", 0);
  fixture->ids[5] = annotate (store, fixture->huawei, GLOSS_ANNOTATION_QUESTION,
                              "the biggest maker of network technology",
                              "Huawei spokesperson", NULL, 0);
  fixture->ids[6] = annotate (store, fixture->cafe, GLOSS_ANNOTATION_QUESTION,
                              "chercher un repreneur", "Le Maire", "Qui reprendra le café ?", 0);
  fixture->ids[7] = annotate (store, fixture->cafe, GLOSS_ANNOTATION_CLAIM,
                              "ferme ses portes à la fin du mois", "le maire", NULL,
                              GLOSS_VERDICT_TRUE);
  fixture->ids[8] = annotate (store, fixture->budget, GLOSS_ANNOTATION_CLAIM,
                              "turnout rose by 50% in the eastern wards", "Councillor Müller",
                              NULL, GLOSS_VERDICT_FALSE);
  fixture->ids[9] = annotate (store, fixture->budget, GLOSS_ANNOTATION_EVIDENCE,
                              "500 voters in the west stayed home", "COUNCILLOR MULLER", NULL, 0);
  fixture->ids[10] = annotate (store, fixture->budget, GLOSS_ANNOTATION_DENIAL,
                               "saved as budget_2024_final.xlsx", "The Council",
                               "Says the file is a draft", 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gloss_test_library_tear_down (&fixture->library, data);
}

/* The matches of @query as the fixture's annotation numbers ("2 3"), in
 * the order found, so a failure shows which ones came back. */
static char *
find (Fixture                    *fixture,
      const GlossAnnotationQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gloss_store_find_annotations (fixture->library.store, query, &error);
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      int number = -1;

      for (guint n = 0; n < G_N_ELEMENTS (fixture->ids); n++)
        if (fixture->ids[n] == id)
          number = n;
      if (found->len > 0)
        g_string_append_c (found, ' ');
      if (number >= 0)
        g_string_append_printf (found, "%d", number);
      else
        g_string_append_printf (found, "id%" G_GINT64_FORMAT, id);
    }

  return g_string_free (g_steal_pointer (&found), FALSE);
}

#define assert_found(fixture, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = find ((fixture), (query)); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_everything (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) created = NULL;
  GlossAnnotationEntry *entry;
  guint count = 0;

  /* Newest first, across every article. */
  assert_found (fixture, &query, "10 9 8 7 6 5 4 3 2 1");

  g_assert_true (gloss_store_count_annotations (fixture->library.store, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 10);

  entries = gloss_store_list_all_annotations (fixture->library.store, &query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 10);

  /* What a row shows, with the article's title joined in. */
  entry = g_ptr_array_index (entries, 8);
  g_assert_cmpint (entry->id, ==, fixture->ids[2]);
  g_assert_cmpint (entry->article_id, ==, fixture->huawei);
  g_assert_cmpint (entry->kind, ==, GLOSS_ANNOTATION_DENIAL);
  g_assert_cmpint (entry->verdict, ==, GLOSS_VERDICT_NONE);
  g_assert_cmpint (entry->state, ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpstr (entry->exact, ==, "there is no evidence that Huawei poses any threat to cybersecurity");
  g_assert_cmpstr (entry->speaker, ==, "Huawei");
  g_assert_cmpstr (entry->note, ==, "Company statement after Stoltenberg spoke");
  g_assert_cmpstr (entry->article_title, ==, "Huawei rejects NATO security concerns");
  created = g_date_time_new_from_iso8601 (entry->created_at, NULL);
  g_assert_nonnull (created);
  g_assert_cmpuint (entry->start_block, ==, 2);

  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (entry->id, ==, fixture->ids[8]);
  g_assert_cmpint (entry->verdict, ==, GLOSS_VERDICT_FALSE);
  g_assert_cmpstr (entry->article_title, ==, "Budget vote splits the council");
  g_assert_null (entry->note);
}

static void
test_kinds (Fixture       *fixture,
            gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;

  query.kinds = 1 << GLOSS_ANNOTATION_DENIAL;
  assert_found (fixture, &query, "10 3 2");
  query.kinds = 1 << GLOSS_ANNOTATION_CLAIM;
  assert_found (fixture, &query, "8 7 1");
  query.kinds = (1 << GLOSS_ANNOTATION_EVIDENCE) | (1 << GLOSS_ANNOTATION_QUESTION);
  assert_found (fixture, &query, "9 6 5 4");
  query.kinds = (1 << (GLOSS_ANNOTATION_KIND_LAST + 1)) - 1;
  assert_found (fixture, &query, "10 9 8 7 6 5 4 3 2 1");
}

static void
test_speaker (Fixture       *fixture,
              gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;

  /* Picked from the list: the whole name, however it was typed. */
  query.speaker = "Huawei";
  assert_found (fixture, &query, "3 2");
  query.speaker = "  hUAWEI ";
  assert_found (fixture, &query, "3 2");
  query.speaker = "Councillor Müller";
  assert_found (fixture, &query, "9 8");
  query.speaker = "councillor muller";
  assert_found (fixture, &query, "9 8");
  query.speaker = "Councillor  MÜLLER";
  assert_found (fixture, &query, "9 8");
  query.speaker = "maire";
  assert_found (fixture, &query, "");
  query.speaker = "Nobody";
  assert_found (fixture, &query, "");

  /* Typed: any part of the name. */
  query.speaker_match = GLOSS_SPEAKER_MATCH_CONTAINS;
  query.speaker = "huawei";
  assert_found (fixture, &query, "5 3 2");
  query.speaker = "MAIRE";
  assert_found (fixture, &query, "7 6");
  query.speaker = "müll";
  assert_found (fixture, &query, "9 8");

  /* A blank speaker is no filter, not "no speaker". */
  query.speaker = "   ";
  assert_found (fixture, &query, "10 9 8 7 6 5 4 3 2 1");
}

static void
test_verdict (Fixture       *fixture,
              gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;

  query.verdict = GLOSS_VERDICT_FALSE;
  assert_found (fixture, &query, "8");
  query.verdict = GLOSS_VERDICT_TRUE;
  assert_found (fixture, &query, "7");
  query.verdict = GLOSS_VERDICT_MOSTLY_TRUE;
  assert_found (fixture, &query, "1");
  query.verdict = GLOSS_VERDICT_UNVERIFIABLE;
  assert_found (fixture, &query, "");
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;

  /* In the quote, as the start of a word. */
  query.text = "evid";
  assert_found (fixture, &query, "2");
  /* In a note and in a speaker. */
  query.text = "stoltenberg";
  assert_found (fixture, &query, "2 1");
  query.text = "briefing";
  assert_found (fixture, &query, "4");
  query.text = "spokes";
  assert_found (fixture, &query, "5");
  /* Every word, in any order, without accents or case. */
  query.text = "THREAT huawei";
  assert_found (fixture, &query, "2");
  query.text = "cafe";
  assert_found (fixture, &query, "6");
  query.text = "Müller";
  assert_found (fixture, &query, "9 8");
  query.text = "huawei nato";
  assert_found (fixture, &query, "");
  /* Nothing typed, or only spaces: no filter. */
  query.text = "  ";
  assert_found (fixture, &query, "10 9 8 7 6 5 4 3 2 1");
}

static void
test_wildcards_are_literal (Fixture       *fixture,
                            gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  /* LIKE's wildcards mean themselves. */
  query.text = "%";
  assert_found (fixture, &query, "8");
  query.text = "_";
  assert_found (fixture, &query, "10");
  query.text = "%%";
  assert_found (fixture, &query, "");
  query.text = "__";
  assert_found (fixture, &query, "");
  query.text = "50%";
  assert_found (fixture, &query, "8");
  query.text = "5%";
  assert_found (fixture, &query, "");
  query.text = "budget_2024";
  assert_found (fixture, &query, "10");
  query.text = "budget_2025";
  assert_found (fixture, &query, "");
  query.text = "b%t";
  assert_found (fixture, &query, "");

  /* Nor does FTS5 syntax or SQL do anything but be looked for. */
  query.text = "huawei OR NOT *";
  assert_found (fixture, &query, "");
  query.text = "\"evidence";
  assert_found (fixture, &query, "2");
  query.text = "'); DELETE FROM annotations; --";
  assert_found (fixture, &query, "");
  query.text = NULL;
  query.speaker = "' OR 1=1 --";
  assert_found (fixture, &query, "");
  g_assert_true (gloss_store_count_annotations (fixture->library.store, &count, &error));
  g_assert_cmpuint (count, ==, 10);
}

static void
test_combined (Fixture       *fixture,
               gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;

  /* The fact-checker's question: Huawei's denials. */
  query.kinds = 1 << GLOSS_ANNOTATION_DENIAL;
  query.speaker = "Huawei";
  assert_found (fixture, &query, "3 2");
  query.text = "evidence";
  assert_found (fixture, &query, "2");
  query.oldest_first = TRUE;
  query.text = NULL;
  assert_found (fixture, &query, "2 3");

  /* Verdicts belong to claims: no denial has one. */
  query.verdict = GLOSS_VERDICT_FALSE;
  assert_found (fixture, &query, "");
  query.kinds |= 1 << GLOSS_ANNOTATION_CLAIM;
  query.speaker = "councillor müller";
  assert_found (fixture, &query, "8");

  query = (GlossAnnotationQuery) GLOSS_ANNOTATION_QUERY_INIT;
  query.kinds = (1 << GLOSS_ANNOTATION_CLAIM) | (1 << GLOSS_ANNOTATION_QUESTION);
  query.speaker = "le maire";
  query.text = "repreneur";
  assert_found (fixture, &query, "6");
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  GlossImportedAnnotation item = { NULL, };

  query.oldest_first = TRUE;
  assert_found (fixture, &query, "1 2 3 4 5 6 7 8 9 10");

  /* An annotation brought in from elsewhere keeps the date it was made
   * there: it sorts by that date, not by when it arrived. */
  item.annotation = make_annotation (fixture->library.store, fixture->cafe, GLOSS_ANNOTATION_EVIDENCE,
                                     "Après quarante ans de service", NULL, NULL, 0);
  item.created_at = (char *) "2019-05-02T08:00:00.000000Z";
  g_assert_true (gloss_store_add_imported_annotations (fixture->library.store, &item, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_annotation_get_id (item.annotation), >, fixture->ids[10]);
  fixture->ids[0] = gloss_annotation_get_id (item.annotation);
  g_object_unref (item.annotation);

  assert_found (fixture, &query, "0 1 2 3 4 5 6 7 8 9 10");
  query.oldest_first = FALSE;
  assert_found (fixture, &query, "10 9 8 7 6 5 4 3 2 1 0");
}

static void
test_orphans_and_deleted_articles (Fixture       *fixture,
                                   gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) corrected = budget_page (BUDGET_CORRECTION);
  g_autoptr(GPtrArray) updated = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  GlossAnnotationEntry *entry;

  /* The leak's sentence is gone from the new version: its denial is an
   * orphan, and still listed with its words. */
  updated = gloss_store_update_article (fixture->library.store, fixture->budget, corrected,
                                        "budget-corrected.html", NULL, &error);
  g_assert_no_error (error);
  query.kinds = 1 << GLOSS_ANNOTATION_DENIAL;
  entries = gloss_store_list_all_annotations (fixture->library.store, &query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->id, ==, fixture->ids[10]);
  g_assert_cmpint (entry->state, ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (entry->exact, ==, "saved as budget_2024_final.xlsx");
  query.text = "budget_2024";
  assert_found (fixture, &query, "10");

  /* A deleted article takes its annotations along … */
  deleted = gloss_store_delete_article (fixture->library.store, fixture->huawei, &error);
  g_assert_no_error (error);
  query = (GlossAnnotationQuery) GLOSS_ANNOTATION_QUERY_INIT;
  assert_found (fixture, &query, "10 9 8 7 6");
  query.speaker = "Huawei";
  assert_found (fixture, &query, "");
  query.speaker = NULL;
  query.text = "evidence";
  assert_found (fixture, &query, "");

  /* … and Undo brings them back. */
  g_assert_true (gloss_store_restore_article (fixture->library.store, deleted, &error));
  g_assert_no_error (error);
  query.text = NULL;
  query.speaker = "Huawei";
  assert_found (fixture, &query, "3 2");
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) by_offset = NULL;
  g_autoptr(GPtrArray) empty = NULL;

  query.oldest_first = TRUE;
  ids = gloss_store_find_annotations (fixture->library.store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 10);

  /* A page read by id matches the same page read by offset. */
  page = gloss_store_list_annotation_entries (fixture->library.store, &g_array_index (ids, gint64, 3), 4,
                                              &error);
  g_assert_no_error (error);
  by_offset = gloss_store_list_all_annotations (fixture->library.store, &query, 3, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpuint (by_offset->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      GlossAnnotationEntry *a = g_ptr_array_index (page, i);
      GlossAnnotationEntry *b = g_ptr_array_index (by_offset, i);

      g_assert_cmpint (a->id, ==, fixture->ids[4 + i]);
      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpstr (b->exact, ==, a->exact);
      g_assert_cmpstr (b->article_title, ==, a->article_title);
    }
  g_clear_pointer (&by_offset, g_ptr_array_unref);
  by_offset = gloss_store_list_all_annotations (fixture->library.store, &query, 8, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_offset->len, ==, 2);

  /* An annotation deleted after the ids were found is left out. */
  g_assert_true (gloss_store_delete_annotation (fixture->library.store, fixture->ids[5], &error));
  g_assert_no_error (error);
  g_clear_pointer (&page, g_ptr_array_unref);
  page = gloss_store_list_annotation_entries (fixture->library.store, &g_array_index (ids, gint64, 3), 4,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpint (((GlossAnnotationEntry *) g_ptr_array_index (page, 1))->id, ==, fixture->ids[6]);

  empty = gloss_store_list_annotation_entries (fixture->library.store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_speakers (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char *name;
    guint count;
  } expected[] = {
    { "Councillor Müller", 2 },
    { "Huawei", 2 },
    { "Huawei spokesperson", 1 },
    { "Jens Stoltenberg", 1 },
    { "Le Maire", 2 },
    { "The Council", 1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) speakers = gloss_store_list_speakers (fixture->library.store, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GlossDeletedArticle) deleted = NULL;

  /* One entry per person, however each annotation spelled them, in
   * alphabetical order, with the spelling that reads as a name. */
  g_assert_no_error (error);
  g_assert_cmpuint (speakers->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GlossSpeakerCount *speaker = g_ptr_array_index (speakers, i);

      g_assert_cmpstr (speaker->name, ==, expected[i].name);
      g_assert_cmpuint (speaker->count, ==, expected[i].count);
    }

  /* The most used spelling wins over a better-looking one. */
  annotate (fixture->library.store, fixture->cafe, GLOSS_ANNOTATION_CLAIM, "a annoncé son propriétaire",
            "le maire", NULL, GLOSS_VERDICT_UNRATED);
  deleted = gloss_store_delete_article (fixture->library.store, fixture->huawei, &error);
  g_assert_no_error (error);
  after = gloss_store_list_speakers (fixture->library.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpstr (((GlossSpeakerCount *) g_ptr_array_index (after, 0))->name, ==,
                   "Councillor Müller");
  g_assert_cmpstr (((GlossSpeakerCount *) g_ptr_array_index (after, 1))->name, ==, "le maire");
  g_assert_cmpuint (((GlossSpeakerCount *) g_ptr_array_index (after, 1))->count, ==, 3);
  g_assert_cmpstr (((GlossSpeakerCount *) g_ptr_array_index (after, 2))->name, ==, "The Council");
}

static void
test_fold (void)
{
  static const char * const cases[][2] = {
    { "Huawei", "huawei" },
    { "  HUAWEI\t ", "huawei" },
    { "Dr.  Müller’s   office", "dr. muller's office" },
    { "Le Maire de l’Église", "le maire de l'eglise" },
    { "Ａｌｉｃｅ", "alice" },
    { "Straße", "strasse" },
    { "Jean‐Luc", "jean-luc" },
    { "\xcc\x81", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = gloss_annotation_fold_speaker (cases[i][0]);

      g_assert_cmpstr (folded, ==, cases[i][1]);
    }
}

static void
test_invalid_query (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  query.kinds = 1 << (GLOSS_ANNOTATION_KIND_LAST + 1);
  ids = gloss_store_find_annotations (fixture->library.store, &query, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_null (ids);
  g_clear_error (&error);

  query.kinds = 0;
  query.text = "caf\xe9";
  ids = gloss_store_find_annotations (fixture->library.store, &query, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_null (ids);
}

static void
test_empty_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (":memory:", &error);
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  guint count = 1;

  g_assert_no_error (error);
  query.text = "huawei";
  query.speaker = "Huawei";
  ids = gloss_store_find_annotations (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  speakers = gloss_store_list_speakers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (speakers->len, ==, 0);
  g_assert_true (gloss_store_count_annotations (store, &count, &error));
  g_assert_cmpuint (count, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/all-annotations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("everything", test_everything);
  ADD ("kinds", test_kinds);
  ADD ("speaker", test_speaker);
  ADD ("verdict", test_verdict);
  ADD ("text", test_text);
  ADD ("wildcards-are-literal", test_wildcards_are_literal);
  ADD ("combined", test_combined);
  ADD ("sort", test_sort);
  ADD ("orphans-and-deleted-articles", test_orphans_and_deleted_articles);
  ADD ("pages", test_pages);
  ADD ("speakers", test_speakers);
  ADD ("invalid-query", test_invalid_query);
  g_test_add_func ("/core/all-annotations/fold", test_fold);
  g_test_add_func ("/core/all-annotations/empty-library", test_empty_library);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-core.h"
#include "test-common.h"
#include "test-seed.h"
#include "gloss-file-import.h"

/* What a reader types in the search field and expects to find: words with
 * or without their accents, the start of a word, text in articles, quotes,
 * notes and speakers, each with the matched words marked in context. */

#define IMPORT_FOLDER GLOSS_TEST_DATA "/library/import"

typedef struct
{
  GlossTestLibrary library;
  gint64 huawei;
  gint64 cafe;
  gint64 storm;
  gint64 cyber;
  gint64 denial;
  gint64 question;
} Fixture;

static gint64
article_of (GlossFileImportReport *report,
            const char        *basename)
{
  for (guint i = 0; i < report->outcomes->len; i++)
    {
      GlossFileImportOutcome *outcome = g_ptr_array_index (report->outcomes, i);
      g_autofree char *name = g_file_get_basename (outcome->file);

      if (g_str_equal (name, basename))
        return outcome->article_id;
    }
  g_assert_not_reached ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gloss_test_library_tear_down (&fixture->library, data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (IMPORT_FOLDER);
  g_autoptr(GlossFileImportReport) report = NULL;

  gloss_test_library_set_up_open (&fixture->library, data);

  report = gloss_store_import_files (fixture->library.store, &folder, 1, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->huawei = article_of (report, "huawei.html");
  fixture->cafe = article_of (report, "cafe.htm");
  fixture->storm = article_of (report, "storm.txt");
  fixture->cyber = article_of (report, "cyber.html.gz");

  fixture->denial = gloss_test_annotate (fixture->library.store, fixture->huawei, GLOSS_ANNOTATION_DENIAL,
                                         "there is no evidence that Huawei poses any threat to "
                                         "cybersecurity",
                                         "Huawei spokesperson", "Répond à l’inquiétude des alliés");
  fixture->question = gloss_test_annotate (fixture->library.store, fixture->cafe, GLOSS_ANNOTATION_QUESTION,
                                           "chercher un repreneur", "Le maire",
                                           "Who would take over the café?");
}

static GlossSearchResults *
search (Fixture    *fixture,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GlossSearchResults *results = gloss_store_search (fixture->library.store, query, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static GlossSearchHit *
hit_at (GPtrArray *hits,
        guint      index)
{
  g_assert_cmpuint (hits->len, >, index);
  return g_ptr_array_index (hits, index);
}

static gboolean
has_article (GPtrArray *hits,
             gint64     article_id)
{
  for (guint i = 0; i < hits->len; i++)
    if (((GlossSearchHit *) g_ptr_array_index (hits, i))->article_id == article_id)
      return TRUE;
  return FALSE;
}

static void
test_accents_and_case (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *queries[] = { "café", "cafe", "CAFE", "Café" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GlossSearchResults) results = search (fixture, queries[i]);
      g_autofree char *plain = NULL;
      GlossSearchHit *hit = hit_at (results->articles, 0);

      g_assert_cmpint (hit->article_id, ==, fixture->cafe);
      g_assert_cmpint (hit->annotation_id, ==, 0);
      g_assert_cmpstr (hit->title, ==, "Le café du coin ferme ses portes");
      /* The words as written are marked, accents and all. */
      plain = gloss_search_snippet_replace_markers (hit->snippet, "[", "]");
      g_assert_nonnull (strstr (plain, "[café]"));
    }

  /* And the other way round: "Eglise" finds "l’Église". */
  {
    g_autoptr(GlossSearchResults) results = search (fixture, "eglise");

    g_assert_cmpint (hit_at (results->articles, 0)->article_id, ==, fixture->cafe);
  }
}

static void
test_prefix (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GlossSearchResults) results = search (fixture, "cyber");
  g_autoptr(GlossSearchResults) short_prefix = search (fixture, "ph");

  /* Both articles with "cybersecurity"; the one with it in its title first. */
  g_assert_cmpuint (results->articles->len, ==, 2);
  g_assert_cmpint (hit_at (results->articles, 0)->article_id, ==, fixture->cyber);
  g_assert_true (has_article (results->articles, fixture->huawei));
  /* The quote of the denial ends with "cybersecurity". */
  g_assert_cmpint (hit_at (results->annotations, 0)->annotation_id, ==, fixture->denial);
  g_assert_cmpstr (hit_at (results->annotations, 0)->field, ==, "exact");

  g_assert_true (has_article (short_prefix->articles, fixture->cyber));    /* phishing */
  g_assert_true (has_article (short_prefix->articles, fixture->huawei));   /* phone */
}

static void
test_typed_words (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GlossSearchResults) results = search (fixture, "Huawei no evid");
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  GlossSearchHit *hit = hit_at (results->articles, 0);
  const char *text;

  g_assert_cmpuint (results->articles->len, ==, 1);
  g_assert_cmpint (hit->article_id, ==, fixture->huawei);
  g_assert_cmpstr (hit->field, ==, "text");

  /* The hit lands on the block holding the quote, at the first match. */
  article = gloss_store_load_article (fixture->library.store, fixture->huawei, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hit->block, >=, 0);
  text = gloss_block_get_text (gloss_article_get_block (article, hit->block));
  g_assert_nonnull (strstr (text, "there is no evidence that Huawei"));
  plain = gloss_search_snippet_replace_markers (hit->snippet, "[", "]");
  g_assert_nonnull (strstr (plain, "[no] [evidence] that [Huawei]"));
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (text, hit->offset), "Huawei") ||
                 g_str_has_prefix (g_utf8_offset_to_pointer (text, hit->offset), "no"));

  g_assert_cmpint (hit_at (results->annotations, 0)->annotation_id, ==, fixture->denial);
  g_assert_cmpint (hit_at (results->annotations, 0)->article_id, ==, fixture->huawei);
  g_assert_cmpint (hit_at (results->annotations, 0)->annotation_kind, ==, GLOSS_ANNOTATION_DENIAL);
}

static void
test_notes_and_speakers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GlossSearchResults) note = search (fixture, "inquietude");
  g_autoptr(GlossSearchResults) speaker = search (fixture, "spokesperson");
  g_autoptr(GlossSearchResults) maire = search (fixture, "speaker:maire");
  g_autofree char *plain = NULL;

  g_assert_cmpuint (note->annotations->len, ==, 1);
  g_assert_cmpint (hit_at (note->annotations, 0)->annotation_id, ==, fixture->denial);
  g_assert_cmpstr (hit_at (note->annotations, 0)->field, ==, "note");
  plain = gloss_search_snippet_replace_markers (hit_at (note->annotations, 0)->snippet, "[", "]");
  g_assert_cmpstr (plain, ==, "Répond à l’[inquiétude] des alliés");
  g_assert_cmpuint (note->articles->len, ==, 0);

  g_assert_cmpuint (speaker->annotations->len, ==, 1);
  g_assert_cmpstr (hit_at (speaker->annotations, 0)->field, ==, "speaker");

  /* A column only annotations have: the articles group is just empty. */
  g_assert_cmpuint (maire->articles->len, ==, 0);
  g_assert_cmpuint (maire->annotations->len, ==, 1);
  g_assert_cmpint (hit_at (maire->annotations, 0)->annotation_id, ==, fixture->question);
  g_assert_cmpint (hit_at (maire->annotations, 0)->article_id, ==, fixture->cafe);
}

static void
test_fts_syntax_and_typos (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GlossSearchResults) either = search (fixture, "storm OR phishing");
  g_autoptr(GlossSearchResults) phrase = search (fixture, "\"no evidence\"");
  g_autoptr(GlossSearchResults) unbalanced = search (fixture, "\"Huawei no");
  g_autoptr(GlossSearchResults) junk = search (fixture, "((( :: ^ \"");
  g_autoptr(GlossSearchResults) nothing = search (fixture, "   …  ");
  g_autoptr(GlossSearchResults) title = search (fixture, "coastal");
  g_autofree char *query = gloss_search_build_fts_query ("Huawei no \"evid");

  g_assert_cmpuint (either->articles->len, ==, 2);
  g_assert_true (has_article (either->articles, fixture->storm));
  g_assert_true (has_article (either->articles, fixture->cyber));

  g_assert_cmpuint (phrase->articles->len, ==, 1);

  /* Typing an opening quote is not an error: the words are searched. */
  g_assert_cmpuint (unbalanced->articles->len, ==, 1);
  g_assert_cmpint (hit_at (unbalanced->articles, 0)->article_id, ==, fixture->huawei);
  g_assert_cmpuint (junk->articles->len, ==, 0);
  g_assert_cmpuint (nothing->articles->len + nothing->annotations->len, ==, 0);

  /* "coastal" is in the storm article's headline and first paragraph. */
  g_assert_cmpint (hit_at (title->articles, 0)->article_id, ==, fixture->storm);

  g_assert_cmpstr (query, ==, "\"Huawei\"* \"no\"* \"\"\"evid\"*");
}

static void
test_index_follows_edits (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;

  /* A note edited: the old words are gone from the index, the new found. */
  annotation = gloss_store_load_annotation (fixture->library.store, fixture->question, &error);
  g_assert_no_error (error);
  gloss_annotation_set_note (annotation, "Ask the town hall about the lease");
  g_assert_true (gloss_store_save_annotation (fixture->library.store, annotation, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GlossSearchResults) old = search (fixture, "take over");
    g_autoptr(GlossSearchResults) new = search (fixture, "lease");

    g_assert_cmpuint (old->annotations->len, ==, 0);
    g_assert_cmpuint (new->annotations->len, ==, 1);
  }

  g_assert_true (gloss_store_delete_annotation (fixture->library.store, fixture->question, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GlossSearchResults) gone = search (fixture, "lease");

    g_assert_cmpuint (gone->annotations->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/search/accents-and-case", test_accents_and_case);
  ADD ("/core/search/prefix", test_prefix);
  ADD ("/core/search/typed-words", test_typed_words);
  ADD ("/core/search/notes-and-speakers", test_notes_and_speakers);
  ADD ("/core/search/fts-syntax-and-typos", test_fts_syntax_and_typos);
  ADD ("/core/search/index-follows-edits", test_index_follows_edits);
#undef ADD

  return g_test_run ();
}

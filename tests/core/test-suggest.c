/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gloss-core.h"
#include "gloss-sentence-split.h"

/* Suggestions on sentences written for these tests (people, places and
 * firms are made up): sentence units, speakers, pronouns, denials and what
 * they answer, and the language check. */

/* The units of @text, as "text|text|…". */
static char *
units (const char *text)
{
  g_autoptr(GArray) spans = gloss_sentence_split (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *s = &g_array_index (spans, GlossSpan, i);
      const char *a = g_utf8_offset_to_pointer (text, s->start);
      const char *b = g_utf8_offset_to_pointer (text, s->end);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, a, b - a);
    }
  return g_string_free (out, FALSE);
}

static void
test_units (void)
{
  static const struct { const char *text; const char *units; } cases[] = {
    { "The U.S. economy grew 2.5 percent in the spring. Officials were pleased.",
      "The U.S. economy grew 2.5 percent in the spring.|Officials were pleased." },
    { "Mr. Daniel R. Whitfield Jr. spoke first. Dr. Ames spoke at 5 p.m. Later she left.",
      "Mr. Daniel R. Whitfield Jr. spoke first.|Dr. Ames spoke at 5 p.m. Later she left." },
    { "“We are ready. We have been for weeks,” said Anna Berg. Then she left.",
      "“We are ready. We have been for weeks,” said Anna Berg.|Then she left." },
    { "“Who would pay for it?” Tom Reyes, the shop owner, asked on Sept. 4. Nobody answered.",
      "“Who would pay for it?” Tom Reyes, the shop owner, asked on Sept. 4.|Nobody answered." },
    { "Okafor said: “We warned them in April. Nobody listened.",
      "Okafor said: “We warned them in April. Nobody listened." },
    { "“The vote was close,” Berg said. “We lost by 12 votes. Next time we win.”",
      "“The vote was close,” Berg said.|“We lost by 12 votes. Next time we win.”" },
    { "  Sen. Ruth Adler, D-Ore., voted no. (The bill failed.) It was 1999. 40 people came.  ",
      "Sen. Ruth Adler, D-Ore., voted no.|(The bill failed.)|It was 1999.|40 people came." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = units (cases[i].text);

      g_assert_cmpstr (got, ==, cases[i].units);
    }
}

/* Offsets count code points, not bytes: an accented name and an emoji
 * before the second sentence. */
static void
test_units_code_points (void)
{
  const char *text = "José Núñez waved 👋. Then he left.";
  g_autoptr(GArray) spans = gloss_sentence_split (text);
  GlossSpan *second;

  g_assert_cmpuint (spans->len, ==, 2);
  second = &g_array_index (spans, GlossSpan, 1);
  g_assert_cmpint (second->start, ==, 20);
  g_assert_cmpint (second->end, ==, (glong) g_utf8_strlen (text, -1));
}

static GlossArticle *
article_of (const char * const *paragraphs)
{
  GlossArticle *article = gloss_article_new ();

  for (; *paragraphs; paragraphs++)
    g_assert_true (gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, *paragraphs));
  return article;
}

/* The suggestion whose sentence starts with @prefix. */
static const GlossSuggestion *
find (GlossArticle     *article,
      GlossSuggestions *suggestions,
      const char       *prefix)
{
  for (guint i = 0; i < gloss_suggestions_get_n_sentences (suggestions); i++)
    {
      const GlossSuggestion *s = gloss_suggestions_get_sentence (suggestions, i);
      const char *text = gloss_block_get_text (gloss_article_get_block (article, s->block));

      if (g_str_has_prefix (g_utf8_offset_to_pointer (text, s->start), prefix))
        return s;
    }
  g_error ("no sentence starts with “%s”", prefix);
  return NULL;
}

static char *
span_text (GlossArticle *article,
           guint         block,
           glong         start,
           glong         end)
{
  const char *text = gloss_block_get_text (gloss_article_get_block (article, block));
  const char *a = g_utf8_offset_to_pointer (text, start);

  return g_strndup (a, g_utf8_offset_to_pointer (a, end - start) - a);
}

static const char * const harbour[] = {
  "ÖRESUND (Wire) — Harbour Authority chief executive Maria Lindqvist said on Monday that "
  "the port handled 4 million containers last year. The port reopened on Tuesday.",
  "Lindqvist added that the figure was a record. “We are very proud of the team,” she said. "
  "“Nobody expected it.”",
  "Fishermen say the new quay has driven fish away, according to the Coastal Fishing "
  "Association.",
  "Rivera Shipping denies that it dumped oil in the bay. The company said the accusations "
  "were baseless.",
  "A spokesperson for the Ministry of Fisheries said inspectors had visited two plants. He "
  "refused to speculate about the cause. The ministry declined to comment on the fines.",
  "The council urged residents to stay away from the beach. Two officials close to the talks "
  "said the deal would be signed in May.",
  NULL
};

static void
check (GlossArticle       *article,
       GlossSuggestions   *suggestions,
       const char         *prefix,
       GlossSuggestLabels  labels,
       const char         *speaker)
{
  const GlossSuggestion *s = find (article, suggestions, prefix);

  g_test_message ("%s", prefix);
  g_assert_cmpint (s->labels & (GLOSS_SUGGEST_CLAIM | GLOSS_SUGGEST_DENIAL), ==, labels);
  g_assert_cmpstr (s->speaker, ==, speaker);
}

static void
test_attribution (void)
{
  g_autoptr(GlossArticle) article = article_of (harbour);
  g_autoptr(GlossSuggestions) suggestions = gloss_suggest (article);
  const GlossSuggestion *s;
  g_autofree char *mention = NULL;

  g_assert_true (gloss_suggestions_is_available (suggestions));
  g_assert_cmpstr (gloss_suggestions_get_language (suggestions), ==, "en");

  /* a title before the name is not part of it */
  check (article, suggestions, "ÖRESUND", GLOSS_SUGGEST_CLAIM, "Maria Lindqvist");
  s = find (article, suggestions, "ÖRESUND");
  mention = span_text (article, s->block, s->speaker_start, s->speaker_end);
  g_assert_cmpstr (mention, ==, "Maria Lindqvist");
  /* the article's own voice */
  check (article, suggestions, "The port reopened", 0, NULL);
  /* a surname, a pronoun and a quotation that goes on: the full name */
  check (article, suggestions, "Lindqvist added", GLOSS_SUGGEST_CLAIM, "Maria Lindqvist");
  check (article, suggestions, "“We are very proud", GLOSS_SUGGEST_CLAIM, "Maria Lindqvist");
  s = find (article, suggestions, "“We are very proud");
  g_clear_pointer (&mention, g_free);
  mention = span_text (article, s->block, s->speaker_start, s->speaker_end);
  g_assert_cmpstr (mention, ==, "she");
  check (article, suggestions, "“Nobody expected", GLOSS_SUGGEST_CLAIM, "Maria Lindqvist");
  /* the source that reports comes first */
  check (article, suggestions, "Fishermen say", GLOSS_SUGGEST_CLAIM,
         "Coastal Fishing Association");
  /* an unnamed spokesperson is the organisation */
  check (article, suggestions, "A spokesperson", GLOSS_SUGGEST_CLAIM, "Ministry of Fisheries");
  /* refusing to speculate, declining to comment, urging: no claim */
  check (article, suggestions, "He refused", 0, NULL);
  check (article, suggestions, "The ministry declined", 0, NULL);
  check (article, suggestions, "The council urged", 0, NULL);
  /* a group is named as written, without its number */
  check (article, suggestions, "Two officials", GLOSS_SUGGEST_CLAIM,
         "officials close to the talks");
}

static void
test_denials (void)
{
  g_autoptr(GlossArticle) article = article_of (harbour);
  g_autoptr(GlossSuggestions) suggestions = gloss_suggest (article);
  const GlossSuggestion *s;
  g_autofree char *answered = NULL;

  /* a denial verb, and what it denies named in the sentence */
  check (article, suggestions, "Rivera Shipping denies",
         GLOSS_SUGGEST_CLAIM | GLOSS_SUGGEST_DENIAL, "Rivera Shipping");
  s = find (article, suggestions, "Rivera Shipping denies");
  answered = span_text (article, s->answers_block, s->answers_start, s->answers_end);
  g_assert_cmpstr (answered, ==, "that it dumped oil in the bay");

  /* "baseless", with "the company" for the firm last named; it answers an
   * earlier claim by someone else */
  check (article, suggestions, "The company said",
         GLOSS_SUGGEST_CLAIM | GLOSS_SUGGEST_DENIAL, "Rivera Shipping");
  s = find (article, suggestions, "The company said");
  g_assert_cmpint (s->answers, >=, 0);
  g_assert_cmpstr (gloss_suggestions_get_sentence (suggestions, (guint) s->answers)->speaker,
                   !=, "Rivera Shipping");

  /* a rejected offer is not a denial, nor a claim */
  {
    static const char * const offer[] = {
      "Anna Berg said the union would strike. The board rejected the offer on Friday.", NULL
    };
    g_autoptr(GlossArticle) a = article_of (offer);
    g_autoptr(GlossSuggestions) sg = gloss_suggest (a);

    check (a, sg, "The board rejected", 0, NULL);
  }
}

static void
test_pronouns (void)
{
  static const char * const text[] = {
    "Mayor Ruth Okafor opened the bridge. Northfield Water said the pipes were new.",
    "She said the bridge cost $40 million. It said the water was safe. They said more "
    "tests would follow.",
    NULL
  };
  g_autoptr(GlossArticle) article = article_of (text);
  g_autoptr(GlossSuggestions) suggestions = gloss_suggest (article);

  check (article, suggestions, "She said", GLOSS_SUGGEST_CLAIM, "Ruth Okafor");
  check (article, suggestions, "It said", GLOSS_SUGGEST_CLAIM, "Northfield Water");
  check (article, suggestions, "They said", GLOSS_SUGGEST_CLAIM, "Northfield Water");
}

static void
test_other_language (void)
{
  static const char * const german[] = {
    "Der Bürgermeister sagte am Montag, dass die Brücke im Mai wieder geöffnet wird. "
    "Die Firma weist die Vorwürfe zurück und spricht von einer Kampagne gegen sie.",
    NULL
  };
  g_autoptr(GlossArticle) article = article_of (german);
  g_autoptr(GlossSuggestions) suggestions = gloss_suggest (article);
  g_autofree char *message = NULL;
  g_autoptr(GlossArticle) tagged = article_of (harbour);
  g_autoptr(GlossSuggestions) tagged_suggestions = NULL;

  g_assert_false (gloss_suggestions_is_available (suggestions));
  g_assert_cmpstr (gloss_suggestions_get_language (suggestions), ==, "de");
  g_assert_cmpuint (gloss_suggestions_get_n_sentences (suggestions), ==, 0);
  message = gloss_suggestions_dup_unavailable_message (suggestions);
  g_assert_nonnull (strstr (message, "de"));

  /* the page's own language wins over the words */
  gloss_article_set_language (tagged, "fr-FR");
  tagged_suggestions = gloss_suggest (tagged);
  g_assert_false (gloss_suggestions_is_available (tagged_suggestions));
  g_assert_cmpstr (gloss_suggestions_get_language (tagged_suggestions), ==, "fr");
}

/* The sample article: every labelled claim and both denials, with their
 * speakers (the labels of shared/bench/claims/seed-labels.json). */
static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossSuggestions) suggestions = NULL;
  GError *error = NULL;

  /* as the reader has it: the story, without the page around it */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  article = gloss_extract (bytes, "nato-huawei.txt", &error);
  g_assert_no_error (error);
  suggestions = gloss_suggest (article);

  check (article, suggestions, "BRUSSELS", GLOSS_SUGGEST_CLAIM, "Jens Stoltenberg");
  check (article, suggestions, "Stoltenberg says", GLOSS_SUGGEST_CLAIM, "Jens Stoltenberg");
  check (article, suggestions, "The United States is lobbying", 0, NULL);
  check (article, suggestions, "Huawei rejects", GLOSS_SUGGEST_CLAIM | GLOSS_SUGGEST_DENIAL,
         "Huawei");
  check (article, suggestions, "Stoltenberg said the issue", GLOSS_SUGGEST_CLAIM,
         "Jens Stoltenberg");
  check (article, suggestions, "“NATO takes", GLOSS_SUGGEST_CLAIM, "Jens Stoltenberg");
  check (article, suggestions, "He said the allies", GLOSS_SUGGEST_CLAIM, "Jens Stoltenberg");
  check (article, suggestions, "He refused", 0, NULL);
  check (article, suggestions, "Following Stoltenberg", GLOSS_SUGGEST_CLAIM | GLOSS_SUGGEST_DENIAL,
         "Huawei");
}

/* A dismissed suggestion stays dismissed for that article, in the library
 * file, until it is put back. */
static void
test_dismissed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-suggest-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *sample = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gint64 id;
  GArray *dismissed;

  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  {
    g_autoptr(GlossStore) store = gloss_store_open (path, &error);

    g_assert_no_error (error);
    id = gloss_store_import (store, bytes, "nato-huawei.txt", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (gloss_store_dismiss_suggestion (store, id, 4, 0, 61, "“NATO takes these", &error));
    g_assert_true (gloss_store_dismiss_suggestion (store, id, 1, 0, 180, "Stoltenberg says", &error));
    /* twice is once */
    g_assert_true (gloss_store_dismiss_suggestion (store, id, 1, 0, 180, "Stoltenberg says", &error));
    g_assert_no_error (error);
    /* no such article */
    g_assert_false (gloss_store_dismiss_suggestion (store, id + 1, 1, 0, 10, "x", &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(GlossStore) store = gloss_store_open (path, &error);

    g_assert_no_error (error);
    dismissed = gloss_store_list_dismissed_suggestions (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (dismissed->len, ==, 2);
    g_assert_cmpuint (g_array_index (dismissed, GlossDismissedSuggestion, 0).block, ==, 1);
    g_assert_cmpstr (g_array_index (dismissed, GlossDismissedSuggestion, 1).exact, ==,
                     "“NATO takes these");
    g_array_unref (dismissed);

    g_assert_true (gloss_store_restore_suggestion (store, id, 1, 0, 180, &error));
    dismissed = gloss_store_list_dismissed_suggestions (store, id, &error);
    g_assert_cmpuint (dismissed->len, ==, 1);
    g_assert_cmpint (g_array_index (dismissed, GlossDismissedSuggestion, 0).end, ==, 61);
    g_array_unref (dismissed);
  }
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest/units", test_units);
  g_test_add_func ("/suggest/units-code-points", test_units_code_points);
  g_test_add_func ("/suggest/attribution", test_attribution);
  g_test_add_func ("/suggest/denials", test_denials);
  g_test_add_func ("/suggest/pronouns", test_pronouns);
  g_test_add_func ("/suggest/other-language", test_other_language);
  g_test_add_func ("/suggest/sample", test_sample);
  g_test_add_func ("/suggest/dismissed", test_dismissed);

  return g_test_run ();
}

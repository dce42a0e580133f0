/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-anchor"

#include "config.h"

#include "gloss-core.h"
#include "gloss-anchor-private.h"

/* Anchors: from a selection or a quote to (block, offset), and back to the
 * same words after the article's text changed. */

static GlossArticle *
article_new (const char *first_block, ...)
{
  GlossArticle *article = gloss_article_new ();
  const char *text = first_block;
  va_list args;

  va_start (args, first_block);
  while (text != NULL)
    {
      gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, text);
      text = va_arg (args, const char *);
    }
  va_end (args);

  return article;
}

#define CLAIM_BLOCK "Stoltenberg says some of NATO’s 29 allies are uneasy about the potential " \
                    "security challenges of working with Huawei."
#define DENIAL_BLOCK "Following Stoltenberg’s remarks, the company issued a statement saying " \
                     "“there is no evidence that Huawei poses any threat to cybersecurity,” and " \
                     "that it is “open for dialogue.”"
#define DENIAL "there is no evidence that Huawei poses any threat to cybersecurity"

static GlossArticle *
sample_article (void)
{
  return article_new ("BRUSSELS (AP) — NATO is mulling how to respond.", CLAIM_BLOCK,
                      "Huawei rejects accusations that it might facilitate Chinese spying.",
                      DENIAL_BLOCK, NULL);
}

static glong
cp_index (const char *haystack,
          const char *needle)
{
  const char *found = strstr (haystack, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (haystack, found);
}

static void
test_quote_offsets_in_code_points (void)
{
  g_autoptr(GlossArticle) article = sample_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_quote (article, DENIAL, 1, &error);
  glong expected = cp_index (DENIAL_BLOCK, DENIAL);

  g_assert_no_error (error);
  g_assert_cmpuint (anchor->start_block, ==, 3);
  g_assert_cmpuint (anchor->end_block, ==, 3);
  /* ’ and “ are one code point each but three bytes: offsets count code points. */
  g_assert_cmpint (anchor->start_offset, ==, expected);
  g_assert_cmpint (anchor->end_offset, ==, expected + g_utf8_strlen (DENIAL, -1));
  g_assert_cmpint (expected, <, (glong) (strstr (DENIAL_BLOCK, DENIAL) - DENIAL_BLOCK));
  g_assert_cmpstr (anchor->exact, ==, DENIAL);
  g_assert_cmpstr (anchor->prefix, ==, "pany issued a statement saying “");
  g_assert_cmpint (g_utf8_strlen (anchor->prefix, -1), ==, GLOSS_ANCHOR_CONTEXT_LENGTH);
  g_assert_true (g_str_has_prefix (anchor->suffix, ",” and that it is"));
  g_assert_cmpint (anchor->state, ==, GLOSS_ANCHOR_ANCHORED);
}

static void
test_quote_astral_and_combining (void)
{
  /* An emoji outside the BMP (two UTF-16 units, one code point) and a
   * decomposed accent (NFC makes it one code point). */
  g_autoptr(GlossArticle) article = article_new ("Le maire 😀 a dit que le cafe\xcc\x81 rouvrira.", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_quote (article, "café rouvrira", 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (anchor->start_offset, ==, 24);
  g_assert_cmpuint (anchor->end_offset, ==, 37);
  g_assert_cmpstr (anchor->exact, ==, "café rouvrira");
}

static void
test_quote_occurrence_and_errors (void)
{
  g_autoptr(GlossArticle) article = article_new ("the cat and the dog and the bird", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) third = gloss_anchor_new_for_quote (article, "the", 3, &error);
  g_autoptr(GlossAnchor) fourth = NULL;
  g_autoptr(GlossAnchor) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (third->start_offset, ==, 24);

  fourth = gloss_anchor_new_for_quote (article, "the", 4, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_null (fourth);
  g_clear_error (&error);

  missing = gloss_anchor_new_for_quote (article, "the horse", 1, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_null (missing);
}

/* A quote typed in a terminal (straight apostrophe and quotation marks, a
 * hyphen for a dash) finds the article's typographic characters, and the
 * anchor keeps the article's own. */
static void
test_quote_typed_in_a_terminal (void)
{
  g_autoptr(GlossArticle) article = sample_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) apostrophe = NULL;
  g_autoptr(GlossAnchor) marks = NULL;
  g_autoptr(GlossAnchor) dash = NULL;

  apostrophe = gloss_anchor_new_for_quote (article, "some of NATO's 29 allies", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (apostrophe->exact, ==, "some of NATO’s 29 allies");
  g_assert_cmpuint (apostrophe->start_block, ==, 1);
  g_assert_cmpuint (apostrophe->start_offset, ==, cp_index (CLAIM_BLOCK, "some of"));

  marks = gloss_anchor_new_for_quote (article, "saying \"there is no evidence", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (marks->exact, ==, "saying “there is no evidence");

  dash = gloss_anchor_new_for_quote (article, "BRUSSELS (AP) - NATO", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dash->exact, ==, "BRUSSELS (AP) — NATO");
}

/* When nothing matches, the error names the words that came closest and
 * their paragraph, counted from 1. */
static void
test_quote_missing_says_closest (void)
{
  g_autoptr(GlossArticle) article = sample_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) near = NULL;
  g_autoptr(GlossAnchor) far = NULL;

  near = gloss_anchor_new_for_quote (article, "Huawei rejects acusations that it might", 1, &error);
  g_assert_null (near);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "paragraph 3"));
  g_assert_nonnull (strstr (error->message, "“Huawei rejects accusations that it might”"));
  g_clear_error (&error);

  far = gloss_anchor_new_for_quote (article, "zzzz qqqq xxxx", 1, &error);
  g_assert_null (far);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_null (strstr (error->message, "closest"));
}

static void
test_range_across_blocks (void)
{
  g_autoptr(GlossArticle) article = article_new ("First block ends here.", "Second block starts.", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_range (article, 0, 12, 1, 6, &error);
  g_autoptr(GlossAnchor) by_quote = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (anchor->exact, ==, "ends here.\nSecond");
  g_assert_cmpstr (anchor->prefix, ==, "First block ");
  g_assert_cmpstr (anchor->suffix, ==, " block starts.");

  /* The same span found from its quote, the line break marking the boundary. */
  by_quote = gloss_anchor_new_for_quote (article, "ends here.\nSecond", 1, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_anchor_equal (anchor, by_quote));
}

static void
test_range_errors (void)
{
  g_autoptr(GlossArticle) article = article_new ("Short.", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;

  anchor = gloss_anchor_new_for_range (article, 0, 2, 0, 7, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_null (anchor);
  g_clear_error (&error);

  anchor = gloss_anchor_new_for_range (article, 1, 0, 1, 1, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  anchor = gloss_anchor_new_for_range (article, 0, 3, 0, 3, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
}

static void
test_reanchor_unchanged (void)
{
  g_autoptr(GlossArticle) article = sample_article ();
  g_autoptr(GlossArticle) again = sample_article ();
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_quote (article, DENIAL, 1, NULL);
  g_autoptr(GlossAnchor) result = gloss_anchor_reanchor (anchor, again);

  g_assert_true (gloss_anchor_equal (anchor, result));
}

static void
test_reanchor_exact_elsewhere (void)
{
  g_autoptr(GlossArticle) article = sample_article ();
  g_autoptr(GlossArticle) edited = article_new ("BRUSSELS (AP) — NATO is mulling how to respond.",
                                                "A paragraph was inserted here by the editors.",
                                                CLAIM_BLOCK,
                                                "Huawei rejects accusations that it might facilitate spying.",
                                                DENIAL_BLOCK, NULL);
  g_autoptr(GlossAnchor) claim = gloss_anchor_new_for_quote (article, "uneasy about the potential", 1, NULL);
  g_autoptr(GlossAnchor) denial = gloss_anchor_new_for_quote (article, DENIAL, 1, NULL);
  g_autoptr(GlossAnchor) claim_after = gloss_anchor_reanchor (claim, edited);
  g_autoptr(GlossAnchor) denial_after = gloss_anchor_reanchor (denial, edited);

  g_assert_cmpint (claim_after->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (claim_after->start_block, ==, 2);
  g_assert_cmpuint (claim_after->start_offset, ==, claim->start_offset);
  g_assert_cmpstr (claim_after->exact, ==, claim->exact);

  g_assert_cmpint (denial_after->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (denial_after->start_block, ==, 4);
  g_assert_cmpstr (denial_after->exact, ==, DENIAL);
}

static void
test_reanchor_picks_by_context (void)
{
  /* The quote occurs twice in the new text; the context decides, even
   * though the other occurrence is nearer the old position. */
  g_autoptr(GlossArticle) article = article_new ("Officials said the deal is off, according to the minister.", NULL);
  g_autoptr(GlossArticle) edited = article_new ("Rumours claimed the deal is off for weeks.",
                                                "Officials said the deal is off, according to the minister.",
                                                NULL);
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_quote (article, "the deal is off", 1, NULL);
  g_autoptr(GlossAnchor) result = gloss_anchor_reanchor (anchor, edited);

  g_assert_cmpint (result->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (result->start_block, ==, 1);
  g_assert_cmpuint (result->start_offset, ==, 15);
}

static void
test_reanchor_approximate (void)
{
  g_autoptr(GlossArticle) article = sample_article ();
  g_autoptr(GlossArticle) edited = article_new ("BRUSSELS (AP) — NATO is mulling how to respond.", CLAIM_BLOCK,
                                                "Huawei rejects accusations that it might facilitate Chinese spying.",
                                                "Following Stoltenberg’s remarks, the company issued a statement "
                                                "saying “there is no proof that Huawei poses any threat to "
                                                "cybersecurity,” and that it is “open for dialogue.”", NULL);
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_quote (article, DENIAL, 1, NULL);
  g_autoptr(GlossAnchor) result = gloss_anchor_reanchor (anchor, edited);

  g_assert_cmpint (result->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (result->start_block, ==, 3);
  g_assert_cmpstr (result->exact, ==, "there is no proof that Huawei poses any threat to cybersecurity");
}

static void
test_reanchor_orphaned (void)
{
  g_autoptr(GlossArticle) article = sample_article ();
  g_autoptr(GlossArticle) edited = article_new ("BRUSSELS (AP) — NATO is mulling how to respond.", CLAIM_BLOCK,
                                                "Huawei rejects accusations that it might facilitate Chinese spying.",
                                                NULL);
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_quote (article, DENIAL, 1, NULL);
  g_autoptr(GlossAnchor) result = gloss_anchor_reanchor (anchor, edited);

  g_assert_cmpint (result->state, ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (result->exact, ==, DENIAL);
  g_assert_cmpstr (result->prefix, ==, anchor->prefix);
  g_assert_cmpuint (result->start_block, ==, anchor->start_block);
  g_assert_cmpuint (result->start_offset, ==, anchor->start_offset);
}

static void
test_reanchor_all (void)
{
  g_autoptr(GlossArticle) article = sample_article ();
  g_autoptr(GlossArticle) edited = article_new ("New lead paragraph.", "BRUSSELS (AP) — NATO is mulling how to respond.",
                                                CLAIM_BLOCK, DENIAL_BLOCK, NULL);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_anchor_free);
  g_autoptr(GPtrArray) results = NULL;

  g_ptr_array_add (anchors, gloss_anchor_new_for_quote (article, "NATO’s 29 allies", 1, NULL));
  g_ptr_array_add (anchors, gloss_anchor_new_for_quote (article, "facilitate Chinese spying", 1, NULL));
  g_ptr_array_add (anchors, gloss_anchor_new_for_quote (article, DENIAL, 1, NULL));
  results = gloss_anchor_reanchor_all (anchors, edited);

  g_assert_cmpuint (results->len, ==, 3);
  g_assert_cmpint (((GlossAnchor *) results->pdata[0])->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (((GlossAnchor *) results->pdata[0])->start_block, ==, 2);
  g_assert_cmpint (((GlossAnchor *) results->pdata[1])->state, ==, GLOSS_ANCHOR_ORPHANED);
  /* Same block index and offset in the new text, so it never moved. */
  g_assert_cmpint (((GlossAnchor *) results->pdata[2])->state, ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpuint (((GlossAnchor *) results->pdata[2])->start_block, ==, 3);
}

/* Reference: the smallest edit distance of @pattern to any substring of
 * @text ending at each position, by the textbook dynamic programme. */
static guint
reference_best_errors (const gunichar *text,
                       glong           n,
                       const gunichar *pattern,
                       glong           m)
{
  g_autofree guint *column = g_new (guint, m + 1);
  guint best = m;

  for (glong i = 0; i <= m; i++)
    column[i] = i;
  for (glong j = 1; j <= n; j++)
    {
      guint diagonal = column[0];

      column[0] = 0;
      for (glong i = 1; i <= m; i++)
        {
          guint above = column[i];

          column[i] = MIN (MIN (column[i] + 1, column[i - 1] + 1),
                           diagonal + (pattern[i - 1] == text[j - 1] ? 0 : 1));
          diagonal = above;
        }
      best = MIN (best, column[m]);
    }

  return best;
}

static void
test_approximate_matches_reference (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);

  for (guint round = 0; round < 300; round++)
    {
      glong m = g_rand_int_range (rand, 1, 200);
      glong n = g_rand_int_range (rand, m, 600);
      g_autofree gunichar *text = g_new (gunichar, n);
      g_autofree gunichar *pattern = g_new (gunichar, m);
      g_autoptr(GArray) matches = NULL;
      guint alphabet = g_rand_int_range (rand, 2, 6);
      guint expected;
      guint found = G_MAXUINT;

      for (glong j = 0; j < n; j++)
        text[j] = 'a' + g_rand_int_range (rand, 0, alphabet);
      /* Usually plant a mutated copy of the pattern in the text. */
      for (glong i = 0; i < m; i++)
        pattern[i] = 'a' + g_rand_int_range (rand, 0, alphabet);
      if (round % 3 != 0)
        {
          glong at = g_rand_int_range (rand, 0, n - m + 1);

          memcpy (text + at, pattern, m * sizeof (gunichar));
          for (guint k = 0; k < (guint) (m / 10); k++)
            text[at + g_rand_int_range (rand, 0, m)] = 'z';
        }

      expected = reference_best_errors (text, n, pattern, m);
      matches = gloss_match_approximate (text, n, pattern, m, m);
      for (guint i = 0; i < matches->len; i++)
        {
          const GlossMatch *match = &g_array_index (matches, GlossMatch, i);

          found = MIN (found, match->errors);
          /* The reported span really is that close to the pattern. */
          g_assert_cmpuint (gloss_match_edit_distance (pattern, m, text + match->start,
                                                       match->end - match->start), ==, match->errors);
        }
      g_assert_cmpuint (found, ==, expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/anchor/quote/code-point-offsets", test_quote_offsets_in_code_points);
  g_test_add_func ("/core/anchor/quote/astral-and-combining", test_quote_astral_and_combining);
  g_test_add_func ("/core/anchor/quote/occurrence-and-errors", test_quote_occurrence_and_errors);
  g_test_add_func ("/core/anchor/quote/typed-in-a-terminal", test_quote_typed_in_a_terminal);
  g_test_add_func ("/core/anchor/quote/missing-says-closest", test_quote_missing_says_closest);
  g_test_add_func ("/core/anchor/range/across-blocks", test_range_across_blocks);
  g_test_add_func ("/core/anchor/range/errors", test_range_errors);
  g_test_add_func ("/core/anchor/reanchor/1-unchanged", test_reanchor_unchanged);
  g_test_add_func ("/core/anchor/reanchor/2-exact-elsewhere", test_reanchor_exact_elsewhere);
  g_test_add_func ("/core/anchor/reanchor/2-context-decides", test_reanchor_picks_by_context);
  g_test_add_func ("/core/anchor/reanchor/3-approximate", test_reanchor_approximate);
  g_test_add_func ("/core/anchor/reanchor/4-orphaned", test_reanchor_orphaned);
  g_test_add_func ("/core/anchor/reanchor/many", test_reanchor_all);
  g_test_add_func ("/core/anchor/match/approximate-vs-reference", test_approximate_matches_reference);

  return g_test_run ();
}

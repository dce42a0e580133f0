/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-diff"

#include "config.h"

#include "gloss-core.h"

/* The word changes between two versions, as a reader would point them
 * out: which words went, which came, and where, in code points. */

#define N_ELEMENTS(a) G_N_ELEMENTS (a)

static GPtrArray *
diff (const char * const *old_blocks,
      guint               n_old,
      const char * const *new_blocks,
      guint               n_new)
{
  return gloss_diff_blocks (old_blocks, n_old, new_blocks, n_new);
}

static void
assert_change (GPtrArray  *changes,
               guint       index,
               const char *deleted,
               const char *inserted,
               guint       old_block,
               guint       old_start,
               guint       old_end,
               guint       new_block,
               guint       new_start,
               guint       new_end)
{
  const GlossDiffChange *change;

  g_assert_cmpuint (index, <, changes->len);
  change = g_ptr_array_index (changes, index);
  g_assert_cmpstr (change->deleted, ==, deleted);
  g_assert_cmpstr (change->inserted, ==, inserted);
  g_assert_cmpuint (change->old_start.block, ==, old_block);
  g_assert_cmpuint (change->old_start.offset, ==, old_start);
  g_assert_cmpuint (change->old_end.block, ==, old_block);
  g_assert_cmpuint (change->old_end.offset, ==, old_end);
  g_assert_cmpuint (change->new_start.block, ==, new_block);
  g_assert_cmpuint (change->new_start.offset, ==, new_start);
  g_assert_cmpuint (change->new_end.block, ==, new_block);
  g_assert_cmpuint (change->new_end.offset, ==, new_end);
}

static void
test_same (void)
{
  const char *blocks[] = { "Minister denies report", "The minister said so." };
  const char *respaced[] = { "Minister  denies report", "The minister said so. " };
  g_autoptr(GPtrArray) changes = diff (blocks, 2, blocks, 2);
  g_autoptr(GPtrArray) spaces = diff (blocks, 2, respaced, 2);

  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (spaces->len, ==, 0);
  g_assert_cmpuint (gloss_diff_count_changed_blocks (changes), ==, 0);
}

static void
test_figure_corrected (void)
{
  const char *old_blocks[] = { "Headline", "The minister said the figure was 40 percent." };
  const char *new_blocks[] = { "Headline", "The minister said the figure was 14 percent." };
  g_autoptr(GPtrArray) changes = diff (old_blocks, 2, new_blocks, 2);

  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, "40", "14", 1, 33, 35, 1, 33, 35);
  g_assert_cmpuint (gloss_diff_count_changed_blocks (changes), ==, 1);
}

static void
test_code_points (void)
{
  const char *old_blocks[] = { "Ça coûte 5 €, dit-elle." };
  const char *new_blocks[] = { "Ça coûte 7 €, dit-elle." };
  g_autoptr(GPtrArray) changes = diff (old_blocks, 1, new_blocks, 1);

  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, "5", "7", 0, 9, 10, 0, 9, 10);
}

static void
test_quote_softened (void)
{
  const char *old_blocks[] = { "There is no evidence that Huawei poses any threat to anyone." };
  const char *new_blocks[] = { "There is little evidence that Huawei poses a threat to anyone." };
  g_autoptr(GPtrArray) changes = diff (old_blocks, 1, new_blocks, 1);

  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, "no", "little", 0, 9, 11, 0, 9, 15);
  assert_change (changes, 1, "any", "a", 0, 39, 42, 0, 43, 44);
  g_assert_cmpuint (gloss_diff_count_changed_blocks (changes), ==, 1);
}

static void
test_words_kept_whole (void)
{
  const char *old_blocks[] = { "A well-known figure of 3.5 million, they don't say." };
  const char *new_blocks[] = { "A well-liked figure of 3.6 million, they do say." };
  g_autoptr(GPtrArray) changes = diff (old_blocks, 1, new_blocks, 1);
  const GlossDiffChange *first;

  g_assert_cmpuint (changes->len, ==, 3);
  first = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (first->deleted, ==, "well-known");
  g_assert_cmpstr (first->inserted, ==, "well-liked");
  g_assert_cmpstr (((GlossDiffChange *) g_ptr_array_index (changes, 1))->deleted, ==, "3.5");
  g_assert_cmpstr (((GlossDiffChange *) g_ptr_array_index (changes, 2))->deleted, ==, "don't");
}

static void
test_paragraphs (void)
{
  const char *old_blocks[] = {
    "Minister denies report",
    "The minister said the report was wrong.",
    "Opposition members asked for the documents.",
    "The vote is next week.",
  };
  const char *new_blocks[] = {
    "Minister denies report",
    "The minister said the report was wrong.",
    "A spokesman later added that the contract was under review.",
    "The vote is next week.",
    "This story was updated.",
  };
  g_autoptr(GPtrArray) changes = diff (old_blocks, N_ELEMENTS (old_blocks),
                                       new_blocks, N_ELEMENTS (new_blocks));
  const GlossDiffChange *change;

  /* Paragraph 2 rewritten, paragraph 4 added: two of the new version's. */
  g_assert_cmpuint (gloss_diff_count_changed_blocks (changes), ==, 2);
  change = g_ptr_array_index (changes, changes->len - 1);
  g_assert_cmpstr (change->inserted, ==, "This story was updated.");
  g_assert_cmpstr (change->deleted, ==, "");
  g_assert_cmpuint (change->new_start.block, ==, 4);
  g_assert_cmpuint (change->new_start.offset, ==, 0);
  g_assert_cmpuint (change->new_end.block, ==, 4);
  g_assert_cmpuint (change->new_end.offset, ==, 23);
}

static void
test_paragraph_removed (void)
{
  const char *old_blocks[] = { "One.", "Two words.", "Three." };
  const char *new_blocks[] = { "One.", "Three." };
  g_autoptr(GPtrArray) changes = diff (old_blocks, 3, new_blocks, 2);
  const GlossDiffChange *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->deleted, ==, "Two words.");
  g_assert_cmpstr (change->inserted, ==, "");
  g_assert_cmpuint (change->old_start.block, ==, 1);
  g_assert_cmpuint (change->old_start.offset, ==, 0);
}

/* Length of a longest common subsequence, by the textbook table. */
static guint
lcs_length (char **a,
            guint  n,
            char **b,
            guint  m)
{
  g_autofree guint *table = g_new0 (guint, (n + 1) * (m + 1));

  for (guint i = 1; i <= n; i++)
    for (guint j = 1; j <= m; j++)
      table[i * (m + 1) + j] = g_str_equal (a[i - 1], b[j - 1])
        ? table[(i - 1) * (m + 1) + j - 1] + 1
        : MAX (table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1]);
  return table[n * (m + 1) + m];
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      n++;
  return n;
}

/* Random short texts over three words: applying the changes to the old
 * text gives the new one, and no shorter list of changes exists. */
static void
test_random_against_lcs (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  const char *vocabulary[] = { "a", "b", "c" };

  for (guint round = 0; round < 500; round++)
    {
      guint n = g_rand_int_range (rand, 0, 25);
      guint m = g_rand_int_range (rand, 0, 25);
      g_autoptr(GStrvBuilder) a_builder = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) b_builder = g_strv_builder_new ();
      g_auto(GStrv) a = NULL;
      g_auto(GStrv) b = NULL;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GString) rebuilt = g_string_new (NULL);
      guint position = 0;
      guint changed_words = 0;
      const char *old_blocks[1];
      const char *new_blocks[1];

      for (guint i = 0; i < n; i++)
        g_strv_builder_add (a_builder, vocabulary[g_rand_int_range (rand, 0, 3)]);
      for (guint i = 0; i < m; i++)
        g_strv_builder_add (b_builder, vocabulary[g_rand_int_range (rand, 0, 3)]);
      a = g_strv_builder_end (a_builder);
      b = g_strv_builder_end (b_builder);
      old_text = g_strjoinv (" ", a);
      new_text = g_strjoinv (" ", b);
      old_blocks[0] = old_text;
      new_blocks[0] = new_text;
      changes = diff (old_blocks, 1, new_blocks, 1);

      /* One letter a code point: offsets index the strings directly. */
      for (guint i = 0; i < changes->len; i++)
        {
          const GlossDiffChange *change = g_ptr_array_index (changes, i);

          g_assert_cmpuint (change->old_start.offset, >=, position);
          g_string_append_len (rebuilt, old_text + position, change->old_start.offset - position);
          g_string_append (rebuilt, " ");
          g_string_append (rebuilt, change->inserted);
          g_string_append (rebuilt, " ");
          position = change->old_end.offset;
          changed_words += count_words (change->deleted) + count_words (change->inserted);
        }
      g_string_append (rebuilt, old_text + position);

      {
        g_auto(GStrv) words = g_strsplit_set (rebuilt->str, " ", -1);
        g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
        g_auto(GStrv) rebuilt_words = NULL;
        g_autofree char *rebuilt_text = NULL;

        for (guint i = 0; words[i] != NULL; i++)
          if (words[i][0] != '\0')
            g_strv_builder_add (kept, words[i]);
        rebuilt_words = g_strv_builder_end (kept);
        rebuilt_text = g_strjoinv (" ", rebuilt_words);
        g_assert_cmpstr (rebuilt_text, ==, new_text);
      }
      g_assert_cmpuint (changed_words, ==, n + m - 2 * lcs_length (a, n, b, m));
    }
}

static void
test_articles (void)
{
  g_autoptr(GError) error = NULL;
  static const char v1_text[] = "Minister denies report\n\nThe minister said on Monday that the "
                                 "report about the contract was wrong in every detail.\n";
  static const char v2_text[] = "Minister denies report\n\nThe minister said on Tuesday that the "
                                 "report about the contract was wrong in every detail.\n";
  g_autoptr(GBytes) v1 = g_bytes_new_static (v1_text, strlen (v1_text));
  g_autoptr(GBytes) v2 = g_bytes_new_static (v2_text, strlen (v2_text));
  g_autoptr(GlossArticle) a = gloss_extract (v1, "a.txt", &error);
  g_autoptr(GlossArticle) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const GlossDiffChange *change;

  g_assert_no_error (error);
  b = gloss_extract (v2, "b.txt", &error);
  g_assert_no_error (error);
  changes = gloss_diff_articles (a, b);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->deleted, ==, "Monday");
  g_assert_cmpstr (change->inserted, ==, "Tuesday");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/diff/same", test_same);
  g_test_add_func ("/core/diff/figure-corrected", test_figure_corrected);
  g_test_add_func ("/core/diff/code-points", test_code_points);
  g_test_add_func ("/core/diff/quote-softened", test_quote_softened);
  g_test_add_func ("/core/diff/words-kept-whole", test_words_kept_whole);
  g_test_add_func ("/core/diff/paragraphs", test_paragraphs);
  g_test_add_func ("/core/diff/paragraph-removed", test_paragraph_removed);
  g_test_add_func ("/core/diff/random-against-lcs", test_random_against_lcs);
  g_test_add_func ("/core/diff/articles", test_articles);

  return g_test_run ();
}

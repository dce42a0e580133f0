/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-diff"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "gloss-core.h"

#include "bench-measure.h"

/*
 * Word diff speed: two versions of a generated 10,000-word article, the
 * second edited the way outlets edit (words corrected, sentences added and
 * cut, a paragraph added and one removed), compared by gloss_diff_blocks().
 * The baseline, in the same run, is the same call on two identical copies:
 * the cost of reading the words, which any comparison pays.  Prints the
 * median milliseconds of each and their ratio.
 *
 * bench-diff [--words N] [--edits PERCENT] [--rounds R]
 */

static char *
make_word (GRand *rand)
{
  static const char letters[] = "etaoinshrdlucmfwypvbgkjqxz";
  guint length = g_rand_int_range (rand, 1, 10);
  char *word = g_malloc (length + 1);

  for (guint i = 0; i < length; i++)
    word[i] = letters[MIN (g_rand_int_range (rand, 0, 26), g_rand_int_range (rand, 0, 26))];
  word[length] = '\0';
  return word;
}

static char *
make_sentence (GRand      *rand,
               GPtrArray  *vocabulary,
               guint       n_words)
{
  GString *sentence = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (sentence, ' ');
      g_string_append (sentence, g_ptr_array_index (vocabulary,
                                                    g_rand_int_range (rand, 0, vocabulary->len)));
    }
  g_string_append_c (sentence, '.');
  return g_string_free (sentence, FALSE);
}

/* Paragraphs as arrays of sentences. */
static GPtrArray *
make_article (GRand     *rand,
              GPtrArray *vocabulary,
              guint      n_words)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint words = 0;

  while (words < n_words)
    {
      GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < 10 && words < n_words; i++)
        {
          guint length = g_rand_int_range (rand, 8, 30);

          g_ptr_array_add (sentences, make_sentence (rand, vocabulary, length));
          words += length;
        }
      g_ptr_array_add (paragraphs, sentences);
    }
  return paragraphs;
}

static char **
join_paragraphs (GPtrArray *paragraphs)
{
  char **blocks = g_new0 (char *, paragraphs->len + 1);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      GPtrArray *sentences = g_ptr_array_index (paragraphs, i);

      g_ptr_array_add (sentences, NULL);
      blocks[i] = g_strjoinv (" ", (char **) sentences->pdata);
      g_ptr_array_remove_index (sentences, sentences->len - 1);
    }
  return blocks;
}

/* Edits @percent of the words' worth: a word replaced here and there, a
 * sentence added or cut, one paragraph added and one removed. */
static char **
edit_article (GRand     *rand,
              GPtrArray *vocabulary,
              char     **blocks,
              guint      n_words,
              double     percent)
{
  GPtrArray *edited = g_ptr_array_new ();
  guint budget = (guint) (n_words * percent / 100);
  guint n_blocks = g_strv_length (blocks);
  guint removed = g_rand_int_range (rand, 0, n_blocks);

  for (guint i = 0; i < n_blocks; i++)
    {
      g_auto(GStrv) words = NULL;
      GString *text;

      if (i == removed)
        continue;
      words = g_strsplit (blocks[i], " ", -1);
      text = g_string_new (NULL);
      for (guint j = 0; words[j] != NULL; j++)
        {
          double roll = g_rand_double (rand);

          if (text->len > 0)
            g_string_append_c (text, ' ');
          if (budget > 0 && roll < percent / 200)
            {
              g_string_append (text, g_ptr_array_index (vocabulary,
                                                        g_rand_int_range (rand, 0, vocabulary->len)));
              budget--;
            }
          else if (budget > 10 && roll < percent / 200 + percent / 4000)
            {
              g_autofree char *sentence = make_sentence (rand, vocabulary, 10);

              g_string_append_printf (text, "%s %s", sentence, words[j]);
              budget -= 10;
            }
          else if (roll > 1 - percent / 4000)
            j += MIN (5, g_strv_length (words + j) - 1);
          else
            g_string_append (text, words[j]);
        }
      g_ptr_array_add (edited, g_string_free (text, FALSE));
      if (i == n_blocks / 2)
        g_ptr_array_add (edited, make_sentence (rand, vocabulary, 40));
    }
  g_ptr_array_add (edited, NULL);
  return (char **) g_ptr_array_free (edited, FALSE);
}

static double
time_diff (char   **old_blocks,
           char   **new_blocks,
           guint   *out_changes)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) changes = gloss_diff_blocks ((const char * const *) old_blocks,
                                                    g_strv_length (old_blocks),
                                                    (const char * const *) new_blocks,
                                                    g_strv_length (new_blocks));
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  *out_changes = changes->len;
  return ms;
}

int
main (int    argc,
      char **argv)
{
  guint n_words = 10000;
  double percent = 5;
  guint rounds = 21;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(GPtrArray) vocabulary = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_auto(GStrv) old_blocks = NULL;
  g_auto(GStrv) copy_blocks = NULL;
  g_auto(GStrv) new_blocks = NULL;
  g_autofree double *same = NULL;
  g_autofree double *edited = NULL;
  guint n_changes = 0;
  guint n_same = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--words") && i + 1 < argc)
        n_words = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--edits") && i + 1 < argc)
        percent = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (argv[i], "--rounds") && i + 1 < argc)
        {
          /* Not MAX (1, atoi (…)): the macro would read the next argument twice. */
          int parsed = atoi (argv[++i]);

          rounds = parsed > 0 ? parsed : 1;
        }
      else
        {
          fprintf (stderr, "usage: bench-diff [--words N] [--edits PERCENT] [--rounds R]\n");
          return 2;
        }
    }

  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (vocabulary, make_word (rand));
  paragraphs = make_article (rand, vocabulary, n_words);
  old_blocks = join_paragraphs (paragraphs);
  copy_blocks = g_strdupv (old_blocks);
  new_blocks = edit_article (rand, vocabulary, old_blocks, n_words, percent);

  same = g_new (double, rounds);
  edited = g_new (double, rounds);
  /* Alternating, so a busy machine slows both alike. */
  for (guint round = 0; round < rounds; round++)
    {
      same[round] = time_diff (old_blocks, copy_blocks, &n_same);
      edited[round] = time_diff (old_blocks, new_blocks, &n_changes);
    }
  qsort (same, rounds, sizeof (double), bench_compare_doubles);
  qsort (edited, rounds, sizeof (double), bench_compare_doubles);

  g_print ("bench-diff: %u words in %u paragraphs, %.1f%% edited, %u rounds (medians)\n",
           n_words, g_strv_length (old_blocks), percent, rounds);
  g_print ("  baseline, identical copies: %.2f ms (%u changes)\n", same[rounds / 2], n_same);
  g_print ("  edited version:             %.2f ms (%u changes)  ratio %.2f\n",
           edited[rounds / 2], n_changes, edited[rounds / 2] / same[rounds / 2]);
  return 0;
}

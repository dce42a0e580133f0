/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-corpus"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "bench-corpus.h"

/*
 * The generated library of bench-library and bench-window.  The same seed
 * gives the same library, so figures from the two benchmarks (and from one
 * day to the next) describe the same data.
 */

static const char * const substitutions[][2] = {
  { " said ", " stated " }, { " government ", " administration " }, { " people ", " residents " },
  { " new ", " fresh " }, { " year ", " season " }, { " city ", " town " },
  { " company ", " firm " }, { " officials ", " authorities " }, { " report ", " study " },
  { " week ", " fortnight " }, { " police ", " officers " }, { " country ", " nation " },
};

static const char * const speakers[] = {
  "Huawei", "NATO", "Jens Stoltenberg", "the White House", "the ministry", "Le maire",
  "a police spokesperson", "the company", "the opposition", "Dr. Müller",
};

static const char * const notes[] = {
  "No source given for this figure", "Contradicts the earlier statement",
  "Check against the official report", "Évidence douteuse, à vérifier",
  "Quote attributed to an anonymous official", "Matches the court filing",
  "Needs a second source", "The date is wrong in the original",
};

/* Every .html page of @folder, in name order (so the library does not
 * depend on the order the file system lists them in). */
GPtrArray *
bench_corpus_load (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".html"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL))
        g_ptr_array_add (pages, g_bytes_new_take (contents, length));
    }
  if (pages->len == 0)
    g_error ("No .html file in %s", folder);
  return pages;
}

/* A variant of @page: the texts of its <p> elements shuffled, some words
 * substituted, and a mark that makes its bytes unique. */
GString *
bench_corpus_make_variant (GBytes *page,
                           guint   k,
                           GRand  *rand)
{
  gsize length;
  const char *data = g_bytes_get_data (page, &length);
  g_autoptr(GString) source = g_string_new_len (data, length);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  GString *result = g_string_sized_new (length + 64);
  gsize copied = 0;
  const char *p = source->str;

  while ((p = strstr (p, "<p")) != NULL)
    {
      const char *open_end, *close;
      gsize start, end;

      if (p[2] != '>' && p[2] != ' ')
        {
          p += 2;
          continue;
        }
      open_end = strchr (p, '>');
      if (open_end == NULL)
        break;
      close = strstr (open_end, "</p>");
      if (close == NULL)
        break;
      start = open_end + 1 - source->str;
      end = close - source->str;
      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
      g_ptr_array_add (contents, g_strndup (source->str + start, end - start));
      p = close + 4;
    }

  /* Fisher–Yates over the paragraph texts. */
  for (guint i = contents->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = contents->pdata[i - 1];

      contents->pdata[i - 1] = contents->pdata[j];
      contents->pdata[j] = tmp;
    }

  for (guint i = 0; i < contents->len; i++)
    {
      gsize start = g_array_index (starts, gsize, i);
      gsize end = g_array_index (ends, gsize, i);

      g_string_append_len (result, source->str + copied, start - copied);
      g_string_append (result, g_ptr_array_index (contents, i));
      copied = end;
    }
  g_string_append_len (result, source->str + copied, source->len - copied);

  for (guint s = 0; s < 3; s++)
    {
      guint which = (k / (s + 1) + s * 5) % G_N_ELEMENTS (substitutions);

      g_string_replace (result, substitutions[which][0], substitutions[which][1], 3);
    }
  g_string_append_printf (result, "\n<!-- gloss bench variant %u -->\n", k);
  return result;
}

/* Writes variants @first … @first + @count - 1 into @folder, as
 * variant-NNNNN.html, cycling through the corpus. */
void
bench_corpus_write_round (const char *folder,
                          GPtrArray  *corpus,
                          guint       first,
                          guint       count,
                          GRand      *rand)
{
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint k = first; k < first + count; k++)
    {
      g_autofree char *name = g_strdup_printf ("variant-%05u.html", k);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GString *variant = bench_corpus_make_variant (g_ptr_array_index (corpus, k % corpus->len),
                                                    k, rand);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, variant->str, variant->len, &error))
        g_error ("%s", error->message);
      g_string_free (variant, TRUE);
    }
}

/* Removes the files of @folder (not the folder, not subfolders). */
void
bench_corpus_clear_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
}

/* Removes @path and, when it is a folder, everything in it.  Symbolic links
 * are removed, never followed. */
void
bench_corpus_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      bench_corpus_remove_tree (child);
    }
  g_rmdir (path);
}

/* Adds @n_annotations annotations, as evenly over the articles as they go,
 * each on a random stretch of one block, of a random kind, with a speaker
 * and every other one with a note; in batches of one transaction each. */
void
bench_corpus_add_annotations (GlossStore *store,
                              guint       n_annotations,
                              GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = gloss_store_list_article_ids (store, &error);
  GArray *batch;
  guint per_article, made = 0;

  g_assert_no_error (error);
  if (ids->len == 0 || n_annotations == 0)
    return;

  batch = g_array_new (FALSE, TRUE, sizeof (GlossImportedAnnotation));
  per_article = (n_annotations + ids->len - 1) / ids->len;
  for (guint a = 0; a < ids->len && made < n_annotations; a++)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (ids, a);
      g_autoptr(GlossArticle) article = gloss_store_load_article (store, id, &error);
      guint n_blocks;

      g_assert_no_error (error);
      n_blocks = gloss_article_get_n_blocks (article);
      for (guint i = 0; i < per_article && made < n_annotations && n_blocks > 0; i++)
        {
          guint block = g_rand_int_range (rand, 0, n_blocks);
          const char *text = gloss_block_get_text (gloss_article_get_block (article, block));
          glong length = g_utf8_strlen (text, -1);
          glong start, span, end;
          g_autofree char *exact = NULL;
          g_autoptr(GlossAnchor) anchor = NULL;
          GlossImportedAnnotation item = { 0 };

          if (length < 4)
            continue;
          start = g_rand_int_range (rand, 0, length / 2);
          /* Drawn apart: MIN() would draw it twice and could end past the block. */
          span = g_rand_int_range (rand, 10, 120);
          end = MIN (length, start + 1 + span);
          exact = g_utf8_substring (text, start, end);
          anchor = gloss_anchor_new (block, start, block, end, exact, "", "", GLOSS_ANCHOR_ANCHORED);
          item.annotation = gloss_annotation_new (g_rand_int_range (rand, 0, GLOSS_ANNOTATION_KIND_LAST + 1),
                                                  anchor);
          gloss_annotation_set_article_id (item.annotation, id);
          if (g_rand_boolean (rand))
            gloss_annotation_set_note (item.annotation, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);
          gloss_annotation_set_speaker (item.annotation,
                                        speakers[g_rand_int_range (rand, 0, G_N_ELEMENTS (speakers))]);
          g_array_append_val (batch, item);
          made++;
        }

      if (batch->len >= 2000 || a + 1 == ids->len || made == n_annotations)
        {
          if (!gloss_store_add_imported_annotations (store, (GlossImportedAnnotation *) batch->data,
                                                     batch->len, &error))
            g_error ("%s", error->message);
          for (guint i = 0; i < batch->len; i++)
            g_object_unref (g_array_index (batch, GlossImportedAnnotation, i).annotation);
          g_array_set_size (batch, 0);
        }
    }
  g_array_unref (batch);
}

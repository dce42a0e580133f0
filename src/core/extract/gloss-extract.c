/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-decode.h"
#include "gloss-pdf.h"
#include "gloss-error.h"
#include "gloss-extract.h"
#include "gloss-extract-private.h"
#include "gloss-extract-language.h"

/* Far beyond any real article (a long book has a few thousand paragraphs). */
#define GLOSS_EXTRACT_MAX_BLOCKS 50000

/**
 * gloss_extract_options_init:
 * @options: options to fill with the defaults
 *
 * Defaults: the format is sniffed from the content, and inputs over
 * `max_input_mib` (a build option, 64 MiB unless changed) are refused.
 */
void
gloss_extract_options_init (GlossExtractOptions *options)
{
  g_return_if_fail (options != NULL);

  options->format = GLOSS_INPUT_FORMAT_AUTO;
  options->max_input_bytes = (gsize) GLOSS_DEFAULT_MAX_INPUT_MIB * 1024 * 1024;
}

gboolean
gloss_input_format_from_string (const char       *name,
                                GlossInputFormat *out_format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out_format != NULL, FALSE);

  if (g_str_equal (name, "html"))
    *out_format = GLOSS_INPUT_FORMAT_HTML;
  else if (g_str_equal (name, "text"))
    *out_format = GLOSS_INPUT_FORMAT_TEXT;
  else if (g_str_equal (name, "auto"))
    *out_format = GLOSS_INPUT_FORMAT_AUTO;
  else
    return FALSE;

  return TRUE;
}

static gboolean
is_blank (const char *utf8,
          gsize       length)
{
  for (const char *p = utf8; p < utf8 + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B)
        return FALSE;
    }

  return TRUE;
}

static void
set_too_large_error (GError **error,
                     gsize    max_input_bytes)
{
  g_autofree char *limit = g_format_size_full (max_input_bytes, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               _("The file is larger than %s, the most Gloss reads as one article"), limit);
}

/* The first words of @text up to a sentence end, at most about 80
 * characters, cut at a space. */
static char *
dup_first_words (const char *text)
{
  const char *end = text;
  const char *last_space = NULL;
  glong chars = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == 0x3002) && chars >= 20
                        && (p[1] == ' ' || p[1] == '\0')))
        {
          end = c == '\n' ? p : p + 1;
          break;
        }
      if (chars++ >= 80)
        {
          g_autofree char *head = NULL;

          end = last_space != NULL ? last_space : p;
          head = g_strndup (text, end - text);
          return g_strconcat (head, "\xe2\x80\xa6", NULL);
        }
      if (c == ' ')
        last_space = p;
      end = g_utf8_next_char (p);
    }

  return g_strndup (text, end - text);
}

/* Whatever the path found, an article has a readable title and, when its
 * text tells, a language: the library lists articles by title (never by
 * a file's name), and later features need the language. */
static void
complete_metadata (GlossArticle *article)
{
  const char *title = gloss_article_get_title (article);
  guint n = gloss_article_get_n_blocks (article);

  if (title == NULL || is_blank (title, strlen (title)))
    {
      const GlossBlock *chosen = NULL;

      /* The first sub-heading near the top names the story better than
       * its first sentence does. */
      for (guint i = 0; i < n && i < 3 && chosen == NULL; i++)
        if (gloss_block_get_kind (gloss_article_get_block (article, i)) == GLOSS_BLOCK_HEADING)
          chosen = gloss_article_get_block (article, i);
      if (chosen == NULL && n > 0)
        chosen = gloss_article_get_block (article, 0);
      if (chosen != NULL)
        {
          g_autofree char *words = dup_first_words (gloss_block_get_text (chosen));

          gloss_article_set_title (article, words);
        }
    }

  if (gloss_article_get_language (article) == NULL && n > 0)
    {
      GString *sample = g_string_new (NULL);

      for (guint i = 0; i < n && sample->len < 4000; i++)
        {
          g_string_append (sample, gloss_block_get_text (gloss_article_get_block (article, i)));
          g_string_append_c (sample, '\n');
        }
      gloss_article_set_language (article, gloss_text_guess_language (sample->str));
      g_string_free (sample, TRUE);
    }
}

/**
 * gloss_extract:
 * @data: the bytes of a saved web page or of copied page text
 * @filename_or_null: the file's name, used as a hint and in messages
 * @error: return location for a %GLOSS_ERROR
 *
 * Turns a saved page into a clean article with default options; see
 * gloss_extract_full().
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
GlossArticle *
gloss_extract (GBytes      *data,
               const char  *filename_or_null,
               GError     **error)
{
  GlossExtractOptions options;

  gloss_extract_options_init (&options);
  return gloss_extract_full (data, filename_or_null, &options, error);
}

/**
 * gloss_extract_full:
 * @data: the bytes of a saved web page or of copied page text
 * @filename_or_null: the file's name, used as a hint only
 * @options: format override and size cap
 * @error: return location for a %GLOSS_ERROR
 *
 * Decodes @data to UTF-8 (gzip, byte-order marks, declared and undeclared
 * charsets, invalid sequences repaired), picks the HTML or the copied-text
 * path by sniffing the content unless @options says which, and extracts the
 * article.  Nothing is fetched and no script runs.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
GlossArticle *
gloss_extract_full (GBytes                     *data,
                    const char                 *filename_or_null,
                    const GlossExtractOptions  *options,
                    GError                    **error)
{
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *utf8 = NULL;
  GlossArticle *article;
  const guint8 *raw;
  gsize raw_length;
  gsize length = 0;
  GlossInputFormat format;
  gboolean is_pdf;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (data) > options->max_input_bytes)
    {
      set_too_large_error (error, options->max_input_bytes);
      return NULL;
    }

  plain = gloss_decode_maybe_gunzip (data, options->max_input_bytes, error);
  if (plain == NULL)
    return NULL;

  raw = g_bytes_get_data (plain, &raw_length);
  if (raw_length == 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  /* A PDF's text goes through the copied-text path whatever @options
   * says: it is stored as "text" (its bytes say it is a PDF), so cleaning
   * it again takes this same way. */
  is_pdf = gloss_pdf_is_pdf (plain);
  if (is_pdf)
    utf8 = gloss_pdf_to_text (plain, NULL, error);
  else
    utf8 = gloss_decode_to_utf8 (raw, raw_length, &length, error);
  if (utf8 == NULL)
    return NULL;
  if (is_pdf)
    length = strlen (utf8);

  if (is_blank (utf8, length))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY,
                           _("The file holds only blank space"));
      return NULL;
    }

  format = is_pdf ? GLOSS_INPUT_FORMAT_TEXT : options->format;
  if (format == GLOSS_INPUT_FORMAT_AUTO)
    format = gloss_decode_sniff_format (utf8, length, filename_or_null) == GLOSS_SNIFFED_HTML
             ? GLOSS_INPUT_FORMAT_HTML : GLOSS_INPUT_FORMAT_TEXT;

  if (format == GLOSS_INPUT_FORMAT_HTML)
    article = gloss_extract_html (utf8, length, error);
  else
    article = gloss_extract_text (utf8, length, error);

  if (article == NULL)
    return NULL;

  /* A "page" of a million one-word paragraphs is not something anyone can
   * read or annotate, and every later layer (JSON, the text view, the
   * store) would pay for it; refuse it here with a clear message. */
  if (gloss_article_get_n_blocks (article) > GLOSS_EXTRACT_MAX_BLOCKS)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("This page has more than %d paragraphs; it is not an article Gloss can show"),
                   GLOSS_EXTRACT_MAX_BLOCKS);
      g_clear_object (&article);
      return NULL;
    }

  complete_metadata (article);
  gloss_article_set_source_kind (article, format == GLOSS_INPUT_FORMAT_HTML ? "html" : "text");

  return article;
}

/**
 * gloss_extract_load_file:
 * @file: the file to read
 * @max_input_bytes: refuse files larger than this
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file whole, after checking its size first so that a huge file is
 * refused at once instead of being read into memory.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
gloss_extract_load_file (GFile         *file,
                         gsize          max_input_bytes,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                           _("This is a folder, not a file"));
      return NULL;
    }

  /* A FIFO or a device (/dev/zero) has no size to check and may never end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                           _("This is not a regular file (a pipe, a device or a special file)"));
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > max_input_bytes)
    {
      set_too_large_error (error, max_input_bytes);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

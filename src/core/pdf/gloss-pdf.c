/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-pdf"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "gloss-error.h"
#include "gloss-pdf.h"

/*
 * A PDF's pages become the kind of text the copied-text path reads: one
 * paragraph a line, blank lines between.  poppler gives each page's text
 * in reading order (columns one after the other) as lines; what a printed
 * page adds and a reader skips is taken out:
 *
 *  - running headers and footers: a line among the first or last two of a
 *    page that recurs, its digits aside, on at least half the pages (and
 *    on at least two);
 *  - page numbers: a first or last line that is only a number, "Page 3",
 *    "3 of 12", "- 3 -" or a Roman numeral;
 *  - hyphenation at line ends: "misinfor-" then "mation" is one word, a
 *    hyphen before a capital ("Franco-" "German") stays.
 *
 * Lines join into paragraphs; a paragraph ends where there is more space
 * above a line than usual between lines, at a line that ends a sentence
 * well short of the usual line length, or at a page break after a
 * sentence's end.
 */

#define EDGE_LINES 2

/* poppler-glib 22.02 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

gboolean
gloss_pdf_is_pdf (GBytes *data)
{
  gsize length;
  const char *bytes = g_bytes_get_data (data, &length);

  return length >= 5 && memcmp (bytes, "%PDF-", 5) == 0;
}

/**
 * gloss_pdf_get_n_pages:
 *
 * Returns: the page count of the PDF in @data, 0 when it cannot be read
 */
guint
gloss_pdf_get_n_pages (GBytes *data)
{
  g_autoptr(PopplerDocument) document = NULL;

  g_return_val_if_fail (data != NULL, 0);

  document = poppler_document_new_from_bytes (data, NULL, NULL);
  return document != NULL ? poppler_document_get_n_pages (document) : 0;
}

/* The line with its digits taken out and spaces trimmed, to find running
 * headers that carry a page number or a date. */
static char *
line_shape (const char *line)
{
  GString *shape = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      g_string_append_c (shape, *p);
  return g_strstrip (g_string_free (shape, FALSE));
}

static gboolean
is_roman (const char *word)
{
  if (*word == '\0')
    return FALSE;
  for (const char *p = word; *p != '\0'; p++)
    if (strchr ("ivxlcdmIVXLCDM", *p) == NULL)
      return FALSE;
  return strlen (word) <= 6;
}

static gboolean
is_page_number (const char *line)
{
  g_autofree char *shape = line_shape (line);
  g_autofree char *lower = g_utf8_strdown (shape, -1);
  gboolean has_digit = strpbrk (line, "0123456789") != NULL;
  const char *bare[] = { "", "-  -", "- -", "--", "page", "page of", "of", "/", "p.", "s.",
                         "seite", "seite von", "—  —", "– –", "[]", "()" };

  g_strstrip (lower);
  if (is_roman (lower))
    return TRUE;
  if (!has_digit)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bare); i++)
    if (g_str_equal (lower, bare[i]))
      return TRUE;
  return FALSE;
}

/* The page's lines in reading order, blank ones dropped; in @out_gaps,
 * for each line, the space above it (from the previous line's top, in
 * points; 0 for the first), where poppler says where its characters are. */
static char **
page_lines (PopplerPage  *page,
            GArray      **out_gaps)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (double));
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  guint index = 0;
  double previous_top = -1;

  *out_gaps = gaps;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_new0 (char *, 1);
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;

  for (const char *start = text; *start != '\0';)
    {
      const char *end = strchr (start, '\n');
      gsize length = end != NULL ? (gsize) (end - start) : strlen (start);
      char *line = g_strstrip (g_strndup (start, length));
      guint n_chars = g_utf8_strlen (start, length);

      if (*line != '\0')
        {
          double top = index < n_rects ? rects[index].y1 : previous_top;
          double gap = previous_top >= 0 && top >= previous_top ? top - previous_top : 0;

          g_ptr_array_add (lines, line);
          g_array_append_val (gaps, gap);
          previous_top = top;
        }
      else
        g_free (line);

      /* poppler counts the line break as a character of its own. */
      index += n_chars + 1;
      if (end == NULL)
        break;
      start = end + 1;
    }

  g_free (rects);
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

static void
count_edges (GHashTable *counts,
             char      **lines)
{
  guint n = g_strv_length (lines);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *shape = NULL;

      if (i >= EDGE_LINES && i + EDGE_LINES < n)
        continue;
      shape = line_shape (lines[i]);
      if (*shape == '\0' || g_hash_table_contains (seen, shape))
        continue;
      g_hash_table_insert (counts, g_strdup (shape),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, shape)) + 1));
      g_hash_table_add (seen, g_steal_pointer (&shape));
    }
}

static gboolean
ends_sentence (const char *line)
{
  gsize length = strlen (line);
  const char *last;

  if (length == 0)
    return FALSE;
  last = g_utf8_find_prev_char (line, line + length);
  return strchr (".!?:", *last) != NULL || g_str_has_suffix (line, "”") ||
         g_str_has_suffix (line, "\"") || g_str_has_suffix (line, "»");
}

/* Appends @line to @paragraph, joining a word hyphenated at the line end. */
static void
append_line (GString    *paragraph,
             const char *line)
{
  if (paragraph->len == 0)
    {
      g_string_append (paragraph, line);
      return;
    }
  if (paragraph->len >= 2 && paragraph->str[paragraph->len - 1] == '-' &&
      g_ascii_isalpha (paragraph->str[paragraph->len - 2]) &&
      g_unichar_islower (g_utf8_get_char (line)))
    {
      g_string_truncate (paragraph, paragraph->len - 1);
      g_string_append (paragraph, line);
      return;
    }
  g_string_append_c (paragraph, ' ');
  g_string_append (paragraph, line);
}

static void
end_paragraph (GString *text,
               GString *paragraph)
{
  if (paragraph->len == 0)
    return;
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append_len (text, paragraph->str, paragraph->len);
  g_string_truncate (paragraph, 0);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The length of a full line of body text: the 80th percentile of all
 * lines' lengths, since most body lines run to the margin. */
static guint
usual_line_length (GPtrArray *pages)
{
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = 0; p < pages->len; p++)
    {
      char **lines = g_ptr_array_index (pages, p);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          guint length = g_utf8_strlen (lines[i], -1);

          g_array_append_val (lengths, length);
        }
    }
  if (lengths->len == 0)
    return 0;
  g_array_sort (lengths, compare_guint);
  return g_array_index (lengths, guint, (lengths->len * 4) / 5);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The usual distance from one line to the next: the median of them all. */
static double
usual_line_gap (GPtrArray *gaps)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint p = 0; p < gaps->len; p++)
    {
      GArray *page = g_ptr_array_index (gaps, p);

      for (guint i = 0; i < page->len; i++)
        if (g_array_index (page, double, i) > 0)
          g_array_append_val (all, g_array_index (page, double, i));
    }
  if (all->len == 0)
    return 0;
  g_array_sort (all, compare_double);
  return g_array_index (all, double, all->len / 2);
}

/**
 * gloss_pdf_to_text:
 * @data: the bytes of a PDF document
 * @out_n_pages: (out) (optional): its page count
 * @error: return location for a %GLOSS_ERROR
 *
 * Returns: (transfer full): the document's text as paragraphs separated
 *   by blank lines, or %NULL with @error set (a scan without text, a
 *   password-protected or damaged file)
 */
char *
gloss_pdf_to_text (GBytes  *data,
                   guint   *out_n_pages,
                   GError **error)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  guint n_pages, usual, threshold;
  double usual_gap;
  gboolean any_text = FALSE;

  g_return_val_if_fail (data != NULL, NULL);

  document = poppler_document_new_from_bytes (data, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                             _("This PDF is protected by a password; Gloss cannot read it"));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT,
                     _("This PDF could not be read (%s)"), local_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  if (out_n_pages != NULL)
    *out_n_pages = n_pages;
  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, p);
      GArray *page_gaps = NULL;
      char **lines = page != NULL ? page_lines (page, &page_gaps)
                                  : g_new0 (char *, 1);

      if (page_gaps == NULL)
        page_gaps = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (gaps, page_gaps);

      if (lines[0] != NULL)
        any_text = TRUE;
      count_edges (edges, lines);
      g_ptr_array_add (pages, lines);
    }

  if (!any_text)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE,
                           _("This PDF has no text, only images of pages (a scan?); Gloss needs "
                             "a PDF with text in it"));
      return NULL;
    }

  usual = usual_line_length (pages);
  usual_gap = usual_line_gap (gaps);
  threshold = MAX (2, (n_pages + 1) / 2);
  for (guint p = 0; p < pages->len; p++)
    {
      char **lines = g_ptr_array_index (pages, p);
      GArray *page_gaps = g_ptr_array_index (gaps, p);
      guint n = g_strv_length (lines);

      for (guint i = 0; i < n; i++)
        {
          double gap = i < page_gaps->len ? g_array_index (page_gaps, double, i) : 0;

          gboolean edge = i < EDGE_LINES || i + EDGE_LINES >= n;

          if (edge)
            {
              g_autofree char *shape = line_shape (lines[i]);

              if (n_pages >= 2 && *shape != '\0' &&
                  GPOINTER_TO_UINT (g_hash_table_lookup (edges, shape)) >= threshold)
                continue;
              if ((i == 0 || i + 1 == n) && is_page_number (lines[i]))
                continue;
            }

          /* More space above than between lines: a new paragraph. */
          if (usual_gap > 0 && gap > usual_gap * 1.4)
            end_paragraph (text, paragraph);
          append_line (paragraph, lines[i]);
          if (ends_sentence (lines[i]) &&
              g_utf8_strlen (lines[i], -1) < usual * 4 / 5)
            end_paragraph (text, paragraph);
        }
      /* A page break after a sentence's end ends the paragraph too. */
      if (paragraph->len > 0 && ends_sentence (paragraph->str))
        end_paragraph (text, paragraph);
    }
  end_paragraph (text, paragraph);

  g_string_append_c (text, '\n');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

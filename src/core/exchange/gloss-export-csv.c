/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include "gloss-export-private.h"

/*
 * CSV for spreadsheets (RFC 4180): UTF-8, CRLF line ends, a header row, one
 * row per annotation in document order.  Column names are fixed English
 * identifiers, not translated, so scripts can rely on them.
 *
 * - paragraph: the start paragraph, counted from 1;
 * - start, end: code-point positions in the article text with paragraphs
 *   joined by "\n" (the Web Annotation TextPositionSelector's coordinates),
 *   so a range over several paragraphs is still one pair of numbers;
 * - linked_uuids: "relation:uuid" pairs separated by spaces.
 *
 * A spreadsheet runs a cell beginning with = + - @ (or a tab or CR, which
 * some strip before looking) as a formula; such cells get a leading
 * apostrophe, the convention spreadsheets themselves use for "text".
 */

static const char * const columns[] = {
  "article_title", "article_url", "annotation_uuid", "kind", "quote", "speaker", "verdict", "note",
  "paragraph", "start", "end", "created", "updated", "linked_uuids",
};

static void
append_cell (GString    *out,
             const char *value,
             gboolean    last)
{
  gboolean neutralise, quote;

  if (value == NULL)
    value = "";
  neutralise = *value != '\0' && strchr ("=+-@\t\r", *value) != NULL;
  quote = neutralise || strpbrk (value, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');

  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_row (GString            *out,
            GlossExportArticle *item,
            GlossAnnotation    *annotation)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *paragraph = g_strdup_printf ("%u", anchor->start_block + 1);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  glong start_position, end_position;

  if (gloss_export_get_positions (item, annotation, &start_position, &end_position))
    {
      start = g_strdup_printf ("%ld", start_position);
      end = g_strdup_printf ("%ld", end_position);
    }

  for (guint i = 0; i < gloss_annotation_get_n_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);

      g_string_append_printf (links, "%s%s:%s", i > 0 ? " " : "",
                              gloss_relation_to_string (link->relation), link->target_uuid);
    }

  append_cell (out, gloss_article_get_title (item->article), FALSE);
  append_cell (out, gloss_article_get_url (item->article), FALSE);
  append_cell (out, gloss_annotation_get_uuid (annotation), FALSE);
  append_cell (out, gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)), FALSE);
  append_cell (out, anchor->exact, FALSE);
  append_cell (out, gloss_annotation_get_speaker (annotation), FALSE);
  append_cell (out, gloss_verdict_to_string (gloss_annotation_get_verdict (annotation)), FALSE);
  append_cell (out, gloss_annotation_get_note (annotation), FALSE);
  append_cell (out, paragraph, FALSE);
  append_cell (out, start, FALSE);
  append_cell (out, end, FALSE);
  append_cell (out, gloss_annotation_get_created_at (annotation), FALSE);
  append_cell (out, gloss_annotation_get_updated_at (annotation), FALSE);
  append_cell (out, links->str, TRUE);
}

GBytes *
gloss_export_csv (GlossExportData  *data,
                  GError          **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append_printf (out, "%s%s", columns[i], i + 1 < G_N_ELEMENTS (columns) ? "," : "\r\n");

  for (guint i = 0; i < data->articles->len; i++)
    {
      GlossExportArticle *item = g_ptr_array_index (data->articles, i);

      for (guint j = 0; j < item->annotations->len; j++)
        append_row (out, item, g_ptr_array_index (item->annotations, j));
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-print"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-style.h"
#include "gloss-print.h"
#include "gloss-reader-view.h"

/*
 * Printing (and "Print to File" as PDF) of an article with its highlights.
 * Each block becomes one PangoLayout as wide as the printable area; the
 * pages are made of whole lines, so a paragraph breaks across pages
 * between lines and never through one.  A highlight is a pale background
 * plus the kind's own underline, as in the reader, so kinds can still be
 * told apart on a greyscale printer.
 */

#define FOOTER_HEIGHT 24.0
#define PARAGRAPH_SPACING 8.0

typedef struct
{
  guint layout;
  guint line;
  guint page;
  double x;
  double baseline;
} PrintLine;

typedef struct
{
  GlossArticle *article;
  GPtrArray *annotations;
  GPtrArray *layouts;
  GArray *lines;
  guint n_pages;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_object_unref (job->article);
  g_ptr_array_unref (job->annotations);
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->lines, g_array_unref);
  g_free (job);
}

/* Printers have no alpha: the reader's translucent fill is laid on white. */
static void
get_print_colors (GlossAnnotationKind  kind,
                  PangoColor          *out_ink,
                  PangoColor          *out_fill)
{
  GdkRGBA ink, fill;

  gloss_annotation_kind_get_colors (kind, FALSE, &ink, &fill);
  out_ink->red = ink.red * 65535;
  out_ink->green = ink.green * 65535;
  out_ink->blue = ink.blue * 65535;
  out_fill->red = (fill.red * fill.alpha + 1.0 - fill.alpha) * 65535;
  out_fill->green = (fill.green * fill.alpha + 1.0 - fill.alpha) * 65535;
  out_fill->blue = (fill.blue * fill.alpha + 1.0 - fill.alpha) * 65535;
}

static void
add_highlights (PrintJob      *job,
                guint          block_index,
                const char    *text,
                gsize          prefix_bytes,
                PangoAttrList *attrs)
{
  glong length = g_utf8_strlen (text, -1);

  for (guint i = 0; i < job->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (job->annotations, i);
      const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
      GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
      PangoColor ink, fill;
      glong start, end;
      guint start_index, end_index;
      PangoAttribute *attr;

      if (anchor == NULL || anchor->state == GLOSS_ANCHOR_ORPHANED
          || block_index < anchor->start_block || block_index > anchor->end_block)
        continue;

      start = block_index == anchor->start_block ? MIN ((glong) anchor->start_offset, length) : 0;
      end = block_index == anchor->end_block ? MIN ((glong) anchor->end_offset, length) : length;
      if (end <= start)
        continue;

      start_index = prefix_bytes + (g_utf8_offset_to_pointer (text, start) - text);
      end_index = prefix_bytes + (g_utf8_offset_to_pointer (text, end) - text);
      get_print_colors (kind, &ink, &fill);

      attr = pango_attr_background_new (fill.red, fill.green, fill.blue);
      attr->start_index = start_index;
      attr->end_index = end_index;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_underline_new (gloss_annotation_kind_get_underline (kind));
      attr->start_index = start_index;
      attr->end_index = end_index;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_underline_color_new (ink.red, ink.green, ink.blue);
      attr->start_index = start_index;
      attr->end_index = end_index;
      pango_attr_list_insert (attrs, attr);
    }
}

static PangoLayout *
create_layout (GtkPrintContext *context,
               double           width,
               const char      *font,
               const char      *prefix,
               const char      *text)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  g_autofree char *full = g_strconcat (prefix, text, NULL);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, full, -1);

  return layout;
}

static const char *
get_block_font (GlossBlockKind kind)
{
  switch (kind)
    {
    case GLOSS_BLOCK_HEADING:
      return "Sans Bold 13";
    case GLOSS_BLOCK_QUOTE:
      return "Serif Italic 11";
    case GLOSS_BLOCK_PREFORMATTED:
      return "Monospace 9.5";
    case GLOSS_BLOCK_CAPTION:
      return "Sans 9";
    case GLOSS_BLOCK_PARAGRAPH:
    case GLOSS_BLOCK_LIST_ITEM:
    default:
      return "Serif 11";
    }
}

/* Lays every line out on its page, once the page size is known. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  g_autofree char *byline = gloss_reader_view_format_byline (job->article);
  const char *title = gloss_article_get_title (job->article);
  guint n_blocks = gloss_article_get_n_blocks (job->article);
  double y = 0;
  guint page = 0;

  /* A print operation can be run again (preview, then print). */
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->lines, g_array_unref);
  job->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  job->lines = g_array_new (FALSE, FALSE, sizeof (PrintLine));

  if (title != NULL && *title != '\0')
    g_ptr_array_add (job->layouts, create_layout (context, width, "Sans Bold 18", "", title));
  if (byline != NULL && *byline != '\0')
    {
      PangoLayout *layout = create_layout (context, width, "Sans 9", "", byline);

      g_object_set_data (G_OBJECT (layout), "gloss-byline", GINT_TO_POINTER (TRUE));
      g_ptr_array_add (job->layouts, layout);
    }

  for (guint i = 0; i < n_blocks; i++)
    {
      const GlossBlock *block = gloss_article_get_block (job->article, i);
      GlossBlockKind kind = gloss_block_get_kind (block);
      const char *prefix = kind == GLOSS_BLOCK_LIST_ITEM ? "•  " : "";
      double indent = kind == GLOSS_BLOCK_QUOTE || kind == GLOSS_BLOCK_LIST_ITEM ? 18.0 : 0.0;
      PangoLayout *layout = create_layout (context, width - indent, get_block_font (kind), prefix,
                                           gloss_block_get_text (block));
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      add_highlights (job, i, gloss_block_get_text (block), strlen (prefix), attrs);
      pango_layout_set_attributes (layout, attrs);
      g_object_set_data (G_OBJECT (layout), "gloss-indent", GINT_TO_POINTER ((int) indent));
      g_ptr_array_add (job->layouts, layout);
    }

  for (guint l = 0; l < job->layouts->len; l++)
    {
      PangoLayout *layout = g_ptr_array_index (job->layouts, l);
      double indent = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (layout), "gloss-indent"));
      g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
      guint line = 0;

      do
        {
          int y0, y1;
          double line_height, baseline;
          PrintLine item;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          line_height = pango_units_to_double (y1 - y0);
          baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - y0);
          if (y > 0 && y + line_height > height)
            {
              page++;
              y = 0;
            }

          item.layout = l;
          item.line = line++;
          item.page = page;
          item.x = indent;
          item.baseline = y + baseline;
          g_array_append_val (job->lines, item);
          y += line_height;
        }
      while (pango_layout_iter_next_line (iter));

      /* The headline and byline stand apart from the story. */
      y += PARAGRAPH_SPACING
           + (g_object_get_data (G_OBJECT (layout), "gloss-byline") != NULL ? 12.0 : 0.0);
    }

  job->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, job->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *page_label = NULL;
  int footer_width, footer_height;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < job->lines->len; i++)
    {
      PrintLine *item = &g_array_index (job->lines, PrintLine, i);
      PangoLayout *layout;

      if (item->page != (guint) page_nr)
        continue;

      layout = g_ptr_array_index (job->layouts, item->layout);
      cairo_move_to (cr, item->x, item->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (layout, item->line));
    }

  /* Translators: the page number, then how many pages there are */
  page_label = g_strdup_printf (_("%d / %u"), page_nr + 1, job->n_pages);
  footer = create_layout (context, width, "Sans 8", "", page_label);
  pango_layout_set_width (footer, -1);
  pango_layout_get_pixel_size (footer, &footer_width, &footer_height);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, (width - footer_width) / 2.0, height - footer_height);
  pango_cairo_show_layout (cr, footer);
}

/**
 * gloss_print_operation_new:
 * @article: the article to print
 * @annotations: (nullable): its annotations (#GlossAnnotation items)
 *
 * Returns: (transfer full): a print operation laying out @article with its
 *   highlights, ready for gtk_print_operation_run()
 */
GtkPrintOperation *
gloss_print_operation_new (GlossArticle *article,
                           GListModel   *annotations)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  const char *title;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (annotations == NULL || G_IS_LIST_MODEL (annotations), NULL);

  job = g_new0 (PrintJob, 1);
  job->article = g_object_ref (article);
  job->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; annotations != NULL && i < g_list_model_get_n_items (annotations); i++)
    g_ptr_array_add (job->annotations, g_list_model_get_item (annotations, i));

  operation = gtk_print_operation_new ();
  title = gloss_article_get_title (article);
  gtk_print_operation_set_job_name (operation, title != NULL ? title : _("Article"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "gloss-print-job", job,
                          (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);

  return operation;
}

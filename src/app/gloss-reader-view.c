/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-reader-view"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "gloss-after-paint.h"
#include "gloss-annotation-style.h"
#include "gloss-reader-view-private.h"

/*
 * GlossReaderView shows one article as a read-only GtkTextView.
 *
 * The buffer holds the headline, the byline, then one line per block, in
 * order, with no trailing newline.  Annotations are anchored as (block,
 * code-point offset), so that shape is a contract: every translation
 * between buffer positions and blocks goes through
 * gloss_reader_view_get_block_for_iter() and
 * gloss_reader_view_get_iter_for_block(), and nothing else does arithmetic
 * on line numbers.
 *
 * The view sits directly in its GtkScrolledWindow so GTK only lays out
 * what is visible.  A readable measure (the "line-width" property) comes
 * from side margins computed from the allocated width, not from a clamp
 * around the view.  The face and size of the body text are properties
 * too, applied through a style provider of the view's own: the headline,
 * byline and captions are scaled from the body size by their tags, so they
 * follow it.  List bullets and the rule beside quotes are painted, not
 * inserted as text, so block text in the buffer is exactly the article's
 * block text.
 *
 * Annotations come from a GListModel of GlossAnnotation and are shown as
 * highlights (gloss-reader-highlights.c).  Selecting words offers the
 * kinds in a small popover; the marking itself is the window's "win.mark"
 * action.  Scrolling to a place and staying there while the view settles
 * is in gloss-reader-scroll.c.
 */

/* The default measure: about 70 characters of body text at 14 pt. */
#define DEFAULT_LINE_WIDTH 680
#define DEFAULT_FONT_SIZE 14
#define MIN_SIDE_MARGIN 24
#define NARROW_SIDE_MARGIN 14
#define NARROW_WIDTH 480

/* Quotes and list items are set in from the body text by this much. */
#define BLOCK_INDENT 28
/* Preformatted text sits on a tinted panel with this much room inside. */
#define PANEL_PADDING 12

/* Gloss's own reading face: a calm serif where one is installed; DejaVu
 * Serif is the one Debian always has.  A face chosen in Preferences comes
 * first, with these behind it for a face that is not installed (settings
 * carried over from another computer). */
static const char * const default_families[] = {
  "Literata", "Source Serif 4", "Source Serif Pro", "Noto Serif", "Charis SIL", "Charter",
  "P052", "DejaVu Serif",
};

G_DEFINE_FINAL_TYPE (GlossReaderView, gloss_reader_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_FONT_FAMILY,
  PROP_FONT_SIZE,
  PROP_LINE_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANNOTATION_ACTIVATED,
  SUGGESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How long a revealed highlight glows, and how long the selection must
 * rest before the kinds are offered. */
#define FLASH_DURATION_MS 1400
#define MARK_POPOVER_DELAY_MS 180

static int
side_margin_for_width (GlossReaderView *self,
                       int              width)
{
  int min_margin = width < NARROW_WIDTH ? NARROW_SIDE_MARGIN : MIN_SIDE_MARGIN;

  return MAX (min_margin, (width - self->line_width) / 2);
}

/* Tag margins replace the view's margins instead of adding to them, so the
 * indented tags follow the computed side margin. */
static void
gloss_reader_view_update_margins (GlossReaderView *self,
                                  int              width)
{
  int side = side_margin_for_width (self, width);

  if (side == self->side_margin)
    return;

  self->side_margin = side;
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), side);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), side);
  g_object_set (self->quote_tag,
                "left-margin", side + BLOCK_INDENT,
                "right-margin", side + BLOCK_INDENT,
                NULL);
  g_object_set (self->list_item_tag,
                "left-margin", side + BLOCK_INDENT,
                NULL);
  g_object_set (self->preformatted_tag,
                "left-margin", side + PANEL_PADDING,
                "right-margin", side + PANEL_PADDING,
                NULL);
}

/* Tag colours cannot come from CSS, so they follow the style manager:
 * translucent ink reads well on both the light and the dark background. */
static void
gloss_reader_view_update_colors (GlossReaderView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style_manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (style_manager);
  float ink = dark ? 1.0f : 0.0f;
  GdkRGBA dim = { ink, ink, ink, high_contrast ? 0.8f : (dark ? 0.6f : 0.58f) };

  g_object_set (self->byline_tag, "foreground-rgba", &dim, NULL);
  g_object_set (self->caption_tag, "foreground-rgba", &dim, NULL);

  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    {
      GdkRGBA kind_ink;

      gloss_annotation_kind_get_colors (kind, dark, &kind_ink, NULL);
      /* Not "overline-rgba": GTK 4.8 frees its old value twice (valgrind:
       * invalid free here); the note's overline takes the text's colour. */
      g_object_set (self->kind_tags[kind], "underline-rgba", &kind_ink, NULL);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A family name as a CSS string: quoted, so names with digits or
 * punctuation ("Source Serif 4") parse, and escaped. */
static void
append_css_family (GString    *css,
                   const char *family)
{
  g_string_append_c (css, '"');
  for (const char *p = family; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (css, "\\%c", (char) c);
      else if (!g_unichar_iscntrl (c))
        g_string_append_unichar (css, c);
    }
  g_string_append_c (css, '"');
}

static void
gloss_reader_view_update_font (GlossReaderView *self)
{
  g_autoptr(GString) css = g_string_new ("textview.reader-view { font-family: ");

  if (self->font_family != NULL)
    {
      append_css_family (css, self->font_family);
      g_string_append (css, ", ");
    }
  for (guint i = 0; i < G_N_ELEMENTS (default_families); i++)
    {
      append_css_family (css, default_families[i]);
      g_string_append (css, ", ");
    }
  g_string_append_printf (css, "serif; font-size: %dpt; }", self->font_size);

  gtk_css_provider_load_from_data (self->font_provider, css->str, (gssize) css->len);
}

static GtkTextTag *
tag_for_kind (GlossReaderView *self,
              GlossBlockKind   kind)
{
  switch (kind)
    {
    case GLOSS_BLOCK_HEADING:
      return self->heading_tag;
    case GLOSS_BLOCK_QUOTE:
      return self->quote_tag;
    case GLOSS_BLOCK_LIST_ITEM:
      return self->list_item_tag;
    case GLOSS_BLOCK_PREFORMATTED:
      return self->preformatted_tag;
    case GLOSS_BLOCK_CAPTION:
      return self->caption_tag;
    case GLOSS_BLOCK_PARAGRAPH:
    default:
      return self->paragraph_tag;
    }
}

static char *
format_published (const char *published)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char tail;

  if (sscanf (published, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3
      && strlen (published) == 10)
    {
      /* A bare date is a calendar day; no time zone may move it. */
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      date = g_date_time_new (utc, year, month, day, 12, 0, 0);
    }
  else
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      /* Kept in the article's own time zone: the day the source printed. */
      date = g_date_time_new_from_iso8601 (published, utc);
    }

  if (date == NULL)
    return g_strdup (published);

  /* Translators: how a publication date is shown in the byline, in the
   * format of g_date_time_format(), e.g. "March 14, 2019". */
  return g_date_time_format (date, _("%B %-e, %Y"));
}

/**
 * gloss_reader_view_format_byline:
 * @article: a #GlossArticle
 *
 * Returns: (transfer full): the author, site and publication date as known,
 *   joined for display, or an empty string when none is known
 */
char *
gloss_reader_view_format_byline (GlossArticle *article)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *byline;
  const char *site_name;
  const char *published;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);

  byline = gloss_article_get_byline (article);
  site_name = gloss_article_get_site_name (article);
  published = gloss_article_get_published (article);

  if (byline != NULL)
    g_ptr_array_add (parts, g_strdup (byline));
  if (site_name != NULL && (byline == NULL || g_ascii_strcasecmp (byline, site_name) != 0))
    g_ptr_array_add (parts, g_strdup (site_name));
  if (published != NULL)
    g_ptr_array_add (parts, format_published (published));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the author, the site and the date in the byline. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* Tags @first_line up to, not including, @end_line; the newlines too, since
 * paragraph properties (spacing, margins) come from the start of a line,
 * even an empty one. */
static void
tag_lines (GtkTextBuffer *buffer,
           GtkTextTag    *tag,
           int            first_line,
           int            end_line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, first_line);
  if (end_line < gtk_text_buffer_get_line_count (buffer))
    gtk_text_buffer_get_iter_at_line (buffer, &end, end_line);
  else
    gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

static void
gloss_reader_view_fill_buffer (GlossReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autofree char *byline = NULL;
  g_autoptr(GString) text = NULL;
  const char *title;
  guint n_blocks;
  guint run_start;
  GtkTextIter start;

  /* The old text goes with its tags. */
  gtk_text_buffer_set_text (buffer, "", 0);
  self->tagged = FALSE;
  if (self->article == NULL)
    return;

  title = gloss_article_get_title (self->article);
  byline = gloss_reader_view_format_byline (self->article);
  n_blocks = gloss_article_get_n_blocks (self->article);

  /* One insertion, then one tag per run of blocks of a kind: a long
   * article fills in a fraction of the time of a tagged insert per block. */
  text = g_string_new (title != NULL ? title : _("Untitled Article"));
  g_string_append_c (text, '\n');
  g_string_append (text, byline);
  for (guint i = 0; i < n_blocks; i++)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, gloss_block_get_text (gloss_article_get_block (self->article, i)));
    }
  gtk_text_buffer_set_text (buffer, text->str, (int) text->len);
  /* Block text is normalised, so it holds no line separator of its own. */
  g_warn_if_fail (gtk_text_buffer_get_line_count (buffer) == (int) (N_LEADING_LINES + n_blocks));

  tag_lines (buffer, self->headline_tag, 0, 1);
  tag_lines (buffer, *byline != '\0' ? self->byline_tag : self->no_byline_tag, 1, 2);

  run_start = 0;
  for (guint i = 1; i <= n_blocks; i++)
    {
      GlossBlockKind kind = gloss_block_get_kind (gloss_article_get_block (self->article,
                                                                           run_start));
      int first_line = (int) (N_LEADING_LINES + run_start);
      int end_line = (int) (N_LEADING_LINES + i);

      if (i < n_blocks && gloss_block_get_kind (gloss_article_get_block (self->article, i)) == kind)
        continue;

      tag_lines (buffer, tag_for_kind (self, kind), first_line, end_line);

      /* Items of a list sit close together; the list as a whole is spaced
       * like a paragraph. */
      if (kind == GLOSS_BLOCK_LIST_ITEM)
        tag_lines (buffer, self->list_end_tag, end_line - 1, end_line);

      run_start = i;
    }

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

/* The extent of a line's text, without the spacing above and below it. */
static void
get_text_extent (GlossReaderView   *self,
                 const GtkTextIter *line_start,
                 int               *out_y,
                 int               *out_height)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter line_end = *line_start;
  GdkRectangle first, last;

  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  gtk_text_view_get_iter_location (view, line_start, &first);
  gtk_text_view_get_iter_location (view, &line_end, &last);

  *out_y = first.y;
  *out_height = last.y + last.height - first.y;
}

static void
snapshot_quote_rule (GlossReaderView   *self,
                     GtkSnapshot       *snapshot,
                     const GtkTextIter *line_start,
                     const GdkRGBA     *color)
{
  int y, height;

  get_text_extent (self, line_start, &y, &height);
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (self->side_margin + 6, y + 2, 3, height - 4));
}

/* A paragraph that changed between two versions compared: a bar in the
 * margin before it, a shape rather than a colour. */
static void
snapshot_change_bar (GlossReaderView   *self,
                     GtkSnapshot       *snapshot,
                     const GtkTextIter *line_start,
                     const GdkRGBA     *color)
{
  int y, height;

  get_text_extent (self, line_start, &y, &height);
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (MAX (self->side_margin - 14, 2), y, 4, height));
}

static void
snapshot_panel (GlossReaderView   *self,
                GtkSnapshot       *snapshot,
                const GtkTextIter *line_start,
                const GdkRGBA     *color)
{
  GskRoundedRect panel;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int y, height;

  get_text_extent (self, line_start, &y, &height);
  gsk_rounded_rect_init_from_rect (&panel,
                                   &GRAPHENE_RECT_INIT (self->side_margin,
                                                        y - PANEL_PADDING + 4,
                                                        width - 2 * self->side_margin,
                                                        height + 2 * PANEL_PADDING - 8),
                                   6);
  gtk_snapshot_push_rounded_clip (snapshot, &panel);
  gtk_snapshot_append_color (snapshot, color, &panel.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_bullet (GlossReaderView   *self,
                 GtkSnapshot       *snapshot,
                 const GtkTextIter *line_start,
                 const GdkRGBA     *color)
{
  GdkRectangle location;
  GskRoundedRect dot;
  const float size = 6.0f;
  float x, y;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), line_start, &location);
  x = self->side_margin + BLOCK_INDENT / 2.0f - size / 2.0f;
  y = location.y + location.height / 2.0f - size / 2.0f;

  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x, y, size, size), size / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, color, &dot.bounds);
  gtk_snapshot_pop (snapshot);
}

/* The snapshot is in buffer coordinates here, and only the visible lines
 * are walked. */
static void
gloss_reader_view_snapshot_layer (GtkTextView      *view,
                                  GtkTextViewLayer  layer,
                                  GtkSnapshot      *snapshot)
{
  GlossReaderView *self = GLOSS_READER_VIEW (view);
  GtkStyleContext *style_context;
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA rule_color, bullet_color, panel_color, change_color;
  GtkTextIter visible_start, visible_end;
  GtkTextTag *changed;
  int last_line;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->article == NULL)
    return;

  style_context = gtk_widget_get_style_context (GTK_WIDGET (view));
  gtk_style_context_get_color (style_context, &bullet_color);
  rule_color = panel_color = bullet_color;
  rule_color.alpha *= 0.22f;
  panel_color.alpha *= 0.06f;
  bullet_color.alpha *= 0.75f;
  change_color = bullet_color;
  /* Set by the window on the paragraphs a comparison of versions changed. */
  changed = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view)),
                                       GLOSS_READER_CHANGED_TAG);

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y + visible.height, NULL);
  last_line = gtk_text_iter_get_line (&iter);
  visible_end = iter;
  gtk_text_iter_forward_to_line_end (&visible_end);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  visible_start = iter;

  do
    {
      if (changed != NULL && gtk_text_iter_has_tag (&iter, changed))
        snapshot_change_bar (self, snapshot, &iter, &change_color);
      if (gtk_text_iter_has_tag (&iter, self->quote_tag))
        snapshot_quote_rule (self, snapshot, &iter, &rule_color);
      else if (gtk_text_iter_has_tag (&iter, self->list_item_tag))
        snapshot_bullet (self, snapshot, &iter, &bullet_color);
      else if (gtk_text_iter_has_tag (&iter, self->preformatted_tag))
        snapshot_panel (self, snapshot, &iter, &panel_color);
    }
  while (gtk_text_iter_get_line (&iter) < last_line && gtk_text_iter_forward_line (&iter));

  _gloss_reader_view_snapshot_highlights (self, snapshot, &visible_start, &visible_end);
  _gloss_reader_view_snapshot_suggestions (self, snapshot, &visible_start, &visible_end);
}

/* The selection clipped to the article's body (the headline and byline
 * are not part of any block) and trimmed of surrounding spaces. */
static gboolean
get_body_selection (GlossReaderView *self,
                    GtkTextIter     *out_start,
                    GtkTextIter     *out_end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end, body_start;

  if (self->article == NULL
      || gloss_article_get_n_blocks (self->article) == 0
      || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;

  if (!gloss_reader_view_get_iter_for_block (self, 0, 0, &body_start))
    return FALSE;
  if (gtk_text_iter_compare (&start, &body_start) < 0)
    start = body_start;

  while (gtk_text_iter_compare (&start, &end) < 0
         && (g_unichar_isspace (gtk_text_iter_get_char (&start)) || gtk_text_iter_ends_line (&start)))
    gtk_text_iter_forward_char (&start);
  while (gtk_text_iter_compare (&start, &end) < 0)
    {
      GtkTextIter before = end;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)) && !gtk_text_iter_ends_line (&before))
        break;
      end = before;
    }

  if (gtk_text_iter_compare (&start, &end) >= 0)
    return FALSE;

  *out_start = start;
  *out_end = end;
  return TRUE;
}

/* From buffer coordinates to the widget's, where popovers point. */
static void
buffer_rect_to_widget (GlossReaderView    *self,
                       const GdkRectangle *rect,
                       GdkRectangle       *out)
{
  *out = *rect;
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         rect->x, rect->y, &out->x, &out->y);
}

typedef struct
{
  graphene_rect_t first;
  gboolean found;
} FirstRectData;

static void
first_rect_cb (GlossReaderView       *self,
               const graphene_rect_t *rect,
               gpointer               user_data)
{
  FirstRectData *data = user_data;

  if (!data->found)
    data->first = *rect;
  data->found = TRUE;
}

/* The first display line of [@start, @end), in widget coordinates: where a
 * popover about those words points. */
static gboolean
get_range_pointing_rect (GlossReaderView   *self,
                         const GtkTextIter *start,
                         const GtkTextIter *end,
                         GdkRectangle      *out_rect)
{
  FirstRectData data = { GRAPHENE_RECT_INIT (0, 0, 0, 0), FALSE };
  GdkRectangle buffer_rect;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  _gloss_reader_view_foreach_range_rect (self, start, end, first_rect_cb, &data);
  if (!data.found)
    return FALSE;

  buffer_rect = (GdkRectangle) {
    (int) data.first.origin.x, (int) data.first.origin.y,
    MAX (1, (int) data.first.size.width), MAX (1, (int) data.first.size.height)
  };
  buffer_rect_to_widget (self, &buffer_rect, out_rect);

  /* Scrolled out of sight: nothing to point at. */
  return out_rect->y + out_rect->height > 0 && out_rect->y < height
         && out_rect->x + out_rect->width > 0 && out_rect->x < width;
}

static void
gloss_reader_view_update_mark_popover (GlossReaderView *self)
{
  GtkTextIter start, end;
  GdkRectangle rect;

  if (!self->pointer_down
      && gtk_widget_get_mapped (GTK_WIDGET (self))
      && get_body_selection (self, &start, &end)
      && get_range_pointing_rect (self, &start, &end, &rect))
    {
      gtk_popover_set_pointing_to (self->mark_popover, &rect);
      if (!gtk_widget_get_visible (GTK_WIDGET (self->mark_popover)))
        gtk_popover_popup (self->mark_popover);
    }
  else if (gtk_widget_get_visible (GTK_WIDGET (self->mark_popover)))
    {
      gtk_popover_popdown (self->mark_popover);
    }
}

static gboolean
mark_popover_timeout_cb (gpointer user_data)
{
  GlossReaderView *self = user_data;

  self->mark_popover_source = 0;
  gloss_reader_view_update_mark_popover (self);

  return G_SOURCE_REMOVE;
}

static void
selection_changed_cb (GlossReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  g_clear_handle_id (&self->mark_popover_source, g_source_remove);

  /* Gone at once when the selection is; offered once it has settled. */
  if (!gtk_text_buffer_get_has_selection (buffer))
    gloss_reader_view_update_mark_popover (self);
  else
    self->mark_popover_source = g_timeout_add (MARK_POPOVER_DELAY_MS, mark_popover_timeout_cb,
                                               self);
}

static void
mark_set_cb (GlossReaderView *self,
             GtkTextIter     *location,
             GtkTextMark     *mark)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (mark == gtk_text_buffer_get_insert (buffer)
      || mark == gtk_text_buffer_get_selection_bound (buffer))
    selection_changed_cb (self);
}

/* The mark popover follows the words it points at as the article
 * scrolls.  Scrolling can happen while the view is being allocated, so
 * the popover moves afterwards. */
static void
scrolled_cb (GlossReaderView *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->mark_popover)))
    return;

  g_clear_handle_id (&self->mark_popover_source, g_source_remove);
  self->mark_popover_source = g_idle_add (mark_popover_timeout_cb, self);
}

static void
vadjustment_changed_cb (GlossReaderView *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (self->vadjustment == vadjustment)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, scrolled_cb, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (scrolled_cb), self);
}

/* A click (not a drag) on a highlight opens it.  A legacy controller in
 * the capture phase sees the press and release even though the text
 * view's own gestures claim them for placing the cursor. */
static gboolean
pointer_event_cb (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  GlossReaderView          *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkNative *native;
  double surface_x, surface_y;
  double x, y;

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;
  if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;
  if (!gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  /* Event positions are on the surface, which includes the window's
   * shadow; widget coordinates start inside it. */
  native = gtk_widget_get_native (GTK_WIDGET (self));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self),
                                    x - surface_x, y - surface_y, &x, &y);

  if (type == GDK_BUTTON_PRESS)
    {
      self->pointer_down = TRUE;
      self->press_x = x;
      self->press_y = y;
      gloss_reader_view_update_mark_popover (self);
      return GDK_EVENT_PROPAGATE;
    }

  self->pointer_down = FALSE;
  if (ABS (x - self->press_x) >= 4 || ABS (y - self->press_y) >= 4)
    _gloss_reader_view_snap_selection_later (self);
  else
    {
      GlossAnnotation *annotation = gloss_reader_view_get_annotation_at (self, x, y);

      if (annotation != NULL)
        {
          g_autoptr(GlossAnnotation) keep = g_object_ref (annotation);

          g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, keep);
          return GDK_EVENT_PROPAGATE;
        }
      else
        {
          g_autoptr(GlossSuggestionItem) suggestion = gloss_reader_view_dup_suggestion_at (self, x, y);

          if (suggestion != NULL)
            g_signal_emit (self, signals[SUGGESTION_ACTIVATED], 0, suggestion);
        }
    }

  selection_changed_cb (self);
  return GDK_EVENT_PROPAGATE;
}

static void
flash_value_cb (double           value,
                GlossReaderView *self)
{
  self->flash_level = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
flash_done_cb (GlossReaderView *self)
{
  self->flash_level = 0;
  g_clear_object (&self->flash_annotation);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkTextView binds Delete to deleting text, which a reader never does;
 * here it deletes the annotation under the cursor instead. */
static void
gloss_reader_view_delete_from_cursor (GtkTextView   *view,
                                      GtkDeleteType  type,
                                      int            count)
{
  if (type == GTK_DELETE_CHARS && count == 1)
    gtk_widget_activate_action (GTK_WIDGET (view), "win.delete-annotation", "x", (gint64) 0);
}

/* The caret is hidden while the article is read, so the arrow keys
 * scroll.  The first key that moves it shows it where it is (as F7 does),
 * so the words can be reached and selected from the keyboard alone. */
static void
gloss_reader_view_move_cursor (GtkTextView     *view,
                               GtkMovementStep  step,
                               int              count,
                               gboolean         extend_selection)
{
  if (!gtk_text_view_get_cursor_visible (view))
    gtk_text_view_set_cursor_visible (view, TRUE);

  GTK_TEXT_VIEW_CLASS (gloss_reader_view_parent_class)->move_cursor (view, step, count,
                                                                     extend_selection);
}

static void
gloss_reader_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_reader_view_parent_class)->measure (widget, orientation, for_size,
                                                              minimum, natural,
                                                              minimum_baseline,
                                                              natural_baseline);

  /* GtkTextView asks for its margins as minimum width; ours grow with the
   * width, so asking for them would keep a maximised window from shrinking. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int computed = 2 * MAX (self->side_margin, 0);
      int narrow = 2 * NARROW_SIDE_MARGIN;

      *minimum = MAX (0, *minimum - computed) + narrow;
      *natural = MAX (*minimum, self->line_width + 2 * MIN_SIDE_MARGIN);
    }
}

static gboolean
update_margins_tick (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  self->margin_tick_id = 0;
  gloss_reader_view_update_margins (self, gtk_widget_get_width (widget));
  return G_SOURCE_REMOVE;
}

static void
gloss_reader_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  /* New margins re-lay the text out, which queues a resize.  Queued from
   * inside an allocation, that leaves the view without a current
   * allocation when the same frame paints it, so after the first
   * allocation a new width is applied at the start of the next frame. */
  if (self->side_margin < 0)
    gloss_reader_view_update_margins (self, width);
  else if (side_margin_for_width (self, width) != self->side_margin && self->margin_tick_id == 0)
    self->margin_tick_id = gtk_widget_add_tick_callback (widget, update_margins_tick, NULL, NULL);

  GTK_WIDGET_CLASS (gloss_reader_view_parent_class)->size_allocate (widget, width, height,
                                                                    baseline);

  gtk_popover_present (self->mark_popover);
  for (guint i = 0; i < self->popovers->len; i++)
    gtk_popover_present (g_ptr_array_index (self->popovers, i));
}

static void
gloss_reader_view_dispose (GObject *object)
{
  GlossReaderView *self = (GlossReaderView *) object;

  if (self->margin_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->margin_tick_id);
      self->margin_tick_id = 0;
    }
  g_clear_handle_id (&self->mark_popover_source, g_source_remove);
  _gloss_reader_view_settle_dispose (self);
  _gloss_reader_view_highlights_dispose (self);
  _gloss_reader_view_suggestions_dispose (self);
  _gloss_reader_view_selection_dispose (self);
  if (self->flash_animation != NULL)
    adw_animation_skip (self->flash_animation);
  g_clear_object (&self->flash_animation);
  g_clear_object (&self->flash_annotation);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, scrolled_cb, self);
  g_clear_object (&self->vadjustment);

  while (self->popovers->len > 0)
    gloss_reader_view_remove_popover (self, g_ptr_array_index (self->popovers, 0));
  if (self->mark_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->mark_popover));

  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_READER_VIEW);

  G_OBJECT_CLASS (gloss_reader_view_parent_class)->dispose (object);
}

static void
gloss_reader_view_finalize (GObject *object)
{
  GlossReaderView *self = (GlossReaderView *) object;

  _gloss_reader_view_highlights_finalize (self);
  g_clear_pointer (&self->popovers, g_ptr_array_unref);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_object (&self->font_provider);

  G_OBJECT_CLASS (gloss_reader_view_parent_class)->finalize (object);
}

static void
gloss_reader_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossReaderView *self = GLOSS_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_FONT_FAMILY:
      g_value_set_string (value, self->font_family);
      break;

    case PROP_FONT_SIZE:
      g_value_set_int (value, self->font_size);
      break;

    case PROP_LINE_WIDTH:
      g_value_set_int (value, self->line_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_reader_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossReaderView *self = GLOSS_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      gloss_reader_view_set_article (self, g_value_get_object (value));
      break;

    case PROP_FONT_FAMILY:
      gloss_reader_view_set_font_family (self, g_value_get_string (value));
      break;

    case PROP_FONT_SIZE:
      gloss_reader_view_set_font_size (self, g_value_get_int (value));
      break;

    case PROP_LINE_WIDTH:
      gloss_reader_view_set_line_width (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Hidden before its next frame: no frame is coming to tag the rest. */
static void
gloss_reader_view_unmap (GtkWidget *widget)
{
  GlossReaderView *self = (GlossReaderView *) widget;

  gloss_after_paint_unmapped (&self->tagging);

  GTK_WIDGET_CLASS (gloss_reader_view_parent_class)->unmap (widget);
}

static void
gloss_reader_view_class_init (GlossReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_reader_view_dispose;
  object_class->finalize = gloss_reader_view_finalize;
  object_class->get_property = gloss_reader_view_get_property;
  object_class->set_property = gloss_reader_view_set_property;

  widget_class->measure = gloss_reader_view_measure;
  widget_class->size_allocate = gloss_reader_view_size_allocate;
  widget_class->unmap = gloss_reader_view_unmap;

  text_view_class->snapshot_layer = gloss_reader_view_snapshot_layer;
  text_view_class->delete_from_cursor = gloss_reader_view_delete_from_cursor;
  text_view_class->move_cursor = gloss_reader_view_move_cursor;

  /**
   * GlossReaderView:article:
   *
   * The article shown, or %NULL.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         GLOSS_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossReaderView:font-family:
   *
   * The family of the body text, such as "Noto Serif", or %NULL for
   * Gloss's own reading face.
   */
  properties[PROP_FONT_FAMILY] =
    g_param_spec_string ("font-family", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossReaderView:font-size:
   *
   * The size of the body text, in points.  Headlines, bylines and captions
   * are sized from it.
   */
  properties[PROP_FONT_SIZE] =
    g_param_spec_int ("font-size", NULL, NULL,
                      GLOSS_READER_VIEW_MIN_FONT_SIZE, GLOSS_READER_VIEW_MAX_FONT_SIZE,
                      DEFAULT_FONT_SIZE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossReaderView:line-width:
   *
   * The widest the column of text gets, in pixels; a narrower view makes
   * it narrower.
   */
  properties[PROP_LINE_WIDTH] =
    g_param_spec_int ("line-width", NULL, NULL,
                      GLOSS_READER_VIEW_MIN_LINE_WIDTH, GLOSS_READER_VIEW_MAX_LINE_WIDTH,
                      DEFAULT_LINE_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossReaderView::annotation-activated:
   * @annotation: the annotation clicked
   *
   * A highlight was clicked: its annotation should be opened.
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  /**
   * GlossReaderView::suggestion-activated:
   * @suggestion: the suggestion clicked
   *
   * A suggested sentence was clicked (not dragged over): its suggestion
   * should be shown.  The text cursor goes there as usual.
   */
  signals[SUGGESTION_ACTIVATED] =
    g_signal_new ("suggestion-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_SUGGESTION_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, mark_popover);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, headline_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, byline_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, no_byline_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, paragraph_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, heading_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, quote_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, list_item_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, list_end_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, preformatted_tag);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, caption_tag);

  gtk_widget_class_set_css_name (widget_class, "textview");

  /* The keys act only with the focus in the article, so typing in an
   * entry elsewhere is never taken for a command; the actions are the
   * window's and are disabled while there is nothing to act on, which
   * lets the key through. */
  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    gtk_widget_class_add_binding_action (widget_class, gloss_annotation_kind_get_key (kind), 0,
                                         "win.mark", "s",
                                         gloss_annotation_kind_to_string (kind));
  /* Enter applies changed words while they are being changed
   * (gloss-window-range.c), and opens the editor otherwise. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "win.apply-range", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "win.apply-range", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.cancel-range", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0,
                                       "win.edit-range", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "win.edit-annotation", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "win.edit-annotation", "x", (gint64) 0);
}

static void
gloss_reader_view_init (GlossReaderView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  GtkTextBuffer *buffer;
  GtkEventController *controller;
  AdwAnimationTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->popovers = g_ptr_array_new_with_free_func (g_object_unref);

  /* Above the application's style sheet, whose rule for the reader only
   * gives the defaults. */
  self->font_size = DEFAULT_FONT_SIZE;
  self->line_width = DEFAULT_LINE_WIDTH;
  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  gloss_reader_view_update_font (self);

  /* After the template's block tags, so the kinds' tags take precedence. */
  _gloss_reader_view_highlights_init (self);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  /* Nobody types in the article: without this the buffer kept an undo
   * history of the text it was filled with, and GtkTextView's own Ctrl+Z
   * could take the key before the window's Undo of annotation changes
   * (gloss-window-history.c). */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);

  gtk_widget_set_parent (GTK_WIDGET (self->mark_popover), GTK_WIDGET (self));
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "notify::has-selection", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_changed_cb), NULL);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (pointer_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  target = adw_callback_animation_target_new ((AdwAnimationTargetFunc) flash_value_cb, self, NULL);
  self->flash_animation = adw_timed_animation_new (GTK_WIDGET (self), 1.0, 0.0,
                                                   FLASH_DURATION_MS, target);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->flash_animation), ADW_EASE_IN_CUBIC);
  g_signal_connect_swapped (self->flash_animation, "done", G_CALLBACK (flash_done_cb), self);

  /* Set by the first allocation, before any text is laid out at a width:
   * margins changed later lay the whole article out again. */
  self->side_margin = -1;

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (gloss_reader_view_update_colors), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast",
                           G_CALLBACK (gloss_reader_view_update_colors), self,
                           G_CONNECT_SWAPPED);
  gloss_reader_view_update_colors (self);
}

GtkWidget *
gloss_reader_view_new (void)
{
  return g_object_new (GLOSS_TYPE_READER_VIEW, NULL);
}

/**
 * gloss_reader_view_get_article:
 * @self: a #GlossReaderView
 *
 * Returns: (transfer none) (nullable): the article shown
 */
GlossArticle *
gloss_reader_view_get_article (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->article;
}

/**
 * gloss_reader_view_set_article:
 * @self: a #GlossReaderView
 * @article: (nullable): the article to show
 *
 * Fills the buffer: headline, byline, then one line per block.
 */
void
gloss_reader_view_set_article (GlossReaderView *self,
                               GlossArticle    *article)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (article == NULL || GLOSS_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;

  /* A place scrolled to belonged to the article shown before. */
  gloss_reader_view_stop_scrolling (self);
  g_clear_object (&self->flash_annotation);
  gloss_reader_view_fill_buffer (self);
  _gloss_reader_view_refresh_tags (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * gloss_reader_view_get_n_leading_lines:
 * @self: a #GlossReaderView
 *
 * Returns: how many buffer lines (headline, byline) come before block 0
 */
guint
gloss_reader_view_get_n_leading_lines (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), 0);

  return N_LEADING_LINES;
}

/**
 * gloss_reader_view_get_block_for_iter:
 * @self: a #GlossReaderView
 * @iter: a position in the view's buffer
 * @out_block: (out) (optional): the index of the block holding @iter
 * @out_offset: (out) (optional): the code-point offset of @iter in that block
 *
 * Translates a buffer position into the article's coordinates.  An iter at
 * the end of a line maps to the offset just past the block's last character.
 *
 * Returns: %TRUE if @iter is inside a block, %FALSE if it is in the
 *   headline or byline or no article is shown
 */
gboolean
gloss_reader_view_get_block_for_iter (GlossReaderView   *self,
                                      const GtkTextIter *iter,
                                      guint             *out_block,
                                      glong             *out_offset)
{
  int line;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (gtk_text_iter_get_buffer (iter) ==
                        gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), FALSE);

  if (self->article == NULL)
    return FALSE;

  line = gtk_text_iter_get_line (iter);
  if (line < N_LEADING_LINES
      || (guint) (line - N_LEADING_LINES) >= gloss_article_get_n_blocks (self->article))
    return FALSE;

  if (out_block != NULL)
    *out_block = (guint) (line - N_LEADING_LINES);
  if (out_offset != NULL)
    *out_offset = gtk_text_iter_get_line_offset (iter);

  return TRUE;
}

/**
 * gloss_reader_view_get_iter_for_block:
 * @self: a #GlossReaderView
 * @block: a block index
 * @offset: a code-point offset in that block, from 0 to its length
 * @iter: (out): the buffer position
 *
 * The inverse of gloss_reader_view_get_block_for_iter().
 *
 * Returns: %TRUE if @block and @offset exist in the article shown
 */
gboolean
gloss_reader_view_get_iter_for_block (GlossReaderView *self,
                                      guint            block,
                                      glong            offset,
                                      GtkTextIter     *iter)
{
  GtkTextBuffer *buffer;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  if (self->article == NULL
      || block >= gloss_article_get_n_blocks (self->article)
      || offset < 0
      || offset > gloss_block_get_length (gloss_article_get_block (self->article, block)))
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_line_offset (buffer, iter, (int) (block + N_LEADING_LINES),
                                           (int) offset);

  return TRUE;
}

/**
 * gloss_reader_view_get_block_tag:
 * @self: a #GlossReaderView
 * @kind: a block kind
 *
 * Returns: (transfer none): the tag that styles lines of blocks of @kind
 */
GtkTextTag *
gloss_reader_view_get_block_tag (GlossReaderView *self,
                                 GlossBlockKind   kind)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);
  g_return_val_if_fail (kind <= GLOSS_BLOCK_KIND_LAST, NULL);

  return tag_for_kind (self, kind);
}

/**
 * gloss_reader_view_get_selection_range:
 * @self: a #GlossReaderView
 * @out_start_block: (out): the block the selection starts in
 * @out_start_offset: (out): its code-point offset there
 * @out_end_block: (out): the block the selection ends in
 * @out_end_offset: (out): the offset just past its last character
 *
 * The selection in the article's coordinates, through the one mapping of
 * gloss_reader_view_get_block_for_iter().  The headline and the byline
 * are cut off, and so are spaces at either end.
 *
 * Returns: whether any words of the article's body are selected
 */
gboolean
gloss_reader_view_get_selection_range (GlossReaderView *self,
                                       guint           *out_start_block,
                                       guint           *out_start_offset,
                                       guint           *out_end_block,
                                       guint           *out_end_offset)
{
  GtkTextIter start, end;
  guint start_block, end_block;
  glong start_offset, end_offset;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);

  if (!get_body_selection (self, &start, &end)
      || !gloss_reader_view_get_block_for_iter (self, &start, &start_block, &start_offset)
      || !gloss_reader_view_get_block_for_iter (self, &end, &end_block, &end_offset))
    return FALSE;

  *out_start_block = start_block;
  *out_start_offset = (guint) start_offset;
  *out_end_block = end_block;
  *out_end_offset = (guint) end_offset;

  return TRUE;
}

/**
 * gloss_reader_view_get_cursor_position:
 * @self: a #GlossReaderView
 * @out_block: (out): the block holding the text cursor
 * @out_offset: (out): the cursor's code-point offset in it
 *
 * Returns: whether the cursor is in the article's body
 */
gboolean
gloss_reader_view_get_cursor_position (GlossReaderView *self,
                                       guint           *out_block,
                                       guint           *out_offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  glong offset;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (!gloss_reader_view_get_block_for_iter (self, &iter, out_block, &offset))
    return FALSE;

  *out_offset = (guint) offset;
  return TRUE;
}

/**
 * gloss_reader_view_get_annotation_rect:
 * @self: a #GlossReaderView
 * @annotation: an annotation of the article shown
 * @out_rect: (out): where its first line is, in widget coordinates
 *
 * Returns: whether @annotation is highlighted and in sight
 */
gboolean
gloss_reader_view_get_annotation_rect (GlossReaderView *self,
                                       GlossAnnotation *annotation,
                                       GdkRectangle    *out_rect)
{
  GtkTextIter start, end;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  return _gloss_reader_view_get_annotation_bounds (self, annotation, &start, &end)
         && get_range_pointing_rect (self, &start, &end, out_rect);
}

/**
 * gloss_reader_view_get_flash_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation glowing after
 *   gloss_reader_view_reveal_annotation()
 */
GlossAnnotation *
gloss_reader_view_get_flash_annotation (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->flash_annotation;
}

/**
 * gloss_reader_view_get_mark_popover:
 *
 * Returns: (transfer none): the popover offering the kinds for a selection
 */
GtkPopover *
gloss_reader_view_get_mark_popover (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->mark_popover;
}

/**
 * gloss_reader_view_add_popover:
 * @self: a #GlossReaderView
 * @popover: a popover that will point into the text
 *
 * Makes @popover a child of the view, which positions it.
 */
void
gloss_reader_view_add_popover (GlossReaderView *self,
                               GtkPopover      *popover)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  g_ptr_array_add (self->popovers, g_object_ref (popover));
  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (self));
}

void
gloss_reader_view_remove_popover (GlossReaderView *self,
                                  GtkPopover      *popover)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  if (gtk_widget_get_parent (GTK_WIDGET (popover)) == GTK_WIDGET (self))
    gtk_widget_unparent (GTK_WIDGET (popover));
  g_ptr_array_remove (self->popovers, popover);
}

/**
 * gloss_reader_view_get_font_family:
 * @self: a #GlossReaderView
 *
 * Returns: (transfer none) (nullable): the family of the body text, or
 *   %NULL for Gloss's own reading face
 */
const char *
gloss_reader_view_get_font_family (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->font_family;
}

/**
 * gloss_reader_view_set_font_family:
 * @self: a #GlossReaderView
 * @family: (nullable): a font family name, or %NULL or "" for Gloss's own
 *   reading face
 *
 * Sets the body text in @family.  A family that is not installed falls
 * back to the reading face.
 */
void
gloss_reader_view_set_font_family (GlossReaderView *self,
                                   const char      *family)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));

  if (family != NULL && *family == '\0')
    family = NULL;

  if (g_strcmp0 (self->font_family, family) == 0)
    return;

  g_free (self->font_family);
  self->font_family = g_strdup (family);
  gloss_reader_view_update_font (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_FAMILY]);
}

/**
 * gloss_reader_view_get_font_size:
 * @self: a #GlossReaderView
 *
 * Returns: the size of the body text, in points
 */
int
gloss_reader_view_get_font_size (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), DEFAULT_FONT_SIZE);

  return self->font_size;
}

/**
 * gloss_reader_view_set_font_size:
 * @self: a #GlossReaderView
 * @points: the size of the body text, in points, from
 *   %GLOSS_READER_VIEW_MIN_FONT_SIZE to %GLOSS_READER_VIEW_MAX_FONT_SIZE
 */
void
gloss_reader_view_set_font_size (GlossReaderView *self,
                                 int              points)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (points >= GLOSS_READER_VIEW_MIN_FONT_SIZE
                    && points <= GLOSS_READER_VIEW_MAX_FONT_SIZE);

  if (self->font_size == points)
    return;

  self->font_size = points;
  gloss_reader_view_update_font (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

/**
 * gloss_reader_view_get_line_width:
 * @self: a #GlossReaderView
 *
 * Returns: the widest the column of text gets, in pixels
 */
int
gloss_reader_view_get_line_width (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), DEFAULT_LINE_WIDTH);

  return self->line_width;
}

/**
 * gloss_reader_view_set_line_width:
 * @self: a #GlossReaderView
 * @width: the widest the column of text may get, in pixels, from
 *   %GLOSS_READER_VIEW_MIN_LINE_WIDTH to %GLOSS_READER_VIEW_MAX_LINE_WIDTH
 *
 * Sets the measure.  A view narrower than @width plus its least margins
 * makes the column narrower.
 */
void
gloss_reader_view_set_line_width (GlossReaderView *self,
                                  int              width)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (width >= GLOSS_READER_VIEW_MIN_LINE_WIDTH
                    && width <= GLOSS_READER_VIEW_MAX_LINE_WIDTH);

  if (self->line_width == width)
    return;

  self->line_width = width;
  /* Outside an allocation the margins may change at once; the natural
   * width changes too. */
  if (self->side_margin >= 0 && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    gloss_reader_view_update_margins (self, gtk_widget_get_width (GTK_WIDGET (self)));
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_WIDTH]);
}

/**
 * gloss_reader_view_dup_default_font_family:
 *
 * Gloss's own reading face, as installed on this computer: the first of
 * its preferred serifs that is, or the face fontconfig gives for "serif".
 *
 * Returns: (transfer full): a font family name
 */
char *
gloss_reader_view_dup_default_font_family (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  g_autoptr(GHashTable) installed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PangoFontDescription) serif = NULL;
  PangoContext *context;
  PangoFont *font;
  PangoFontFamily **families = NULL;
  int n_families = 0;

  pango_font_map_list_families (font_map, &families, &n_families);
  for (int i = 0; i < n_families; i++)
    g_hash_table_add (installed, g_utf8_casefold (pango_font_family_get_name (families[i]), -1));
  g_free (families);

  for (guint i = 0; i < G_N_ELEMENTS (default_families); i++)
    {
      g_autofree char *key = g_utf8_casefold (default_families[i], -1);

      if (g_hash_table_contains (installed, key))
        return g_strdup (default_families[i]);
    }

  context = pango_font_map_create_context (font_map);
  serif = pango_font_description_from_string ("serif 14");
  font = pango_font_map_load_font (font_map, context, serif);
  g_object_unref (context);
  if (font != NULL)
    {
      g_autoptr(PangoFontDescription) described = pango_font_describe (font);
      char *family = g_strdup (pango_font_description_get_family (described));

      g_object_unref (font);
      return family;
    }

  return g_strdup ("serif");
}

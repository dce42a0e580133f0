/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-reader-view"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-reader-view.h"

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
 * what is visible.  A readable measure comes from side margins computed
 * from the allocated width, not from a clamp around the view.  List
 * bullets and the rule beside quotes are painted, not inserted as text,
 * so block text in the buffer is exactly the article's block text.
 */

/* The headline and the byline come before the first block. */
#define N_LEADING_LINES 2

/* The measure: about 70 characters of body text. */
#define MAX_TEXT_WIDTH 680
#define MIN_SIDE_MARGIN 24
#define NARROW_SIDE_MARGIN 14
#define NARROW_WIDTH 480

/* Quotes and list items are set in from the body text by this much. */
#define BLOCK_INDENT 28
/* Preformatted text sits on a tinted panel with this much room inside. */
#define PANEL_PADDING 12

struct _GlossReaderView
{
  GtkTextView parent_instance;

  GlossArticle *article;

  /* Template objects */
  GtkTextTag *headline_tag;
  GtkTextTag *byline_tag;
  GtkTextTag *no_byline_tag;
  GtkTextTag *paragraph_tag;
  GtkTextTag *heading_tag;
  GtkTextTag *quote_tag;
  GtkTextTag *list_item_tag;
  GtkTextTag *list_end_tag;
  GtkTextTag *preformatted_tag;
  GtkTextTag *caption_tag;

  int side_margin;
};

G_DEFINE_FINAL_TYPE (GlossReaderView, gloss_reader_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
side_margin_for_width (int width)
{
  int min_margin = width < NARROW_WIDTH ? NARROW_SIDE_MARGIN : MIN_SIDE_MARGIN;

  return MAX (min_margin, (width - MAX_TEXT_WIDTH) / 2);
}

/* Tag margins replace the view's margins instead of adding to them, so the
 * indented tags follow the computed side margin. */
static void
gloss_reader_view_update_margins (GlossReaderView *self,
                                  int              width)
{
  int side = side_margin_for_width (width);

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

  gtk_text_buffer_set_text (buffer, "", 0);
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
  GdkRGBA rule_color, bullet_color, panel_color;
  int last_line;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->article == NULL)
    return;

  style_context = gtk_widget_get_style_context (GTK_WIDGET (view));
  gtk_style_context_get_color (style_context, &bullet_color);
  rule_color = panel_color = bullet_color;
  rule_color.alpha *= 0.22f;
  panel_color.alpha *= 0.06f;
  bullet_color.alpha *= 0.75f;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y + visible.height, NULL);
  last_line = gtk_text_iter_get_line (&iter);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);

  do
    {
      if (gtk_text_iter_has_tag (&iter, self->quote_tag))
        snapshot_quote_rule (self, snapshot, &iter, &rule_color);
      else if (gtk_text_iter_has_tag (&iter, self->list_item_tag))
        snapshot_bullet (self, snapshot, &iter, &bullet_color);
      else if (gtk_text_iter_has_tag (&iter, self->preformatted_tag))
        snapshot_panel (self, snapshot, &iter, &panel_color);
    }
  while (gtk_text_iter_get_line (&iter) < last_line && gtk_text_iter_forward_line (&iter));
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
      int computed = 2 * self->side_margin;
      int narrow = 2 * NARROW_SIDE_MARGIN;

      *minimum = MAX (0, *minimum - computed) + narrow;
      *natural = MAX (*minimum, MAX_TEXT_WIDTH + 2 * MIN_SIDE_MARGIN);
    }
}

static void
gloss_reader_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  gloss_reader_view_update_margins (GLOSS_READER_VIEW (widget), width);

  GTK_WIDGET_CLASS (gloss_reader_view_parent_class)->size_allocate (widget, width, height,
                                                                    baseline);
}

static void
gloss_reader_view_dispose (GObject *object)
{
  GlossReaderView *self = (GlossReaderView *) object;

  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_READER_VIEW);

  G_OBJECT_CLASS (gloss_reader_view_parent_class)->dispose (object);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_reader_view_class_init (GlossReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_reader_view_dispose;
  object_class->get_property = gloss_reader_view_get_property;
  object_class->set_property = gloss_reader_view_set_property;

  widget_class->measure = gloss_reader_view_measure;
  widget_class->size_allocate = gloss_reader_view_size_allocate;

  text_view_class->snapshot_layer = gloss_reader_view_snapshot_layer;

  /**
   * GlossReaderView:article:
   *
   * The article shown, or %NULL.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         GLOSS_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-reader-view.ui");
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
}

static void
gloss_reader_view_init (GlossReaderView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->side_margin = -1;
  gloss_reader_view_update_margins (self, 0);

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

  gloss_reader_view_fill_buffer (self);
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

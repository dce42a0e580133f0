/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-after-paint.h"
#include "gloss-reader-view.h"

G_BEGIN_DECLS

/*
 * What the files of GlossReaderView share: gloss-reader-view.c (the
 * buffer, its tags, the mark popover, properties), gloss-reader-highlights.c
 * (annotations painted and tagged in the text), gloss-reader-scroll.c
 * (scrolling to a place and staying there while the view settles) and
 * gloss-reader-suggestions.c (suggested sentences marked under the words).
 */

/* The headline and the byline come before the first block. */
#define N_LEADING_LINES 2

typedef struct
{
  /* Where to, and where in the page; a mark, not an iter, because lines
   * far away are not laid out yet */
  GtkTextMark *mark;
  double yalign;
  /* Kept in place every frame (a jump), or only watched while GTK's own
   * smooth scroll runs (a reveal) */
  gboolean aim;

  guint tick_id;
  guint idle_id;
  gint64 started;
  guint still_frames;
  int width;
  double upper;
  double value;
  int y;
} GlossReaderSettle;

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

  GtkPopover *mark_popover;

  int side_margin;
  guint margin_tick_id;

  /* How the body text is set */
  char *font_family;
  int font_size;
  int line_width;
  GtkCssProvider *font_provider;

  /* Annotations shown, and those whose changes are followed, in the
   * model's order */
  GListModel *annotations;
  GPtrArray *watched;
  GtkTextTag *kind_tags[GLOSS_ANNOTATION_KIND_LAST + 1];
  gboolean tagged;

  /* Highlights far from the view, tagged once the next frame is painted */
  GArray *tags_after_paint;
  GlossAfterPaint tagging;

  /* The highlights by the block they start in, for painting only those
   * in sight; rebuilt when the annotations change */
  GArray *spans;
  gboolean spans_dirty;

  /* Other popovers pointing into the text, such as the editor */
  GPtrArray *popovers;

  /* The mark popover waits for the selection to settle */
  guint mark_popover_source;
  double press_x;
  double press_y;
  guint pointer_down : 1;
  /* A mouse selection is snapped to words once the drag has ended */
  guint snap_source;

  /* A highlight briefly drawn stronger, to show where it is */
  GlossAnnotation *flash_annotation;
  AdwAnimation *flash_animation;
  double flash_level;

  GtkAdjustment *vadjustment;

  /* gloss-reader-scroll.c: the place scrolled to, until the view holds
   * still there */
  GlossReaderSettle settle;

  /* gloss-reader-suggestions.c: the suggested sentences marked */
  GListModel *suggestions;
};

/* gloss-reader-highlights.c */
void     _gloss_reader_view_highlights_init     (GlossReaderView       *self);
void     _gloss_reader_view_highlights_dispose  (GlossReaderView       *self);
void     _gloss_reader_view_highlights_finalize (GlossReaderView       *self);
void     _gloss_reader_view_refresh_tags        (GlossReaderView       *self);
void     _gloss_reader_view_snapshot_highlights (GlossReaderView       *self,
                                                 GtkSnapshot           *snapshot,
                                                 const GtkTextIter     *visible_start,
                                                 const GtkTextIter     *visible_end);
gboolean _gloss_reader_view_get_annotation_bounds (GlossReaderView     *self,
                                                   GlossAnnotation     *annotation,
                                                   GtkTextIter         *start,
                                                   GtkTextIter         *end);

typedef void (*GlossRangeRectFunc) (GlossReaderView       *self,
                                    const graphene_rect_t *rect,
                                    gpointer               user_data);

void     _gloss_reader_view_foreach_range_rect  (GlossReaderView       *self,
                                                 const GtkTextIter     *start,
                                                 const GtkTextIter     *end,
                                                 GlossRangeRectFunc     func,
                                                 gpointer               user_data);

/* gloss-reader-scroll.c */
void     _gloss_reader_view_settle_dispose      (GlossReaderView       *self);

/* gloss-reader-selection.c */
void     _gloss_reader_view_snap_selection_to_words (GlossReaderView   *self);
void     _gloss_reader_view_snap_selection_later    (GlossReaderView   *self);
void     _gloss_reader_view_selection_dispose       (GlossReaderView   *self);

/* gloss-reader-suggestions.c */
void     _gloss_reader_view_snapshot_suggestions (GlossReaderView      *self,
                                                  GtkSnapshot          *snapshot,
                                                  const GtkTextIter    *visible_start,
                                                  const GtkTextIter    *visible_end);
void     _gloss_reader_view_suggestions_dispose  (GlossReaderView      *self);

G_END_DECLS

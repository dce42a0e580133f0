/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"
#include "gloss-suggestion-item.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_READER_VIEW (gloss_reader_view_get_type ())

/* The tag a caller puts on whole paragraphs to have them marked in the
 * margin (a comparison's changed paragraphs). */
#define GLOSS_READER_CHANGED_TAG "gloss-changed-paragraph"
G_DECLARE_FINAL_TYPE (GlossReaderView, gloss_reader_view, GLOSS, READER_VIEW, GtkTextView)

GtkWidget    *gloss_reader_view_new                (void);

/* What the body text's size and the measure may be set to; the settings
 * schema's ranges sit inside these. */
#define GLOSS_READER_VIEW_MIN_FONT_SIZE 6
#define GLOSS_READER_VIEW_MAX_FONT_SIZE 72
#define GLOSS_READER_VIEW_MIN_LINE_WIDTH 240
#define GLOSS_READER_VIEW_MAX_LINE_WIDTH 2400

const char   *gloss_reader_view_get_font_family    (GlossReaderView   *self);
void          gloss_reader_view_set_font_family    (GlossReaderView   *self,
                                                    const char        *family);
int           gloss_reader_view_get_font_size      (GlossReaderView   *self);
void          gloss_reader_view_set_font_size      (GlossReaderView   *self,
                                                    int                points);
int           gloss_reader_view_get_line_width     (GlossReaderView   *self);
void          gloss_reader_view_set_line_width     (GlossReaderView   *self,
                                                    int                width);
char         *gloss_reader_view_dup_default_font_family (void);

GlossArticle *gloss_reader_view_get_article        (GlossReaderView   *self);
void          gloss_reader_view_set_article        (GlossReaderView   *self,
                                                    GlossArticle      *article);

guint         gloss_reader_view_get_n_leading_lines (GlossReaderView  *self);
gboolean      gloss_reader_view_get_block_for_iter (GlossReaderView   *self,
                                                    const GtkTextIter *iter,
                                                    guint             *out_block,
                                                    glong             *out_offset);
gboolean      gloss_reader_view_get_iter_for_block (GlossReaderView   *self,
                                                    guint              block,
                                                    glong              offset,
                                                    GtkTextIter       *iter);

GtkTextTag   *gloss_reader_view_get_block_tag      (GlossReaderView   *self,
                                                    GlossBlockKind     kind);

char         *gloss_reader_view_format_byline      (GlossArticle      *article);

GtkTextTag      *gloss_reader_view_get_annotation_tag   (GlossReaderView     *self,
                                                         GlossAnnotationKind  kind);
gboolean         gloss_reader_view_is_tagging           (GlossReaderView     *self);
void             gloss_reader_view_set_annotations      (GlossReaderView     *self,
                                                         GListModel          *annotations);
GListModel      *gloss_reader_view_get_annotations      (GlossReaderView     *self);
gboolean         gloss_reader_view_get_selection_range  (GlossReaderView     *self,
                                                         guint               *out_start_block,
                                                         guint               *out_start_offset,
                                                         guint               *out_end_block,
                                                         guint               *out_end_offset);
gboolean         gloss_reader_view_get_cursor_position  (GlossReaderView     *self,
                                                         guint               *out_block,
                                                         guint               *out_offset);
GlossAnnotation *gloss_reader_view_get_annotation_at    (GlossReaderView     *self,
                                                         double               x,
                                                         double               y);
gboolean         gloss_reader_view_get_annotation_rect  (GlossReaderView     *self,
                                                         GlossAnnotation     *annotation,
                                                         GdkRectangle        *out_rect);
GlossAnnotation *gloss_reader_view_get_flash_annotation (GlossReaderView     *self);
GtkPopover      *gloss_reader_view_get_mark_popover     (GlossReaderView     *self);
void             gloss_reader_view_add_popover          (GlossReaderView     *self,
                                                         GtkPopover          *popover);
void             gloss_reader_view_remove_popover       (GlossReaderView     *self,
                                                         GtkPopover          *popover);

/* gloss-reader-scroll.c: places in the article, and scrolling to them */
gboolean         gloss_reader_view_get_block_at_top     (GlossReaderView     *self,
                                                         guint               *out_block,
                                                         glong               *out_offset);
void             gloss_reader_view_scroll_to_block      (GlossReaderView     *self,
                                                         guint                block,
                                                         glong                offset,
                                                         double               yalign);
void             gloss_reader_view_reveal_annotation    (GlossReaderView     *self,
                                                         GlossAnnotation     *annotation);
gboolean         gloss_reader_view_is_scrolling         (GlossReaderView     *self);
void             gloss_reader_view_stop_scrolling       (GlossReaderView     *self);

/* gloss-reader-suggestions.c: suggested sentences, marked apart from
 * annotations */
void             gloss_reader_view_set_suggestions      (GlossReaderView     *self,
                                                         GListModel          *suggestions);
GListModel      *gloss_reader_view_get_suggestions      (GlossReaderView     *self);
GlossSuggestionItem *gloss_reader_view_dup_suggestion_at (GlossReaderView     *self,
                                                          double               x,
                                                          double               y);

G_END_DECLS

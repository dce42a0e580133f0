/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_READER_VIEW (gloss_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (GlossReaderView, gloss_reader_view, GLOSS, READER_VIEW, GtkTextView)

GtkWidget    *gloss_reader_view_new                (void);

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

G_END_DECLS

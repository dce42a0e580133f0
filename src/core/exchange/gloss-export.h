/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossExportFormat:
 * @GLOSS_EXPORT_MARKDOWN: a brief for people: metadata, then the annotations
 * @GLOSS_EXPORT_CSV: one row per annotation (RFC 4180, UTF-8, header row)
 * @GLOSS_EXPORT_HTML: a standalone, printable report with the highlights in place
 * @GLOSS_EXPORT_WEB_ANNOTATION: W3C Web Annotation JSON-LD (an AnnotationCollection)
 * @GLOSS_EXPORT_CLAIM_REVIEW: schema.org ClaimReview JSON-LD for the rated claims
 */
typedef enum
{
  GLOSS_EXPORT_MARKDOWN,
  GLOSS_EXPORT_CSV,
  GLOSS_EXPORT_HTML,
  GLOSS_EXPORT_WEB_ANNOTATION,
  GLOSS_EXPORT_CLAIM_REVIEW,
} GlossExportFormat;

#define GLOSS_EXPORT_FORMAT_LAST GLOSS_EXPORT_CLAIM_REVIEW

/**
 * GlossExportOrder:
 * @GLOSS_EXPORT_ORDER_POSITION: annotations in document order
 * @GLOSS_EXPORT_ORDER_KIND: claims, then denials, evidence, questions, notes, each
 *   in document order (Markdown and HTML; the data formats keep document order)
 */
typedef enum
{
  GLOSS_EXPORT_ORDER_POSITION,
  GLOSS_EXPORT_ORDER_KIND,
} GlossExportOrder;

const char *gloss_export_format_to_string        (GlossExportFormat  format);
gboolean    gloss_export_format_from_string      (const char        *name,
                                                  GlossExportFormat *out_format);
const char *gloss_export_format_get_extension    (GlossExportFormat  format);
const char *gloss_export_format_get_content_type (GlossExportFormat  format);

/* A snapshot of the articles and annotations to export, read from the store
 * on the caller's thread, so writing can happen on another one. */
typedef struct _GlossExportData GlossExportData;

#define GLOSS_TYPE_EXPORT_DATA (gloss_export_data_get_type ())

GType            gloss_export_data_get_type     (void) G_GNUC_CONST;
GlossExportData *gloss_export_data_collect      (GlossStore          *store,
                                                 const gint64        *article_ids,
                                                 guint                n_article_ids,
                                                 GError             **error);
GlossExportData *gloss_export_data_ref          (GlossExportData     *data);
void             gloss_export_data_unref        (GlossExportData     *data);
void             gloss_export_data_set_reviewer (GlossExportData     *data,
                                                 const char          *name,
                                                 const char          *organisation,
                                                 const char          *review_url);
gboolean         gloss_export_data_add_comparison (GlossExportData  *data,
                                                   GlossStore       *store,
                                                   gint64            article_id,
                                                   guint             from,
                                                   guint             to,
                                                   GError          **error);
guint            gloss_export_data_get_n_articles    (GlossExportData *data);
guint            gloss_export_data_get_n_annotations (GlossExportData *data);

GBytes          *gloss_export_data_to_bytes     (GlossExportData     *data,
                                                 GlossExportFormat    format,
                                                 GlossExportOrder     order,
                                                 GError             **error);
gboolean         gloss_export_data_write        (GlossExportData     *data,
                                                 GlossExportFormat    format,
                                                 GlossExportOrder     order,
                                                 GOutputStream       *stream,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
void             gloss_export_data_write_async  (GlossExportData     *data,
                                                 GlossExportFormat    format,
                                                 GlossExportOrder     order,
                                                 GOutputStream       *stream,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean         gloss_export_data_write_finish (GAsyncResult        *result,
                                                 GError             **error);

GBytes          *gloss_export_to_bytes          (GlossStore          *store,
                                                 const gint64        *article_ids,
                                                 guint                n_article_ids,
                                                 GlossExportFormat    format,
                                                 GlossExportOrder     order,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExportData, gloss_export_data_unref)

G_END_DECLS

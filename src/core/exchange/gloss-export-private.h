/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-anchor-private.h"
#include "gloss-diff.h"
#include "gloss-export.h"
#include "gloss-provenance.h"
#include "gloss-relation-labels.h"

G_BEGIN_DECLS

/* Shared by the gloss-export-*.c writers. */

/* Two versions compared (gloss-export-comparison.c). */
typedef struct
{
  guint from;
  guint to;
  gboolean to_current;      /* the newer is the current text: annotations apply */
  GlossArticle *older;      /* the two versions, to find the annotations' */
  GlossArticle *newer;      /* words in them when @to is not the current */
  GlossArticle *shown;      /* gloss_diff_build_comparison() */
  GArray *marks;            /* GlossDiffMark, in @shown */
  GPtrArray *changes;       /* GlossDiffChange */
  guint n_changed_blocks;
} GlossExportComparison;

/* An annotation on words that changed, where those words are in the newer
 * version (in the older one for words no longer found), and the changes
 * (borrowed). */
typedef struct
{
  GlossAnnotation *annotation;
  GlossAnchor *anchor;
  GPtrArray *changes;
} GlossExportChanged;

typedef struct
{
  GlossArticle *article;
  char *source_sha256;
  char *imported_at;
  GlossProvenance *provenance;  /* where the text was downloaded from, or NULL */
  GlossBodyText *body;
  GPtrArray *annotations;   /* GlossAnnotation, document order */
  GlossExportComparison *comparison;  /* two versions compared, or NULL */
} GlossExportArticle;

typedef struct _GlossExportElsewhere GlossExportElsewhere;

struct _GlossExportData
{
  GPtrArray *articles;      /* GlossExportArticle */
  char *generated_at;
  char *reviewer;           /* who checked; NULL when not said */
  char *organisation;       /* for whom; NULL when not said */
  char *review_url;         /* where the reviews are published; NULL when not said */
  GHashTable *wording;      /* annotation id → "wording changed since it was rated…" */
  GHashTable *elsewhere;    /* uuid → GlossExportElsewhere: linked, outside the export */
};

char             *gloss_export_dup_review_date  (const GlossExportArticle *item);
char             *gloss_export_dup_reviewer_line (GlossExportData         *data);

char             *gloss_export_dup_source_iri   (const GlossExportArticle *item);
const char       *gloss_export_get_link         (const GlossExportArticle *item);
const char       *gloss_export_get_wording_note (GlossExportData          *data,
                                                 GlossAnnotation          *annotation);
char             *gloss_export_dup_annotation_iri (GlossAnnotation        *annotation);
gboolean          gloss_export_get_positions    (const GlossExportArticle *item,
                                                 GlossAnnotation          *annotation,
                                                 glong                    *out_start,
                                                 glong                    *out_end);
char             *gloss_export_dup_paragraphs   (GlossAnnotation          *annotation);
char             *gloss_export_dup_anchor_paragraphs (const GlossAnchor   *anchor);
GlossAnnotation  *gloss_export_data_find        (GlossExportData          *data,
                                                 const char               *uuid);
GPtrArray        *gloss_export_dup_ordered      (const GlossExportArticle *item,
                                                 GlossExportOrder          order);
const char       *gloss_export_kind_label       (GlossAnnotationKind       kind);
const char       *gloss_export_kind_plural_label (GlossAnnotationKind      kind);
const char       *gloss_export_verdict_label    (GlossVerdict              verdict);

/* gloss-export-comparison.c */
void              gloss_export_comparison_free  (GlossExportComparison    *comparison);
GPtrArray        *gloss_export_list_changed     (const GlossExportArticle *item);
char             *gloss_export_dup_comparison_heading (const GlossExportComparison *comparison);
char             *gloss_export_dup_comparison_summary (const GlossExportComparison *comparison);

/* gloss-export-links.c */
gboolean          gloss_export_collect_elsewhere (GlossStore              *store,
                                                  GlossExportData         *data,
                                                  GHashTable              *titles,
                                                  GError                 **error);
GlossAnnotation  *gloss_export_find_linked      (GlossExportData           *data,
                                                 GlossAnnotation           *annotation,
                                                 const GlossAnnotationLink *link,
                                                 const char               **out_article_title);

GBytes *gloss_export_markdown         (GlossExportData *data,
                                       GlossExportOrder order,
                                       GError         **error);
GBytes *gloss_export_csv              (GlossExportData *data,
                                       GError         **error);
GBytes *gloss_export_html             (GlossExportData *data,
                                       GlossExportOrder order,
                                       GError         **error);
GBytes *gloss_export_web_annotation   (GlossExportData *data,
                                       GError         **error);
GBytes *gloss_export_claim_review     (GlossExportData *data,
                                       GError         **error);

/* The Web Annotation terms Gloss adds (see gloss-export-webannotation.c). */
#define GLOSS_JSONLD_NAMESPACE "https://glossapp.github.io/ns#"

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gloss-anchor.h"

G_BEGIN_DECLS

/* The string forms of these enums are stable: they are stored in SQLite and
 * appear in JSON and exports. */

typedef enum
{
  GLOSS_ANNOTATION_CLAIM,
  GLOSS_ANNOTATION_DENIAL,
  GLOSS_ANNOTATION_EVIDENCE,
  GLOSS_ANNOTATION_QUESTION,
  GLOSS_ANNOTATION_NOTE,        /* neutral: a highlight, with an optional comment */
} GlossAnnotationKind;

#define GLOSS_ANNOTATION_KIND_LAST GLOSS_ANNOTATION_NOTE

typedef enum
{
  GLOSS_VERDICT_NONE,           /* not a claim: no verdict at all */
  GLOSS_VERDICT_UNRATED,
  GLOSS_VERDICT_TRUE,
  GLOSS_VERDICT_MOSTLY_TRUE,
  GLOSS_VERDICT_MIXED,
  GLOSS_VERDICT_MOSTLY_FALSE,
  GLOSS_VERDICT_FALSE,
  GLOSS_VERDICT_UNVERIFIABLE,
} GlossVerdict;

#define GLOSS_VERDICT_LAST GLOSS_VERDICT_UNVERIFIABLE

typedef enum
{
  GLOSS_RELATION_RESPONDS_TO,
  GLOSS_RELATION_SUPPORTS,
  GLOSS_RELATION_CONTRADICTS,
} GlossRelation;

#define GLOSS_RELATION_LAST GLOSS_RELATION_CONTRADICTS

const char *gloss_annotation_kind_to_string   (GlossAnnotationKind  kind);
gboolean    gloss_annotation_kind_from_string (const char          *name,
                                               GlossAnnotationKind *out_kind);
const char *gloss_verdict_to_string           (GlossVerdict         verdict);
gboolean    gloss_verdict_from_string         (const char          *name,
                                               GlossVerdict        *out_verdict);
const char *gloss_relation_to_string          (GlossRelation        relation);
gboolean    gloss_relation_from_string        (const char          *name,
                                               GlossRelation       *out_relation);
const char *gloss_relation_to_incoming_string (GlossRelation        relation);

/**
 * GlossAnnotationLink:
 * @relation: how this annotation relates to the target
 * @target_id: the other annotation's row id
 * @target_uuid: the other annotation's uuid (filled in by the store)
 * @target_article_id: the other annotation's article (filled in by the
 *   store; 0 when not known yet): links may cross articles
 *
 * A typed link from the annotation that holds it to another one: a denial
 * that responds-to a claim, evidence that supports or contradicts it.
 * The same struct describes a link the other way round (an incoming link,
 * see gloss_annotation_get_incoming_link()); @target_* is then the
 * annotation the link comes from.
 */
typedef struct
{
  GlossRelation relation;
  gint64 target_id;
  char *target_uuid;
  gint64 target_article_id;
} GlossAnnotationLink;

#define GLOSS_TYPE_ANNOTATION (gloss_annotation_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotation, gloss_annotation, GLOSS, ANNOTATION, GObject)

GlossAnnotation     *gloss_annotation_new            (GlossAnnotationKind  kind,
                                                      const GlossAnchor   *anchor);

gint64               gloss_annotation_get_id         (GlossAnnotation     *self);
const char          *gloss_annotation_get_uuid       (GlossAnnotation     *self);
gint64               gloss_annotation_get_article_id (GlossAnnotation     *self);
void                 gloss_annotation_set_article_id (GlossAnnotation     *self,
                                                      gint64               article_id);
GlossAnnotationKind  gloss_annotation_get_kind       (GlossAnnotation     *self);
gboolean             gloss_annotation_set_kind       (GlossAnnotation     *self,
                                                      GlossAnnotationKind  kind);
const GlossAnchor   *gloss_annotation_get_anchor     (GlossAnnotation     *self);
gboolean             gloss_annotation_set_anchor     (GlossAnnotation     *self,
                                                      const GlossAnchor   *anchor);
const char          *gloss_annotation_get_note       (GlossAnnotation     *self);
gboolean             gloss_annotation_set_note       (GlossAnnotation     *self,
                                                      const char          *note);
const char          *gloss_annotation_get_speaker    (GlossAnnotation     *self);
gboolean             gloss_annotation_set_speaker    (GlossAnnotation     *self,
                                                      const char          *speaker);
GlossVerdict         gloss_annotation_get_verdict    (GlossAnnotation     *self);
gboolean             gloss_annotation_set_verdict    (GlossAnnotation     *self,
                                                      GlossVerdict         verdict);
const char          *gloss_annotation_get_created_at (GlossAnnotation     *self);
const char          *gloss_annotation_get_updated_at (GlossAnnotation     *self);

guint                      gloss_annotation_get_n_links  (GlossAnnotation *self);
const GlossAnnotationLink *gloss_annotation_get_link     (GlossAnnotation *self,
                                                          guint            index);
gboolean                   gloss_annotation_add_link     (GlossAnnotation *self,
                                                          GlossRelation    relation,
                                                          gint64           target_id,
                                                          const char      *target_uuid);
gboolean                   gloss_annotation_remove_link  (GlossAnnotation *self,
                                                          GlossRelation    relation,
                                                          gint64           target_id);

/* Links from other annotations to this one, read by the store: the claim
 * sees the denial that responds to it.  Whoever saves a link keeps its
 * target's list current with gloss_annotation_note_incoming_link() and
 * gloss_annotation_forget_incoming_link(); the store's next read is the
 * truth. */
GArray                    *gloss_annotation_link_array_new       (void);
guint                      gloss_annotation_get_n_incoming_links (GlossAnnotation *self);
const GlossAnnotationLink *gloss_annotation_get_incoming_link    (GlossAnnotation *self,
                                                                  guint            index);

void                       gloss_annotation_note_incoming_link   (GlossAnnotation *self,
                                                                  GlossRelation    relation,
                                                                  GlossAnnotation *source);
void                       gloss_annotation_forget_incoming_link (GlossAnnotation *self,
                                                                  GlossRelation    relation,
                                                                  gint64           source_id);

/* For the store only: identity and times come from the database. */
void gloss_annotation_set_incoming_links (GlossAnnotation *self,
                                          GArray          *links);
void gloss_annotation_set_link_article   (GlossAnnotation *self,
                                          guint            index,
                                          gint64           article_id);
void gloss_annotation_set_stored (GlossAnnotation *self,
                                  gint64           id,
                                  const char      *uuid,
                                  const char      *created_at,
                                  const char      *updated_at);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation"

#include "config.h"

#include "gloss-annotation.h"
#include "gloss-enums.h"

/*
 * An annotation as the user sees it: a kind, the words it marks (its anchor),
 * a note, who said it, a verdict for claims, and typed links to others.
 * Setters return whether anything changed and notify only then, so views can
 * bind to the properties without feedback loops.  Only GlossStore gives an
 * annotation its id, uuid and times.
 */

struct _GlossAnnotation
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 article_id;
  GlossAnnotationKind kind;
  GlossAnchor *anchor;
  char *note;
  char *speaker;
  GlossVerdict verdict;
  char *created_at;
  char *updated_at;
  GArray *links;
  GArray *incoming_links;
};

G_DEFINE_FINAL_TYPE (GlossAnnotation, gloss_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NOTE,
  PROP_SPEAKER,
  PROP_VERDICT,
  PROP_ANCHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  [GLOSS_ANNOTATION_CLAIM] = "claim",
  [GLOSS_ANNOTATION_DENIAL] = "denial",
  [GLOSS_ANNOTATION_EVIDENCE] = "evidence",
  [GLOSS_ANNOTATION_QUESTION] = "question",
  [GLOSS_ANNOTATION_NOTE] = "note",
};

static const char * const verdict_names[] = {
  [GLOSS_VERDICT_NONE] = NULL,
  [GLOSS_VERDICT_UNRATED] = "unrated",
  [GLOSS_VERDICT_TRUE] = "true",
  [GLOSS_VERDICT_MOSTLY_TRUE] = "mostly-true",
  [GLOSS_VERDICT_MIXED] = "mixed",
  [GLOSS_VERDICT_MOSTLY_FALSE] = "mostly-false",
  [GLOSS_VERDICT_FALSE] = "false",
  [GLOSS_VERDICT_UNVERIFIABLE] = "unverifiable",
};

static const char * const relation_names[] = {
  [GLOSS_RELATION_RESPONDS_TO] = "responds-to",
  [GLOSS_RELATION_SUPPORTS] = "supports",
  [GLOSS_RELATION_CONTRADICTS] = "contradicts",
};

/* The same relations read from the target's side. */
static const char * const incoming_relation_names[] = {
  [GLOSS_RELATION_RESPONDS_TO] = "answered-by",
  [GLOSS_RELATION_SUPPORTS] = "supported-by",
  [GLOSS_RELATION_CONTRADICTS] = "contradicted-by",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name,
             guint              *out_value)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && g_str_equal (names[i], name))
        {
          *out_value = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
gloss_annotation_kind_to_string (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, NULL);

  return kind_names[kind];
}

gboolean
gloss_annotation_kind_from_string (const char          *name,
                                   GlossAnnotationKind *out_kind)
{
  guint value;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!lookup_name (kind_names, G_N_ELEMENTS (kind_names), name, &value))
    return FALSE;
  if (out_kind != NULL)
    *out_kind = value;
  return TRUE;
}

/* Returns NULL for GLOSS_VERDICT_NONE. */
const char *
gloss_verdict_to_string (GlossVerdict verdict)
{
  g_return_val_if_fail (verdict <= GLOSS_VERDICT_LAST, NULL);

  return verdict_names[verdict];
}

gboolean
gloss_verdict_from_string (const char   *name,
                           GlossVerdict *out_verdict)
{
  guint value;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!lookup_name (verdict_names, G_N_ELEMENTS (verdict_names), name, &value))
    return FALSE;
  if (out_verdict != NULL)
    *out_verdict = value;
  return TRUE;
}

const char *
gloss_relation_to_string (GlossRelation relation)
{
  g_return_val_if_fail (relation <= GLOSS_RELATION_LAST, NULL);

  return relation_names[relation];
}

/* "answered-by" for a link that responds-to this annotation. */
const char *
gloss_relation_to_incoming_string (GlossRelation relation)
{
  g_return_val_if_fail (relation <= GLOSS_RELATION_LAST, NULL);

  return incoming_relation_names[relation];
}

gboolean
gloss_relation_from_string (const char    *name,
                            GlossRelation *out_relation)
{
  guint value;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!lookup_name (relation_names, G_N_ELEMENTS (relation_names), name, &value))
    return FALSE;
  if (out_relation != NULL)
    *out_relation = value;
  return TRUE;
}

static void
link_clear (gpointer data)
{
  GlossAnnotationLink *link = data;

  g_free (link->target_uuid);
}

static void
gloss_annotation_finalize (GObject *object)
{
  GlossAnnotation *self = (GlossAnnotation *) object;

  g_free (self->uuid);
  g_clear_pointer (&self->anchor, gloss_anchor_free);
  g_free (self->note);
  g_free (self->speaker);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_array_unref (self->links);
  g_clear_pointer (&self->incoming_links, g_array_unref);

  G_OBJECT_CLASS (gloss_annotation_parent_class)->finalize (object);
}

static void
gloss_annotation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;
    case PROP_ANCHOR:
      g_value_set_boxed (value, self->anchor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      gloss_annotation_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      gloss_annotation_set_note (self, g_value_get_string (value));
      break;
    case PROP_SPEAKER:
      gloss_annotation_set_speaker (self, g_value_get_string (value));
      break;
    case PROP_VERDICT:
      gloss_annotation_set_verdict (self, g_value_get_enum (value));
      break;
    case PROP_ANCHOR:
      gloss_annotation_set_anchor (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_class_init (GlossAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_annotation_finalize;
  object_class->get_property = gloss_annotation_get_property;
  object_class->set_property = gloss_annotation_set_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, GLOSS_TYPE_ANNOTATION_KIND,
                                             GLOSS_ANNOTATION_CLAIM, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_SPEAKER] = g_param_spec_string ("speaker", NULL, NULL, NULL, flags);
  properties[PROP_VERDICT] = g_param_spec_enum ("verdict", NULL, NULL, GLOSS_TYPE_VERDICT,
                                                GLOSS_VERDICT_NONE, flags);
  properties[PROP_ANCHOR] = g_param_spec_boxed ("anchor", NULL, NULL, GLOSS_TYPE_ANCHOR, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_init (GlossAnnotation *self)
{
  self->links = gloss_annotation_link_array_new ();
}

/**
 * gloss_annotation_new:
 * @kind: what the marked words are
 * @anchor: where they are
 *
 * Returns: (transfer full): a new annotation, not yet stored; a claim starts
 *   with the verdict %GLOSS_VERDICT_UNRATED
 */
GlossAnnotation *
gloss_annotation_new (GlossAnnotationKind  kind,
                      const GlossAnchor   *anchor)
{
  GlossAnnotation *self;

  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, NULL);
  g_return_val_if_fail (anchor != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);
  self->kind = kind;
  self->verdict = kind == GLOSS_ANNOTATION_CLAIM ? GLOSS_VERDICT_UNRATED : GLOSS_VERDICT_NONE;
  self->anchor = gloss_anchor_copy (anchor);

  return self;
}

gint64
gloss_annotation_get_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->id;
}

const char *
gloss_annotation_get_uuid (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->uuid;
}

gint64
gloss_annotation_get_article_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->article_id;
}

void
gloss_annotation_set_article_id (GlossAnnotation *self,
                                 gint64           article_id)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  self->article_id = article_id;
}

GlossAnnotationKind
gloss_annotation_get_kind (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_ANNOTATION_CLAIM);

  return self->kind;
}

/* Only claims carry a verdict: becoming a claim starts one as unrated, and
 * ceasing to be one drops it. */
gboolean
gloss_annotation_set_kind (GlossAnnotation     *self,
                           GlossAnnotationKind  kind)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, FALSE);

  if (self->kind == kind)
    return FALSE;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);

  if (kind == GLOSS_ANNOTATION_CLAIM && self->verdict == GLOSS_VERDICT_NONE)
    gloss_annotation_set_verdict (self, GLOSS_VERDICT_UNRATED);
  else if (kind != GLOSS_ANNOTATION_CLAIM && self->verdict != GLOSS_VERDICT_NONE)
    {
      self->verdict = GLOSS_VERDICT_NONE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
    }

  return TRUE;
}

const GlossAnchor *
gloss_annotation_get_anchor (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->anchor;
}

gboolean
gloss_annotation_set_anchor (GlossAnnotation   *self,
                             const GlossAnchor *anchor)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  if (gloss_anchor_equal (self->anchor, anchor))
    return FALSE;

  gloss_anchor_free (self->anchor);
  self->anchor = gloss_anchor_copy (anchor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANCHOR]);
  return TRUE;
}

/* Blank strings are stored as "no value", so an emptied note is no note. */
static gboolean
set_optional_string (GlossAnnotation  *self,
                     char            **field,
                     const char       *value,
                     GParamSpec       *pspec)
{
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (*field, stripped) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

const char *
gloss_annotation_get_note (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->note;
}

gboolean
gloss_annotation_set_note (GlossAnnotation *self,
                           const char      *note)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);

  return set_optional_string (self, &self->note, note, properties[PROP_NOTE]);
}

const char *
gloss_annotation_get_speaker (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->speaker;
}

gboolean
gloss_annotation_set_speaker (GlossAnnotation *self,
                              const char      *speaker)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);

  return set_optional_string (self, &self->speaker, speaker, properties[PROP_SPEAKER]);
}

GlossVerdict
gloss_annotation_get_verdict (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_VERDICT_NONE);

  return self->verdict;
}

gboolean
gloss_annotation_set_verdict (GlossAnnotation *self,
                              GlossVerdict     verdict)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);
  g_return_val_if_fail (verdict <= GLOSS_VERDICT_LAST, FALSE);
  g_return_val_if_fail ((self->kind == GLOSS_ANNOTATION_CLAIM) == (verdict != GLOSS_VERDICT_NONE),
                        FALSE);

  if (self->verdict == verdict)
    return FALSE;

  self->verdict = verdict;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
  return TRUE;
}

const char *
gloss_annotation_get_created_at (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->created_at;
}

const char *
gloss_annotation_get_updated_at (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->updated_at;
}

guint
gloss_annotation_get_n_links (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->links->len;
}

const GlossAnnotationLink *
gloss_annotation_get_link (GlossAnnotation *self,
                           guint            index)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);

  return &g_array_index (self->links, GlossAnnotationLink, index);
}

static gint
find_link (GlossAnnotation *self,
           GlossRelation    relation,
           gint64           target_id)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      const GlossAnnotationLink *link = &g_array_index (self->links, GlossAnnotationLink, i);

      if (link->relation == relation && link->target_id == target_id)
        return i;
    }

  return -1;
}

gboolean
gloss_annotation_add_link (GlossAnnotation *self,
                           GlossRelation    relation,
                           gint64           target_id,
                           const char      *target_uuid)
{
  GlossAnnotationLink link = { relation, target_id, g_strdup (target_uuid) };

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);
  g_return_val_if_fail (relation <= GLOSS_RELATION_LAST, FALSE);

  if (find_link (self, relation, target_id) >= 0)
    {
      g_free (link.target_uuid);
      return FALSE;
    }

  g_array_append_val (self->links, link);
  return TRUE;
}

gboolean
gloss_annotation_remove_link (GlossAnnotation *self,
                              GlossRelation    relation,
                              gint64           target_id)
{
  gint index;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);

  index = find_link (self, relation, target_id);
  if (index < 0)
    return FALSE;

  g_array_remove_index (self->links, index);
  return TRUE;
}

/**
 * gloss_annotation_link_array_new:
 *
 * Returns: (transfer full): an empty array of #GlossAnnotationLink that
 *   frees the links' uuids with it
 */
GArray *
gloss_annotation_link_array_new (void)
{
  GArray *links = g_array_new (FALSE, TRUE, sizeof (GlossAnnotationLink));

  g_array_set_clear_func (links, link_clear);
  return links;
}

guint
gloss_annotation_get_n_incoming_links (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->incoming_links != NULL ? self->incoming_links->len : 0;
}

const GlossAnnotationLink *
gloss_annotation_get_incoming_link (GlossAnnotation *self,
                                    guint            index)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (index < gloss_annotation_get_n_incoming_links (self), NULL);

  return &g_array_index (self->incoming_links, GlossAnnotationLink, index);
}

/* Takes a reference to @links (from gloss_annotation_link_array_new()). */
void
gloss_annotation_set_incoming_links (GlossAnnotation *self,
                                     GArray          *links)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  g_clear_pointer (&self->incoming_links, g_array_unref);
  if (links != NULL)
    self->incoming_links = g_array_ref (links);
}

static gint
find_incoming_link (GlossAnnotation *self,
                    GlossRelation    relation,
                    gint64           source_id)
{
  for (guint i = 0; i < gloss_annotation_get_n_incoming_links (self); i++)
    {
      const GlossAnnotationLink *link = &g_array_index (self->incoming_links, GlossAnnotationLink, i);

      if (link->relation == relation && link->target_id == source_id)
        return i;
    }
  return -1;
}

/**
 * gloss_annotation_note_incoming_link:
 * @self: the link's target
 * @relation: how @source relates to it
 * @source: the annotation that made the link
 *
 * Keeps @self's incoming links current after @source's link to it was
 * saved, without reading the store again.
 */
void
gloss_annotation_note_incoming_link (GlossAnnotation *self,
                                     GlossRelation    relation,
                                     GlossAnnotation *source)
{
  GlossAnnotationLink link = { relation, gloss_annotation_get_id (source),
                               g_strdup (gloss_annotation_get_uuid (source)),
                               gloss_annotation_get_article_id (source) };

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (find_incoming_link (self, relation, link.target_id) >= 0)
    {
      g_free (link.target_uuid);
      return;
    }
  if (self->incoming_links == NULL)
    self->incoming_links = gloss_annotation_link_array_new ();
  g_array_append_val (self->incoming_links, link);
}

/* The other way: @source's link to @self is gone. */
void
gloss_annotation_forget_incoming_link (GlossAnnotation *self,
                                       GlossRelation    relation,
                                       gint64           source_id)
{
  gint index;

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  index = find_incoming_link (self, relation, source_id);
  if (index >= 0)
    g_array_remove_index (self->incoming_links, index);
}

void
gloss_annotation_set_link_article (GlossAnnotation *self,
                                   guint            index,
                                   gint64           article_id)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (index < self->links->len);

  g_array_index (self->links, GlossAnnotationLink, index).target_article_id = article_id;
}

void
gloss_annotation_set_stored (GlossAnnotation *self,
                             gint64           id,
                             const char      *uuid,
                             const char      *created_at,
                             const char      *updated_at)
{
  /* Copy before freeing: callers pass our own strings back in. */
  char *new_uuid = g_strdup (uuid);
  char *new_created_at = g_strdup (created_at);
  char *new_updated_at = g_strdup (updated_at);

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  self->id = id;
  g_free (self->uuid);
  self->uuid = new_uuid;
  g_free (self->created_at);
  self->created_at = new_created_at;
  g_free (self->updated_at);
  self->updated_at = new_updated_at;
}

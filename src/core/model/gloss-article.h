/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * GlossBlockKind:
 *
 * What a block of an article is.  The string forms (gloss_block_kind_to_string())
 * are stable: they appear in JSON output and in the database.
 */
typedef enum
{
  GLOSS_BLOCK_PARAGRAPH,
  GLOSS_BLOCK_HEADING,
  GLOSS_BLOCK_QUOTE,
  GLOSS_BLOCK_LIST_ITEM,
  GLOSS_BLOCK_PREFORMATTED,
  GLOSS_BLOCK_CAPTION,
} GlossBlockKind;

#define GLOSS_BLOCK_KIND_LAST GLOSS_BLOCK_CAPTION

const char *gloss_block_kind_to_string   (GlossBlockKind  kind);
gboolean    gloss_block_kind_from_string (const char     *name,
                                          GlossBlockKind *out_kind);

typedef struct _GlossBlock GlossBlock;

GlossBlockKind  gloss_block_get_kind   (const GlossBlock *block);
const char     *gloss_block_get_text   (const GlossBlock *block);
/* Length of the text in Unicode code points: the unit of every offset. */
glong           gloss_block_get_length (const GlossBlock *block);

#define GLOSS_TYPE_ARTICLE (gloss_article_get_type ())
G_DECLARE_FINAL_TYPE (GlossArticle, gloss_article, GLOSS, ARTICLE, GObject)

GlossArticle     *gloss_article_new              (void);

/* The row id in the store; 0 for an article that was only extracted. */
gint64            gloss_article_get_id           (GlossArticle *self);
void              gloss_article_set_id           (GlossArticle *self,
                                                  gint64        id);

const char       *gloss_article_get_title        (GlossArticle *self);
void              gloss_article_set_title        (GlossArticle *self,
                                                  const char   *title);
const char       *gloss_article_get_byline       (GlossArticle *self);
void              gloss_article_set_byline       (GlossArticle *self,
                                                  const char   *byline);
const char       *gloss_article_get_site_name    (GlossArticle *self);
void              gloss_article_set_site_name    (GlossArticle *self,
                                                  const char   *site_name);
const char       *gloss_article_get_published    (GlossArticle *self);
void              gloss_article_set_published    (GlossArticle *self,
                                                  const char   *published);
const char       *gloss_article_get_language     (GlossArticle *self);
void              gloss_article_set_language     (GlossArticle *self,
                                                  const char   *language);
const char       *gloss_article_get_url          (GlossArticle *self);
void              gloss_article_set_url          (GlossArticle *self,
                                                  const char   *url);

/* "html" or "text": which extraction path produced the article. */
const char       *gloss_article_get_source_kind  (GlossArticle *self);
void              gloss_article_set_source_kind  (GlossArticle *self,
                                                  const char   *source_kind);

gboolean          gloss_article_append_block     (GlossArticle   *self,
                                                  GlossBlockKind  kind,
                                                  const char     *text);
gboolean          gloss_article_append_stored_block (GlossArticle   *self,
                                                     GlossBlockKind  kind,
                                                     const char     *text);
guint             gloss_article_get_n_blocks     (GlossArticle *self);
const GlossBlock *gloss_article_get_block        (GlossArticle *self,
                                                  guint         index);
char             *gloss_article_dup_body_text    (GlossArticle *self);
guint             gloss_article_count_words      (GlossArticle *self);

G_END_DECLS

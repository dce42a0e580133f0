/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-article"

#include "config.h"

#include <string.h>

#include "gloss-article.h"
#include "gloss-text-normalize.h"

/*
 * A GlossArticle is what extraction produces and what every later layer
 * (store, reader, exports) consumes: metadata plus an ordered list of blocks.
 * Block text is normalised on the way in (gloss_text_normalize()), so every
 * offset computed later counts code points of one canonical string.
 */

struct _GlossBlock
{
  GlossBlockKind kind;
  char *text;
  glong length;
};

struct _GlossArticle
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *byline;
  char *site_name;
  char *published;
  char *language;
  char *url;
  const char *source_kind;

  GPtrArray *blocks;
};

G_DEFINE_FINAL_TYPE (GlossArticle, gloss_article, G_TYPE_OBJECT)

static const char * const block_kind_names[] = {
  [GLOSS_BLOCK_PARAGRAPH] = "paragraph",
  [GLOSS_BLOCK_HEADING] = "heading",
  [GLOSS_BLOCK_QUOTE] = "quote",
  [GLOSS_BLOCK_LIST_ITEM] = "list-item",
  [GLOSS_BLOCK_PREFORMATTED] = "preformatted",
  [GLOSS_BLOCK_CAPTION] = "caption",
};

const char *
gloss_block_kind_to_string (GlossBlockKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_BLOCK_KIND_LAST, NULL);

  return block_kind_names[kind];
}

gboolean
gloss_block_kind_from_string (const char     *name,
                              GlossBlockKind *out_kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (block_kind_names); i++)
    {
      if (g_str_equal (name, block_kind_names[i]))
        {
          if (out_kind != NULL)
            *out_kind = (GlossBlockKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

GlossBlockKind
gloss_block_get_kind (const GlossBlock *block)
{
  g_return_val_if_fail (block != NULL, GLOSS_BLOCK_PARAGRAPH);

  return block->kind;
}

const char *
gloss_block_get_text (const GlossBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->text;
}

glong
gloss_block_get_length (const GlossBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  return block->length;
}

static void
gloss_block_free (gpointer data)
{
  GlossBlock *block = data;

  g_free (block->text);
  g_free (block);
}

static void
gloss_article_finalize (GObject *object)
{
  GlossArticle *self = (GlossArticle *) object;

  g_free (self->title);
  g_free (self->byline);
  g_free (self->site_name);
  g_free (self->published);
  g_free (self->language);
  g_free (self->url);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (gloss_article_parent_class)->finalize (object);
}

static void
gloss_article_class_init (GlossArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_article_finalize;
}

static void
gloss_article_init (GlossArticle *self)
{
  self->blocks = g_ptr_array_new_with_free_func (gloss_block_free);
}

GlossArticle *
gloss_article_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE, NULL);
}

gint64
gloss_article_get_id (GlossArticle *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), 0);

  return self->id;
}

void
gloss_article_set_id (GlossArticle *self,
                      gint64        id)
{
  g_return_if_fail (GLOSS_IS_ARTICLE (self));

  self->id = id;
}

/* Metadata is normalised like block text, and an empty value means unknown. */
static void
set_metadata (char       **field,
              const char  *value)
{
  g_autofree char *normalized = value != NULL ? gloss_text_normalize (value, -1) : NULL;

  g_free (*field);
  *field = (normalized != NULL && *normalized != '\0') ? g_steal_pointer (&normalized) : NULL;
}

#define DEFINE_METADATA_ACCESSORS(name)                                      \
  const char *                                                               \
  gloss_article_get_##name (GlossArticle *self)                              \
  {                                                                          \
    g_return_val_if_fail (GLOSS_IS_ARTICLE (self), NULL);                    \
    return self->name;                                                       \
  }                                                                          \
                                                                             \
  void                                                                       \
  gloss_article_set_##name (GlossArticle *self,                              \
                            const char   *name)                              \
  {                                                                          \
    g_return_if_fail (GLOSS_IS_ARTICLE (self));                              \
    set_metadata (&self->name, name);                                        \
  }

DEFINE_METADATA_ACCESSORS (title)
DEFINE_METADATA_ACCESSORS (byline)
DEFINE_METADATA_ACCESSORS (site_name)
DEFINE_METADATA_ACCESSORS (published)
DEFINE_METADATA_ACCESSORS (language)

const char *
gloss_article_get_url (GlossArticle *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), NULL);

  return self->url;
}

/* The address comes from the page, so a hostile page chooses it; every
 * export writes it out.  Only a well-formed http(s) address with none of the
 * characters that end a URL in Markdown, HTML or CSV is kept. */
static gboolean
is_safe_url (const char *url)
{
  if (!(g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) ||
      !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return FALSE;

  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p == 0x7f || strchr ("<>\"`{}|\\^", *p) != NULL)
      return FALSE;

  return TRUE;
}

void
gloss_article_set_url (GlossArticle *self,
                       const char   *url)
{
  g_autofree char *stripped = url != NULL ? g_strstrip (g_strdup (url)) : NULL;

  g_return_if_fail (GLOSS_IS_ARTICLE (self));

  g_free (self->url);
  self->url = stripped != NULL && is_safe_url (stripped) ? g_steal_pointer (&stripped) : NULL;
}

const char *
gloss_article_get_source_kind (GlossArticle *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), NULL);

  return self->source_kind;
}

void
gloss_article_set_source_kind (GlossArticle *self,
                               const char   *source_kind)
{
  g_return_if_fail (GLOSS_IS_ARTICLE (self));
  g_return_if_fail (source_kind != NULL);

  self->source_kind = g_intern_string (source_kind);
}

/* Appends @text, normalised and not empty, taking it. */
static void
append_normalized (GlossArticle   *self,
                   GlossBlockKind  kind,
                   char           *text)
{
  GlossBlock *block = g_new0 (GlossBlock, 1);

  block->kind = kind;
  block->length = g_utf8_strlen (text, -1);
  block->text = text;
  g_ptr_array_add (self->blocks, block);
}

/**
 * gloss_article_append_block:
 * @self: a #GlossArticle
 * @kind: what the block is
 * @text: the block's text, in any whitespace shape (valid UTF-8)
 *
 * Normalises @text and appends it as the last block.
 *
 * Returns: %TRUE if a block was added, %FALSE if @text was blank.
 */
gboolean
gloss_article_append_block (GlossArticle   *self,
                            GlossBlockKind  kind,
                            const char     *text)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (kind <= GLOSS_BLOCK_KIND_LAST, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  normalized = gloss_text_normalize (text, -1);
  if (*normalized == '\0')
    return FALSE;

  append_normalized (self, kind, g_steal_pointer (&normalized));
  return TRUE;
}

/**
 * gloss_article_append_stored_block:
 * @self: a #GlossArticle
 * @kind: what the block is
 * @text: the block's text as the store keeps it
 *
 * Appends a block read back from the library.  The text was normalised
 * when it was stored and the annotations' offsets count characters in it,
 * so it is taken as it is; normalising it again cost more than the rest of
 * loading a long article.  Text that cannot have been stored by Gloss is
 * normalised as gloss_article_append_block() would.
 *
 * Returns: %TRUE if a block was added, %FALSE if @text was blank.
 */
gboolean
gloss_article_append_stored_block (GlossArticle   *self,
                                   GlossBlockKind  kind,
                                   const char     *text)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (kind <= GLOSS_BLOCK_KIND_LAST, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!gloss_text_is_normalized (text))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      return gloss_article_append_block (self, kind, valid);
    }

  append_normalized (self, kind, g_strdup (text));
  return TRUE;
}

guint
gloss_article_get_n_blocks (GlossArticle *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), 0);

  return self->blocks->len;
}

const GlossBlock *
gloss_article_get_block (GlossArticle *self,
                         guint         index)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

/**
 * gloss_article_dup_body_text:
 * @self: a #GlossArticle
 *
 * Returns: (transfer full): the block texts joined with `\n`, the article
 *   body as every comparison (and the Web Annotation position selector) sees it
 */
char *
gloss_article_dup_body_text (GlossArticle *self)
{
  GString *body;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), NULL);

  body = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const GlossBlock *block = g_ptr_array_index (self->blocks, i);

      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, block->text);
    }

  return g_string_free (body, FALSE);
}

/**
 * gloss_article_count_words:
 * @self: a #GlossArticle
 *
 * Counts the words of every block.  Blocks are normalised, so words are
 * separated by exactly one space: a byte scan, fast enough to run on a
 * 50,000-word article while it opens.
 *
 * Returns: the number of words
 */
guint
gloss_article_count_words (GlossArticle *self)
{
  guint n_words = 0;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (self), 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const GlossBlock *block = g_ptr_array_index (self->blocks, i);

      /* A block is never empty: one word more than its spaces. */
      n_words++;
      for (const char *p = strchr (block->text, ' '); p != NULL; p = strchr (p + 1, ' '))
        n_words++;
    }

  return n_words;
}

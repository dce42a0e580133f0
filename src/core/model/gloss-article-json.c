/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-article-json"

#include "config.h"

#include "gloss-article-json.h"

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * gloss_article_json_add_members:
 * @article: the article to describe
 * @builder: a builder inside an object
 * @with_block_index: whether each block also carries its `index`
 *
 * Adds the members of the article's JSON form (`title`, `byline`,
 * `site_name`, `published`, `language`, `url`, `blocks`) to the object being
 * built, so callers can add their own members (`file`, `id`) around them.
 */
void
gloss_article_json_add_members (GlossArticle *article,
                                JsonBuilder  *builder,
                                gboolean      with_block_index)
{
  guint n_blocks;

  g_return_if_fail (GLOSS_IS_ARTICLE (article));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, gloss_article_get_title (article) ?: "");
  add_nullable_string (builder, "byline", gloss_article_get_byline (article));
  add_nullable_string (builder, "site_name", gloss_article_get_site_name (article));
  add_nullable_string (builder, "published", gloss_article_get_published (article));
  add_nullable_string (builder, "language", gloss_article_get_language (article));
  add_nullable_string (builder, "url", gloss_article_get_url (article));

  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  n_blocks = gloss_article_get_n_blocks (article);
  for (guint i = 0; i < n_blocks; i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);

      json_builder_begin_object (builder);
      if (with_block_index)
        {
          json_builder_set_member_name (builder, "index");
          json_builder_add_int_value (builder, i);
        }
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     gloss_block_kind_to_string (gloss_block_get_kind (block)));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, gloss_block_get_text (block));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-extract-private.h"

/* PLACEHOLDER: replaced by the line classifier. */

GlossArticle *
gloss_extract_text (const char  *utf8,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GlossArticle) article = gloss_article_new ();
  g_auto(GStrv) lines = g_strsplit (utf8, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (gloss_article_get_title (article) == NULL)
        gloss_article_set_title (article, lines[i]);
      else
        gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, lines[i]);
    }

  if (gloss_article_get_n_blocks (article) == 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE,
                           _("No article text was found in this file"));
      return NULL;
    }

  return g_steal_pointer (&article);
}

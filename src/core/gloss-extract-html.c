/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-html"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-error.h"
#include "gloss-extract-private.h"

/* PLACEHOLDER: replaced by the scoring extractor. */

static void
collect_paragraphs (xmlNode      *node,
                    GlossArticle *article)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrcasecmp (child->name, BAD_CAST "p") == 0)
        {
          xmlChar *text = xmlNodeGetContent (child);

          gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, (const char *) text);
          xmlFree (text);
          continue;
        }
      collect_paragraphs (child->children, article);
    }
}

GlossArticle *
gloss_extract_html (const char  *utf8,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GlossArticle) article = gloss_article_new ();
  htmlDocPtr doc;

  doc = htmlReadMemory (utf8, (int) length, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  if (doc == NULL)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE,
                           _("The page could not be read as HTML"));
      return NULL;
    }

  collect_paragraphs (xmlDocGetRootElement (doc), article);
  xmlFreeDoc (doc);

  if (gloss_article_get_n_blocks (article) == 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE,
                           _("No article text was found on this page"));
      return NULL;
    }

  return g_steal_pointer (&article);
}

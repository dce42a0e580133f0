/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-article.h"

G_BEGIN_DECLS

/* Internal to the HTML extraction path (gloss-extract-html.c and the
 * gloss-html-*.c files it is split into). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef enum
{
  GLOSS_HTML_TAG_UNKNOWN,
  GLOSS_HTML_TAG_A,
  GLOSS_HTML_TAG_ABBR,
  GLOSS_HTML_TAG_ADDRESS,
  GLOSS_HTML_TAG_ARTICLE,
  GLOSS_HTML_TAG_ASIDE,
  GLOSS_HTML_TAG_AUDIO,
  GLOSS_HTML_TAG_B,
  GLOSS_HTML_TAG_BASE,
  GLOSS_HTML_TAG_BDI,
  GLOSS_HTML_TAG_BDO,
  GLOSS_HTML_TAG_BIG,
  GLOSS_HTML_TAG_BLOCKQUOTE,
  GLOSS_HTML_TAG_BODY,
  GLOSS_HTML_TAG_BR,
  GLOSS_HTML_TAG_BUTTON,
  GLOSS_HTML_TAG_CANVAS,
  GLOSS_HTML_TAG_CAPTION,
  GLOSS_HTML_TAG_CENTER,
  GLOSS_HTML_TAG_CITE,
  GLOSS_HTML_TAG_CODE,
  GLOSS_HTML_TAG_DD,
  GLOSS_HTML_TAG_DEL,
  GLOSS_HTML_TAG_DETAILS,
  GLOSS_HTML_TAG_DFN,
  GLOSS_HTML_TAG_DIALOG,
  GLOSS_HTML_TAG_DIV,
  GLOSS_HTML_TAG_DL,
  GLOSS_HTML_TAG_DT,
  GLOSS_HTML_TAG_EM,
  GLOSS_HTML_TAG_EMBED,
  GLOSS_HTML_TAG_FIELDSET,
  GLOSS_HTML_TAG_FIGCAPTION,
  GLOSS_HTML_TAG_FIGURE,
  GLOSS_HTML_TAG_FONT,
  GLOSS_HTML_TAG_FOOTER,
  GLOSS_HTML_TAG_FORM,
  GLOSS_HTML_TAG_H1,
  GLOSS_HTML_TAG_H2,
  GLOSS_HTML_TAG_H3,
  GLOSS_HTML_TAG_H4,
  GLOSS_HTML_TAG_H5,
  GLOSS_HTML_TAG_H6,
  GLOSS_HTML_TAG_HEAD,
  GLOSS_HTML_TAG_HEADER,
  GLOSS_HTML_TAG_HGROUP,
  GLOSS_HTML_TAG_HR,
  GLOSS_HTML_TAG_HTML,
  GLOSS_HTML_TAG_I,
  GLOSS_HTML_TAG_IFRAME,
  GLOSS_HTML_TAG_IMG,
  GLOSS_HTML_TAG_INPUT,
  GLOSS_HTML_TAG_INS,
  GLOSS_HTML_TAG_KBD,
  GLOSS_HTML_TAG_LABEL,
  GLOSS_HTML_TAG_LEGEND,
  GLOSS_HTML_TAG_LI,
  GLOSS_HTML_TAG_LINK,
  GLOSS_HTML_TAG_MAIN,
  GLOSS_HTML_TAG_MARK,
  GLOSS_HTML_TAG_MATH,
  GLOSS_HTML_TAG_MENU,
  GLOSS_HTML_TAG_META,
  GLOSS_HTML_TAG_NAV,
  GLOSS_HTML_TAG_NOBR,
  GLOSS_HTML_TAG_NOSCRIPT,
  GLOSS_HTML_TAG_OBJECT,
  GLOSS_HTML_TAG_OL,
  GLOSS_HTML_TAG_OPTION,
  GLOSS_HTML_TAG_P,
  GLOSS_HTML_TAG_PICTURE,
  GLOSS_HTML_TAG_PRE,
  GLOSS_HTML_TAG_Q,
  GLOSS_HTML_TAG_S,
  GLOSS_HTML_TAG_SAMP,
  GLOSS_HTML_TAG_SCRIPT,
  GLOSS_HTML_TAG_SECTION,
  GLOSS_HTML_TAG_SELECT,
  GLOSS_HTML_TAG_SMALL,
  GLOSS_HTML_TAG_SOURCE,
  GLOSS_HTML_TAG_SPAN,
  GLOSS_HTML_TAG_STRIKE,
  GLOSS_HTML_TAG_STRONG,
  GLOSS_HTML_TAG_STYLE,
  GLOSS_HTML_TAG_SUB,
  GLOSS_HTML_TAG_SUMMARY,
  GLOSS_HTML_TAG_SUP,
  GLOSS_HTML_TAG_SVG,
  GLOSS_HTML_TAG_TABLE,
  GLOSS_HTML_TAG_TBODY,
  GLOSS_HTML_TAG_TD,
  GLOSS_HTML_TAG_TEMPLATE,
  GLOSS_HTML_TAG_TEXTAREA,
  GLOSS_HTML_TAG_TFOOT,
  GLOSS_HTML_TAG_TH,
  GLOSS_HTML_TAG_THEAD,
  GLOSS_HTML_TAG_TIME,
  GLOSS_HTML_TAG_TITLE,
  GLOSS_HTML_TAG_TR,
  GLOSS_HTML_TAG_TT,
  GLOSS_HTML_TAG_U,
  GLOSS_HTML_TAG_UL,
  GLOSS_HTML_TAG_VAR,
  GLOSS_HTML_TAG_VIDEO,
  GLOSS_HTML_TAG_WBR,
} GlossHtmlTag;

/* What extraction needs to know about a tag, independent of the page. */
typedef enum
{
  GLOSS_HTML_ROLE_BLOCK,    /* starts and ends a block of text */
  GLOSS_HTML_ROLE_INLINE,   /* part of the running text around it */
  GLOSS_HTML_ROLE_DROP,     /* never holds article text (scripts, media, controls) */
  GLOSS_HTML_ROLE_CHROME,   /* page furniture (nav, aside, footer…) unless it holds prose */
} GlossHtmlRole;

typedef struct
{
  const xmlChar *names[128];
  guint8         tags[128];
} GlossHtmlTagCache;

GlossHtmlTag  gloss_html_tag_from_name  (const xmlChar *name);
GlossHtmlTag  gloss_html_tag_lookup     (GlossHtmlTagCache *cache,
                                         const xmlChar     *name);
GlossHtmlRole gloss_html_tag_get_role   (GlossHtmlTag   tag);

static inline gboolean
gloss_html_tag_is_heading (GlossHtmlTag tag)
{
  return tag >= GLOSS_HTML_TAG_H1 && tag <= GLOSS_HTML_TAG_H6;
}

/* Borrowed value of an attribute, without the copy xmlGetProp() makes; NULL
 * when absent, "" for a bare attribute such as `hidden`. */
const char   *gloss_html_get_attr       (xmlNode       *node,
                                         const char    *name);

/* Class and id hints: > 0 looks like article content, < 0 like furniture;
 * @out_caption says whether they name a caption. */
int           gloss_html_class_weight   (xmlNode       *node,
                                         gboolean      *out_caption);
gboolean      gloss_html_is_hidden      (xmlNode       *node);

/* Per-element statistics, computed once bottom-up and reached through
 * node->_private (an index into GlossHtmlContext.infos). */
typedef enum
{
  GLOSS_HTML_INFO_HAS_BLOCK  = 1 << 0,  /* some descendant is a block element */
  GLOSS_HTML_INFO_CANDIDATE  = 1 << 1,  /* received a content score */
  GLOSS_HTML_INFO_INLINE     = 1 << 2,  /* behaves as running text here */
  GLOSS_HTML_INFO_CAPTION    = 1 << 3,  /* a caption by tag or by class */
  GLOSS_HTML_INFO_HOLDS_STORY = 1 << 4, /* some descendant looks like the story */
} GlossHtmlInfoFlags;

typedef struct
{
  guint  text;        /* visible characters, whitespace not counted */
  guint  link_text;   /* of which inside links */
  guint  commas;
  guint  own_text;    /* characters in direct text and inline children */
  guint  own_commas;
  guint  own_link;    /* of own_text, inside links */
  guint  prose;       /* characters in paragraph-like descendants */
  guint  n_links;     /* <a> elements, itself included */
  float  score;
  guint8 tag;
  gint8  weight;
  guint8 flags;
} GlossHtmlInfo;

typedef struct
{
  GArray            *infos;      /* GlossHtmlInfo, index + 1 in node->_private */
  GlossHtmlTagCache  tag_cache;
} GlossHtmlContext;

static inline GlossHtmlInfo *
gloss_html_info (GlossHtmlContext *ctx,
                 xmlNode          *node)
{
  guint index = GPOINTER_TO_UINT (node->_private);

  if (node->type != XML_ELEMENT_NODE || index == 0 || index > ctx->infos->len)
    return NULL;
  return &g_array_index (ctx->infos, GlossHtmlInfo, index - 1);
}

static inline float
gloss_html_info_link_density (const GlossHtmlInfo *info)
{
  return info->text > 0 ? (float) info->link_text / (float) info->text : 0.0f;
}

/* Counts visible characters of a text node's content as the statistics do. */
void          gloss_html_count_text     (const xmlChar *text,
                                         guint         *out_chars,
                                         guint         *out_commas);

/* Metadata (gloss-html-metadata.c). */
typedef struct
{
  char      *doc_title;      /* <title> */
  char      *og_title;
  char      *ld_headline;
  char      *meta_title;     /* twitter:title and the like */
  GPtrArray *h1s;            /* texts of the page's <h1>s, in order */
  char      *site_name;
  char      *byline;
  char      *published;
  char      *language;
  char      *url;
  char      *ld_body;        /* JSON-LD articleBody, a cross-check only */
  char      *description;    /* og:description or <meta name=description> */
} GlossHtmlMetadata;

void          gloss_html_metadata_init      (GlossHtmlMetadata *meta);
void          gloss_html_metadata_clear     (GlossHtmlMetadata *meta);
void          gloss_html_metadata_collect   (GlossHtmlMetadata *meta,
                                             xmlDoc            *doc);
char         *gloss_html_metadata_dup_title (GlossHtmlMetadata *meta);
void          gloss_html_metadata_apply     (GlossHtmlMetadata *meta,
                                             GlossArticle      *article);

/* Blocks (gloss-html-blocks.c). */
void          gloss_html_emit_blocks        (GlossHtmlContext  *ctx,
                                             xmlNode          **roots,
                                             guint              n_roots,
                                             const char        *title,
                                             const char        *byline,
                                             GlossArticle      *article);

/* Compares texts the way a reader would: case and spacing ignored. */
char         *gloss_html_fold           (const char    *text);

G_END_DECLS

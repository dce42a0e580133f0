/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-html"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss-html-private.h"
#include "gloss-text-normalize.h"

/* Page-independent knowledge about elements: what a tag is, what its class
 * and id suggest, whether it is hidden.  Everything here runs once per element
 * on pages with tens of thousands of them, so nothing allocates. */

typedef struct
{
  const char   *name;
  GlossHtmlTag  tag;
} TagEntry;

/* Sorted by name for bsearch(); libxml2's HTML parser lowercases names. */
static const TagEntry tag_table[] = {
  { "a", GLOSS_HTML_TAG_A },
  { "abbr", GLOSS_HTML_TAG_ABBR },
  { "address", GLOSS_HTML_TAG_ADDRESS },
  { "article", GLOSS_HTML_TAG_ARTICLE },
  { "aside", GLOSS_HTML_TAG_ASIDE },
  { "audio", GLOSS_HTML_TAG_AUDIO },
  { "b", GLOSS_HTML_TAG_B },
  { "base", GLOSS_HTML_TAG_BASE },
  { "bdi", GLOSS_HTML_TAG_BDI },
  { "bdo", GLOSS_HTML_TAG_BDO },
  { "big", GLOSS_HTML_TAG_BIG },
  { "blockquote", GLOSS_HTML_TAG_BLOCKQUOTE },
  { "body", GLOSS_HTML_TAG_BODY },
  { "br", GLOSS_HTML_TAG_BR },
  { "button", GLOSS_HTML_TAG_BUTTON },
  { "canvas", GLOSS_HTML_TAG_CANVAS },
  { "caption", GLOSS_HTML_TAG_CAPTION },
  { "center", GLOSS_HTML_TAG_CENTER },
  { "cite", GLOSS_HTML_TAG_CITE },
  { "code", GLOSS_HTML_TAG_CODE },
  { "dd", GLOSS_HTML_TAG_DD },
  { "del", GLOSS_HTML_TAG_DEL },
  { "details", GLOSS_HTML_TAG_DETAILS },
  { "dfn", GLOSS_HTML_TAG_DFN },
  { "dialog", GLOSS_HTML_TAG_DIALOG },
  { "div", GLOSS_HTML_TAG_DIV },
  { "dl", GLOSS_HTML_TAG_DL },
  { "dt", GLOSS_HTML_TAG_DT },
  { "em", GLOSS_HTML_TAG_EM },
  { "embed", GLOSS_HTML_TAG_EMBED },
  { "fieldset", GLOSS_HTML_TAG_FIELDSET },
  { "figcaption", GLOSS_HTML_TAG_FIGCAPTION },
  { "figure", GLOSS_HTML_TAG_FIGURE },
  { "font", GLOSS_HTML_TAG_FONT },
  { "footer", GLOSS_HTML_TAG_FOOTER },
  { "form", GLOSS_HTML_TAG_FORM },
  { "h1", GLOSS_HTML_TAG_H1 },
  { "h2", GLOSS_HTML_TAG_H2 },
  { "h3", GLOSS_HTML_TAG_H3 },
  { "h4", GLOSS_HTML_TAG_H4 },
  { "h5", GLOSS_HTML_TAG_H5 },
  { "h6", GLOSS_HTML_TAG_H6 },
  { "head", GLOSS_HTML_TAG_HEAD },
  { "header", GLOSS_HTML_TAG_HEADER },
  { "hgroup", GLOSS_HTML_TAG_HGROUP },
  { "hr", GLOSS_HTML_TAG_HR },
  { "html", GLOSS_HTML_TAG_HTML },
  { "i", GLOSS_HTML_TAG_I },
  { "iframe", GLOSS_HTML_TAG_IFRAME },
  { "img", GLOSS_HTML_TAG_IMG },
  { "input", GLOSS_HTML_TAG_INPUT },
  { "ins", GLOSS_HTML_TAG_INS },
  { "kbd", GLOSS_HTML_TAG_KBD },
  { "label", GLOSS_HTML_TAG_LABEL },
  { "legend", GLOSS_HTML_TAG_LEGEND },
  { "li", GLOSS_HTML_TAG_LI },
  { "link", GLOSS_HTML_TAG_LINK },
  { "main", GLOSS_HTML_TAG_MAIN },
  { "mark", GLOSS_HTML_TAG_MARK },
  { "math", GLOSS_HTML_TAG_MATH },
  { "menu", GLOSS_HTML_TAG_MENU },
  { "meta", GLOSS_HTML_TAG_META },
  { "nav", GLOSS_HTML_TAG_NAV },
  { "nobr", GLOSS_HTML_TAG_NOBR },
  { "noscript", GLOSS_HTML_TAG_NOSCRIPT },
  { "object", GLOSS_HTML_TAG_OBJECT },
  { "ol", GLOSS_HTML_TAG_OL },
  { "option", GLOSS_HTML_TAG_OPTION },
  { "p", GLOSS_HTML_TAG_P },
  { "picture", GLOSS_HTML_TAG_PICTURE },
  { "pre", GLOSS_HTML_TAG_PRE },
  { "q", GLOSS_HTML_TAG_Q },
  { "s", GLOSS_HTML_TAG_S },
  { "samp", GLOSS_HTML_TAG_SAMP },
  { "script", GLOSS_HTML_TAG_SCRIPT },
  { "section", GLOSS_HTML_TAG_SECTION },
  { "select", GLOSS_HTML_TAG_SELECT },
  { "small", GLOSS_HTML_TAG_SMALL },
  { "source", GLOSS_HTML_TAG_SOURCE },
  { "span", GLOSS_HTML_TAG_SPAN },
  { "strike", GLOSS_HTML_TAG_STRIKE },
  { "strong", GLOSS_HTML_TAG_STRONG },
  { "style", GLOSS_HTML_TAG_STYLE },
  { "sub", GLOSS_HTML_TAG_SUB },
  { "summary", GLOSS_HTML_TAG_SUMMARY },
  { "sup", GLOSS_HTML_TAG_SUP },
  { "svg", GLOSS_HTML_TAG_SVG },
  { "table", GLOSS_HTML_TAG_TABLE },
  { "tbody", GLOSS_HTML_TAG_TBODY },
  { "td", GLOSS_HTML_TAG_TD },
  { "template", GLOSS_HTML_TAG_TEMPLATE },
  { "textarea", GLOSS_HTML_TAG_TEXTAREA },
  { "tfoot", GLOSS_HTML_TAG_TFOOT },
  { "th", GLOSS_HTML_TAG_TH },
  { "thead", GLOSS_HTML_TAG_THEAD },
  { "time", GLOSS_HTML_TAG_TIME },
  { "title", GLOSS_HTML_TAG_TITLE },
  { "tr", GLOSS_HTML_TAG_TR },
  { "tt", GLOSS_HTML_TAG_TT },
  { "u", GLOSS_HTML_TAG_U },
  { "ul", GLOSS_HTML_TAG_UL },
  { "var", GLOSS_HTML_TAG_VAR },
  { "video", GLOSS_HTML_TAG_VIDEO },
  { "wbr", GLOSS_HTML_TAG_WBR },
};

static int
compare_tag_entry (const void *key,
                   const void *entry)
{
  return strcmp (key, ((const TagEntry *) entry)->name);
}

GlossHtmlTag
gloss_html_tag_from_name (const xmlChar *name)
{
  const TagEntry *entry;

  if (name == NULL)
    return GLOSS_HTML_TAG_UNKNOWN;

  entry = bsearch (name, tag_table, G_N_ELEMENTS (tag_table), sizeof tag_table[0],
                   compare_tag_entry);
  return entry != NULL ? entry->tag : GLOSS_HTML_TAG_UNKNOWN;
}

/* Element names come from the parser's dictionary, so one name is one
 * pointer: a small direct-mapped cache spares most of the searches. */
GlossHtmlTag
gloss_html_tag_lookup (GlossHtmlTagCache *cache,
                       const xmlChar     *name)
{
  guint slot = (guint) ((GPOINTER_TO_SIZE (name) >> 4) % G_N_ELEMENTS (cache->names));

  if (cache->names[slot] != name)
    {
      cache->names[slot] = name;
      cache->tags[slot] = gloss_html_tag_from_name (name);
    }

  return cache->tags[slot];
}

GlossHtmlRole
gloss_html_tag_get_role (GlossHtmlTag tag)
{
  switch (tag)
    {
    case GLOSS_HTML_TAG_A:
    case GLOSS_HTML_TAG_ABBR:
    case GLOSS_HTML_TAG_B:
    case GLOSS_HTML_TAG_BDI:
    case GLOSS_HTML_TAG_BDO:
    case GLOSS_HTML_TAG_BIG:
    case GLOSS_HTML_TAG_BR:
    case GLOSS_HTML_TAG_CITE:
    case GLOSS_HTML_TAG_CODE:
    case GLOSS_HTML_TAG_DEL:
    case GLOSS_HTML_TAG_DFN:
    case GLOSS_HTML_TAG_EM:
    case GLOSS_HTML_TAG_FONT:
    case GLOSS_HTML_TAG_I:
    case GLOSS_HTML_TAG_INS:
    case GLOSS_HTML_TAG_KBD:
    case GLOSS_HTML_TAG_LABEL:
    case GLOSS_HTML_TAG_MARK:
    case GLOSS_HTML_TAG_NOBR:
    case GLOSS_HTML_TAG_Q:
    case GLOSS_HTML_TAG_S:
    case GLOSS_HTML_TAG_SAMP:
    case GLOSS_HTML_TAG_SMALL:
    case GLOSS_HTML_TAG_SPAN:
    case GLOSS_HTML_TAG_STRIKE:
    case GLOSS_HTML_TAG_STRONG:
    case GLOSS_HTML_TAG_SUB:
    case GLOSS_HTML_TAG_SUP:
    case GLOSS_HTML_TAG_TIME:
    case GLOSS_HTML_TAG_TT:
    case GLOSS_HTML_TAG_U:
    case GLOSS_HTML_TAG_VAR:
    case GLOSS_HTML_TAG_WBR:
    case GLOSS_HTML_TAG_UNKNOWN:
      return GLOSS_HTML_ROLE_INLINE;

    case GLOSS_HTML_TAG_AUDIO:
    case GLOSS_HTML_TAG_BASE:
    case GLOSS_HTML_TAG_BUTTON:
    case GLOSS_HTML_TAG_CANVAS:
    case GLOSS_HTML_TAG_DIALOG:
    case GLOSS_HTML_TAG_EMBED:
    case GLOSS_HTML_TAG_HEAD:
    case GLOSS_HTML_TAG_IFRAME:
    case GLOSS_HTML_TAG_IMG:
    case GLOSS_HTML_TAG_INPUT:
    case GLOSS_HTML_TAG_LINK:
    case GLOSS_HTML_TAG_MATH:
    case GLOSS_HTML_TAG_META:
    case GLOSS_HTML_TAG_NOSCRIPT:
    case GLOSS_HTML_TAG_OBJECT:
    case GLOSS_HTML_TAG_OPTION:
    case GLOSS_HTML_TAG_PICTURE:
    case GLOSS_HTML_TAG_SCRIPT:
    case GLOSS_HTML_TAG_SELECT:
    case GLOSS_HTML_TAG_SOURCE:
    case GLOSS_HTML_TAG_STYLE:
    case GLOSS_HTML_TAG_SVG:
    case GLOSS_HTML_TAG_TEMPLATE:
    case GLOSS_HTML_TAG_TEXTAREA:
    case GLOSS_HTML_TAG_TITLE:
    case GLOSS_HTML_TAG_VIDEO:
      return GLOSS_HTML_ROLE_DROP;

    case GLOSS_HTML_TAG_ASIDE:
    case GLOSS_HTML_TAG_FOOTER:
    case GLOSS_HTML_TAG_FORM:
    case GLOSS_HTML_TAG_HEADER:
    case GLOSS_HTML_TAG_MENU:
    case GLOSS_HTML_TAG_NAV:
      return GLOSS_HTML_ROLE_CHROME;

    case GLOSS_HTML_TAG_ADDRESS:
    case GLOSS_HTML_TAG_ARTICLE:
    case GLOSS_HTML_TAG_BLOCKQUOTE:
    case GLOSS_HTML_TAG_BODY:
    case GLOSS_HTML_TAG_CAPTION:
    case GLOSS_HTML_TAG_CENTER:
    case GLOSS_HTML_TAG_DD:
    case GLOSS_HTML_TAG_DETAILS:
    case GLOSS_HTML_TAG_DIV:
    case GLOSS_HTML_TAG_DL:
    case GLOSS_HTML_TAG_DT:
    case GLOSS_HTML_TAG_FIELDSET:
    case GLOSS_HTML_TAG_FIGCAPTION:
    case GLOSS_HTML_TAG_FIGURE:
    case GLOSS_HTML_TAG_H1:
    case GLOSS_HTML_TAG_H2:
    case GLOSS_HTML_TAG_H3:
    case GLOSS_HTML_TAG_H4:
    case GLOSS_HTML_TAG_H5:
    case GLOSS_HTML_TAG_H6:
    case GLOSS_HTML_TAG_HGROUP:
    case GLOSS_HTML_TAG_HR:
    case GLOSS_HTML_TAG_HTML:
    case GLOSS_HTML_TAG_LEGEND:
    case GLOSS_HTML_TAG_LI:
    case GLOSS_HTML_TAG_MAIN:
    case GLOSS_HTML_TAG_OL:
    case GLOSS_HTML_TAG_P:
    case GLOSS_HTML_TAG_PRE:
    case GLOSS_HTML_TAG_SECTION:
    case GLOSS_HTML_TAG_SUMMARY:
    case GLOSS_HTML_TAG_TABLE:
    case GLOSS_HTML_TAG_TBODY:
    case GLOSS_HTML_TAG_TD:
    case GLOSS_HTML_TAG_TFOOT:
    case GLOSS_HTML_TAG_TH:
    case GLOSS_HTML_TAG_THEAD:
    case GLOSS_HTML_TAG_TR:
    case GLOSS_HTML_TAG_UL:
    default:
      return GLOSS_HTML_ROLE_BLOCK;
    }
}

const char *
gloss_html_get_attr (xmlNode    *node,
                     const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (g_ascii_strcasecmp ((const char *) attr->name, name) != 0)
        continue;
      if (attr->children != NULL && attr->children->type == XML_TEXT_NODE &&
          attr->children->content != NULL)
        return (const char *) attr->children->content;
      return "";
    }

  return NULL;
}

typedef struct
{
  const char *pattern;
  int         weight;
} Hint;

/* Matched anywhere inside a class or id ("storyBody", "post-content",
 * "commentlist").  Furniture weighs more than content so that
 * "related-articles" or "article-share" come out negative. */
static const Hint substring_hints[] = {
  { "article", 1 }, { "body", 1 }, { "content", 1 }, { "entry", 1 }, { "post", 1 },
  { "story", 1 }, { "text", 1 }, { "main", 1 }, { "blog", 1 }, { "prose", 1 },
  /* Posts the author embedded (tweets, Instagram) are part of the story,
   * even inside a "social-embed" wrapper. */
  { "embed", 3 }, { "tweet", 3 }, { "instagram-media", 3 },
  { "comment", -3 }, { "share", -3 }, { "sharing", -3 }, { "social", -3 }, { "related", -3 },
  { "newsletter", -3 }, { "subscri", -3 }, { "promo", -3 }, { "advert", -3 },
  { "sponsor", -3 }, { "outbrain", -3 }, { "taboola", -3 }, { "recommend", -3 },
  { "cookie", -3 }, { "popup", -3 }, { "modal", -3 }, { "breadcrumb", -3 },
  { "sidebar", -3 }, { "footer", -3 }, { "masthead", -3 }, { "signup", -3 },
  { "trending", -3 }, { "widget", -3 }, { "banner", -3 }, { "toolbar", -3 },
  { "pagination", -3 }, { "paywall", -3 }, { "most-popular", -3 }, { "mostpopular", -3 },
  { "read-more", -3 }, { "readmore", -3 }, { "more-stories", -3 }, { "disclaimer", -1 },
  { "byline", -3 }, { "author", -1 }, { "header", -1 }, { "caption", -1 }, { "credit", -1 },
  { "timestamp", -1 }, { "dateline", -1 }, { "copyright", -3 }, { "rating", -1 },
  { "skip", -1 }, { "follow", -1 }, { "topics", -1 },
};

/* Matched only as a whole word of a class or id: too short to find inside
 * other words ("ad" is in "header" and "read"). */
static const Hint token_hints[] = {
  { "ad", -3 }, { "ads", -3 }, { "adv", -3 }, { "dfp", -3 }, { "gpt", -3 }, { "nav", -3 },
  { "menu", -3 }, { "tags", -3 }, { "tag", -1 }, { "meta", -1 }, { "date", -1 },
  { "share", -3 }, { "tools", -1 }, { "more", -1 }, { "aside", -3 }, { "hide", -1 },
  { "extra", -1 }, { "links", -1 }, { "info", -1 },
};

static inline guint
bigram_bit (char a,
            char b)
{
  return ((guint) (guchar) a * 31u + (guint) (guchar) b) & 255u;
}

static int
weigh_value (const char *value,
             gboolean   *out_caption)
{
  char lower[256];
  guint64 bigrams[4] = { 0 };
  gsize len = 0;
  int weight = 0;

  for (const char *p = value; *p != '\0' && len < sizeof lower - 1; p++)
    {
      lower[len] = g_ascii_tolower (*p);
      if (len > 0)
        {
          guint bit = bigram_bit (lower[len - 1], lower[len]);

          bigrams[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
        }
      len++;
    }
  lower[len] = '\0';
  if (len == 0)
    return 0;

  if (strstr (lower, "caption") != NULL)
    *out_caption = TRUE;

  /* Class lists run on every element of big pages: a pattern is searched
   * only if its first two letters occur next to each other somewhere. */
  for (guint i = 0; i < G_N_ELEMENTS (substring_hints); i++)
    {
      const char *pattern = substring_hints[i].pattern;
      guint bit = bigram_bit (pattern[0], pattern[1]);

      if ((bigrams[bit >> 6] & (G_GUINT64_CONSTANT (1) << (bit & 63))) == 0)
        continue;
      if (strstr (lower, pattern) != NULL)
        weight += substring_hints[i].weight;
    }

  for (const char *start = lower; *start != '\0';)
    {
      const char *end = start;

      while (*end != '\0' && g_ascii_isalnum (*end))
        end++;
      if (end > start && end - start <= 5)
        {
          gsize word_len = end - start;

          for (guint i = 0; i < G_N_ELEMENTS (token_hints); i++)
            {
              if (token_hints[i].pattern[0] == start[0] &&
                  strlen (token_hints[i].pattern) == word_len &&
                  memcmp (token_hints[i].pattern, start, word_len) == 0)
                weight += token_hints[i].weight;
            }
        }
      start = *end != '\0' ? end + 1 : end;
    }

  return weight;
}

int
gloss_html_class_weight (xmlNode  *node,
                         gboolean *out_caption)
{
  const char *class_attr = gloss_html_get_attr (node, "class");
  const char *id_attr = gloss_html_get_attr (node, "id");
  int weight = 0;

  *out_caption = FALSE;
  if (class_attr != NULL)
    weight += weigh_value (class_attr, out_caption);
  if (id_attr != NULL)
    weight += weigh_value (id_attr, out_caption);

  return CLAMP (weight, -100, 100);
}

/* Looks for "name:value" in an inline style, ignoring case and spaces. */
static gboolean
style_has (const char *style,
           const char *declaration)
{
  char compact[256];
  gsize len = 0;

  for (const char *p = style; *p != '\0' && len < sizeof compact - 1; p++)
    {
      if (!g_ascii_isspace (*p))
        compact[len++] = g_ascii_tolower (*p);
    }
  compact[len] = '\0';

  return strstr (compact, declaration) != NULL;
}

/* One class of a class list, exactly: "hidden" but not "hidden-xs" (hidden
 * on small screens only). */
static gboolean
has_class_token (const char *classes,
                 const char *token)
{
  gsize len = strlen (token);

  for (const char *p = strstr (classes, token); p != NULL; p = strstr (p + 1, token))
    {
      if ((p == classes || g_ascii_isspace (p[-1])) &&
          (p[len] == '\0' || g_ascii_isspace (p[len])))
        return TRUE;
    }

  return FALSE;
}

gboolean
gloss_html_is_hidden (xmlNode *node)
{
  const char *value;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;

      if (g_ascii_strcasecmp (name, "hidden") == 0)
        return TRUE;

      if (g_ascii_strcasecmp (name, "aria-hidden") == 0)
        {
          value = gloss_html_get_attr (node, "aria-hidden");
          if (value != NULL && g_ascii_strcasecmp (value, "true") == 0)
            return TRUE;
        }
      else if (g_ascii_strcasecmp (name, "style") == 0)
        {
          value = gloss_html_get_attr (node, "style");
          if (value != NULL &&
              (style_has (value, "display:none") || style_has (value, "visibility:hidden")))
            return TRUE;
        }
      else if (g_ascii_strcasecmp (name, "class") == 0)
        {
          value = gloss_html_get_attr (node, "class");
          /* Text meant for screen readers only: "Advertisement", "Opens in a new window". */
          if (value != NULL &&
              (strstr (value, "sr-only") != NULL || strstr (value, "visually-hidden") != NULL ||
               strstr (value, "screen-reader") != NULL || strstr (value, "visuallyhidden") != NULL ||
               has_class_token (value, "hidden") || has_class_token (value, "d-none") ||
               has_class_token (value, "is-hidden") || has_class_token (value, "hide")))
            return TRUE;
        }
    }

  return FALSE;
}

void
gloss_html_count_text (const xmlChar *text,
                       guint         *out_chars,
                       guint         *out_commas)
{
  guint chars = 0;
  guint commas = 0;

  for (const guchar *p = text; *p != '\0'; p++)
    {
      if (*p < 0x80)
        {
          if (*p == ',')
            commas++;
          if (*p > ' ')
            chars++;
        }
      else if ((*p & 0xC0) != 0x80)
        {
          chars++;
          /* U+FF0C fullwidth comma and U+3001 ideographic comma. */
          if ((p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
              (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81))
            commas++;
        }
    }

  *out_chars += chars;
  *out_commas += commas;
}

char *
gloss_html_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  normalized = gloss_text_normalize (text, -1);
  folded = g_utf8_casefold (normalized, -1);

  /* Keep letters and digits only, so quotes, dashes and spacing do not
   * decide whether two titles are the same. */
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

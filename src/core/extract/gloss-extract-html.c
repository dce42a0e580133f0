/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-html"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-extract-private.h"
#include "gloss-html-private.h"

/* The HTML path: metadata first (gloss-html-metadata.c), then the article
 * body.  The body is found by scoring: the page is walked once bottom-up to
 * drop what never holds article text and to count text, links and commas
 * per element; every paragraph-like element then gives points to its
 * nearest ancestors, so the container holding most prose wins; siblings of
 * the winner that look like more of the same story join it; and
 * gloss-html-blocks.c turns what was kept into typed blocks.
 *
 * Cost matters as much as quality (a library import runs this on every
 * page), so the tree is walked a fixed, small number of times and per-node
 * statistics live in one array reached through node->_private. */

#define MAX_ANCESTOR_LEVELS 5
#define MIN_UNIT_TEXT 25
/* Prose in an element whose class says "article" or "content" that makes
 * it look like the story itself. */
#define STORY_PROSE 400
/* Characters a page's own description needs to stand in for its story. */
#define MIN_DECLARED_TEXT 200

typedef struct
{
  guint text;
  guint link_text;
  guint commas;
  guint own_text;
  guint own_commas;
  guint own_link;
  guint prose;
  guint inline_prose;
  guint n_links;
  gboolean has_block;
  gboolean holds_story;
} Totals;

static void
drop_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

/* ARIA landmarks that are never the story itself. */
static gboolean
has_chrome_role (xmlNode *node)
{
  const char *role = gloss_html_get_attr (node, "role");

  if (role == NULL)
    return FALSE;

  return g_ascii_strcasecmp (role, "navigation") == 0 ||
         g_ascii_strcasecmp (role, "banner") == 0 ||
         g_ascii_strcasecmp (role, "contentinfo") == 0 ||
         g_ascii_strcasecmp (role, "complementary") == 0 ||
         g_ascii_strcasecmp (role, "menu") == 0 ||
         g_ascii_strcasecmp (role, "menubar") == 0 ||
         g_ascii_strcasecmp (role, "search") == 0 ||
         g_ascii_strcasecmp (role, "dialog") == 0 ||
         g_ascii_strcasecmp (role, "alertdialog") == 0;
}

static gboolean
is_structural (GlossHtmlTag tag)
{
  return tag == GLOSS_HTML_TAG_HTML || tag == GLOSS_HTML_TAG_BODY;
}

/* Decides, once the element's statistics are known, whether it is page
 * furniture: a nav, header, footer, aside or form, or an element whose class
 * or id says share bar, comments, related links…  Such an element survives
 * only if it holds real prose, because some sites wrap the whole page in a
 * <form> or mark up the story as a <header> child. */
static gboolean
is_furniture (GlossHtmlTag  tag,
              gboolean      chrome,
              int           weight,
              const Totals *t)
{
  float link_density = t->text > 0 ? (float) t->link_text / (float) t->text : 0.0f;

  /* Whatever its own class says ("page has-sidebar with-comments"), an
   * element wrapping something that looks like the story stays. */
  if (is_structural (tag) || t->holds_story)
    return FALSE;

  if (chrome)
    return t->prose < 600 || (link_density > 0.4f && t->prose < 3000);

  if (weight <= -5)
    return TRUE;
  if (weight <= -2)
    {
      guint limit = (tag == GLOSS_HTML_TAG_ARTICLE || tag == GLOSS_HTML_TAG_MAIN) ? 200 : 500;

      return t->prose < limit || link_density > 0.5f;
    }

  return FALSE;
}

/* HTML5 void elements that libxml2 2.9 does not know are empty: it makes
 * everything after an <embed> its child, and dropping the embed would drop
 * the story with it.  Their "children" are really following siblings. */
static void
hoist_swallowed_siblings (GlossHtmlContext *ctx,
                          xmlNode          *node)
{
  GlossHtmlTag tag;
  xmlNode *last;

  if (node->children == NULL)
    return;
  tag = gloss_html_tag_lookup (&ctx->tag_cache, node->name);
  if (tag != GLOSS_HTML_TAG_EMBED && tag != GLOSS_HTML_TAG_SOURCE && tag != GLOSS_HTML_TAG_WBR &&
      !(tag == GLOSS_HTML_TAG_UNKNOWN && xmlStrcasecmp (node->name, BAD_CAST "track") == 0))
    return;

  last = node;
  while (node->children != NULL)
    {
      xmlNode *child = node->children;

      xmlUnlinkNode (child);
      last = xmlAddNextSibling (last, child);
    }
}

static guint
measure (GlossHtmlContext *ctx,
         xmlNode          *node,
         gboolean          in_link)
{
  GlossHtmlTag tag = gloss_html_tag_lookup (&ctx->tag_cache, node->name);
  GlossHtmlRole role = gloss_html_tag_get_role (tag);
  gboolean link;
  gboolean inline_role;
  Totals t = { 0 };
  GlossHtmlInfo info = { 0 };
  gboolean caption = FALSE;
  int weight;

  if (role == GLOSS_HTML_ROLE_DROP || gloss_html_is_hidden (node))
    {
      drop_node (node);
      return 0;
    }

  weight = gloss_html_class_weight (node, &caption);
  caption = caption || tag == GLOSS_HTML_TAG_FIGCAPTION || tag == GLOSS_HTML_TAG_CAPTION;
  link = in_link || tag == GLOSS_HTML_TAG_A;

  for (xmlNode *child = node->children, *next; child != NULL; child = next)
    {
      if (child->type == XML_ELEMENT_NODE)
        hoist_swallowed_siblings (ctx, child);
      next = child->next;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          guint chars = 0, commas = 0;

          if (child->content == NULL)
            continue;
          gloss_html_count_text (child->content, &chars, &commas);
          t.text += chars;
          t.commas += commas;
          t.own_text += chars;
          t.own_commas += commas;
          if (link)
            {
              t.link_text += chars;
              t.own_link += chars;
            }
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          guint index = measure (ctx, child, link);
          const GlossHtmlInfo *ci;

          if (index == 0)
            continue;

          ci = &g_array_index (ctx->infos, GlossHtmlInfo, index - 1);
          t.text += ci->text;
          t.link_text += ci->link_text;
          t.commas += ci->commas;
          t.n_links += ci->n_links;
          if ((ci->flags & GLOSS_HTML_INFO_HOLDS_STORY) ||
              (ci->weight > 0 && ci->prose >= STORY_PROSE &&
               ci->link_text * 4 < ci->text))
            t.holds_story = TRUE;
          if (ci->flags & GLOSS_HTML_INFO_INLINE)
            {
              /* Its text is part of this element's own text: its prose
               * (blocks inside a link, say) is counted once, below. */
              t.inline_prose += ci->prose;
              t.own_text += ci->text;
              t.own_commas += ci->commas;
              t.own_link += ci->link_text;
              if (ci->flags & GLOSS_HTML_INFO_HAS_BLOCK)
                t.has_block = TRUE;
            }
          else
            {
              t.prose += ci->prose;
              t.has_block = TRUE;
            }
        }
    }

  /* Custom elements (<gu-island>, <amp-img>…) are running text unless they
   * wrap blocks. */
  inline_role = role == GLOSS_HTML_ROLE_INLINE &&
                !(tag == GLOSS_HTML_TAG_UNKNOWN && t.has_block);

  /* Prose is running text a reader reads as the story: not headings, not
   * captions, not link lists. */
  if (caption || tag == GLOSS_HTML_TAG_FIGURE)
    t.prose = 0;
  else if (!inline_role && !gloss_html_tag_is_heading (tag) && t.own_text > 0 &&
           t.own_link * 2 < t.own_text)
    t.prose += MAX (t.own_text - t.own_link, t.inline_prose);
  else
    t.prose += t.inline_prose;

  if (is_furniture (tag, role == GLOSS_HTML_ROLE_CHROME || has_chrome_role (node), weight, &t))
    {
      drop_node (node);
      return 0;
    }

  info.text = t.text;
  info.link_text = t.link_text;
  info.commas = t.commas;
  info.own_text = t.own_text;
  info.own_commas = t.own_commas;
  info.own_link = t.own_link;
  info.prose = t.prose;
  info.n_links = t.n_links + (tag == GLOSS_HTML_TAG_A ? 1 : 0);
  info.tag = tag;
  info.weight = (gint8) CLAMP (weight, -100, 100);
  info.flags = (t.has_block ? GLOSS_HTML_INFO_HAS_BLOCK : 0) |
               (inline_role ? GLOSS_HTML_INFO_INLINE : 0) |
               (caption && !inline_role ? GLOSS_HTML_INFO_CAPTION : 0) |
               (t.holds_story ? GLOSS_HTML_INFO_HOLDS_STORY : 0);

  g_array_append_val (ctx->infos, info);
  node->_private = GUINT_TO_POINTER (ctx->infos->len);

  return ctx->infos->len;
}

static float
initial_score (const GlossHtmlInfo *info)
{
  float score;

  switch ((GlossHtmlTag) info->tag)
    {
    case GLOSS_HTML_TAG_DIV:
    case GLOSS_HTML_TAG_ARTICLE:
    case GLOSS_HTML_TAG_SECTION:
    case GLOSS_HTML_TAG_MAIN:
      score = 5;
      break;
    case GLOSS_HTML_TAG_PRE:
    case GLOSS_HTML_TAG_TD:
    case GLOSS_HTML_TAG_BLOCKQUOTE:
      score = 3;
      break;
    case GLOSS_HTML_TAG_ADDRESS:
    case GLOSS_HTML_TAG_OL:
    case GLOSS_HTML_TAG_UL:
    case GLOSS_HTML_TAG_DL:
    case GLOSS_HTML_TAG_DD:
    case GLOSS_HTML_TAG_DT:
    case GLOSS_HTML_TAG_LI:
    case GLOSS_HTML_TAG_FORM:
      score = -3;
      break;
    case GLOSS_HTML_TAG_H1:
    case GLOSS_HTML_TAG_H2:
    case GLOSS_HTML_TAG_H3:
    case GLOSS_HTML_TAG_H4:
    case GLOSS_HTML_TAG_H5:
    case GLOSS_HTML_TAG_H6:
    case GLOSS_HTML_TAG_TH:
      score = -5;
      break;
    default:
      score = 0;
      break;
    }

  return score + CLAMP (info->weight * 8, -30, 30);
}

/* Each element holding a paragraph's worth of running text gives points to
 * its parent, half to its grandparent, and less further up. */
static void
score_units (GlossHtmlContext *ctx,
             xmlNode          *node,
             GPtrArray        *candidates)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      GlossHtmlInfo *info = gloss_html_info (ctx, child);
      float points;
      xmlNode *ancestor;

      if (info == NULL)
        continue;

      if (child->children != NULL && !(info->flags & GLOSS_HTML_INFO_INLINE))
        score_units (ctx, child, candidates);

      if ((info->flags & (GLOSS_HTML_INFO_INLINE | GLOSS_HTML_INFO_CAPTION)) ||
          info->own_text < MIN_UNIT_TEXT || gloss_html_tag_is_heading (info->tag))
        continue;

      points = 1.0f + info->own_commas + MIN (info->own_text / 100.0f, 3.0f);
      points *= 1.0f - (float) info->own_link / (float) info->own_text;

      ancestor = child->parent;
      for (guint level = 0; level < MAX_ANCESTOR_LEVELS && ancestor != NULL;
           level++, ancestor = ancestor->parent)
        {
          GlossHtmlInfo *ai = gloss_html_info (ctx, ancestor);

          if (ai == NULL)
            break;
          if (!(ai->flags & GLOSS_HTML_INFO_CANDIDATE))
            {
              ai->flags |= GLOSS_HTML_INFO_CANDIDATE;
              ai->score = initial_score (ai);
              g_ptr_array_add (candidates, ancestor);
            }
          ai->score += points / (level == 0 ? 1.0f : level == 1 ? 2.0f : level * 3.0f);
        }
    }
}

static gboolean
is_ancestor (xmlNode *ancestor,
             xmlNode *node)
{
  for (xmlNode *p = node->parent; p != NULL; p = p->parent)
    {
      if (p == ancestor)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_body_or_above (GlossHtmlContext *ctx,
                  xmlNode          *node)
{
  GlossHtmlInfo *info = gloss_html_info (ctx, node);

  return info == NULL || is_structural (info->tag);
}

static void
debug_node (const char       *what,
            GlossHtmlContext *ctx,
            xmlNode          *node)
{
  GlossHtmlInfo *info;
  const char *class_attr;
  const char *id_attr;

  /* G_MESSAGES_DEBUG=gloss-extract-html shows why a container won. */
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) ||
      node->type != XML_ELEMENT_NODE)
    return;

  info = gloss_html_info (ctx, node);
  class_attr = gloss_html_get_attr (node, "class");
  id_attr = gloss_html_get_attr (node, "id");
  g_debug ("%s <%s class=\"%s\" id=\"%s\"> score %.1f text %u links %u prose %u weight %d",
           what, node->name, class_attr ? class_attr : "", id_attr ? id_attr : "",
           info ? info->score : 0.0f, info ? info->text : 0, info ? info->link_text : 0,
           info ? info->prose : 0, info ? info->weight : 0);
}

static xmlNode *
pick_top (GlossHtmlContext *ctx,
          GPtrArray        *candidates)
{
  xmlNode *top = NULL;
  xmlNode *best[5] = { NULL };
  float top_score;
  GlossHtmlInfo *top_info;
  xmlNode *parent;

  for (guint i = 0; i < candidates->len; i++)
    {
      xmlNode *node = g_ptr_array_index (candidates, i);
      GlossHtmlInfo *info = gloss_html_info (ctx, node);

      info->score *= 1.0f - gloss_html_info_link_density (info);

      for (guint j = 0; j < G_N_ELEMENTS (best); j++)
        {
          if (best[j] == NULL || gloss_html_info (ctx, best[j])->score < info->score)
            {
              memmove (&best[j + 1], &best[j], (G_N_ELEMENTS (best) - j - 1) * sizeof best[0]);
              best[j] = node;
              break;
            }
        }
    }

  top = best[0];
  if (top == NULL)
    return NULL;
  for (guint j = 0; j < G_N_ELEMENTS (best) && best[j] != NULL; j++)
    debug_node ("best", ctx, best[j]);
  top_info = gloss_html_info (ctx, top);
  top_score = top_info->score;

  /* Stories cut in pieces by ads or images leave several candidates of
   * similar score: their common container is the story. */
  for (parent = top->parent; !is_body_or_above (ctx, parent); parent = parent->parent)
    {
      guint shared = 0;

      for (guint j = 1; j < G_N_ELEMENTS (best) && best[j] != NULL; j++)
        {
          if (gloss_html_info (ctx, best[j])->score >= top_score * 0.75f &&
              is_ancestor (parent, best[j]))
            shared++;
        }
      /* One close competitor is enough when nothing around them is
       * linky: a story in two halves, not a story and a teaser rail. */
      if (shared >= 2 ||
          (shared == 1 && gloss_html_info_link_density (gloss_html_info (ctx, parent)) < 0.15f))
        {
          top = parent;
          break;
        }
    }

  /* Climb while the parent scores about as well: it holds more of the same
   * story (the lead paragraph in a separate <div>, say). */
  {
    float last_score = gloss_html_info (ctx, top)->score;
    float threshold = last_score / 3.0f;

    for (parent = top->parent; !is_body_or_above (ctx, parent); parent = parent->parent)
      {
        GlossHtmlInfo *pi = gloss_html_info (ctx, parent);

        if (!(pi->flags & GLOSS_HTML_INFO_CANDIDATE))
          continue;
        if (pi->score < threshold)
          break;
        if (pi->score > last_score)
          {
            top = parent;
            break;
          }
        last_score = pi->score;
      }
  }

  while (!is_body_or_above (ctx, top->parent) && xmlChildElementCount (top->parent) == 1)
    top = top->parent;

  return top;
}

static gboolean
ends_sentence (xmlNode *node)
{
  xmlChar *text = xmlNodeGetContent (node);
  gboolean result = FALSE;

  if (text != NULL)
    {
      g_strchomp ((char *) text);
      result = g_str_has_suffix ((const char *) text, ".") ||
               strstr ((const char *) text, ". ") != NULL;
      xmlFree (text);
    }

  return result;
}

static gboolean
same_class (xmlNode *a,
            xmlNode *b)
{
  const char *ca = gloss_html_get_attr (a, "class");
  const char *cb = gloss_html_get_attr (b, "class");

  return ca != NULL && cb != NULL && *ca != '\0' && g_str_equal (ca, cb);
}

/* A table of prices, scores or results beside a story is the page's
 * data, not more of the story: it is made of figures more than of words,
 * in any language. */
static gboolean
is_table_of_figures (GlossHtmlContext *ctx,
                     xmlNode          *node)
{
  GlossHtmlInfo *info = gloss_html_info (ctx, node);
  xmlChar *content;
  guint letters = 0;
  guint digits = 0;

  if (info == NULL || info->tag != GLOSS_HTML_TAG_TABLE)
    return FALSE;

  content = xmlNodeGetContent (node);
  if (content == NULL)
    return FALSE;
  for (const char *p = (const char *) content; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        digits++;
      else if (g_unichar_isalpha (c))
        letters++;
    }
  xmlFree (content);

  return digits >= letters;
}

/* The winner and those of its siblings that continue the story. */
static void
collect_roots (GlossHtmlContext *ctx,
               xmlNode          *top,
               GPtrArray        *roots)
{
  GlossHtmlInfo *top_info = gloss_html_info (ctx, top);
  float threshold = MAX (10.0f, top_info->score * 0.2f);

  if (is_body_or_above (ctx, top) || top->parent == NULL ||
      top->parent->type != XML_ELEMENT_NODE || gloss_html_info (ctx, top->parent) == NULL)
    {
      g_ptr_array_add (roots, top);
      return;
    }

  debug_node ("top", ctx, top);
  for (xmlNode *sibling = top->parent->children; sibling != NULL; sibling = sibling->next)
    {
      GlossHtmlInfo *info;
      float bonus = 0.0f;
      float link_density;

      debug_node ("  sibling", ctx, sibling);
      if (sibling == top)
        {
          g_ptr_array_add (roots, sibling);
          continue;
        }

      info = gloss_html_info (ctx, sibling);
      if (info == NULL || info->text == 0 || is_table_of_figures (ctx, sibling))
        continue;

      link_density = gloss_html_info_link_density (info);
      if (same_class (sibling, top))
        bonus = top_info->score * 0.2f;
      if ((info->flags & GLOSS_HTML_INFO_CANDIDATE) && info->score + bonus >= threshold &&
          link_density < 0.3f)
        {
          g_ptr_array_add (roots, sibling);
          continue;
        }

      if ((info->flags & GLOSS_HTML_INFO_INLINE) || info->weight < 0)
        continue;

      /* A section of the story too deep below the sibling for the scores to
       * reach it: mostly prose, few links. */
      if ((info->flags & GLOSS_HTML_INFO_HAS_BLOCK))
        {
          /* A picture with its caption is not more of the story. */
          if (info->tag == GLOSS_HTML_TAG_FIGURE)
            continue;
          if (info->prose > 80 && info->prose * 10 >= info->text * 7 && link_density < 0.25f)
            g_ptr_array_add (roots, sibling);
          continue;
        }

      if ((info->text > 80 && link_density < 0.25f) ||
          (info->text > 0 && info->text <= 80 && info->link_text == 0 && ends_sentence (sibling)))
        g_ptr_array_add (roots, sibling);
    }
}

static void
find_smallest_holding (GlossHtmlContext  *ctx,
                       xmlNode           *node,
                       guint              prose,
                       xmlNode          **best,
                       guint             *best_text)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      GlossHtmlInfo *info = gloss_html_info (ctx, child);

      if (info == NULL || info->prose < prose)
        continue;
      if (info->text < *best_text)
        {
          *best = child;
          *best_text = info->text;
        }
      find_smallest_holding (ctx, child, prose, best, best_text);
    }
}

/* The JSON-LD articleBody is a cross-check, not the output: it is often
 * truncated, stripped of headings, or stale.  But when the scored container
 * holds far less prose than the page declares its story has, the scores
 * picked a fragment (one section of a long feature, a teaser), and the
 * smallest element holding that much prose is the better guess. */
static void
cross_check_declared_body (GlossHtmlContext *ctx,
                           xmlNode          *root,
                           const char       *declared_body,
                           GPtrArray        *roots)
{
  guint declared = 0;
  guint commas = 0;
  guint kept = 0;
  xmlNode *best = NULL;
  guint best_text = G_MAXUINT;

  if (declared_body == NULL)
    return;
  gloss_html_count_text ((const xmlChar *) declared_body, &declared, &commas);
  if (declared < 1000)
    return;

  for (guint i = 0; i < roots->len; i++)
    {
      GlossHtmlInfo *info = gloss_html_info (ctx, g_ptr_array_index (roots, i));

      kept += info != NULL ? info->prose : 0;
    }
  if (kept * 10 >= declared * 4)
    return;

  find_smallest_holding (ctx, root, declared * 8 / 10, &best, &best_text);
  if (best == NULL || is_body_or_above (ctx, best))
    return;

  debug_node ("declared body suggests", ctx, best);
  g_ptr_array_set_size (roots, 0);
  g_ptr_array_add (roots, best);
}

/* The JSON-LD articleBody paragraph by paragraph, or else a description
 * long enough to be a summary of the story rather than a tagline. */
static void
emit_declared_text (GlossHtmlMetadata *meta,
                    GlossArticle      *article)
{
  guint chars = 0;
  guint commas = 0;

  if (meta->ld_body != NULL)
    {
      g_auto(GStrv) paragraphs = g_strsplit (meta->ld_body, "\n", -1);

      for (guint i = 0; paragraphs[i] != NULL; i++)
        gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, paragraphs[i]);
      if (gloss_article_get_n_blocks (article) > 0)
        return;
    }

  if (meta->description == NULL)
    return;
  gloss_html_count_text ((const xmlChar *) meta->description, &chars, &commas);
  if (chars >= MIN_DECLARED_TEXT && commas >= 1)
    gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, meta->description);
}

GlossArticle *
gloss_extract_html (const char  *utf8,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autofree char *title = NULL;
  GlossHtmlMetadata meta;
  GlossHtmlContext ctx;
  xmlNode *root;
  xmlNode *top;

  g_return_val_if_fail (utf8 != NULL, NULL);

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                           _("The page is too large to be read as HTML"));
      return NULL;
    }

  doc = htmlReadMemory (utf8, (int) length, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE,
                           _("The page could not be read as HTML"));
      return NULL;
    }

  article = gloss_article_new ();
  gloss_html_metadata_init (&meta);
  gloss_html_metadata_collect (&meta, doc);
  gloss_html_metadata_apply (&meta, article);
  title = g_strdup (gloss_article_get_title (article));

  memset (&ctx, 0, sizeof ctx);
  ctx.infos = g_array_sized_new (FALSE, FALSE, sizeof (GlossHtmlInfo), 4096);
  candidates = g_ptr_array_new ();
  roots = g_ptr_array_new ();

  if (measure (&ctx, root, FALSE) != 0)
    {
      score_units (&ctx, root, candidates);
      top = pick_top (&ctx, candidates);
      if (top != NULL)
        collect_roots (&ctx, top, roots);
      else if (gloss_html_info (&ctx, root) != NULL)
        g_ptr_array_add (roots, root);
      cross_check_declared_body (&ctx, root, meta.ld_body, roots);
    }

  if (roots->len > 0)
    gloss_html_emit_blocks (&ctx, (xmlNode **) roots->pdata, roots->len, title,
                            gloss_article_get_byline (article), article);

  /* A page drawn by its scripts has no story in its markup; what it
   * declares about itself is then all there is to read. */
  if (gloss_article_get_n_blocks (article) == 0)
    emit_declared_text (&meta, article);

  g_array_unref (ctx.infos);
  gloss_html_metadata_clear (&meta);

  if (gloss_article_get_n_blocks (article) == 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE,
                           _("No article text was found on this page"));
      return NULL;
    }

  return g_steal_pointer (&article);
}

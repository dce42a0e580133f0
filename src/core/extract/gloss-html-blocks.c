/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-html"

#include "config.h"

#include <string.h>

#include "gloss-html-private.h"
#include "gloss-text-normalize.h"

/* Turns the kept part of the page into typed blocks.  Running text (text
 * nodes and inline elements) is joined exactly as written, so "foo<a>bar</a>"
 * stays one word and "foo <em>bar</em>" two; block elements end a block; two
 * <br> in a row end a paragraph.  Each finished block is checked once more
 * against in-article boilerplate: link lists, "Advertisement" labels, the
 * headline and byline repeated, share and newsletter prompts. */

typedef struct
{
  GlossHtmlContext *ctx;
  GlossArticle *article;
  GString *text;
  guint chars;
  guint link_chars;
  gboolean pending_br;
  char *title_folded;
  gsize title_length;
  char *byline_folded;
  gboolean after_label;      /* the last block was a "Related stories" label */
} Emitter;

/* Short blocks starting with one of these phrases are labels and prompts,
 * not part of the story.  Lowercase, compared on whole words. */
static const char *const boilerplate_phrases[] = {
  /* ads and sponsorship */
  "advertisement", "advertising", "advert", "sponsored", "skip advertisement",
  "story continues below", "article continues below", "continue reading",
  /* pointers to other pages */
  "read more", "read also", "also read", "read next", "related", "more on this", "more from",
  "more stories", "more:", "see also", "see more", "most popular", "most read", "trending",
  "recommended", "you may also like", "you might also like", "editor's picks",
  "editors' picks", "what to read next", "next article", "previous article", "back to",
  "watch:", "listen:",
  /* sharing, accounts, comments */
  "share this", "share on", "share", "sign up", "subscribe", "click here", "follow us",
  "log in", "sign in", "register", "leave a comment", "comments", "join the conversation",
  "newsletter", "get our", "download the", "report an error", "submit a correction",
  /* pictures and page tools */
  "image copyright", "image caption", "media caption", "photo:", "photograph:",
  "getty images", "courtesy of", "text size", "font size", "print this", "print article",
  "please enable javascript", "enable javascript", "javascript is disabled",
  "this slideshow requires", "your browser does not support",
  /* credits and notices */
  "about the author", "about the writer", "reporting by", "additional reporting by",
  "editing by", "compiled by", "written by", "copyright", "\xc2\xa9", "reading time",
  "tags:", "topics:", "this article is more than",
  /* the reading time in the languages of the pages Gloss meets most */
  "tempo de leitura", "tiempo de lectura", "temps de lecture", "tempo di lettura", "lesezeit",
  "leestijd", "czas czytania",
  /* ads, pointers and sharing in the other languages of the dev sets */
  "anzeige", "werbung", "publicité", "publicidad", "publicidade", "pubblicità", "reklama",
  "advertentie", "annons", "annonce", "iklan", "reklam", "lesen sie auch", "mehr zum thema",
  "lire aussi", "à lire aussi", "leia também", "leia mais", "lee también", "leer más",
  "leggi anche", "lees ook", "czytaj także", "czytaj też", "zobacz także", "zobacz też",
  "čtěte také", "läs också", "læs også", "les også", "baca juga", "berita terkait",
  "ilgili haberler", "partager", "compartir", "compartilhe", "condividi", "bagikan",
};

/* Anywhere in a short block: the author's contact line, the reporting
 * credits, the reading time. */
static const char *const trailer_markers[] = {
  "contributed to this report", "contributed reporting", "min read", "minute read",
  "minutes read", "all rights reserved", "subject to copyright", "copyright \xc2\xa9",
};

/* Calls to action that stay boilerplate even as a full sentence. */
static const char *const prompt_phrases[] = {
  "subscribe", "sign up", "click here", "follow us", "follow @", "don't miss",
  "get the latest", "want more", "support our", "download our", "download the",
};

/* Last words of labels that introduce lists of other articles:
 * "More Great Stories", "Related Articles", "Latest Headlines". */
static const char *const label_nouns[] = {
  "stories", "articles", "posts", "reads", "videos", "links", "coverage", "headlines",
};

static gboolean
ends_with_sentence_mark (const char *text)
{
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == '"' || text[len - 1] == ')' || text[len - 1] == '\''))
    len--;
  if (len == 0)
    return FALSE;
  if (strchr (".!?:;", text[len - 1]) != NULL)
    return TRUE;
  /* Closing curly quotes and ellipsis. */
  return len >= 3 && (memcmp (text + len - 3, "\xe2\x80\x9d", 3) == 0 ||
                      memcmp (text + len - 3, "\xe2\x80\xa6", 3) == 0);
}

static gboolean
starts_with_phrase (const char *lower,
                    const char *phrase)
{
  gsize len = strlen (phrase);

  if (strncmp (lower, phrase, len) != 0)
    return FALSE;
  return !g_ascii_isalnum (lower[len]);
}

static gboolean
is_list_label (const char *lower)
{
  const char *last_word;
  guint words = 1;
  gsize len = strlen (lower);

  if (len == 0 || len > 50 || strchr (".!?,;", lower[len - 1]) != NULL)
    return FALSE;
  for (const char *p = lower; *p != '\0'; p++)
    {
      if (*p == ' ')
        words++;
    }
  if (words > 6)
    return FALSE;

  last_word = strrchr (lower, ' ');
  last_word = last_word != NULL ? last_word + 1 : lower;
  for (guint i = 0; i < G_N_ELEMENTS (label_nouns); i++)
    {
      if (strcmp (last_word, label_nouns[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_word (const char *lower,
          const char *word)
{
  gsize len = strlen (word);

  for (const char *p = strstr (lower, word); p != NULL; p = strstr (p + 1, word))
    {
      if ((p == lower || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[len]))
        return TRUE;
    }

  return FALSE;
}

/* "Follow her on Twitter @jdoe", "Reach the reporter on Twitter at …",
 * "Follow our full coverage at https://…". */
static gboolean
is_social_pointer (const char *lower)
{
  gboolean verb = has_word (lower, "follow") || strstr (lower, "be reached") != NULL ||
                  strstr (lower, "reach the reporter") != NULL ||
                  strstr (lower, "reach the writer") != NULL ||
                  strstr (lower, "reach the author") != NULL;
  gboolean where = strstr (lower, "twitter") != NULL || strstr (lower, "facebook") != NULL ||
                   strstr (lower, "instagram") != NULL || strstr (lower, "http") != NULL ||
                   strstr (lower, "@") != NULL;

  return verb && where && strlen (lower) < 200;
}

static gboolean
is_boilerplate_text (const char *text,
                     glong       length)
{
  g_autofree char *lower = NULL;

  if (length > 250)
    return FALSE;

  lower = g_utf8_strdown (text, -1);
  /* Curly apostrophes as straight ones, for "editor’s picks". */
  for (char *p = lower; (p = strstr (p, "\xe2\x80\x99")) != NULL;)
    {
      *p = '\'';
      memmove (p + 1, p + 3, strlen (p + 3) + 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (trailer_markers); i++)
    {
      if (strstr (lower, trailer_markers[i]) != NULL)
        return TRUE;
    }

  if (is_social_pointer (lower))
    return TRUE;

  if (length > 100)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (prompt_phrases); i++)
    {
      if (starts_with_phrase (lower, prompt_phrases[i]))
        return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (boilerplate_phrases); i++)
    {
      /* "Share prices fell." is a sentence, "Share this story" a label. */
      if (starts_with_phrase (lower, boilerplate_phrases[i]))
        return length < 25 || !ends_with_sentence_mark (lower);
    }

  return is_list_label (lower);
}


static gboolean
is_digit_run (const char *p,
              guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
    }
  return TRUE;
}

/* A timestamp line: "Nov. 20, 2019 6:02 AM EST", "2019-11-20 17:27:46
 * Jane Doe".  Both a date and a clock time, in a short line. */
/* What is left of a caption that was only a credit: "Getty", "Jane Doe/
 * Agency/", "© Studio". */
static gboolean
is_credit_caption (const char *text)
{
  guint words = 1;

  if (strstr (text, "\xc2\xa9") != NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        words++;
    }
  if (words <= 3 && !ends_with_sentence_mark (text))
    return TRUE;

  return g_str_has_suffix (text, "/");
}

static gboolean
is_timestamp_text (const char *text)
{
  gboolean clock = FALSE;
  gboolean date = FALSE;
  gsize len = strlen (text);

  if (len > 80 || ends_with_sentence_mark (text))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && p[1] == ':' && is_digit_run (p + 2, 2))
        clock = TRUE;
      if ((p == text || !g_ascii_isdigit (p[-1])) && is_digit_run (p, 4) &&
          (p[0] == '1' || p[0] == '2') && !g_ascii_isdigit (p[4]))
        date = TRUE;
    }

  return clock && date;
}

/* Slideshow counters: "Image 1 of 5", "3 of 12", "Photo 2/9". */
static gboolean
is_counter_text (const char *text)
{
  guint digits = 0;
  guint words = 1;
  gboolean has_of = FALSE;

  if (strlen (text) > 24)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == ' ')
        words++;
      else if (*p == '/')
        has_of = TRUE;
    }
  if (strstr (text, " of ") != NULL)
    has_of = TRUE;

  return digits > 0 && has_of && words <= 4;
}

/* Picture credits left in the story: "Jane Doe | Getty Images",
 * "(Photo: AP)". */
static const char *const credit_markers[] = {
  "getty images", "shutterstock", "ap photo", "photo credit", "image credit", "photo by ",
  "photograph by ", "(photo:", "photo:", "image:", "credit:", "illustration:", "pictured:",
  "reuters/", "afp/", "afp via getty", "/ap", "associated press/", "file photo",
};

static gboolean
is_credit_text (const char *text,
                glong       length)
{
  g_autofree char *lower = NULL;

  if (length > 80)
    return FALSE;

  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (credit_markers); i++)
    {
      if (strstr (lower, credit_markers[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* "The pier at dawn. Photo: Jane Doe" → "The pier at dawn.": the credit
 * goes, the caption stays. */
static void
strip_caption_credit (char *text)
{
  static const char *const markers[] = {
    "photo:", "photograph:", "credit:", "image:", "picture:", "(photo", "photo by ",
    "photograph by ", "(image", "(credit", "getty images", "shutterstock",
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *cut = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *found = strstr (lower, markers[i]);

      if (found != NULL && (cut == NULL || found < cut))
        cut = found;
    }

  if (cut == NULL || cut == lower)
    return;

  text[cut - lower] = '\0';
  g_strchomp (text);
  /* A credit in the middle ("Photo: X. The pier at dawn.") is left alone. */
}


static const char *const byline_openers[] = {
  "by ", "von ", "par ", "por ", "door ", "oleh ", "af ", "av ", "autor: ", "autorin: ",
};

/* "By Jane Doe", "By Jane Doe, Reuters": the byline as a paragraph. */
static gboolean
is_byline_text (Emitter    *e,
                const char *text,
                glong       length)
{
  if (length > 120 || ends_with_sentence_mark (text))
    return FALSE;

  if (e->byline_folded != NULL && *e->byline_folded != '\0')
    {
      g_autofree char *folded = gloss_html_fold (text);

      if (strstr (folded, e->byline_folded) != NULL &&
          strlen (folded) < strlen (e->byline_folded) + 40)
        return TRUE;
    }

  if (length >= 60)
    return FALSE;
  /* "By", and the same word in the other languages of the dev sets */
  for (guint i = 0; i < G_N_ELEMENTS (byline_openers); i++)
    {
      gsize n = strlen (byline_openers[i]);

      if (g_ascii_strncasecmp (text, byline_openers[i], n) == 0 && g_ascii_isupper (text[n]))
        return TRUE;
    }
  return FALSE;
}

static void
flush (Emitter        *e,
       GlossBlockKind  kind)
{
  g_autofree char *text = NULL;
  glong length;
  gboolean keep = TRUE;
  gboolean label = FALSE;

  if (e->chars == 0)
    goto reset;

  text = gloss_text_normalize (e->text->str, e->text->len);
  if (*text == '\0')
    goto reset;
  if (kind == GLOSS_BLOCK_CAPTION)
    strip_caption_credit (text);
  length = g_utf8_strlen (text, -1);

  /* A block that is mostly a link points elsewhere: "Read more: …", a
   * related story, a tag. */
  if (kind != GLOSS_BLOCK_PREFORMATTED &&
      (e->link_chars * 4 > e->chars * 3 ||
       (e->link_chars * 2 > e->chars && e->chars - e->link_chars < 30)))
    keep = FALSE;
  else if (is_counter_text (text) || is_credit_text (text, length) || is_timestamp_text (text))
    keep = FALSE;
  else if (kind == GLOSS_BLOCK_CAPTION && is_credit_caption (text))
    keep = FALSE;
  else if (is_boilerplate_text (text, length))
    {
      keep = FALSE;
      label = TRUE;
    }
  else if (kind != GLOSS_BLOCK_HEADING && is_byline_text (e, text, length))
    keep = FALSE;
  else if (e->title_folded != NULL && length < 400 &&
           (gsize) length * 2 + 8 >= e->title_length && (gsize) length <= e->title_length * 2 + 8)
    {
      g_autofree char *folded = gloss_html_fold (text);

      if (g_str_equal (folded, e->title_folded))
        keep = FALSE;
    }

  if (keep)
    gloss_article_append_block (e->article, kind, text);
  e->after_label = label || (!keep && e->after_label);

reset:
  g_string_truncate (e->text, 0);
  e->chars = 0;
  e->link_chars = 0;
  e->pending_br = FALSE;
}

static void
append_text (Emitter       *e,
             const xmlChar *content,
             gboolean       in_link)
{
  guint chars = 0;
  guint commas = 0;

  gloss_html_count_text (content, &chars, &commas);
  g_string_append (e->text, (const char *) content);
  e->chars += chars;
  if (in_link)
    e->link_chars += chars;
  if (chars > 0)
    e->pending_br = FALSE;
}

/* Containers inside the story that are not the story: a list of links, a
 * box whose class says author card or image credit. */
static gboolean
skip_container (const GlossHtmlInfo *info)
{
  float link_density = gloss_html_info_link_density (info);

  if (info->weight < 0 && info->prose < 200)
    return TRUE;

  switch ((GlossHtmlTag) info->tag)
    {
    case GLOSS_HTML_TAG_UL:
    case GLOSS_HTML_TAG_OL:
    case GLOSS_HTML_TAG_DL:
    case GLOSS_HTML_TAG_DIV:
    case GLOSS_HTML_TAG_SECTION:
    case GLOSS_HTML_TAG_TABLE:
    case GLOSS_HTML_TAG_ASIDE:
    case GLOSS_HTML_TAG_FIGURE:
      return link_density > 0.5f && info->commas < 10;
    default:
      return FALSE;
    }
}

static GlossBlockKind
kind_for (GlossHtmlTag   tag,
          GlossBlockKind inherited)
{
  switch (tag)
    {
    case GLOSS_HTML_TAG_H1:
    case GLOSS_HTML_TAG_H2:
    case GLOSS_HTML_TAG_H3:
    case GLOSS_HTML_TAG_H4:
    case GLOSS_HTML_TAG_H5:
    case GLOSS_HTML_TAG_H6:
      return GLOSS_BLOCK_HEADING;
    case GLOSS_HTML_TAG_BLOCKQUOTE:
      return GLOSS_BLOCK_QUOTE;
    case GLOSS_HTML_TAG_LI:
    case GLOSS_HTML_TAG_DT:
    case GLOSS_HTML_TAG_DD:
      return inherited == GLOSS_BLOCK_QUOTE ? inherited : GLOSS_BLOCK_LIST_ITEM;
    case GLOSS_HTML_TAG_PRE:
      return GLOSS_BLOCK_PREFORMATTED;
    case GLOSS_HTML_TAG_FIGCAPTION:
    case GLOSS_HTML_TAG_CAPTION:
    case GLOSS_HTML_TAG_FIGURE:
      return GLOSS_BLOCK_CAPTION;
    default:
      return inherited;
    }
}

static void walk (Emitter        *e,
                  xmlNode        *node,
                  GlossBlockKind  kind,
                  gboolean        in_link);

static gboolean
is_blank_text (const xmlChar *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The first child of @card that has text (the link or words the sentence
 * shows), as walk() would emit it. */
static void
emit_first_visible_piece (Emitter        *e,
                          xmlNode        *card,
                          GlossBlockKind  kind,
                          gboolean        in_link)
{
  for (xmlNode *child = card->children; child != NULL; child = child->next)
    {
      GlossHtmlInfo *info;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL && !is_blank_text (child->content))
            {
              append_text (e, child->content, in_link);
              return;
            }
          continue;
        }

      info = gloss_html_info (e->ctx, child);
      if (info != NULL && info->text > 0 && (info->flags & GLOSS_HTML_INFO_INLINE))
        {
          walk (e, child, kind, in_link || info->tag == GLOSS_HTML_TAG_A);
          return;
        }
    }
}

static void
walk (Emitter        *e,
      xmlNode        *node,
      GlossBlockKind  kind,
      gboolean        in_link)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      GlossHtmlInfo *info;
      GlossHtmlTag tag;
      GlossBlockKind child_kind;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            append_text (e, child->content, in_link);
          continue;
        }

      info = gloss_html_info (e->ctx, child);
      if (info == NULL)
        continue;
      tag = info->tag;

      if (tag == GLOSS_HTML_TAG_BR)
        {
          if (e->pending_br)
            flush (e, kind);
          else
            {
              g_string_append_c (e->text, '\n');
              e->pending_br = TRUE;
            }
          continue;
        }

      if (info->flags & GLOSS_HTML_INFO_INLINE)
        {
          /* A run of links hidden inside a sentence: the hover card of a
           * person or a tag cloud the page shows on demand.  Its first piece
           * is what the sentence shows ("Gov. <name>"), the rest the card. */
          if (tag != GLOSS_HTML_TAG_A && info->text >= 100 && info->n_links >= 3 &&
              info->link_text * 10 >= info->text * 9)
            {
              emit_first_visible_piece (e, child, kind, in_link);
              g_string_append_c (e->text, ' ');
              continue;
            }
          walk (e, child, kind, in_link || tag == GLOSS_HTML_TAG_A);
          continue;
        }

      /* Cells of a data table read as one line per row. */
      if ((tag == GLOSS_HTML_TAG_TD || tag == GLOSS_HTML_TAG_TH) &&
          !(info->flags & GLOSS_HTML_INFO_HAS_BLOCK))
        {
          g_string_append_c (e->text, ' ');
          walk (e, child, kind, in_link);
          g_string_append_c (e->text, ' ');
          continue;
        }

      /* The list of links a "Related stories" label introduced. */
      if (e->after_label && e->chars == 0 &&
          (tag == GLOSS_HTML_TAG_UL || tag == GLOSS_HTML_TAG_OL ||
           gloss_html_info_link_density (info) > 0.3f))
        {
          e->after_label = FALSE;
          continue;
        }

      if (info->text == 0 || skip_container (info))
        {
          /* Still a boundary: text either side must not be glued. */
          if (info->text == 0 && tag != GLOSS_HTML_TAG_HR)
            g_string_append_c (e->text, ' ');
          else
            flush (e, kind);
          continue;
        }

      child_kind = (info->flags & GLOSS_HTML_INFO_CAPTION) ? GLOSS_BLOCK_CAPTION
                                                            : kind_for (tag, kind);
      flush (e, kind);
      walk (e, child, child_kind, in_link);
      flush (e, child_kind);
    }
}

void
gloss_html_emit_blocks (GlossHtmlContext  *ctx,
                        xmlNode          **roots,
                        guint              n_roots,
                        const char        *title,
                        const char        *byline,
                        GlossArticle      *article)
{
  Emitter e = {
    .ctx = ctx,
    .article = article,
    .text = g_string_sized_new (1024),
    .title_folded = gloss_html_fold (title),
    .byline_folded = gloss_html_fold (byline),
  };

  if (e.title_folded != NULL)
    e.title_length = g_utf8_strlen (e.title_folded, -1);

  for (guint i = 0; i < n_roots; i++)
    {
      GlossHtmlInfo *info = gloss_html_info (ctx, roots[i]);
      GlossBlockKind kind = info != NULL ? kind_for (info->tag, GLOSS_BLOCK_PARAGRAPH)
                                         : GLOSS_BLOCK_PARAGRAPH;

      flush (&e, kind);
      if (info != NULL && (info->flags & GLOSS_HTML_INFO_INLINE))
        {
          /* A lone <span> or custom element continuing the story. */
          walk (&e, roots[i], kind, info->tag == GLOSS_HTML_TAG_A);
        }
      else
        {
          walk (&e, roots[i], kind, FALSE);
        }
      flush (&e, kind);
    }

  g_string_free (e.text, TRUE);
  g_free (e.title_folded);
  g_free (e.byline_folded);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-html"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "gloss-html-private.h"
#include "gloss-text-normalize.h"
#include "gloss-extract-date.h"

/* Article metadata from what the page declares about itself: JSON-LD,
 * Open Graph and other <meta> tags, <link rel=canonical>, <time>, <title>
 * and <html lang>.  When several sources give a value the most specific
 * wins, whatever order they appear in, hence a priority per field. */

typedef struct
{
  GlossHtmlMetadata *meta;
  GlossHtmlTagCache tag_cache;
  int byline_prio;
  int published_prio;
  int site_prio;
  int language_prio;
  int url_prio;
  gboolean have_ld_article;
} Collector;

enum { PRIO_WEAK = 1, PRIO_META = 2, PRIO_STRONG = 3, PRIO_LD = 4 };

void
gloss_html_metadata_init (GlossHtmlMetadata *meta)
{
  memset (meta, 0, sizeof *meta);
  meta->h1s = g_ptr_array_new_with_free_func (g_free);
}

void
gloss_html_metadata_clear (GlossHtmlMetadata *meta)
{
  g_clear_pointer (&meta->doc_title, g_free);
  g_clear_pointer (&meta->og_title, g_free);
  g_clear_pointer (&meta->ld_headline, g_free);
  g_clear_pointer (&meta->meta_title, g_free);
  g_clear_pointer (&meta->h1s, g_ptr_array_unref);
  g_clear_pointer (&meta->site_name, g_free);
  g_clear_pointer (&meta->byline, g_free);
  g_clear_pointer (&meta->published, g_free);
  g_clear_pointer (&meta->language, g_free);
  g_clear_pointer (&meta->url, g_free);
  g_clear_pointer (&meta->ld_body, g_free);
  g_clear_pointer (&meta->description, g_free);
}

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (const char *p = value; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return TRUE;
}

static void
set_field (char       **field,
           int         *prio,
           const char  *value,
           int          value_prio)
{
  if (is_blank (value) || (*field != NULL && *prio >= value_prio))
    return;

  g_free (*field);
  *field = gloss_text_normalize (value, -1);
  *prio = value_prio;
}

static void
set_once (char       **field,
          const char  *value)
{
  if (*field == NULL && !is_blank (value))
    *field = gloss_text_normalize (value, -1);
}

static gboolean
looks_like_url (const char *value)
{
  return g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://") ||
         g_str_has_prefix (value, "//");
}

/* The word for "by" in a few languages, before a capitalised name. */
static const char *
strip_by (const char *text)
{
  static const char *const prefixes[] = {
    "by ", "par ", "von ", "por ", "door ", "av ", "af ", "di ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize len = strlen (prefixes[i]);

      if (g_ascii_strncasecmp (text, prefixes[i], len) == 0 &&
          g_unichar_isupper (g_utf8_get_char (text + len)))
        return text + len;
    }

  return text;
}

/* "By Jane Doe and John Roe" → "Jane Doe and John Roe"; URLs (Facebook
 * profile links in article:author) are not names. */
static void
set_byline (Collector  *c,
            const char *value,
            int         prio)
{
  g_autofree char *normalized = NULL;
  const char *name;

  if (is_blank (value))
    return;
  normalized = gloss_text_normalize (value, -1);
  if (looks_like_url (normalized))
    return;

  name = strip_by (normalized);
  set_field (&c->meta->byline, &c->byline_prio, name, prio);
}

/* One shape for every date: seconds, and "Z" or a "+05:30" offset.
 * Placeholder dates ("0001-01-01", the epoch) mean unknown. */
static char *
format_date_time (GDateTime *date_time)
{
  if (g_date_time_get_year (date_time) < 1991)
    return NULL;
  if (g_date_time_get_utc_offset (date_time) == 0)
    return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%SZ");
  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Dates not in ISO 8601 that pages still put in their metadata:
 * "Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)" (what
 * JavaScript's Date.toString() writes), "Mon, 18 Nov 2019 16:07:38 -0600"
 * (RFC 2822), "November 19, 2019", "19 Nov 2019 07:09 GMT".  The day comes
 * from gloss_text_find_date(); the time is kept only with its offset, as
 * a time in an unknown zone is not a time.  "10/05/2022", where either
 * number could be the month, is not a date Gloss knows. */
static char *
parse_loose_date (const char *text)
{
  g_autoptr(GRegex) ambiguous = NULL;
  g_autoptr(GRegex) clock = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *day = NULL;

  ambiguous = g_regex_new ("^\\s*(0?[1-9]|1[0-2])[/.-](0?[1-9]|1[0-2])[/.-]\\d{4}\\b", 0, 0, NULL);
  if (g_regex_match (ambiguous, text, 0, NULL))
    {
      g_auto(GStrv) parts = g_regex_split_simple ("[/.-]", text, 0, 0);

      if (parts[0] != NULL && parts[1] != NULL && atoi (parts[0]) != atoi (parts[1]))
        return NULL;
    }

  if (!gloss_text_find_date (text, &day))
    return NULL;

  clock = g_regex_new ("\\b(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(?:(?:GMT|UTC)?\\s*([+-])(\\d{2}):?(\\d{2})\\b|(GMT|UTC|Z)\\b)",
                       0, 0, NULL);
  if (g_regex_match (clock, text, 0, &match))
    {
      g_autofree char *hour = g_match_info_fetch (match, 1);
      g_autofree char *minute = g_match_info_fetch (match, 2);
      g_autofree char *second = g_match_info_fetch (match, 3);
      g_autofree char *sign = g_match_info_fetch (match, 4);
      g_autofree char *off_h = g_match_info_fetch (match, 5);
      g_autofree char *off_m = g_match_info_fetch (match, 6);
      g_autofree char *iso = NULL;
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) parsed = NULL;

      if (sign != NULL && *sign != '\0')
        iso = g_strdup_printf ("%sT%02d:%s:%s%s%s:%s", day, atoi (hour), minute,
                               second != NULL && *second != '\0' ? second : "00", sign, off_h, off_m);
      else
        iso = g_strdup_printf ("%sT%02d:%s:%sZ", day, atoi (hour), minute,
                               second != NULL && *second != '\0' ? second : "00");
      parsed = g_date_time_new_from_iso8601 (iso, utc);
      if (parsed != NULL)
        return format_date_time (parsed);
    }

  return g_steal_pointer (&day);
}

/* Dates are kept in ISO 8601, rewritten in one shape. */
static void
set_published (Collector  *c,
               const char *value,
               int         prio)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *formatted = NULL;

  if (is_blank (value) || (c->meta->published != NULL && c->published_prio >= prio))
    return;

  trimmed = g_strstrip (g_strdup (value));
  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (trimmed, utc);
  if (parsed != NULL)
    {
      formatted = format_date_time (parsed);
    }
  else if (strlen (trimmed) == 10 && g_ascii_isdigit (trimmed[0]) && trimmed[4] == '-' &&
           trimmed[7] == '-')
    {
      formatted = g_strdup (trimmed);
    }
  else
    {
      /* "2019-11-19 10:00:00" is common and only lacks the "T". */
      g_autofree char *with_t = g_strdup (trimmed);

      if (strlen (with_t) > 10 && with_t[10] == ' ')
        {
          g_autoptr(GDateTime) retried = NULL;

          with_t[10] = 'T';
          retried = g_date_time_new_from_iso8601 (with_t, utc);
          if (retried != NULL)
            formatted = format_date_time (retried);
        }
      if (formatted == NULL)
        formatted = parse_loose_date (trimmed);
    }

  if (formatted != NULL)
    set_field (&c->meta->published, &c->published_prio, formatted, prio);
}

/* "en_US" (Open Graph) → "en-US" (BCP 47, as <html lang> has it). */
static void
set_language (Collector  *c,
              const char *value,
              int         prio)
{
  g_autofree char *tag = NULL;

  if (is_blank (value))
    return;
  tag = g_strstrip (g_strdup (value));
  g_strdelimit (tag, "_", '-');
  set_field (&c->meta->language, &c->language_prio, tag, prio);
}

static void
set_url (Collector  *c,
         const char *value,
         int         prio)
{
  /* Only an absolute address can be opened later; "/news/1" cannot. */
  if (value == NULL ||
      !(g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://")))
    return;
  set_field (&c->meta->url, &c->url_prio, value, prio);
}

/* JSON-LD */

static const char *
json_object_get_string (JsonObject *object,
                        const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
type_is_article (const char *type)
{
  return type != NULL &&
         (g_str_has_suffix (type, "Article") || g_str_equal (type, "BlogPosting") ||
          g_str_equal (type, "LiveBlogPosting") || g_str_equal (type, "Report"));
}

static gboolean
object_is_article (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              type_is_article (json_node_get_string (element)))
            return TRUE;
        }
      return FALSE;
    }

  return JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING &&
         type_is_article (json_node_get_string (type));
}

/* Appends the name(s) in a JSON-LD author: a string, a Person, or an array
 * of either. */
static void
append_names (GString  *names,
              JsonNode *node,
              guint     depth)
{
  const char *name = NULL;

  if (node == NULL || depth > 2)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        append_names (names, json_array_get_element (array, i), depth + 1);
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    name = json_object_get_string (json_node_get_object (node), "name");
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    name = json_node_get_string (node);

  if (is_blank (name) || looks_like_url (name))
    return;
  if (names->len > 0)
    g_string_append (names, ", ");
  g_string_append (names, name);
}

static void
take_ld_article (Collector  *c,
                 JsonObject *article)
{
  JsonNode *node;
  const char *value;

  c->have_ld_article = TRUE;

  set_once (&c->meta->ld_headline, json_object_get_string (article, "headline"));
  if (c->meta->ld_headline == NULL)
    set_once (&c->meta->ld_headline, json_object_get_string (article, "name"));

  node = json_object_get_member (article, "author");
  if (node != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      append_names (names, node, 0);
      set_byline (c, names->str, PRIO_LD);
    }

  set_published (c, json_object_get_string (article, "datePublished"), PRIO_LD);
  set_language (c, json_object_get_string (article, "inLanguage"), PRIO_STRONG - 1);

  node = json_object_get_member (article, "publisher");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
      (value = json_object_get_string (json_node_get_object (node), "name")) != NULL &&
      !looks_like_url (value))
    set_field (&c->meta->site_name, &c->site_prio, value, PRIO_META);

  value = json_object_get_string (article, "url");
  set_url (c, value, PRIO_WEAK);

  value = json_object_get_string (article, "articleBody");
  if (value != NULL && c->meta->ld_body == NULL)
    c->meta->ld_body = g_strdup (value);
}

static void
visit_ld (Collector *c,
          JsonNode  *node,
          guint      depth)
{
  if (node == NULL || depth > 4 || c->have_ld_article)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && !c->have_ld_article; i++)
        visit_ld (c, json_array_get_element (array, i), depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (object_is_article (object))
        {
          take_ld_article (c, object);
          return;
        }
      visit_ld (c, json_object_get_member (object, "@graph"), depth + 1);
      visit_ld (c, json_object_get_member (object, "mainEntity"), depth + 1);
    }
}

static void
parse_ld_json (Collector *c,
               xmlNode   *script)
{
  g_autoptr(JsonParser) parser = NULL;
  xmlChar *text;

  if (c->have_ld_article)
    return;

  text = xmlNodeGetContent (script);
  if (text == NULL)
    return;

  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, (const char *) text, -1, NULL))
    visit_ld (c, json_parser_get_root (parser), 0);
  xmlFree (text);
}

/* <meta> */

static void
take_meta (Collector *c,
           xmlNode   *node)
{
  const char *key = gloss_html_get_attr (node, "property");
  const char *content = gloss_html_get_attr (node, "content");
  GlossHtmlMetadata *meta = c->meta;

  if (key == NULL)
    key = gloss_html_get_attr (node, "name");
  if (key == NULL)
    key = gloss_html_get_attr (node, "itemprop");
  if (key == NULL)
    {
      key = gloss_html_get_attr (node, "http-equiv");
      if (key != NULL && g_ascii_strcasecmp (key, "content-language") == 0)
        set_language (c, content, PRIO_WEAK);
      return;
    }
  if (content == NULL)
    return;

  if (g_ascii_strcasecmp (key, "og:title") == 0)
    set_once (&meta->og_title, content);
  else if (g_ascii_strcasecmp (key, "twitter:title") == 0 ||
           g_ascii_strcasecmp (key, "headline") == 0 ||
           g_ascii_strcasecmp (key, "sailthru.title") == 0)
    set_once (&meta->meta_title, content);
  else if (g_ascii_strcasecmp (key, "og:description") == 0 ||
           g_ascii_strcasecmp (key, "description") == 0 ||
           g_ascii_strcasecmp (key, "twitter:description") == 0)
    set_once (&meta->description, content);
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0 && !looks_like_url (content))
    set_field (&meta->site_name, &c->site_prio, content, PRIO_STRONG);
  else if (g_ascii_strcasecmp (key, "application-name") == 0)
    set_field (&meta->site_name, &c->site_prio, content, PRIO_WEAK);
  else if (g_ascii_strcasecmp (key, "author") == 0 ||
           g_ascii_strcasecmp (key, "article:author") == 0 ||
           g_ascii_strcasecmp (key, "byl") == 0 ||
           g_ascii_strcasecmp (key, "dc.creator") == 0 ||
           g_ascii_strcasecmp (key, "parsely-author") == 0 ||
           g_ascii_strcasecmp (key, "sailthru.author") == 0)
    set_byline (c, content, PRIO_META);
  else if (g_ascii_strcasecmp (key, "article:published_time") == 0 ||
           g_ascii_strcasecmp (key, "datePublished") == 0)
    set_published (c, content, PRIO_STRONG);
  else if (g_ascii_strcasecmp (key, "og:published_time") == 0 ||
           g_ascii_strcasecmp (key, "pubdate") == 0 ||
           g_ascii_strcasecmp (key, "publishdate") == 0 ||
           g_ascii_strcasecmp (key, "publish-date") == 0 ||
           g_ascii_strcasecmp (key, "date") == 0 ||
           g_ascii_strcasecmp (key, "dc.date") == 0 ||
           g_ascii_strcasecmp (key, "dc.date.issued") == 0 ||
           g_ascii_strcasecmp (key, "parsely-pub-date") == 0 ||
           g_ascii_strcasecmp (key, "sailthru.date") == 0)
    set_published (c, content, PRIO_META);
  else if (g_ascii_strcasecmp (key, "og:url") == 0)
    set_url (c, content, PRIO_META);
  else if (g_ascii_strcasecmp (key, "og:locale") == 0)
    set_language (c, content, PRIO_WEAK);
}

static void
collect (Collector *c,
         xmlNode   *node)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      GlossHtmlTag tag;
      const char *value;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      tag = gloss_html_tag_lookup (&c->tag_cache, child->name);
      switch (tag)
        {
        case GLOSS_HTML_TAG_HTML:
          set_language (c, gloss_html_get_attr (child, "lang"), PRIO_STRONG);
          set_language (c, gloss_html_get_attr (child, "xml:lang"), PRIO_STRONG);
          break;

        case GLOSS_HTML_TAG_TITLE:
          if (c->meta->doc_title == NULL)
            {
              xmlChar *text = xmlNodeGetContent (child);

              set_once (&c->meta->doc_title, (const char *) text);
              xmlFree (text);
            }
          continue;

        case GLOSS_HTML_TAG_META:
          take_meta (c, child);
          continue;

        case GLOSS_HTML_TAG_LINK:
          value = gloss_html_get_attr (child, "rel");
          if (value != NULL && g_ascii_strcasecmp (value, "canonical") == 0)
            set_url (c, gloss_html_get_attr (child, "href"), PRIO_STRONG);
          continue;

        case GLOSS_HTML_TAG_SCRIPT:
          value = gloss_html_get_attr (child, "type");
          if (value != NULL && g_ascii_strcasecmp (value, "application/ld+json") == 0)
            parse_ld_json (c, child);
          continue;

        case GLOSS_HTML_TAG_STYLE:
        case GLOSS_HTML_TAG_SVG:
        case GLOSS_HTML_TAG_NOSCRIPT:
        case GLOSS_HTML_TAG_TEMPLATE:
          continue;

        case GLOSS_HTML_TAG_TIME:
          set_published (c, gloss_html_get_attr (child, "datetime"), PRIO_WEAK);
          break;

        case GLOSS_HTML_TAG_H1:
          if (c->meta->h1s->len < 8)
            {
              xmlChar *text = xmlNodeGetContent (child);
              char *normalized = gloss_text_normalize ((const char *) text, -1);

              xmlFree (text);
              if (*normalized != '\0')
                g_ptr_array_add (c->meta->h1s, normalized);
              else
                g_free (normalized);
            }
          break;

        default:
          break;
        }

      value = gloss_html_get_attr (child, "itemprop");
      if (value != NULL && child->properties != NULL)
        {
          if (g_ascii_strcasecmp (value, "datePublished") == 0)
            set_published (c, gloss_html_get_attr (child, "datetime"), PRIO_META);
        }

      if (child->children != NULL)
        collect (c, child->children);
    }
}

void
gloss_html_metadata_collect (GlossHtmlMetadata *meta,
                             xmlDoc            *doc)
{
  Collector c = { .meta = meta };

  collect (&c, xmlDocGetRootElement (doc));
}

/* Title */

static const char *const separators[] = {
  " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " : ",
};

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = gloss_html_fold (a);
  g_autofree char *fb = gloss_html_fold (b);

  return fa != NULL && fb != NULL && *fa != '\0' && g_str_equal (fa, fb);
}

/* Agreement allowing for a headline shortened in one source ("…" or cut at
 * 110 characters as search engines ask). */
static gboolean
agrees (const char *headline,
        const char *other)
{
  g_autofree char *fa = gloss_html_fold (headline);
  g_autofree char *fb = gloss_html_fold (other);
  gsize la, lb;

  if (fa == NULL || fb == NULL || *fa == '\0' || *fb == '\0')
    return FALSE;
  if (g_str_equal (fa, fb))
    return TRUE;

  la = strlen (fa);
  lb = strlen (fb);
  if (MIN (la, lb) < 20)
    return FALSE;
  /* Shortened at the end, or prefixed with a label ("Opinion | …"). */
  return la < lb ? (g_str_has_prefix (fb, fa) || g_str_has_suffix (fb, fa))
                 : (g_str_has_prefix (fa, fb) || g_str_has_suffix (fa, fb));
}

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}

/* "Headline | Section | Site" → "Headline": trailing or leading parts that
 * name the site, or are short labels, are dropped. */
/* The name a site goes by in its address: "vortexcannon" for
 * https://www.vortexcannon.org/…, "bbc" for www.bbc.co.uk. */
static char *
dup_host_label (const char *url)
{
  const char *host;
  const char *end;
  g_autofree char *hostname = NULL;
  g_auto(GStrv) labels = NULL;
  const char *best = NULL;

  if (url == NULL || (host = strstr (url, "://")) == NULL)
    return NULL;
  host += 3;
  end = strpbrk (host, "/:?#");
  hostname = end != NULL ? g_strndup (host, end - host) : g_strdup (host);
  labels = g_strsplit (hostname, ".", -1);

  /* The longest label but the last: skips "www", "co", "com". */
  for (guint i = 0; labels[i] != NULL && labels[i + 1] != NULL; i++)
    {
      if (g_str_equal (labels[i], "www"))
        continue;
      if (best == NULL || strlen (labels[i]) > strlen (best))
        best = labels[i];
    }

  return best != NULL && strlen (best) >= 3 ? g_ascii_strdown (best, -1) : NULL;
}

static gboolean
names_site (const char *part,
            const char *site_name,
            const char *host_label)
{
  g_autofree char *folded = NULL;

  if (site_name != NULL && (same_text (part, site_name) || strstr (site_name, part) != NULL))
    return TRUE;
  if (host_label == NULL || count_words (part) > 5)
    return FALSE;

  folded = gloss_html_fold (part);
  return strstr (folded, host_label) != NULL ||
         (strlen (folded) >= 4 && strstr (host_label, folded) != NULL);
}

static char *
strip_site (const char *title,
            const char *site_name,
            const char *host_label)
{
  g_autofree char *work = g_strdup (title);
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (separators) && !changed; i++)
        {
          const char *sep = separators[i];
          char *last = g_strrstr (work, sep);
          char *first = strstr (work, sep);

          if (last != NULL)
            {
              const char *tail = last + strlen (sep);

              if (names_site (tail, site_name, host_label) ||
                  (count_words (tail) <= 4 && count_words (tail) * 3 < count_words (work)))
                {
                  *last = '\0';
                  changed = TRUE;
                  continue;
                }
            }
          if (first != NULL)
            {
              g_autofree char *head = g_strndup (work, first - work);
              guint head_words = count_words (head);

              /* "Site | Headline", or a section label: "Opinion | Headline". */
              if (names_site (head, site_name, host_label) ||
                  (head_words <= 2 && head_words * 4 < count_words (work) &&
                   sep[1] == '|'))
                {
                  char *rest = g_strdup (first + strlen (sep));

                  g_free (work);
                  work = rest;
                  changed = TRUE;
                }
            }
        }
    }

  return gloss_text_normalize (work, -1);
}

char *
gloss_html_metadata_dup_title (GlossHtmlMetadata *meta)
{
  const char *declared[] = { meta->ld_headline, meta->og_title, meta->meta_title };
  g_autofree char *host_label = dup_host_label (meta->url);
  g_autofree char *doc_title = NULL;

  if (meta->doc_title != NULL)
    doc_title = strip_site (meta->doc_title, meta->site_name, host_label);

  /* The <h1> a reader sees wins when another source agrees with it. */
  for (guint i = 0; i < meta->h1s->len; i++)
    {
      const char *h1 = g_ptr_array_index (meta->h1s, i);

      for (guint j = 0; j < G_N_ELEMENTS (declared); j++)
        {
          g_autofree char *stripped = NULL;

          if (declared[j] == NULL)
            continue;
          stripped = strip_site (declared[j], meta->site_name, host_label);
          if (agrees (h1, declared[j]) || agrees (h1, stripped))
            return g_strdup (h1);
        }
      if (doc_title != NULL && agrees (h1, doc_title))
        return g_strdup (h1);
    }

  for (guint j = 0; j < G_N_ELEMENTS (declared); j++)
    {
      if (declared[j] != NULL)
        return strip_site (declared[j], meta->site_name, host_label);
    }

  for (guint i = 0; i < meta->h1s->len && doc_title != NULL; i++)
    {
      g_autofree char *h1 = gloss_html_fold (g_ptr_array_index (meta->h1s, i));
      g_autofree char *folded = gloss_html_fold (meta->doc_title);

      /* Not a word of the title ("Reviews"), most of it. */
      if (strlen (h1) >= 10 && strlen (h1) * 2 >= strlen (folded) && strstr (folded, h1) != NULL)
        return g_strdup (g_ptr_array_index (meta->h1s, i));
    }

  if (doc_title != NULL && *doc_title != '\0')
    return g_steal_pointer (&doc_title);
  if (meta->h1s->len > 0)
    return g_strdup (g_ptr_array_index (meta->h1s, 0));

  return NULL;
}

void
gloss_html_metadata_apply (GlossHtmlMetadata *meta,
                           GlossArticle      *article)
{
  g_autofree char *title = gloss_html_metadata_dup_title (meta);

  gloss_article_set_title (article, title);
  gloss_article_set_byline (article, meta->byline);
  gloss_article_set_site_name (article, meta->site_name);
  gloss_article_set_published (article, meta->published);
  gloss_article_set_language (article, meta->language);
  gloss_article_set_url (article, meta->url);
}

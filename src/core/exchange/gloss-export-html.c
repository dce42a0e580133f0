/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "gloss-error.h"
#include "gloss-export-private.h"

/*
 * The HTML report: one standalone file that opens in any browser and prints
 * well.  Inline CSS only, no scripts, nothing fetched from anywhere.  Each
 * article is shown cleaned, with every annotation's words in a <mark> whose
 * class names its kind; the kind also has a non-colour cue (its own
 * underline style and a numbered, lettered reference), so the report reads
 * in grey print and for colour-blind readers.  The list of annotations with
 * their notes follows each article.  When two versions are compared, the
 * changed paragraphs come first, removed words in <del> and added ones in
 * <ins>, with the annotations whose words changed linked to their entries.
 *
 * The page is built as a libxml2 tree and serialised by libxml2: user text
 * only ever enters through text nodes and attribute values, which the
 * serialiser escapes, never by pasting strings into markup.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static const char stylesheet[] =
  ":root { color-scheme: light dark; --ink: #241f31; --paper: #ffffff; --muted: #5e5c64;"
  " --claim: #f6d32d66; --denial: #e01b2440; --evidence: #33d17a55; --question: #3584e440;"
  " --highlight: #9a999640; }\n"
  "@media (prefers-color-scheme: dark) { :root { --ink: #deddda; --paper: #1e1e1e; --muted: #9a9996;"
  " --claim: #f6d32d55; --denial: #f6616155; --evidence: #57e38955; --question: #62a0ea55;"
  " --highlight: #c0bfbc40; } }\n"
  "body { font-family: Cantarell, 'Noto Serif', Georgia, serif; line-height: 1.6;"
  " color: var(--ink); background: var(--paper); max-width: 42em; margin: 2em auto; padding: 0 1em; }\n"
  "h1 { line-height: 1.2; }\n"
  ".gloss-meta, .gloss-position { color: var(--muted); font-size: 0.9em; }\n"
  "mark { color: inherit; background: transparent; text-decoration-thickness: 2px;"
  " text-underline-offset: 0.2em; }\n"
  "mark.gloss-claim { background: var(--claim); text-decoration-line: underline; text-decoration-style: solid; }\n"
  "mark.gloss-denial { background: var(--denial); text-decoration-line: underline; text-decoration-style: wavy; }\n"
  "mark.gloss-evidence { background: var(--evidence); text-decoration-line: underline; text-decoration-style: double; }\n"
  "mark.gloss-question { background: var(--question); text-decoration-line: underline; text-decoration-style: dotted; }\n"
  /* A note is neutral: a grey highlight, set apart by an overline. */
  "mark.gloss-highlight { background: var(--highlight); text-decoration-line: overline; text-decoration-style: solid; }\n"
  ".gloss-ref { font-size: 0.7em; font-family: sans-serif; }\n"
  ".gloss-ref a, .gloss-link a { color: inherit; }\n"
  ".gloss-annotations { border-top: 1px solid var(--muted); margin-top: 2em; }\n"
  ".gloss-annotation { margin: 1.5em 0; }\n"
  ".gloss-annotation h4 { margin-bottom: 0.3em; }\n"
  ".gloss-annotation blockquote { margin: 0.3em 0 0.3em 1em; padding-left: 1em;"
  " border-left: 3px solid var(--muted); white-space: pre-line; }\n"
  ".gloss-annotation dt { font-weight: bold; float: left; margin-right: 0.5em; }\n"
  ".gloss-annotation dd { margin: 0 0 0.2em 0; white-space: pre-wrap; }\n"
  ".gloss-orphaned { color: var(--muted); }\n"
  /* Changes between versions: struck through and underlined, so they read
   * without colour too. */
  "del { text-decoration: line-through; background: var(--denial); }\n"
  "ins { text-decoration: underline; background: var(--evidence); }\n"
  ".gloss-changes { border-bottom: 1px solid var(--muted); margin-bottom: 2em; }\n"
  ".gloss-changed-paragraph { border-left: 3px solid var(--muted); padding-left: 0.8em; }\n"
  "@media print { body { max-width: none; margin: 0; font-size: 11pt; color: #000; background: #fff; }"
  " mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }"
  " .gloss-annotation, blockquote, h1, h2, h3, h4 { break-inside: avoid; }"
  " h2, h3, h4 { break-after: avoid; }"
  " .gloss-annotations { break-before: page; border-top: none; } }\n"
  "@page { margin: 2cm; }\n";

typedef struct
{
  GlossExportData *data;
  GHashTable *numbers;    /* uuid → reference number, 1-based */
} Report;

static xmlNode *
add_element (xmlNode    *parent,
             const char *name,
             const char *text)
{
  xmlNode *node = xmlNewChild (parent, NULL, BAD_CAST name, NULL);

  if (text != NULL)
    xmlNodeAddContent (node, BAD_CAST text);
  return node;
}

static void
set_attribute (xmlNode    *node,
               const char *name,
               const char *value)
{
  xmlSetProp (node, BAD_CAST name, BAD_CAST value);
}

static const char *
kind_class (GlossAnnotationKind kind)
{
  switch (kind)
    {
    case GLOSS_ANNOTATION_CLAIM:
      return "gloss-claim";
    case GLOSS_ANNOTATION_DENIAL:
      return "gloss-denial";
    case GLOSS_ANNOTATION_EVIDENCE:
      return "gloss-evidence";
    case GLOSS_ANNOTATION_NOTE:
      return "gloss-highlight";    /* "gloss-note-N" are the notes' ids */
    case GLOSS_ANNOTATION_QUESTION:
    default:
      return "gloss-question";
    }
}

/* "C1", "D2"…: the reference says the kind in letters as well as by number. */
static char *
dup_reference (Report          *report,
               GlossAnnotation *annotation)
{
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (report->numbers, gloss_annotation_get_uuid (annotation)));
  const char *label = gloss_export_kind_label (gloss_annotation_get_kind (annotation));

  return g_strdup_printf ("%.*s%u", (int) (g_utf8_next_char (label) - label), label, number);
}

static char *
dup_note_id (Report          *report,
             GlossAnnotation *annotation)
{
  return g_strdup_printf ("gloss-note-%u",
                          GPOINTER_TO_UINT (g_hash_table_lookup (report->numbers,
                                                                 gloss_annotation_get_uuid (annotation))));
}

static void
add_reference (xmlNode         *parent,
               Report          *report,
               GlossAnnotation *annotation)
{
  g_autofree char *reference = dup_reference (report, annotation);
  g_autofree char *target = dup_note_id (report, annotation);
  g_autofree char *href = g_strconcat ("#", target, NULL);
  xmlNode *sup = add_element (parent, "sup", NULL);
  xmlNode *link;

  set_attribute (sup, "class", "gloss-ref");
  link = add_element (sup, "a", reference);
  set_attribute (link, "href", href);
}

static int
compare_glong (gconstpointer a,
               gconstpointer b)
{
  glong x = *(const glong *) a;
  glong y = *(const glong *) b;

  return (x > y) - (x < y);
}

/* The block's text cut at every annotation boundary; each piece covered by
 * annotations becomes one <mark> carrying their kinds, and a reference is
 * put where an annotation starts. */
static void
add_block_text (xmlNode            *node,
                Report             *report,
                GlossExportArticle *item,
                guint               index)
{
  const char *text = gloss_block_get_text (gloss_article_get_block (item->article, index));
  glong length = g_utf8_strlen (text, -1);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (glong));
  g_autoptr(GPtrArray) touching = g_ptr_array_new ();
  glong zero = 0;

  g_array_append_val (cuts, zero);
  g_array_append_val (cuts, length);
  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);
      const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
      glong start, end;

      if (anchor->state == GLOSS_ANCHOR_ORPHANED || anchor->start_block > index || anchor->end_block < index)
        continue;
      start = anchor->start_block == index ? MIN ((glong) anchor->start_offset, length) : 0;
      end = anchor->end_block == index ? MIN ((glong) anchor->end_offset, length) : length;
      g_ptr_array_add (touching, annotation);
      g_array_append_val (cuts, start);
      g_array_append_val (cuts, end);
    }
  g_array_sort (cuts, compare_glong);

  for (guint c = 0; c + 1 < cuts->len; c++)
    {
      glong from = g_array_index (cuts, glong, c);
      glong to = g_array_index (cuts, glong, c + 1);
      const char *from_p = g_utf8_offset_to_pointer (text, from);
      g_autofree char *piece = g_strndup (from_p, g_utf8_offset_to_pointer (text, to) - from_p);
      g_autoptr(GString) classes = g_string_new ("gloss-mark");
      g_autoptr(GString) title = g_string_new (NULL);
      gboolean covered = FALSE;

      if (from == to)
        continue;

      for (guint i = 0; i < touching->len; i++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (touching, i);
          const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
          glong start = anchor->start_block == index ? (glong) anchor->start_offset : 0;
          glong end = anchor->end_block == index ? (glong) anchor->end_offset : length;
          const char *label = gloss_export_kind_label (gloss_annotation_get_kind (annotation));

          if (anchor->start_block == index && start == from)
            add_reference (node, report, annotation);
          if (start <= from && to <= end)
            {
              g_string_append_printf (classes, " %s", kind_class (gloss_annotation_get_kind (annotation)));
              g_string_append_printf (title, "%s%s", covered ? ", " : "", label);
              covered = TRUE;
            }
        }

      if (covered)
        {
          xmlNode *mark = add_element (node, "mark", piece);

          set_attribute (mark, "class", classes->str);
          set_attribute (mark, "title", title->str);
        }
      else
        {
          xmlNodeAddContent (node, BAD_CAST piece);
        }
    }
}

static void
add_article_text (xmlNode            *parent,
                  Report             *report,
                  GlossExportArticle *item)
{
  xmlNode *list = NULL;

  for (guint i = 0; i < gloss_article_get_n_blocks (item->article); i++)
    {
      GlossBlockKind kind = gloss_block_get_kind (gloss_article_get_block (item->article, i));
      g_autofree char *id = g_strdup_printf ("gloss-p%u-%u", gloss_export_data_get_n_articles (report->data) > 1
                                             ? (guint) gloss_article_get_id (item->article) : 0u, i + 1);
      xmlNode *node;

      if (kind == GLOSS_BLOCK_LIST_ITEM)
        {
          if (list == NULL)
            list = add_element (parent, "ul", NULL);
          node = add_element (list, "li", NULL);
        }
      else
        {
          list = NULL;
          node = add_element (parent,
                              kind == GLOSS_BLOCK_HEADING ? "h2" :
                              kind == GLOSS_BLOCK_QUOTE ? "blockquote" :
                              kind == GLOSS_BLOCK_PREFORMATTED ? "pre" : "p", NULL);
          if (kind == GLOSS_BLOCK_CAPTION)
            set_attribute (node, "class", "gloss-caption");
        }
      set_attribute (node, "id", id);
      add_block_text (node, report, item, i);
    }
}

static void
add_definition (xmlNode    *list,
                const char *term,
                const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  add_element (list, "dt", term);
  add_element (list, "dd", value);
}


/* One link, either way: "[2] “…”" pointing at the other end's entry, or,
 * when that lies in another article, its kind, words and article. */
static void
add_link (Report                    *report,
          xmlNode                   *details,
          const char                *label,
          GlossAnnotation           *annotation,
          const GlossAnnotationLink *link)
{
  const char *article_title = NULL;
  GlossAnnotation *target = gloss_export_find_linked (report->data, annotation, link,
                                                      &article_title);
  xmlNode *value;

  add_element (details, "dt", label);
  value = add_element (details, "dd", NULL);
  set_attribute (value, "class", "gloss-link");
  if (target == NULL)
    {
      xmlNodeAddContent (value, BAD_CAST link->target_uuid);
      return;
    }
  if (article_title == NULL || gloss_export_data_find (report->data, link->target_uuid) != NULL)
    {
      g_autofree char *target_id = dup_note_id (report, target);
      g_autofree char *href = g_strconcat ("#", target_id, NULL);
      g_autofree char *target_reference = dup_reference (report, target);
      g_autofree char *text = g_strdup_printf ("[%s] “%s”", target_reference,
                                               gloss_annotation_get_anchor (target)->exact);
      xmlNode *anchor_link = add_element (value, "a", text);

      set_attribute (anchor_link, "href", href);
    }
  else
    {
      g_autofree char *kind = g_utf8_strdown (gloss_export_kind_label (gloss_annotation_get_kind (target)), -1);
      g_autofree char *text = g_strdup_printf ("%s “%s”", kind,
                                               gloss_annotation_get_anchor (target)->exact);

      xmlNodeAddContent (value, BAD_CAST text);
    }
  if (article_title != NULL)
    {
      /* Translators: after a linked annotation's words, the article it is in */
      g_autofree char *where = g_strdup_printf (_(" in “%s”"), article_title);

      xmlNodeAddContent (value, BAD_CAST where);
    }
}

static void
add_annotation_entry (xmlNode         *parent,
                      Report          *report,
                      GlossAnnotation *annotation)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
  g_autofree char *id = dup_note_id (report, annotation);
  g_autofree char *reference = dup_reference (report, annotation);
  g_autofree char *paragraphs = gloss_export_dup_paragraphs (annotation);
  g_autofree char *heading = g_strdup_printf ("[%s] %s", reference, gloss_export_kind_label (kind));
  g_autofree char *classes = g_strdup_printf ("gloss-annotation %s%s", kind_class (kind),
                                              anchor->state == GLOSS_ANCHOR_ORPHANED ? " gloss-orphaned" : "");
  xmlNode *entry = add_element (parent, "div", NULL);
  xmlNode *title, *position, *details;

  set_attribute (entry, "class", classes);
  set_attribute (entry, "id", id);
  title = add_element (entry, "h4", heading);
  position = add_element (title, "span", NULL);
  set_attribute (position, "class", "gloss-position");
  xmlNodeAddContent (position, BAD_CAST " · ");
  xmlNodeAddContent (position, BAD_CAST paragraphs);
  if (anchor->state == GLOSS_ANCHOR_ORPHANED)
    {
      xmlNodeAddContent (position, BAD_CAST " · ");
      xmlNodeAddContent (position, BAD_CAST _("no longer found in the article"));
    }

  add_element (entry, "blockquote", anchor->exact);

  details = add_element (entry, "dl", NULL);
  add_definition (details, _("Speaker"), gloss_annotation_get_speaker (annotation));
  add_definition (details, _("Verdict"), gloss_export_verdict_label (gloss_annotation_get_verdict (annotation)));
  add_definition (details, _("Note"), gloss_annotation_get_note (annotation));
  add_definition (details, _("Wording"), gloss_export_get_wording_note (report->data, annotation));
  for (guint i = 0; i < gloss_annotation_get_n_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);

      add_link (report, details, gloss_relation_get_label (link->relation), annotation, link);
    }
  for (guint i = 0; i < gloss_annotation_get_n_incoming_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_incoming_link (annotation, i);

      add_link (report, details, gloss_relation_get_incoming_label (link->relation),
                annotation, link);
    }

  if (details->children == NULL)
    {
      xmlUnlinkNode (details);
      xmlFreeNode (details);
    }
}

/* One changed paragraph: the comparison's text with <del> and <ins>. */
static void
add_changed_block (xmlNode                     *parent,
                   const GlossExportComparison *comparison,
                   guint                        block,
                   guint                        first_mark)
{
  const char *text = gloss_block_get_text (gloss_article_get_block (comparison->shown, block));
  g_autofree char *number = g_strdup_printf ("¶ %u ", block + 1);
  xmlNode *node = add_element (parent, "p", NULL);
  guint position = 0;

  set_attribute (node, "class", "gloss-changed-paragraph");
  set_attribute (add_element (node, "span", number), "class", "gloss-position");
  for (guint i = first_mark; i < comparison->marks->len; i++)
    {
      const GlossDiffMark *mark = &g_array_index (comparison->marks, GlossDiffMark, i);
      const char *from, *start, *end;
      g_autofree char *before = NULL;
      g_autofree char *words = NULL;

      if (mark->block != block)
        break;
      from = g_utf8_offset_to_pointer (text, position);
      start = g_utf8_offset_to_pointer (text, mark->start);
      end = g_utf8_offset_to_pointer (text, mark->end);
      before = g_strndup (from, start - from);
      words = g_strndup (start, end - start);

      xmlNodeAddContent (node, BAD_CAST before);
      add_element (node, mark->deleted ? "del" : "ins", words);
      position = mark->end;
    }
  xmlNodeAddContent (node, BAD_CAST g_utf8_offset_to_pointer (text, position));
}

static void
add_comparison (xmlNode            *parent,
                Report             *report,
                GlossExportArticle *item)
{
  const GlossExportComparison *comparison = item->comparison;
  g_autofree char *heading = gloss_export_dup_comparison_heading (comparison);
  g_autofree char *summary = gloss_export_dup_comparison_summary (comparison);
  g_autoptr(GPtrArray) changed = gloss_export_list_changed (item);
  g_autofree char *meta = NULL;
  guint last_block = G_MAXUINT;
  xmlNode *section, *list;

  section = add_element (parent, "section", NULL);
  set_attribute (section, "class", "gloss-changes");
  add_element (section, "h2", heading);
  meta = comparison->changes->len > 0
         ? g_strdup_printf ("%s · %s", summary, _("Removed words are struck through, added ones underlined."))
         : g_strdup (summary);
  set_attribute (add_element (section, "p", meta), "class", "gloss-meta");

  for (guint i = 0; i < comparison->marks->len; i++)
    {
      const GlossDiffMark *mark = &g_array_index (comparison->marks, GlossDiffMark, i);

      if (mark->block == last_block)
        continue;
      last_block = mark->block;
      add_changed_block (section, comparison, mark->block, i);
    }

  if (changed->len == 0)
    return;
  add_element (section, "h3", _("Annotations whose words changed"));
  list = add_element (section, "ul", NULL);
  set_attribute (list, "class", "gloss-changed-annotations");
  for (guint i = 0; i < changed->len; i++)
    {
      const GlossExportChanged *entry = g_ptr_array_index (changed, i);
      GlossAnnotation *annotation = entry->annotation;
      g_autofree char *reference = dup_reference (report, annotation);
      g_autofree char *target = dup_note_id (report, annotation);
      g_autofree char *href = g_strconcat ("#", target, NULL);
      g_autofree char *label = g_strdup_printf ("[%s]", reference);
      g_autofree char *words = g_strdup_printf (" %s “%s”: ",
                                                gloss_export_kind_label (gloss_annotation_get_kind (annotation)),
                                                entry->anchor->exact);
      xmlNode *entry_node = add_element (list, "li", NULL);

      set_attribute (add_element (entry_node, "a", label), "href", href);
      xmlNodeAddContent (entry_node, BAD_CAST words);
      if (entry->changes->len == 0)
        {
          /* Translators: %u is a version number */
          g_autofree char *gone = g_strdup_printf (_("no longer found in version %u"), comparison->to);

          xmlNodeAddContent (entry_node, BAD_CAST gone);
        }
      for (guint c = 0; c < entry->changes->len; c++)
        {
          const GlossDiffChange *change = g_ptr_array_index (entry->changes, c);

          if (c > 0)
            xmlNodeAddContent (entry_node, BAD_CAST "; ");
          if (*change->deleted != '\0')
            add_element (entry_node, "del", change->deleted);
          if (*change->deleted != '\0' && *change->inserted != '\0')
            xmlNodeAddContent (entry_node, BAD_CAST " → ");
          if (*change->inserted != '\0')
            add_element (entry_node, "ins", change->inserted);
        }
    }
}

static void
add_article (xmlNode            *body,
             Report             *report,
             GlossExportArticle *item,
             GlossExportOrder    order)
{
  GlossArticle *article = item->article;
  const char *title = gloss_article_get_title (article);
  g_autoptr(GPtrArray) ordered = gloss_export_dup_ordered (item, order);
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *reviewer = gloss_export_dup_reviewer_line (report->data);
  g_autofree char *review_date = gloss_export_dup_review_date (item);
  g_autofree char *review = NULL;
  const char *parts[] = {
    gloss_article_get_byline (article),
    gloss_article_get_site_name (article),
    gloss_article_get_published (article),
    item->provenance == NULL ? gloss_article_get_url (article) : NULL,
  };
  xmlNode *section, *header, *text, *notes;
  int current_kind = -1;

  section = add_element (body, "article", NULL);
  set_attribute (section, "class", "gloss-article");
  if (gloss_article_get_language (article) != NULL)
    set_attribute (section, "lang", gloss_article_get_language (article));

  header = add_element (section, "header", NULL);
  add_element (header, "h1", title != NULL && *title != '\0' ? title : _("Untitled article"));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", parts[i]);
  if (meta->len > 0)
    set_attribute (add_element (header, "p", meta->str), "class", "gloss-meta");
  if (item->provenance != NULL && gloss_provenance_get_link (item->provenance) != NULL)
    {
      const GlossProvenance *provenance = item->provenance;
      g_autofree char *line = NULL;

      /* TRANSLATORS: where an article's text was downloaded from: the
       * address, the date and time, the HTTP status, the SHA-256 */
      line = g_strdup_printf (_("Downloaded from %s on %s (HTTP %u), SHA-256 %s"),
                              gloss_provenance_get_link (provenance),
                              provenance->fetched_at != NULL ? provenance->fetched_at : "",
                              provenance->http_status,
                              provenance->sha256 != NULL ? provenance->sha256 : "");
      set_attribute (add_element (header, "p", line), "class", "gloss-provenance");
    }
  /* Who checked and when: a report handed on must say it. */
  if (reviewer != NULL && review_date != NULL)
    review = g_strdup_printf (_("Reviewed by %s on %s"), reviewer, review_date);
  else if (reviewer != NULL)
    review = g_strdup_printf (_("Reviewed by %s"), reviewer);
  else if (review_date != NULL)
    review = g_strdup_printf (_("Reviewed on %s"), review_date);
  if (review != NULL)
    set_attribute (add_element (header, "p", review), "class", "gloss-review");

  if (item->comparison != NULL)
    add_comparison (section, report, item);

  text = add_element (section, "div", NULL);
  set_attribute (text, "class", "gloss-text");
  add_article_text (text, report, item);

  if (ordered->len == 0)
    return;

  notes = add_element (section, "section", NULL);
  set_attribute (notes, "class", "gloss-annotations");
  add_element (notes, "h2", _("Annotations"));
  for (guint i = 0; i < ordered->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (ordered, i);
      GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);

      if (order == GLOSS_EXPORT_ORDER_KIND && (int) kind != current_kind)
        {
          add_element (notes, "h3", gloss_export_kind_plural_label (kind));
          current_kind = kind;
        }
      add_annotation_entry (notes, report, annotation);
    }
}

GBytes *
gloss_export_html (GlossExportData   *data,
                   GlossExportOrder   order,
                   GError           **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  Report report = { data, numbers };
  xmlNode *html, *head, *body, *meta;
  xmlChar *memory = NULL;
  int size = 0;
  guint number = 0;
  GBytes *bytes;

  /* Numbered in document order, whatever the list's order. */
  for (guint i = 0; i < data->articles->len; i++)
    {
      GlossExportArticle *item = g_ptr_array_index (data->articles, i);

      for (guint j = 0; j < item->annotations->len; j++)
        g_hash_table_insert (numbers, (gpointer) gloss_annotation_get_uuid (g_ptr_array_index (item->annotations, j)),
                             GUINT_TO_POINTER (++number));
    }

  doc = htmlNewDocNoDtD (NULL, NULL);
  if (doc == NULL)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Not enough memory to build the report"));
      return NULL;
    }
  xmlCreateIntSubset (doc, BAD_CAST "html", NULL, NULL);
  html = xmlNewDocNode (doc, NULL, BAD_CAST "html", NULL);
  xmlDocSetRootElement (doc, html);

  head = add_element (html, "head", NULL);
  meta = add_element (head, "meta", NULL);
  set_attribute (meta, "charset", "utf-8");
  meta = add_element (head, "meta", NULL);
  set_attribute (meta, "name", "viewport");
  set_attribute (meta, "content", "width=device-width, initial-scale=1");
  meta = add_element (head, "meta", NULL);
  set_attribute (meta, "name", "generator");
  set_attribute (meta, "content", "Gloss " PACKAGE_VERSION);
  if (data->reviewer != NULL || data->organisation != NULL)
    {
      g_autofree char *author = gloss_export_dup_reviewer_line (data);

      meta = add_element (head, "meta", NULL);
      set_attribute (meta, "name", "author");
      set_attribute (meta, "content", author);
    }
  add_element (head, "title",
               data->articles->len == 1 &&
               gloss_article_get_title (((GlossExportArticle *) data->articles->pdata[0])->article) != NULL
               ? gloss_article_get_title (((GlossExportArticle *) data->articles->pdata[0])->article)
               : _("Annotated articles"));
  add_element (head, "style", stylesheet);

  body = add_element (html, "body", NULL);
  for (guint i = 0; i < data->articles->len; i++)
    add_article (body, &report, g_ptr_array_index (data->articles, i), order);

  htmlDocDumpMemoryFormat (doc, &memory, &size, 1);
  if (memory == NULL)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not write the report"));
      return NULL;
    }
  bytes = g_bytes_new (memory, size);
  xmlFree (memory);
  return bytes;
}

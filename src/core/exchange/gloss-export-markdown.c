/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-export-private.h"

/*
 * The Markdown brief: for each article its metadata, then one section per
 * annotation (kind and paragraph as the heading, the quote as a block
 * quote, then speaker, verdict, note and links).  User text is escaped so a
 * quote holding "*" or "[x](y)" stays text in any CommonMark renderer.
 */

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|~", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* Multi-line text inside a list item: continuation lines are indented so
 * they stay in the item; blank lines become paragraph breaks inside it. */
static void
append_escaped_lines (GString    *out,
                      const char *text,
                      const char *indent)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_printf (out, "\n%s", *lines[i] != '\0' ? indent : "");
      append_escaped (out, lines[i]);
    }
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_string_append_printf (out, "- **%s:** ", label);
  append_escaped_lines (out, value, "  ");
  g_string_append_c (out, '\n');
}

static void
append_block_quote (GString    *out,
                    const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ">\n");
      g_string_append (out, "> ");
      append_escaped (out, lines[i]);
      g_string_append_c (out, '\n');
    }
}

/* "claim “some of NATO’s…” (¶ 2)": enough to find the other end in the
 * brief; "… in “Other story”" when it is in another article. */
static void
append_link (GString                   *out,
             GlossExportData           *data,
             const char                *label,
             GlossAnnotation           *annotation,
             const GlossAnnotationLink *link)
{
  const char *article_title = NULL;
  GlossAnnotation *target = gloss_export_find_linked (data, annotation, link, &article_title);

  g_string_append_printf (out, "- **%s:** ", label);
  if (target == NULL)
    {
      /* Gone from the library since: only its identity is left. */
      g_string_append_printf (out, "%s\n", link->target_uuid);
      return;
    }

  {
    g_autofree char *kind = g_utf8_strdown (gloss_export_kind_label (gloss_annotation_get_kind (target)), -1);

    g_string_append_printf (out, "%s “", kind);
    append_escaped_lines (out, gloss_annotation_get_anchor (target)->exact, "  ");
    g_string_append (out, "”");
  }
  if (article_title != NULL)
    {
      g_autofree char *where = g_strdup_printf (_(" in “%s”"), article_title);

      append_escaped (out, where);
    }
  else
    {
      g_autofree char *paragraphs = gloss_export_dup_paragraphs (target);

      g_string_append_printf (out, " (%s)", paragraphs);
    }
  g_string_append_c (out, '\n');
}

static void
append_annotation (GString         *out,
                   GlossExportData *data,
                   GlossAnnotation *annotation)
{
  g_autofree char *paragraphs = gloss_export_dup_paragraphs (annotation);
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);

  g_string_append_printf (out, "### %s · %s", gloss_export_kind_label (gloss_annotation_get_kind (annotation)),
                          paragraphs);
  if (anchor->state == GLOSS_ANCHOR_ORPHANED)
    g_string_append_printf (out, " (%s)", _("no longer found in the article"));
  g_string_append (out, "\n\n");
  append_block_quote (out, anchor->exact);
  g_string_append_c (out, '\n');

  /* Fields, if any, then one blank line before the next heading. */
  append_field (out, _("Speaker"), gloss_annotation_get_speaker (annotation));
  append_field (out, _("Verdict"), gloss_export_verdict_label (gloss_annotation_get_verdict (annotation)));
  append_field (out, _("Note"), gloss_annotation_get_note (annotation));
  append_field (out, _("Wording"), gloss_export_get_wording_note (data, annotation));
  for (guint i = 0; i < gloss_annotation_get_n_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);

      append_link (out, data, gloss_relation_get_label (link->relation), annotation, link);
    }
  for (guint i = 0; i < gloss_annotation_get_n_incoming_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_incoming_link (annotation, i);

      append_link (out, data, gloss_relation_get_incoming_label (link->relation),
                   annotation, link);
    }
  if (!g_str_has_suffix (out->str, "\n\n"))
    g_string_append_c (out, '\n');
}

/* One changed paragraph of the comparison, its marks as "~~removed~~" and
 * "**added**". */
static void
append_changed_block (GString                     *out,
                      const GlossExportComparison *comparison,
                      guint                        block,
                      guint                        first_mark)
{
  const char *text = gloss_block_get_text (gloss_article_get_block (comparison->shown, block));
  guint position = 0;

  g_string_append_printf (out, "- ¶ %u: ", block + 1);
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

      append_escaped (out, before);
      g_string_append (out, mark->deleted ? "~~" : "**");
      append_escaped (out, words);
      g_string_append (out, mark->deleted ? "~~" : "**");
      position = mark->end;
    }
  append_escaped (out, g_utf8_offset_to_pointer (text, position));
  g_string_append_c (out, '\n');
}

static void
append_change_words (GString               *out,
                     const GlossDiffChange *change)
{
  if (*change->deleted != '\0')
    {
      g_string_append (out, "~~");
      append_escaped_lines (out, change->deleted, "  ");
      g_string_append (out, "~~");
    }
  if (*change->deleted != '\0' && *change->inserted != '\0')
    g_string_append (out, " → ");
  if (*change->inserted != '\0')
    {
      g_string_append (out, "**");
      append_escaped_lines (out, change->inserted, "  ");
      g_string_append (out, "**");
    }
}

static void
append_comparison (GString            *out,
                   GlossExportArticle *item)
{
  const GlossExportComparison *comparison = item->comparison;
  g_autofree char *heading = gloss_export_dup_comparison_heading (comparison);
  g_autofree char *summary = gloss_export_dup_comparison_summary (comparison);
  g_autoptr(GPtrArray) changed = gloss_export_list_changed (item);
  guint last_block = G_MAXUINT;

  g_string_append (out, "## ");
  append_escaped (out, heading);
  g_string_append (out, "\n\n");
  append_escaped (out, summary);
  if (comparison->changes->len > 0)
    {
      g_string_append (out, ". ");
      append_escaped (out, _("Removed words are struck through, added ones in bold."));
    }
  g_string_append (out, "\n\n");

  for (guint i = 0; i < comparison->marks->len; i++)
    {
      const GlossDiffMark *mark = &g_array_index (comparison->marks, GlossDiffMark, i);

      if (mark->block == last_block)
        continue;
      last_block = mark->block;
      append_changed_block (out, comparison, mark->block, i);
    }
  if (comparison->marks->len > 0)
    g_string_append_c (out, '\n');

  if (changed->len == 0)
    return;
  g_string_append (out, "### ");
  append_escaped (out, _("Annotations whose words changed"));
  g_string_append (out, "\n\n");
  for (guint i = 0; i < changed->len; i++)
    {
      const GlossExportChanged *entry = g_ptr_array_index (changed, i);
      GlossAnnotation *annotation = entry->annotation;
      g_autofree char *paragraphs = gloss_export_dup_anchor_paragraphs (entry->anchor);

      g_string_append_printf (out, "- **%s** (%s) “",
                              gloss_export_kind_label (gloss_annotation_get_kind (annotation)),
                              paragraphs);
      append_escaped_lines (out, entry->anchor->exact, "  ");
      g_string_append (out, "”: ");
      if (entry->changes->len == 0)
        {
          g_autofree char *gone = NULL;

          /* Translators: %u is a version number */
          gone = g_strdup_printf (_("no longer found in version %u"), comparison->to);
          append_escaped (out, gone);
        }
      for (guint c = 0; c < entry->changes->len; c++)
        {
          if (c > 0)
            g_string_append (out, "; ");
          append_change_words (out, g_ptr_array_index (entry->changes, c));
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
append_article (GString            *out,
                GlossExportData    *data,
                GlossExportArticle *item,
                GlossExportOrder    order)
{
  GlossArticle *article = item->article;
  const char *title = gloss_article_get_title (article);
  g_autoptr(GPtrArray) ordered = gloss_export_dup_ordered (item, order);
  g_autofree char *reviewer = gloss_export_dup_reviewer_line (data);
  g_autofree char *review_date = gloss_export_dup_review_date (item);
  int current_kind = -1;

  g_string_append (out, "# ");
  append_escaped (out, title != NULL && *title != '\0' ? title : _("Untitled article"));
  g_string_append (out, "\n\n");

  append_field (out, _("By"), gloss_article_get_byline (article));
  append_field (out, _("Site"), gloss_article_get_site_name (article));
  append_field (out, _("Published"), gloss_article_get_published (article));
  if (gloss_article_get_url (article) != NULL && *gloss_article_get_url (article) != '\0')
    g_string_append_printf (out, "- **%s:** <%s>\n", _("URL"), gloss_article_get_url (article));
  append_field (out, _("Reviewed by"), reviewer);
  append_field (out, _("Review date"), review_date);
  g_string_append_printf (out, "- **%s:** %u\n\n", _("Annotations"), ordered->len);

  if (item->comparison != NULL)
    append_comparison (out, item);

  if (ordered->len > 0 && order == GLOSS_EXPORT_ORDER_POSITION)
    g_string_append_printf (out, "## %s\n\n", _("Annotations"));

  for (guint i = 0; i < ordered->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (ordered, i);
      GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);

      if (order == GLOSS_EXPORT_ORDER_KIND && (int) kind != current_kind)
        {
          g_string_append_printf (out, "## %s\n\n", gloss_export_kind_plural_label (kind));
          current_kind = kind;
        }
      append_annotation (out, data, annotation);
    }
}

GBytes *
gloss_export_markdown (GlossExportData  *data,
                       GlossExportOrder  order,
                       GError          **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < data->articles->len; i++)
    {
      if (i > 0)
        g_string_append (out, "---\n\n");
      append_article (out, data, g_ptr_array_index (data->articles, i), order);
    }

  /* One trailing newline, not a blank line. */
  while (out->len >= 2 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

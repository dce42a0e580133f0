/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* Commands on annotations: annotate, annotations, edit-annotation (its
 * kind, fields, links, and the words it covers), delete-annotation.  An annotation is printed only after the store has
 * committed it, so a printed id is a saved annotation. */

/* Free text (quotes, notes, names) is read as raw bytes (the FILENAME
 * argument type) rather than converted from the locale's charset, so a
 * script running under LANG=C can still pass “curly quotes”; it must then
 * be valid UTF-8. */
static gboolean
texts_are_utf8 (const char * const *texts,
                guint               n_texts)
{
  for (guint i = 0; i < n_texts; i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      return FALSE;

  return TRUE;
}

/* "7:71": paragraph 7, counted from 1 as show prints it, and code point 71
 * in it, counted from 0; the block index is one less than the paragraph. */
static gboolean
parse_position (const char *text,
                guint      *out_block,
                guint      *out_offset)
{
  g_auto(GStrv) parts = NULL;
  guint64 paragraph, offset;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT, &paragraph, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT, &offset, NULL))
    return FALSE;

  *out_block = paragraph - 1;
  *out_offset = offset;
  return TRUE;
}

/* "responds-to:12" → relation and annotation id. */
static gboolean
parse_link (const char    *text,
            GlossRelation *out_relation,
            gint64        *out_target)
{
  const char *colon = strrchr (text, ':');
  g_autofree char *relation = NULL;

  if (colon == NULL)
    return FALSE;
  relation = g_strndup (text, colon - text);
  return gloss_relation_from_string (relation, out_relation) &&
         gloss_cli_parse_id (colon + 1, out_target);
}

/* Applies --kind, --note, --speaker, --verdict, --link and --unlink to
 * @annotation; returns FALSE with a usage message when one is malformed. */
static gboolean
apply_edits (GlossAnnotation  *annotation,
             const char       *kind_name,
             const char       *note,
             const char       *speaker,
             const char       *verdict_name,
             char            **links,
             char            **unlinks,
             char            **out_message)
{
  if (kind_name != NULL)
    {
      GlossAnnotationKind kind;

      if (!gloss_annotation_kind_from_string (kind_name, &kind))
        {
          *out_message = g_strdup (_("--kind takes claim, denial, evidence, question or note"));
          return FALSE;
        }
      gloss_annotation_set_kind (annotation, kind);
    }

  if (note != NULL)
    gloss_annotation_set_note (annotation, note);
  if (speaker != NULL)
    gloss_annotation_set_speaker (annotation, speaker);

  if (verdict_name != NULL)
    {
      GlossVerdict verdict;

      if (!gloss_verdict_from_string (verdict_name, &verdict))
        {
          *out_message = g_strdup (_("--verdict takes unrated, true, mostly-true, mixed, "
                                     "mostly-false, false or unverifiable"));
          return FALSE;
        }
      if (gloss_annotation_get_kind (annotation) != GLOSS_ANNOTATION_CLAIM)
        {
          *out_message = g_strdup (_("Only a claim can have a verdict"));
          return FALSE;
        }
      gloss_annotation_set_verdict (annotation, verdict);
    }

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      GlossRelation relation;
      gint64 target;

      if (!parse_link (links[i], &relation, &target))
        {
          *out_message = g_strdup_printf (_("--link takes RELATION:ANNOTATION, such as "
                                            "responds-to:12 (relations: responds-to, supports, "
                                            "contradicts), not “%s”"), links[i]);
          return FALSE;
        }
      gloss_annotation_add_link (annotation, relation, target, NULL);
    }

  for (guint i = 0; unlinks != NULL && unlinks[i] != NULL; i++)
    {
      GlossRelation relation;
      gint64 target;

      if (!parse_link (unlinks[i], &relation, &target))
        {
          *out_message = g_strdup_printf (_("--unlink takes RELATION:ANNOTATION, not “%s”"),
                                          unlinks[i]);
          return FALSE;
        }
      gloss_annotation_remove_link (annotation, relation, target);
    }

  return TRUE;
}

int
gloss_cli_annotate (GlossCli  *cli,
                    int        argc,
                    char     **argv)
{
  gboolean json = FALSE;
  g_autofree char *kind_name = NULL;
  g_autofree char *quote = NULL;
  gint occurrence = 1;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *note = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *verdict = NULL;
  g_auto(GStrv) links = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the annotation as JSON"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("claim, denial, evidence, question or note (a plain highlight)"), N_("KIND") },
    { "quote", 0, 0, G_OPTION_ARG_FILENAME, &quote, N_("The words to mark"), N_("TEXT") },
    { "occurrence", 0, 0, G_OPTION_ARG_INT, &occurrence,
      N_("Which occurrence of the quote to mark (default 1)"), N_("N") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start,
      N_("Start of the range: paragraph (from 1) and code-point offset (from 0)"), N_("P:O") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("End of the range (exclusive)"), N_("P:O") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note, N_("A note"), N_("TEXT") },
    { "speaker", 0, 0, G_OPTION_ARG_FILENAME, &speaker, N_("Who said it"), N_("NAME") },
    { "verdict", 0, 0, G_OPTION_ARG_STRING, &verdict, N_("For a claim: unrated, true, "
      "mostly-true, mixed, mostly-false, false or unverifiable"), N_("VERDICT") },
    { "link", 0, 0, G_OPTION_ARG_STRING_ARRAY, &links,
      N_("Link to another annotation, such as responds-to:12 (repeatable)"),
      N_("RELATION:ANNOTATION") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autofree char *message = NULL;
  GlossAnnotationKind kind;
  guint start_block = 0, start_offset = 0, end_block = 0, end_offset = 0;
  gint64 article_id;

  context = gloss_cli_option_context_new (cli, _("ARTICLE — mark words of an article"),
                                          _("Marks a quote (or a range of paragraph:offset positions) "
                                            "as a claim, denial, evidence, question or note, and prints "
                                            "the saved annotation."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || !gloss_cli_parse_id (argv[1], &article_id))
    return gloss_cli_usage_error (context, _("Give one article id"));
  if (!texts_are_utf8 ((const char *[]) { quote, note, speaker }, 3))
    return gloss_cli_usage_error (context, _("The quote, note and speaker must be UTF-8 text"));
  if (kind_name == NULL || !gloss_annotation_kind_from_string (kind_name, &kind))
    return gloss_cli_usage_error (context, _("--kind takes claim, denial, evidence, question or note"));
  if ((quote != NULL) == (start != NULL || end != NULL))
    return gloss_cli_usage_error (context, _("Give either --quote or --start and --end"));
  if (quote == NULL && (!parse_position (start, &start_block, &start_offset) ||
                        !parse_position (end, &end_block, &end_offset)))
    return gloss_cli_usage_error (context, _("--start and --end take PARAGRAPH:OFFSET, paragraphs counted from 1, such as 7:71"));
  if (occurrence < 1)
    return gloss_cli_usage_error (context, _("--occurrence counts from 1"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  article = gloss_store_load_article (store, article_id, &error);
  if (article == NULL)
    return gloss_cli_fail (error);

  if (quote != NULL)
    anchor = gloss_anchor_new_for_quote (article, quote, occurrence, &error);
  else
    anchor = gloss_anchor_new_for_range (article, start_block, start_offset, end_block, end_offset,
                                         &error);
  if (anchor == NULL)
    return gloss_cli_fail (error);

  annotation = gloss_annotation_new (kind, anchor);
  gloss_annotation_set_article_id (annotation, article_id);
  if (!apply_edits (annotation, NULL, note, speaker, verdict, links, NULL, &message))
    return gloss_cli_usage_error (context, message);

  if (!gloss_store_add_annotation (store, annotation, &error))
    return gloss_cli_fail (error);

  gloss_cli_print_annotation (annotation, json);
  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_annotations (GlossCli  *cli,
                       int        argc,
                       char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per annotation"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  gint64 article_id;

  context = gloss_cli_option_context_new (cli, _("ARTICLE"),
                                          _("Lists an article’s annotations in document order."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || !gloss_cli_parse_id (argv[1], &article_id))
    return gloss_cli_usage_error (context, _("Give one article id"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  /* Loading the article tells a missing article from one without annotations. */
  article = gloss_store_load_article (store, article_id, &error);
  if (article == NULL)
    return gloss_cli_fail (error);
  annotations = gloss_store_list_annotations (store, article_id, &error);
  if (annotations == NULL)
    return gloss_cli_fail (error);

  for (guint i = 0; i < annotations->len; i++)
    gloss_cli_print_annotation (g_ptr_array_index (annotations, i), json);

  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_edit_annotation (GlossCli  *cli,
                           int        argc,
                           char     **argv)
{
  gboolean json = FALSE;
  g_autofree char *kind_name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *verdict = NULL;
  g_auto(GStrv) links = NULL;
  g_auto(GStrv) unlinks = NULL;
  g_autofree char *quote = NULL;
  gint occurrence = 1;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the annotation as JSON"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("claim, denial, evidence, question or note (a plain highlight)"), N_("KIND") },
    { "quote", 0, 0, G_OPTION_ARG_FILENAME, &quote,
      N_("Move the annotation onto these words of its article"), N_("TEXT") },
    { "occurrence", 0, 0, G_OPTION_ARG_INT, &occurrence,
      N_("Which occurrence of the quote to move it onto (default 1)"), N_("N") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start,
      N_("New start of its range: paragraph (from 1) and code-point offset (from 0)"),
      N_("P:O") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("New end of its range (exclusive)"), N_("P:O") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note, N_("A note (empty to remove it)"), N_("TEXT") },
    { "speaker", 0, 0, G_OPTION_ARG_FILENAME, &speaker,
      N_("Who said it (empty to remove it)"), N_("NAME") },
    { "verdict", 0, 0, G_OPTION_ARG_STRING, &verdict, N_("For a claim: unrated, true, "
      "mostly-true, mixed, mostly-false, false or unverifiable"), N_("VERDICT") },
    { "link", 0, 0, G_OPTION_ARG_STRING_ARRAY, &links,
      N_("Add a link, such as responds-to:12 (repeatable)"), N_("RELATION:ANNOTATION") },
    { "unlink", 0, 0, G_OPTION_ARG_STRING_ARRAY, &unlinks,
      N_("Remove a link (repeatable)"), N_("RELATION:ANNOTATION") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autofree char *message = NULL;
  guint start_block = 0, start_offset = 0, end_block = 0, end_offset = 0;
  gint64 id;

  context = gloss_cli_option_context_new (cli, _("ANNOTATION"),
                                          _("Changes an annotation and prints it as saved."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || !gloss_cli_parse_id (argv[1], &id))
    return gloss_cli_usage_error (context, _("Give one annotation id"));
  if (!texts_are_utf8 ((const char *[]) { note, speaker, quote }, 3))
    return gloss_cli_usage_error (context, _("The quote, note and speaker must be UTF-8 text"));
  if (quote != NULL && (start != NULL || end != NULL))
    return gloss_cli_usage_error (context, _("Give either --quote or --start and --end"));
  if ((start != NULL || end != NULL) && (!parse_position (start, &start_block, &start_offset) ||
                                         !parse_position (end, &end_block, &end_offset)))
    return gloss_cli_usage_error (context, _("--start and --end take PARAGRAPH:OFFSET, paragraphs counted from 1, such as 7:71"));
  if (occurrence < 1)
    return gloss_cli_usage_error (context, _("--occurrence counts from 1"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  annotation = gloss_store_load_annotation (store, id, &error);
  if (annotation == NULL)
    return gloss_cli_fail (error);

  /* New words for the same annotation: its id, note and links stay. */
  if (quote != NULL || start != NULL)
    {
      g_autoptr(GlossArticle) article = NULL;
      g_autoptr(GlossAnchor) anchor = NULL;

      article = gloss_store_load_article (store, gloss_annotation_get_article_id (annotation),
                                          &error);
      if (article == NULL)
        return gloss_cli_fail (error);
      if (quote != NULL)
        anchor = gloss_anchor_new_for_quote (article, quote, occurrence, &error);
      else
        anchor = gloss_anchor_new_for_range (article, start_block, start_offset, end_block,
                                             end_offset, &error);
      if (anchor == NULL)
        return gloss_cli_fail (error);
      gloss_annotation_set_anchor (annotation, anchor);
    }

  if (!apply_edits (annotation, kind_name, note, speaker, verdict, links, unlinks, &message))
    return gloss_cli_usage_error (context, message);
  if (!gloss_store_save_annotation (store, annotation, &error))
    return gloss_cli_fail (error);

  gloss_cli_print_annotation (annotation, json);
  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_delete_annotation (GlossCli  *cli,
                             int        argc,
                             char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  gint64 id;

  context = gloss_cli_option_context_new (cli, _("ANNOTATION"),
                                          _("Deletes an annotation and the links to and from it."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || !gloss_cli_parse_id (argv[1], &id))
    return gloss_cli_usage_error (context, _("Give one annotation id"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  if (!gloss_store_delete_annotation (store, id, &error))
    return gloss_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_int_value (builder, id);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
    }
  else
    printf (_("Deleted annotation %" PRId64 "\n"), id);

  return GLOSS_CLI_EXIT_OK;
}

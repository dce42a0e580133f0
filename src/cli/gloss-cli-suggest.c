/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* gloss-cli suggest: the suggestions for a stored article (claims, denials,
 * what is worth checking, speakers), one sentence a line, computed on the
 * spot and never stored. */

static const GlossSuggestLabels all_labels[] = {
  GLOSS_SUGGEST_CLAIM, GLOSS_SUGGEST_DENIAL, GLOSS_SUGGEST_CHECKWORTHY,
};

static char *
dup_span (GlossArticle *article,
          guint         block,
          glong         start,
          glong         end)
{
  const char *text = gloss_block_get_text (gloss_article_get_block (article, block));
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (a, end - start);

  return g_strndup (a, (gsize) (b - a));
}

static void
print_json (GlossArticle          *article,
            GlossSuggestions      *suggestions,
            const GlossSuggestion *s)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = dup_span (article, s->block, s->start, s->end);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "block");
  json_builder_add_int_value (builder, s->block);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, s->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, s->end);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);

  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (all_labels); i++)
    if (s->labels & all_labels[i])
      json_builder_add_string_value (builder, gloss_suggest_label_to_string (all_labels[i]));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "scores");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "claim");
  json_builder_add_double_value (builder, s->claim_score);
  json_builder_set_member_name (builder, "denial");
  json_builder_add_double_value (builder, s->denial_score);
  json_builder_set_member_name (builder, "checkworthy");
  if (gloss_suggestions_has_checkworthy (suggestions))
    json_builder_add_double_value (builder, s->checkworthy_score);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "speaker");
  if (s->speaker != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, s->speaker);
      json_builder_set_member_name (builder, "start");
      if (s->speaker_start >= 0)
        json_builder_add_int_value (builder, s->speaker_start);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "end");
      if (s->speaker_end >= 0)
        json_builder_add_int_value (builder, s->speaker_end);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "answers");
  if (s->answers_start >= 0)
    {
      g_autofree char *answered = dup_span (article, s->answers_block, s->answers_start,
                                            s->answers_end);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "block");
      json_builder_add_int_value (builder, s->answers_block);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, s->answers_start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, s->answers_end);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, answered);
      json_builder_set_member_name (builder, "sentence");
      if (s->answers >= 0)
        json_builder_add_int_value (builder, s->answers);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  gloss_cli_print_json (builder);
}

static void
print_text (GlossArticle          *article,
            const GlossSuggestion *s)
{
  g_autofree char *text = NULL;
  GString *labels = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_labels); i++)
    if (s->labels & all_labels[i])
      g_string_append_printf (labels, "%s%s", labels->len ? "," : "",
                              gloss_suggest_label_to_string (all_labels[i]));
  if (labels->len == 0)
    {
      g_string_free (labels, TRUE);
      return;
    }
  text = dup_span (article, s->block, s->start, s->end);
  /* Paragraphs count from 1 where a person reads them, as in `show`; the
   * JSON keeps the model's 0-based block. */
  printf ("[%u:%ld-%ld] %s", s->block + 1, s->start, s->end, labels->str);
  if (s->speaker != NULL)
    printf ("\t%s", s->speaker);
  printf ("\n    %s\n", text);
  g_string_free (labels, TRUE);
}

int
gloss_cli_suggest (GlossCli  *cli,
                   int        argc,
                   char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object per sentence, suggested or not"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossSuggestions) suggestions = NULL;
  gint64 id;

  context = gloss_cli_option_context_new (cli, _("ARTICLE"),
                                          _("Suggests which sentences of a stored article are "
                                            "claims, denials or worth checking, and who the "
                                            "speaker is, without a network. Nothing is stored. "
                                            "English articles only."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || !gloss_cli_parse_id (argv[1], &id))
    return gloss_cli_usage_error (context, _("Give one article id"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  article = gloss_store_load_article (store, id, &error);
  if (article == NULL)
    return gloss_cli_fail (error);

  suggestions = gloss_suggest (article);
  if (!gloss_suggestions_is_available (suggestions))
    {
      g_autofree char *message = gloss_suggestions_dup_unavailable_message (suggestions);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "available");
          json_builder_add_boolean_value (builder, FALSE);
          json_builder_set_member_name (builder, "language");
          json_builder_add_string_value (builder, gloss_suggestions_get_language (suggestions));
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, message);
          json_builder_end_object (builder);
          gloss_cli_print_json (builder);
        }
      fprintf (stderr, "gloss-cli: %s\n", message);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < gloss_suggestions_get_n_sentences (suggestions); i++)
    {
      const GlossSuggestion *s = gloss_suggestions_get_sentence (suggestions, i);

      if (json)
        print_json (article, suggestions, s);
      else
        print_text (article, s);
    }
  return GLOSS_CLI_EXIT_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* What every subcommand shares: option parsing with --db, error output,
 * JSON printing, opening the library. */

GOptionContext *
gloss_cli_option_context_new (GlossCli           *cli,
                              const char         *parameters,
                              const char         *summary,
                              const GOptionEntry *entries)
{
  const GOptionEntry common_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path,
      N_("The library file (default: $GLOSS_DB, else ~/.local/share/gloss/library.db)"),
      N_("PATH") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
                                    _("Exit status: 0 on success, 1 when something failed (the "
                                      "message is on stderr), 2 for a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  return context;
}

/* Prints @message and the subcommand's help on stderr; returns the usage
 * exit status so callers can `return gloss_cli_usage_error (...)`. */
int
gloss_cli_usage_error (GOptionContext *context,
                       const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  fprintf (stderr, "gloss-cli: %s\n\n%s", message, help);
  return GLOSS_CLI_EXIT_USAGE;
}

int
gloss_cli_fail (const GError *error)
{
  fprintf (stderr, "gloss-cli: %s\n", error->message);
  return GLOSS_CLI_EXIT_FAILURE;
}

GlossStore *
gloss_cli_open_store (GlossCli  *cli,
                      GError   **error)
{
  g_autofree char *path = cli->db_path != NULL ? g_strdup (cli->db_path)
                                               : gloss_store_dup_default_path ();

  return gloss_store_open (path, error);
}

gboolean
gloss_cli_parse_id (const char *text,
                    gint64     *out_id)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *out_id = (gint64) value;
  return TRUE;
}

void
gloss_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *line = json_to_string (root, FALSE);

  puts (line);
  fflush (stdout);
}

/* The JSON line for a file that failed: {"file", "error": {"code", "message"}}. */
void
gloss_cli_print_file_error (const char   *file,
                            const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, gloss_error_code_to_string (error));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  gloss_cli_print_json (builder);
}

/* "\tresponds-to 7", "\tanswered-by 9", and " (article 3)" when the
 * other end is in another article. */
static void
print_link (GlossAnnotation           *annotation,
            const GlossAnnotationLink *link,
            const char *            (*relation_name) (GlossRelation relation))
{
  printf ("\t%s %" G_GINT64_FORMAT, relation_name (link->relation), link->target_id);
  if (link->target_article_id != 0 &&
      link->target_article_id != gloss_annotation_get_article_id (annotation))
    {
      /* Translators: after a link in gloss-cli's list, the article the other end is in */
      g_autofree char *where = g_strdup_printf (_("(article %" PRId64 ")"),
                                                link->target_article_id);

      printf (" %s", where);
    }
  printf ("\n");
}

void
gloss_cli_print_annotation (GlossAnnotation *annotation,
                            gboolean         json)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
  const char *verdict = gloss_verdict_to_string (gloss_annotation_get_verdict (annotation));
  guint n_links = gloss_annotation_get_n_links (annotation);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      gloss_annotation_json_add_members (annotation, builder);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
      return;
    }

  /* Paragraphs are counted from 1 for people, as show prints them; the
   * JSON form keeps the 0-based block indexes of the model. */
  printf ("%" G_GINT64_FORMAT "\t%s\t¶%u:%u–%u:%u\t%s\t“%s”\n",
          gloss_annotation_get_id (annotation),
          gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)),
          anchor->start_block + 1, anchor->start_offset, anchor->end_block + 1, anchor->end_offset,
          gloss_anchor_state_to_string (anchor->state), anchor->exact);
  if (gloss_annotation_get_speaker (annotation) != NULL)
    printf ("\t%s %s\n", _("speaker:"), gloss_annotation_get_speaker (annotation));
  if (verdict != NULL)
    printf ("\t%s %s\n", _("verdict:"), verdict);
  if (gloss_annotation_get_note (annotation) != NULL)
    printf ("\t%s %s\n", _("note:"), gloss_annotation_get_note (annotation));
  for (guint i = 0; i < n_links; i++)
    print_link (annotation, gloss_annotation_get_link (annotation, i),
                gloss_relation_to_string);
  for (guint i = 0; i < gloss_annotation_get_n_incoming_links (annotation); i++)
    print_link (annotation, gloss_annotation_get_incoming_link (annotation, i),
                gloss_relation_to_incoming_string);
}

GBytes *
gloss_cli_load_file (const char  *path,
                     gsize        max_input_bytes,
                     char       **out_basename,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  if (out_basename != NULL)
    *out_basename = g_file_get_basename (file);
  return gloss_extract_load_file (file, max_input_bytes, NULL, error);
}

void
gloss_cli_add_update_report (JsonBuilder             *builder,
                             const GlossUpdateReport *report)
{
  json_builder_set_member_name (builder, "changed_paragraphs");
  json_builder_add_int_value (builder, report->n_changed_blocks);
  json_builder_set_member_name (builder, "anchored");
  json_builder_add_int_value (builder, report->n_anchored);
  json_builder_set_member_name (builder, "moved");
  json_builder_add_int_value (builder, report->n_moved);
  json_builder_set_member_name (builder, "orphaned");
  json_builder_add_int_value (builder, report->n_orphaned);
}

/* What storing a new version did (fetch, check-updates, import):
 * "3 paragraphs changed, 1 annotation moved, 1 orphaned", as the app's toast says it. */
char *
gloss_cli_describe_update_report (const GlossUpdateReport *report)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u paragraph changed",
                                             "%u paragraphs changed", report->n_changed_blocks),
                          report->n_changed_blocks);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u annotation moved",
                                             "%u annotations moved", report->n_moved),
                          report->n_moved);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u orphaned", "%u orphaned",
                                             report->n_orphaned),
                          report->n_orphaned);
  return g_string_free (text, FALSE);
}

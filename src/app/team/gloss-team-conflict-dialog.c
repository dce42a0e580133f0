/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-team-conflict-dialog.h"

/*
 * The conflict picker: an annotation both sides changed while apart, the
 * server's text beside this side's, and which to keep (or both).  A
 * message dialog, so it reads as one question, with the choices as its
 * responses; the caller resolves with gloss_team_resolve_conflict().
 */

static char *
join_values (char **values)
{
  return g_strjoinv (" · ", values);
}

AdwMessageDialog *
gloss_team_conflict_dialog_new (GtkWindow         *parent,
                                GlossTeamConflict *conflict)
{
  AdwMessageDialog *dialog;
  g_autofree char *theirs = NULL;
  g_autofree char *mine = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);

  theirs = join_values (conflict->server_values);
  mine = join_values (conflict->mine_values);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       _("Two Versions of an Annotation"),
                                                       NULL));
  /* Translators: the first %s is the annotation's text on the team
   * server, the second this person's own, both changed while apart */
  adw_message_dialog_format_body (dialog, _("On the server: “%s”\n\nYours: “%s”"), theirs, mine);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "keep-both", _("Keep _Both"));
  adw_message_dialog_add_response (dialog, "keep-server", _("Keep _Theirs"));
  adw_message_dialog_add_response (dialog, "keep-mine", _("Keep _Mine"));
  adw_message_dialog_set_response_appearance (dialog, "keep-mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep-mine");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* Which choice a response of the dialog is; FALSE for none (cancelled). */
gboolean
gloss_team_conflict_response_parse (const char      *response,
                                    GlossTeamChoice *out_choice)
{
  if (g_strcmp0 (response, "keep-server") == 0)
    *out_choice = GLOSS_TEAM_KEEP_SERVER;
  else if (g_strcmp0 (response, "keep-mine") == 0)
    *out_choice = GLOSS_TEAM_KEEP_MINE;
  else if (g_strcmp0 (response, "keep-both") == 0)
    *out_choice = GLOSS_TEAM_KEEP_BOTH;
  else
    return FALSE;
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "gloss-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlossApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The user interface and the style sheet are compiled into the program
   * (gloss.gresource.xml) and registered before main() runs. */
  g_set_application_name (_("Gloss"));

  application = gloss_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}

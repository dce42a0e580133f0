/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-relation-labels.h"

/*
 * A link's relation as people read it, one table for the window and the
 * exports alike, so that a denial "Responds to" a claim in the editor
 * and in a report in the same words.
 */

/* The link read from the annotation that made it. */
const char *
gloss_relation_get_label (GlossRelation relation)
{
  switch (relation)
    {
    case GLOSS_RELATION_RESPONDS_TO:
      return _("Responds to");
    case GLOSS_RELATION_SUPPORTS:
      return _("Supports");
    case GLOSS_RELATION_CONTRADICTS:
      return _("Contradicts");
    default:
      g_return_val_if_reached ("");
    }
}

/* The link read from its target's side: the claim is “Answered by” the
 * denial that “Responds to” it. */
const char *
gloss_relation_get_incoming_label (GlossRelation relation)
{
  switch (relation)
    {
    case GLOSS_RELATION_RESPONDS_TO:
      return _("Answered by");
    case GLOSS_RELATION_SUPPORTS:
      return _("Supported by");
    case GLOSS_RELATION_CONTRADICTS:
      return _("Contradicted by");
    default:
      g_return_val_if_reached ("");
    }
}

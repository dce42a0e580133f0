/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

GtkPrintOperation *gloss_print_operation_new (GlossArticle *article,
                                              GListModel   *annotations);

G_END_DECLS

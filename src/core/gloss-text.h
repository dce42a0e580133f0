/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *gloss_text_normalize (const char *text,
                            gssize      length);

G_END_DECLS

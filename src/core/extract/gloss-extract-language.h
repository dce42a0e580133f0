/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *gloss_text_guess_language (const char *text);

G_END_DECLS

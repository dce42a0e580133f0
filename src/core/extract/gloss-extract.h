/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-article.h"

G_BEGIN_DECLS

/* Bumped whenever extraction output can change, so stored articles know they
 * may be cleaned again by a better extractor. */
#define GLOSS_EXTRACTOR_VERSION 2

typedef enum
{
  GLOSS_INPUT_FORMAT_AUTO,
  GLOSS_INPUT_FORMAT_HTML,
  GLOSS_INPUT_FORMAT_TEXT,
} GlossInputFormat;

typedef struct
{
  GlossInputFormat format;
  gsize max_input_bytes;
} GlossExtractOptions;

void          gloss_extract_options_init   (GlossExtractOptions        *options);
gboolean      gloss_input_format_from_string (const char               *name,
                                              GlossInputFormat         *out_format);

GlossArticle *gloss_extract                (GBytes                     *data,
                                            const char                 *filename_or_null,
                                            GError                    **error);
GlossArticle *gloss_extract_full           (GBytes                     *data,
                                            const char                 *filename_or_null,
                                            const GlossExtractOptions  *options,
                                            GError                    **error);
GBytes       *gloss_extract_load_file      (GFile                      *file,
                                            gsize                       max_input_bytes,
                                            GCancellable               *cancellable,
                                            GError                    **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-error"

#include "config.h"

#include <gio/gio.h>

#include "gloss-error.h"

G_DEFINE_QUARK (gloss-error-quark, gloss_error)

/**
 * gloss_error_code_to_string:
 * @error: any #GError
 *
 * Returns: (transfer none): a stable machine-readable name for @error, such
 *   as `"empty"` or `"no-article"`; errors from other domains map to the
 *   nearest Gloss meaning (`"io"` for file errors) or `"internal"`.
 */
const char *
gloss_error_code_to_string (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == GLOSS_ERROR)
    {
      switch ((GlossError) error->code)
        {
        case GLOSS_ERROR_EMPTY: return "empty";
        case GLOSS_ERROR_BINARY: return "binary";
        case GLOSS_ERROR_TOO_LARGE: return "too-large";
        case GLOSS_ERROR_NO_ARTICLE: return "no-article";
        case GLOSS_ERROR_INVALID_ARGUMENT: return "invalid-argument";
        case GLOSS_ERROR_IO: return "io";
        case GLOSS_ERROR_CORRUPT: return "corrupt";
        case GLOSS_ERROR_NEWER_SCHEMA: return "newer-schema";
        case GLOSS_ERROR_NOT_FOUND: return "not-found";
        case GLOSS_ERROR_NETWORK: return "network";
        case GLOSS_ERROR_OFFLINE: return "offline";
        case GLOSS_ERROR_UNSUPPORTED: return "unsupported";
        default: break;
        }
    }

  if (error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    return "io";

  return "internal";
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_ERROR (gloss_error_quark ())

/**
 * GlossError:
 * @GLOSS_ERROR_EMPTY: the input holds no text at all
 * @GLOSS_ERROR_BINARY: the input is not text (an image, an archive, a program…)
 * @GLOSS_ERROR_TOO_LARGE: the input is over the size cap
 * @GLOSS_ERROR_NO_ARTICLE: the input is text, but no article could be found in it
 * @GLOSS_ERROR_INVALID_ARGUMENT: a caller passed a value that makes no sense
 * @GLOSS_ERROR_IO: reading or writing a file failed
 * @GLOSS_ERROR_CORRUPT: stored data is damaged, or not a Gloss library
 * @GLOSS_ERROR_NEWER_SCHEMA: the library was written by a newer Gloss
 * @GLOSS_ERROR_NOT_FOUND: no article or annotation has that id
 * @GLOSS_ERROR_NETWORK: a download failed (no answer, an HTTP error, a bad certificate)
 * @GLOSS_ERROR_OFFLINE: the network is turned off, so nothing was requested
 * @GLOSS_ERROR_UNSUPPORTED: a document of a kind Gloss cannot read
 *
 * Error codes of the %GLOSS_ERROR domain.  Keep gloss_error_code_to_string()
 * in step: scripts read those names in `gloss-cli --json` output.
 */
typedef enum
{
  GLOSS_ERROR_EMPTY,
  GLOSS_ERROR_BINARY,
  GLOSS_ERROR_TOO_LARGE,
  GLOSS_ERROR_NO_ARTICLE,
  GLOSS_ERROR_INVALID_ARGUMENT,
  GLOSS_ERROR_IO,
  GLOSS_ERROR_CORRUPT,
  GLOSS_ERROR_NEWER_SCHEMA,
  GLOSS_ERROR_NOT_FOUND,
  GLOSS_ERROR_NETWORK,
  GLOSS_ERROR_OFFLINE,
  GLOSS_ERROR_UNSUPPORTED,
} GlossError;

GQuark      gloss_error_quark              (void);
const char *gloss_error_code_to_string     (const GError *error);

G_END_DECLS

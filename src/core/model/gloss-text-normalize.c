/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-text-normalize"

#include "config.h"

#include "gloss-text-normalize.h"

/* Characters that carry no reading value and would only shift offsets when a
 * page is cleaned again: zero-width space, BOM/zero-width no-break space,
 * soft hyphen; and control characters, which a page has no business
 * sending: printed by gloss-cli they would drive the user's terminal
 * (escape sequences), and in stored text they could pass for the store's
 * own separators. */
static inline gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0xFEFF || c == 0x00AD || (c >= 0x80 && c <= 0x9F);
}

/* Characters NFC leaves as they are, whatever surrounds them: no
 * decomposition that changes them, combining class 0, and never the second
 * half of a composition.  Checked against the Unicode data for these whole
 * ranges (Latin to U+02FF, Cyrillic letters, general punctuation, currency
 * signs, CJK ideographs, full-width forms): text made only of them, which is
 * most text, skips g_utf8_normalize(), the dearest step of an extraction. */
static inline gboolean
is_nfc_stable (gunichar c)
{
  return c < 0x0300 || (c >= 0x0400 && c <= 0x0482) || (c >= 0x048A && c <= 0x04FF)
         || (c >= 0x2002 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20CF)
         || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

static gboolean
is_nfc_quick (const char *text,
              const char *end)
{
  for (const char *p = text; p < end && *p != '\0';)
    {
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      if (!is_nfc_stable (g_utf8_get_char (p)))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

/**
 * gloss_text_normalize:
 * @text: valid UTF-8
 * @length: length of @text in bytes, or -1 if nul-terminated
 *
 * The one normalisation every block of text goes through (docs/ARCHITECTURE.md §3):
 * Unicode NFC, runs of whitespace (U+00A0 and other separators included)
 * collapsed to one space, no leading or trailing space, invisible
 * formatting and control characters removed.
 *
 * Returns: (transfer full): the normalised text, possibly empty
 */
char *
gloss_text_normalize (const char *text,
                      gssize      length)
{
  g_autofree char *nfc = NULL;
  const char *src = text;
  const char *end;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  end = length < 0 ? text + strlen (text) : text + length;
  if (!is_nfc_quick (text, end))
    {
      nfc = g_utf8_normalize (text, length, G_NORMALIZE_NFC);
      if (nfc == NULL)
        return g_strdup ("");
      src = nfc;
      end = nfc + strlen (nfc);
    }

  out = g_string_sized_new (end - src);
  for (const char *p = src; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isspace (*p))
            {
              pending_space = TRUE;
              continue;
            }
          if (g_ascii_iscntrl (*p))
            continue;
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_c (out, *p);
          continue;
        }

      c = g_utf8_get_char (p);
      if (is_invisible (c))
        continue;
      if (g_unichar_isspace (c))
        {
          pending_space = TRUE;
          continue;
        }
      if (pending_space && out->len > 0)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/**
 * gloss_text_is_normalized:
 * @text: any bytes, nul-terminated
 *
 * Whether @text is valid UTF-8 that gloss_text_normalize() leaves as it
 * is, as far as a scan can tell: no invisible or control characters, no
 * space but single U+0020 between words, none at either end.  NFC is not
 * checked (that needs the full normalisation, the cost this check saves):
 * a decomposed accent is still text a reader can show.
 *
 * Returns: %TRUE when @text can be used as it is
 */
gboolean
gloss_text_is_normalized (const char *text)
{
  gboolean after_space = TRUE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c == ' ')
        {
          if (after_space)
            return FALSE;
          after_space = TRUE;
          continue;
        }
      if (c < 0x20 || c == 0x7F || is_invisible (c) || g_unichar_isspace (c))
        return FALSE;
      after_space = FALSE;
    }

  /* Empty, or ending in a space. */
  return !after_space;
}

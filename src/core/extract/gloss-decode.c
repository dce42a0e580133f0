/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-decode"

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "gloss-decode.h"
#include "gloss-error.h"

/*
 * Saved pages arrive in every encoding the web ever used, sometimes with a
 * declaration that lies, sometimes gzip-compressed, sometimes not text at all.
 * Everything past this file sees valid UTF-8 only.
 *
 * The rules, in order:
 *  1. a byte-order mark decides (UTF-8, UTF-16LE/BE);
 *  2. NUL bytes mean UTF-16 without a BOM when they sit in every other byte,
 *     otherwise binary data, as do the signatures of common binary formats;
 *  3. bytes that are valid UTF-8 are UTF-8, whatever a <meta> claims: a
 *     legacy-encoded page is practically never valid UTF-8 by accident, while
 *     pages re-saved as UTF-8 with a stale latin-1 declaration are common;
 *  4. otherwise the declared charset (HTML meta or XML declaration), with
 *     ISO-8859-1 read as windows-1252 as browsers do;
 *  5. otherwise mostly-UTF-8 bytes are repaired, and anything else is read as
 *     windows-1252.
 */

#define SNIFF_WINDOW 8192

GBytes *
gloss_decode_maybe_gunzip (GBytes  *data,
                           gsize    max_bytes,
                           GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GByteArray) out = NULL;
  const guint8 *in;
  gsize in_len;
  gsize in_pos = 0;

  in = g_bytes_get_data (data, &in_len);
  if (in_len < 2 || in[0] != 0x1f || in[1] != 0x8b)
    return g_bytes_ref (data);

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  out = g_byte_array_new ();

  for (;;)
    {
      guint8 buffer[65536];
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      g_autoptr(GError) local_error = NULL;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor),
                                    in + in_pos, in_len - in_pos,
                                    buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY,
                       _("The file looks gzip-compressed but cannot be decompressed: %s"),
                       local_error->message);
          return NULL;
        }

      in_pos += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
      if (out->len > max_bytes)
        {
          g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                       _("The file decompresses to more than %s, the size limit"), limit);
          return NULL;
        }

      if (result == G_CONVERTER_FINISHED)
        break;
      if (bytes_read == 0 && bytes_written == 0)
        {
          g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_BINARY,
                               _("The file looks gzip-compressed but is truncated"));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const char   *magic,
            gsize         magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

static gboolean
looks_like_binary_format (const guint8 *data,
                          gsize         length)
{
  static const struct { const char *magic; gsize length; } signatures[] = {
    { "\x89PNG\r\n\x1a\n", 8 },
    { "GIF87a", 6 }, { "GIF89a", 6 },
    { "\xff\xd8\xff", 3 },
    { "%PDF-", 5 },
    { "PK\x03\x04", 4 },
    { "\x7f" "ELF", 4 },
    { "RIFF", 4 },
    { "\x1f\x8b", 2 },
    { "BZh", 3 },
    { "\xfd" "7zXZ", 5 },
    { "7z\xbc\xaf\x27\x1c", 6 },
    { "SQLite format 3", 15 },
    { "\xca\xfe\xba\xbe", 4 },
    { "MZ", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (has_prefix (data, length, signatures[i].magic, signatures[i].length))
      return TRUE;

  return FALSE;
}

/* Returns "UTF-16LE"/"UTF-16BE" when NULs fall on one parity only, as in
 * BOM-less UTF-16 text of Latin script; NULL otherwise. */
static const char *
guess_bomless_utf16 (const guint8 *data,
                     gsize         length)
{
  gsize window = MIN (length, SNIFF_WINDOW) & ~(gsize) 1;
  gsize even_nuls = 0;
  gsize odd_nuls = 0;

  for (gsize i = 0; i < window; i += 2)
    {
      even_nuls += data[i] == 0;
      odd_nuls += data[i + 1] == 0;
    }

  if (window >= 4 && odd_nuls > window / 4 && even_nuls == 0)
    return "UTF-16LE";
  if (window >= 4 && even_nuls > window / 4 && odd_nuls == 0)
    return "UTF-16BE";
  return NULL;
}

static gboolean
has_control_bytes (const guint8 *data,
                   gsize         length)
{
  gsize window = MIN (length, SNIFF_WINDOW);
  gsize controls = 0;

  for (gsize i = 0; i < window; i++)
    {
      guint8 c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
        controls++;
    }

  /* A few stray control characters occur in real pages; a binary file has
   * them everywhere. */
  return controls > window / 20 + 1;
}

/* Finds charset=... in the first bytes, as a <meta> or XML declaration.
 * Only called on bytes that are not valid UTF-8, so a "utf-8" found first
 * is someone else's (a <script charset="utf-8"> that an archive's wrapper
 * put before the page's own <meta>): the next declaration is the page's. */
static char *
find_declared_charset (const guint8 *data,
                       gsize         length)
{
  gsize window = MIN (length, 8192);
  g_autofree char *head = g_ascii_strdown ((const char *) data, window);
  const char *keys[] = { "charset=", "encoding=" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      for (const char *p = strstr (head, keys[k]); p != NULL; p = strstr (p, keys[k]))
        {
          const char *end;

          p += strlen (keys[k]);
          while (*p == '"' || *p == '\'' || *p == ' ')
            p++;
          end = p;
          while (g_ascii_isalnum (*end) || *end == '-' || *end == '_' || *end == ':' || *end == '.')
            end++;
          if (end > p && !(end - p == 5 && strncmp (p, "utf-8", 5) == 0)
              && !(end - p == 4 && strncmp (p, "utf8", 4) == 0))
            return g_strndup (p, end - p);
        }
    }

  return NULL;
}

static char *
convert_from (const guint8 *data,
              gsize         length,
              const char   *charset,
              gsize        *out_length)
{
  g_autoptr(GError) error = NULL;
  gsize bytes_read = 0;
  char *converted;

  converted = g_convert_with_fallback ((const char *) data, length, "UTF-8", charset,
                                       "\xef\xbf\xbd", &bytes_read, out_length, &error);
  if (converted == NULL && error != NULL &&
      g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE))
    {
      /* Some iconv modules refuse bytes they cannot map even with a fallback;
       * convert what is valid and repair the rest. */
      g_autofree char *partial = g_convert ((const char *) data, bytes_read, "UTF-8", charset,
                                            NULL, out_length, NULL);
      if (partial != NULL)
        {
          GString *s = g_string_new_len (partial, *out_length);

          g_string_append (s, "\xef\xbf\xbd");
          *out_length = s->len;
          return g_string_free (s, FALSE);
        }
    }

  return converted;
}

static char *
repair_utf8 (const char *data,
             gsize       length,
             gsize      *out_length)
{
  char *valid = g_utf8_make_valid (data, length);

  *out_length = strlen (valid);
  return valid;
}

static gboolean
mostly_utf8 (const char *data,
             gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  gsize invalid = 0;
  gsize multibyte = 0;

  while (p < end)
    {
      const char *bad;

      if (g_utf8_validate (p, end - p, &bad))
        break;
      invalid++;
      for (const char *q = p; q < bad; q++)
        multibyte += ((guchar) *q & 0xc0) == 0xc0;
      p = bad + 1;
    }

  return multibyte > invalid;
}

/* g_utf8_validate() over a whole page cost a twentieth of an extraction.
 * Pages are mostly ASCII: skip it eight bytes at a time (no byte with the
 * high bit set, none zero) and validate only the stretches between, which
 * hold whole sequences since no byte of a multi-byte sequence is ASCII. */
static gboolean
is_valid_utf8 (const guint8 *data,
               gsize         length)
{
  const guint8 *p = data;
  const guint8 *end = data + length;

  while (p < end)
    {
      const guint8 *run;

      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0
              || ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word
                  & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          p += 8;
        }
      while (p < end && *p < 0x80)
        {
          if (*p == 0)
            return FALSE;
          p++;
        }
      if (p == end)
        break;

      for (run = p; run < end && *run >= 0x80; run++)
        ;
      if (!g_utf8_validate ((const char *) p, run - p, NULL))
        return FALSE;
      p = run;
    }

  return TRUE;
}

/**
 * gloss_decode_to_utf8:
 * @data: raw bytes of a file (already decompressed)
 * @length: number of bytes
 * @out_length: (out): length of the result in bytes
 * @error: return location for a %GLOSS_ERROR_BINARY error
 *
 * Returns: (transfer full): valid, nul-terminated UTF-8 without a BOM
 */
char *
gloss_decode_to_utf8 (const guint8  *data,
                      gsize          length,
                      gsize         *out_length,
                      GError       **error)
{
  g_autofree char *declared = NULL;
  const char *utf16;
  char *result;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  if (has_prefix (data, length, "\xef\xbb\xbf", 3))
    return repair_utf8 ((const char *) data + 3, length - 3, out_length);
  if (has_prefix (data, length, "\xff\xfe", 2))
    {
      result = convert_from (data + 2, length - 2, "UTF-16LE", out_length);
      if (result != NULL)
        return result;
    }
  if (has_prefix (data, length, "\xfe\xff", 2))
    {
      result = convert_from (data + 2, length - 2, "UTF-16BE", out_length);
      if (result != NULL)
        return result;
    }

  if (looks_like_binary_format (data, length))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_BINARY,
                           _("This is not a web page or text file (it looks like an image, "
                             "archive, document or program)"));
      return NULL;
    }

  utf16 = guess_bomless_utf16 (data, length);
  if (utf16 != NULL)
    {
      result = convert_from (data, length, utf16, out_length);
      if (result != NULL)
        return result;
    }

  if (has_control_bytes (data, length))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_BINARY,
                           _("This file holds binary data, not text"));
      return NULL;
    }

  if (is_valid_utf8 (data, length))
    {
      *out_length = length;
      return g_strndup ((const char *) data, length);
    }

  declared = find_declared_charset (data, length);
  if (declared != NULL && g_ascii_strcasecmp (declared, "utf-8") != 0 &&
      g_ascii_strcasecmp (declared, "utf8") != 0)
    {
      const char *charset = declared;

      if (g_ascii_strcasecmp (charset, "iso-8859-1") == 0 ||
          g_ascii_strcasecmp (charset, "latin1") == 0 ||
          g_ascii_strcasecmp (charset, "us-ascii") == 0)
        charset = "WINDOWS-1252";
      /* Pages labelled GB2312 or GBK use GB18030's wider repertoire. */
      else if (g_ascii_strcasecmp (charset, "gb2312") == 0 || g_ascii_strcasecmp (charset, "gbk") == 0)
        charset = "GB18030";

      result = convert_from (data, length, charset, out_length);
      if (result != NULL && g_utf8_validate (result, *out_length, NULL))
        return result;
      g_free (result);
    }

  if (mostly_utf8 ((const char *) data, length))
    return repair_utf8 ((const char *) data, length, out_length);

  result = convert_from (data, length, "WINDOWS-1252", out_length);
  if (result != NULL)
    return result;

  return repair_utf8 ((const char *) data, length, out_length);
}

static gboolean
filename_says_html (const char *filename)
{
  g_autofree char *lower = filename != NULL ? g_ascii_strdown (filename, -1) : NULL;

  if (lower == NULL)
    return FALSE;
  if (g_str_has_suffix (lower, ".gz"))
    lower[strlen (lower) - 3] = '\0';
  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
         g_str_has_suffix (lower, ".xhtml") || g_str_has_suffix (lower, ".shtml");
}

/**
 * gloss_decode_sniff_format:
 * @utf8: the decoded text
 * @length: its length in bytes
 * @filename_or_null: the file's name, a tie-breaker only
 *
 * Decides from the content whether this is markup or copied page text.  A
 * text file that merely mentions "<b>" stays text; a page saved without an
 * extension is still HTML.
 */
GlossSniffedFormat
gloss_decode_sniff_format (const char *utf8,
                           gsize       length,
                           const char *filename_or_null)
{
  static const char * const html_markers[] = {
    "<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>",
    "<p ", "<article", "<br", "<span", "<table", "<a href", "<h1", "<h2", "<section",
  };
  gsize window = MIN (length, 2048);
  g_autofree char *head = NULL;
  const char *p = utf8;
  guint markers = 0;

  while (p < utf8 + window && g_ascii_isspace (*p))
    p++;

  head = g_ascii_strdown (p, window - (p - utf8));

  if (g_str_has_prefix (head, "<!doctype html") || g_str_has_prefix (head, "<html") ||
      (g_str_has_prefix (head, "<?xml") && strstr (head, "<html") != NULL))
    return GLOSS_SNIFFED_HTML;

  for (guint i = 0; i < G_N_ELEMENTS (html_markers); i++)
    if (strstr (head, html_markers[i]) != NULL)
      markers++;

  if (head[0] == '<' && markers >= 1)
    return GLOSS_SNIFFED_HTML;
  if (markers >= 3)
    return GLOSS_SNIFFED_HTML;
  if (markers >= 1 && filename_says_html (filename_or_null))
    return GLOSS_SNIFFED_HTML;

  return GLOSS_SNIFFED_TEXT;
}

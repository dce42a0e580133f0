/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-checkworthy"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "gloss-checkworthy.h"
#include "gloss-checkworthy-private.h"
#include "gloss-error.h"
#include "gloss-suggest-resources.h"

/* The weights file, as tools/train-checkworthy.py writes it:
 *
 *   # comments
 *   gloss-checkworthy 1
 *   scheme gloss-cw-2
 *   hash fnv1a32 20
 *   threshold 0.2900
 *   weights N
 *   BUCKET WEIGHT      (N lines, buckets strictly ascending)
 *
 * Only the buckets that carry a weight are listed.  They are kept in an
 * open-addressing table at most half full, so that a lookup is one probe or
 * two: a 10,000-word article has about 25,000 feature occurrences, and a
 * bisection of the sorted list missed the cache on most of its steps. */

#define RESOURCE_PATH "/io/github/glossapp/Gloss/suggest/checkworthy.weights"

#define EMPTY_SLOT G_MAXUINT32   /* never a bucket: buckets have at most 31 bits */

typedef struct
{
  guint32 bucket;
  double  weight;
} Slot;

struct _GlossCheckworthyModel
{
  guint    hash_bits;
  double   threshold;
  guint    n_weights;
  guint32 *buckets;       /* as read, ascending; freed once the table is built */
  double  *weights;
  guint    table_bits;
  Slot    *table;
};

void
gloss_checkworthy_model_free (GlossCheckworthyModel *model)
{
  if (model == NULL)
    return;
  g_free (model->buckets);
  g_free (model->weights);
  g_free (model->table);
  g_free (model);
}

static gboolean
corrupt (GError     **error,
         guint        line,
         const char  *what)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT,
               "Check-worthiness weights, line %u: %s", line, what);
  return FALSE;
}

/* Parses a whole decimal number that fits in a guint64, or fails. */
static gboolean
parse_uint (const char *s,
            guint64     max,
            guint64    *out)
{
  return g_ascii_string_to_unsigned (s, 10, 0, max, out, NULL);
}

static gboolean
parse_double (const char *s,
              double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (s, &end);
  return end != s && *end == '\0' && isfinite (*out);
}

static gboolean
parse_model (GlossCheckworthyModel *model,
             const char            *data,
             gsize                  length,
             GError               **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  enum { MAGIC, SCHEME, HASH, THRESHOLD, COUNT, WEIGHTS } state = MAGIC;
  guint filled = 0;
  guint i;

  if (!g_utf8_validate_len (data, length, NULL))
    return corrupt (error, 0, "not UTF-8 text");
  copy = g_strndup (data, length);
  lines = g_strsplit (copy, "\n", -1);

  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      guint64 n;
      guint line = i + 1;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (state == WEIGHTS)
        {
          /* Tens of thousands of these: parsed in place, without splitting. */
          guint64 max = (1u << model->hash_bits) - 1;
          char *end = NULL;
          double value;

          if (filled == model->n_weights)
            return corrupt (error, line, "more weights than announced");
          if (!g_ascii_isdigit (lines[i][0]))
            return corrupt (error, line, "expected “BUCKET WEIGHT”");
          n = g_ascii_strtoull (lines[i], &end, 10);
          if (*end != ' ' || n > max || !parse_double (end + 1, &value) || end[1] == ' ')
            return corrupt (error, line, "expected “BUCKET WEIGHT”");
          if (filled > 0 && n <= model->buckets[filled - 1])
            return corrupt (error, line, "buckets out of order");
          model->buckets[filled] = (guint32) n;
          model->weights[filled++] = value;
          continue;
        }
      f = g_strsplit (lines[i], " ", -1);

      switch (state)
        {
        case MAGIC:
          if (g_strv_length (f) != 2 || strcmp (f[0], "gloss-checkworthy") != 0)
            return corrupt (error, line, "not a Gloss check-worthiness model");
          if (strcmp (f[1], "1") != 0)
            return corrupt (error, line, "written for another version of Gloss");
          state = SCHEME;
          break;

        case SCHEME:
          if (g_strv_length (f) != 2 || strcmp (f[0], "scheme") != 0)
            return corrupt (error, line, "expected “scheme NAME”");
          if (strcmp (f[1], GLOSS_CHECKWORTHY_SCHEME) != 0)
            return corrupt (error, line, "made for another feature scheme");
          state = HASH;
          break;

        case HASH:
          if (g_strv_length (f) != 3 || strcmp (f[0], "hash") != 0 ||
              strcmp (f[1], "fnv1a32") != 0 || !parse_uint (f[2], 31, &n) || n == 0)
            return corrupt (error, line, "expected “hash fnv1a32 BITS”");
          model->hash_bits = (guint) n;
          state = THRESHOLD;
          break;

        case THRESHOLD:
          if (g_strv_length (f) != 2 || strcmp (f[0], "threshold") != 0 ||
              !parse_double (f[1], &model->threshold) ||
              model->threshold < 0.0 || model->threshold > 1.0)
            return corrupt (error, line, "expected “threshold P” with 0 ≤ P ≤ 1");
          state = COUNT;
          break;

        case COUNT:
          if (g_strv_length (f) != 2 || strcmp (f[0], "weights") != 0 ||
              !parse_uint (f[1], 1u << 24, &n))
            return corrupt (error, line, "expected “weights N”");
          model->n_weights = (guint) n;
          model->buckets = g_new (guint32, MAX (model->n_weights, 1));
          model->weights = g_new (double, MAX (model->n_weights, 1));
          state = WEIGHTS;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (state != WEIGHTS)
    return corrupt (error, i, "the file ends before its weights");
  if (filled != model->n_weights)
    return corrupt (error, i, "fewer weights than announced");
  return TRUE;
}

static guint
slot_of (guint32 bucket,
         guint   table_bits)
{
  return (guint) ((bucket * 2654435761u) >> (32 - table_bits));
}

static void
build_table (GlossCheckworthyModel *model)
{
  guint mask;

  model->table_bits = 4;
  while ((1u << model->table_bits) < 2 * model->n_weights)
    model->table_bits++;
  mask = (1u << model->table_bits) - 1;
  model->table = g_new (Slot, 1u << model->table_bits);
  for (guint i = 0; i <= mask; i++)
    model->table[i].bucket = EMPTY_SLOT;
  for (guint i = 0; i < model->n_weights; i++)
    {
      guint k = slot_of (model->buckets[i], model->table_bits);

      while (model->table[k].bucket != EMPTY_SLOT)
        k = (k + 1) & mask;
      model->table[k].bucket = model->buckets[i];
      model->table[k].weight = model->weights[i];
    }
  g_clear_pointer (&model->buckets, g_free);
  g_clear_pointer (&model->weights, g_free);
}

/**
 * gloss_checkworthy_model_load_bytes:
 * @bytes: the contents of a weights file
 * @error: return location for a %GLOSS_ERROR_CORRUPT error
 *
 * Returns: (transfer full): the model, or %NULL
 */
GlossCheckworthyModel *
gloss_checkworthy_model_load_bytes (GBytes  *bytes,
                                    GError **error)
{
  g_autoptr(GlossCheckworthyModel) model = g_new0 (GlossCheckworthyModel, 1);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!parse_model (model, data != NULL ? data : "", length, error))
    return NULL;
  build_table (model);
  return g_steal_pointer (&model);
}

/**
 * gloss_checkworthy_model_load:
 * @path: (nullable): a weights file, or %NULL for the model built into Gloss
 * @error: return location for a #GLOSS_ERROR
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
GlossCheckworthyModel *
gloss_checkworthy_model_load (const char  *path,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (path == NULL)
    {
      /* Looked up in the library's own resource rather than the global
       * table: this also keeps the resource from being dropped when the
       * static core library is linked. */
      bytes = g_resource_lookup_data (gloss_suggest_get_resource (), RESOURCE_PATH,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
    }
  else
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &local);

      if (file == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, "%s", local->message);
          return NULL;
        }
      bytes = g_mapped_file_get_bytes (file);
    }
  return gloss_checkworthy_model_load_bytes (bytes, error);
}

/**
 * gloss_checkworthy_model_get_default:
 * @error: return location for a #GLOSS_ERROR
 *
 * The model built into Gloss, loaded on first use and kept for the life of
 * the process.  Safe to call from any thread.
 *
 * Returns: (transfer none): the model, or %NULL with @error set
 */
GlossCheckworthyModel *
gloss_checkworthy_model_get_default (GError **error)
{
  static GlossCheckworthyModel *model;
  static GMutex lock;
  GlossCheckworthyModel *result;

  g_mutex_lock (&lock);
  if (model == NULL)
    model = gloss_checkworthy_model_load (NULL, error);
  result = model;
  g_mutex_unlock (&lock);
  return result;
}

/**
 * gloss_checkworthy_model_get_threshold:
 *
 * Returns: the probability from which a sentence counts as worth checking,
 *   chosen when the model was trained
 */
double
gloss_checkworthy_model_get_threshold (GlossCheckworthyModel *model)
{
  g_return_val_if_fail (model != NULL, 1.0);

  return model->threshold;
}

static double
weight_of (GlossCheckworthyModel *model,
           guint32                bucket)
{
  guint mask = (1u << model->table_bits) - 1;

  for (guint k = slot_of (bucket, model->table_bits); ; k = (k + 1) & mask)
    {
      if (model->table[k].bucket == bucket)
        return model->table[k].weight;
      if (model->table[k].bucket == EMPTY_SLOT)
        return 0.0;
    }
}

typedef struct
{
  GlossCheckworthyModel *model;
  double                 z;
} Sum;

static void
add_feature (guint32  bucket,
             double   value,
             gpointer user_data)
{
  Sum *sum = user_data;

  sum->z += weight_of (sum->model, bucket) * value;
}

/**
 * gloss_checkworthy_model_score_len:
 * @model: a model
 * @text: UTF-8 text of one sentence (invalid sequences count as separators)
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 *
 * Returns: the probability, between 0 and 1, that the sentence is worth
 *   checking
 */
double
gloss_checkworthy_model_score_len (GlossCheckworthyModel *model,
                                   const char            *text,
                                   gssize                 length)
{
  g_autofree char *valid = NULL;
  Sum sum = { model, 0.0 };

  g_return_val_if_fail (model != NULL, 0.0);
  g_return_val_if_fail (text != NULL || length == 0, 0.0);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }

  gloss_checkworthy_features (text, length, model->hash_bits, add_feature, &sum);
  return 1.0 / (1.0 + exp (-sum.z));
}

/**
 * gloss_checkworthy_model_score:
 * @model: a model
 * @sentence: one sentence, nul-terminated UTF-8
 *
 * Returns: the probability, between 0 and 1, that the sentence is worth
 *   checking
 */
double
gloss_checkworthy_model_score (GlossCheckworthyModel *model,
                               const char            *sentence)
{
  return gloss_checkworthy_model_score_len (model, sentence, -1);
}

/**
 * gloss_checkworthy_model_is_checkworthy:
 *
 * Returns: whether the score of @sentence reaches the model's threshold
 */
gboolean
gloss_checkworthy_model_is_checkworthy (GlossCheckworthyModel *model,
                                        const char            *sentence)
{
  g_return_val_if_fail (model != NULL, FALSE);

  return gloss_checkworthy_model_score (model, sentence) >= model->threshold;
}

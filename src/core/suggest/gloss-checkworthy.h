/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossCheckworthyModel:
 *
 * The check-worthiness model: how likely a sentence is to state a specific
 * fact a fact-checker could verify (numbers, events, comparisons…), as
 * opposed to opinion, prediction or description.  A logistic regression over
 * hashed word and word-pair features plus cue features, trained offline by
 * tools/train-checkworthy.py; the weights and the decision threshold are in
 * data/suggest/checkworthy.weights (built into the program as well).
 *
 * A loaded model is immutable: any number of threads may score with it at
 * once.
 */
typedef struct _GlossCheckworthyModel GlossCheckworthyModel;

GlossCheckworthyModel *gloss_checkworthy_model_load         (const char             *path,
                                                             GError                **error);
GlossCheckworthyModel *gloss_checkworthy_model_load_bytes   (GBytes                 *bytes,
                                                             GError                **error);
GlossCheckworthyModel *gloss_checkworthy_model_get_default  (GError                **error);
void                   gloss_checkworthy_model_free         (GlossCheckworthyModel  *model);

double                 gloss_checkworthy_model_score        (GlossCheckworthyModel  *model,
                                                             const char             *sentence);
double                 gloss_checkworthy_model_score_len    (GlossCheckworthyModel  *model,
                                                             const char             *text,
                                                             gssize                  length);
double                 gloss_checkworthy_model_get_threshold (GlossCheckworthyModel *model);
gboolean               gloss_checkworthy_model_is_checkworthy (GlossCheckworthyModel *model,
                                                               const char            *sentence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCheckworthyModel, gloss_checkworthy_model_free)

G_END_DECLS

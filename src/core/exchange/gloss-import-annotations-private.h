/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-annotation.h"
#include "gloss-import-annotations.h"

G_BEGIN_DECLS

/* One annotation as read from a file, before it meets the library. */
typedef struct
{
  char *id;                 /* its id in the file (IRI or Hypothesis id), or NULL */
  char *source;             /* the document it was made on */
  char *exact;
  char *prefix;
  char *suffix;
  gboolean has_position;
  glong start;
  glong end;
  gboolean has_kind;
  GlossAnnotationKind kind;
  gboolean has_verdict;
  GlossVerdict verdict;
  char *note;
  char *speaker;
  char *created;
  char *updated;
  GPtrArray *tags;          /* tags that name no kind, kept in the note */
  GPtrArray *link_targets;  /* IRIs of linked annotations */
  GArray *link_relations;   /* GlossRelation, one per link target */
} GlossImportRecord;

typedef struct
{
  GPtrArray *records;       /* GlossImportRecord */
  guint skipped;
  /* Positions are in Gloss's coordinates (a Gloss export), not a web page's. */
  gboolean gloss_positions;
} GlossImportFile;

void             gloss_import_file_free  (GlossImportFile *file);
GlossImportFile *gloss_import_file_parse (GBytes          *data,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossImportFile, gloss_import_file_free)

G_END_DECLS

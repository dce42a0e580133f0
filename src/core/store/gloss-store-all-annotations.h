/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every annotation of the library, filtered (gloss-store-all-annotations.c). */

#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossSpeakerMatch:
 * @GLOSS_SPEAKER_MATCH_EXACT: the whole name, as picked from a list of speakers
 * @GLOSS_SPEAKER_MATCH_CONTAINS: any part of the name, as typed
 *
 * How #GlossAnnotationQuery compares speakers; either way case, accents
 * and spacing do not matter (gloss_annotation_fold_speaker()).
 */
typedef enum
{
  GLOSS_SPEAKER_MATCH_EXACT,
  GLOSS_SPEAKER_MATCH_CONTAINS,
} GlossSpeakerMatch;

/**
 * GlossAnnotationQuery:
 * @kinds: the kinds to show, as bits `1 << GlossAnnotationKind`; 0 for all
 * @speaker: (nullable): only annotations by this speaker; %NULL or blank for any
 * @speaker_match: how @speaker is compared
 * @verdict: only claims with this verdict; %GLOSS_VERDICT_NONE for any
 *   annotation, whatever its verdict
 * @text: (nullable): words typed to find in the quote, the note or the
 *   speaker: each the start of a word, in any order, case and accents
 *   ignored; punctuation and symbols the words carry ("50%") must be there
 *   as typed
 * @oldest_first: sort by the date of creation, oldest first instead of newest
 * @author: (nullable): only annotations this person made, as a team server
 *   recorded them (gloss_store_list_annotation_authors()); %NULL for anyone
 *
 * A filter over all annotations; conditions combine with AND.  Start from
 * %GLOSS_ANNOTATION_QUERY_INIT.
 */
typedef struct
{
  guint kinds;
  const char *speaker;
  GlossSpeakerMatch speaker_match;
  GlossVerdict verdict;
  const char *text;
  gboolean oldest_first;
  const char *author;
} GlossAnnotationQuery;

#define GLOSS_ANNOTATION_QUERY_INIT \
  { 0, NULL, GLOSS_SPEAKER_MATCH_EXACT, GLOSS_VERDICT_NONE, NULL, FALSE, NULL }

/**
 * GlossAnnotationEntry:
 * @id: the annotation
 * @article_id: its article
 * @kind: its kind
 * @verdict: a claim's verdict; %GLOSS_VERDICT_NONE for the other kinds
 * @state: anchored, moved or orphaned
 * @start_block: where it starts: the block …
 * @start_offset: … and the code point inside it
 * @exact: the words it marks
 * @note: (nullable): its note
 * @speaker: (nullable): who said the words
 * @created_at: when it was made (ISO 8601)
 * @article_title: its article's title
 * @author: (nullable): who made it, as a team server recorded (team
 *   libraries); %NULL when it has not been synced
 *
 * One annotation as a list of all annotations shows it.
 */
typedef struct
{
  gint64 id;
  gint64 article_id;
  GlossAnnotationKind kind;
  GlossVerdict verdict;
  GlossAnchorState state;
  guint start_block;
  guint start_offset;
  char *exact;
  char *note;
  char *speaker;
  char *created_at;
  char *article_title;
  char *author;
} GlossAnnotationEntry;

/**
 * GlossSpeakerCount:
 * @name: the speaker, spelled as most of their annotations spell it
 * @count: how many annotations name them
 */
typedef struct
{
  char *name;
  guint count;
} GlossSpeakerCount;

#define GLOSS_TYPE_ANNOTATION_ENTRY (gloss_annotation_entry_get_type ())
GType                 gloss_annotation_entry_get_type (void) G_GNUC_CONST;
GlossAnnotationEntry *gloss_annotation_entry_copy     (const GlossAnnotationEntry *entry);
void                  gloss_annotation_entry_free     (GlossAnnotationEntry       *entry);
void                  gloss_speaker_count_free        (GlossSpeakerCount          *speaker);
char                 *gloss_annotation_fold_speaker   (const char                 *speaker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnnotationEntry, gloss_annotation_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSpeakerCount, gloss_speaker_count_free)

GArray           *gloss_store_find_annotations       (GlossStore                  *self,
                                                      const GlossAnnotationQuery  *query,
                                                      GError                     **error);
GPtrArray        *gloss_store_list_annotation_entries (GlossStore                  *self,
                                                       const gint64                *ids,
                                                       guint                        n_ids,
                                                       GError                     **error);
GPtrArray        *gloss_store_list_all_annotations   (GlossStore                  *self,
                                                      const GlossAnnotationQuery  *query,
                                                      guint                        offset,
                                                      guint                        limit,
                                                      GError                     **error);
GPtrArray        *gloss_store_list_speakers          (GlossStore                  *self,
                                                      GError                     **error);
GPtrArray        *gloss_store_list_annotation_authors (GlossStore                 *self,
                                                       GError                    **error);
gboolean          gloss_store_count_annotations      (GlossStore                  *self,
                                                      guint                       *out_count,
                                                      GError                     **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-core.h"
#include "test-seed.h"

/* The acceptance sample of issue 5: the NATO/Huawei article with a claim
 * (speaker, verdict, a note full of characters that need care), the denial
 * that responds to it, and an annotation across two paragraphs.  Uuids and
 * times are pinned so exports can be compared with files written by hand. */

#define SAMPLE_CLAIM "some of NATO’s 29 allies are uneasy about the potential security challenges of working with Huawei"
#define SAMPLE_DENIAL "there is no evidence that Huawei poses any threat to cybersecurity"
#define SAMPLE_CLAIM_NOTE "=SUM(A1:A9), says \"who\"?\nSecond line with <b>bold</b> &amp; more"
#define SAMPLE_CLAIM_UUID "11111111-1111-4111-8111-111111111111"
#define SAMPLE_DENIAL_UUID "22222222-2222-4222-8222-222222222222"
#define SAMPLE_SPAN_UUID "33333333-3333-4333-8333-333333333333"

static gint64
sample_import_article (GlossStore *store)
{
  return gloss_test_import_data (store, "nato-huawei.txt");
}

/* Opens @db_path with the annotated sample; returns the store. */
static GlossStore *
sample_annotated_library (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (db_path, &error);
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossAnchor) claim_anchor = NULL;
  g_autoptr(GlossAnchor) denial_anchor = NULL;
  g_autoptr(GlossAnchor) span_anchor = NULL;
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GlossAnnotation) span = NULL;
  gint64 article_id;

  g_assert_no_error (error);
  article_id = sample_import_article (store);
  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);

  claim_anchor = gloss_anchor_new_for_quote (article, SAMPLE_CLAIM, 0, &error);
  g_assert_no_error (error);
  claim = gloss_annotation_new (GLOSS_ANNOTATION_CLAIM, claim_anchor);
  gloss_annotation_set_article_id (claim, article_id);
  gloss_annotation_set_speaker (claim, "NATO allies");
  gloss_annotation_set_verdict (claim, GLOSS_VERDICT_MOSTLY_FALSE);
  gloss_annotation_set_note (claim, SAMPLE_CLAIM_NOTE);
  gloss_store_add_annotation (store, claim, &error);
  g_assert_no_error (error);

  denial_anchor = gloss_anchor_new_for_quote (article, SAMPLE_DENIAL, 0, &error);
  g_assert_no_error (error);
  denial = gloss_annotation_new (GLOSS_ANNOTATION_DENIAL, denial_anchor);
  gloss_annotation_set_article_id (denial, article_id);
  gloss_annotation_set_speaker (denial, "Huawei");
  gloss_annotation_set_note (denial, "Statement after the remarks, see the company's site");
  gloss_annotation_add_link (denial, GLOSS_RELATION_RESPONDS_TO, gloss_annotation_get_id (claim), NULL);
  gloss_store_add_annotation (store, denial, &error);
  g_assert_no_error (error);

  /* From the start of ¶ 4 to “addressed” in ¶ 5. */
  span_anchor = gloss_anchor_new_for_range (article, 3, 0, 4, 46, &error);
  g_assert_no_error (error);
  span = gloss_annotation_new (GLOSS_ANNOTATION_EVIDENCE, span_anchor);
  gloss_annotation_set_article_id (span, article_id);
  gloss_annotation_set_note (span, "Across two paragraphs, with a comma");
  gloss_store_add_annotation (store, span, &error);
  g_assert_no_error (error);

  g_clear_object (&store);
  gloss_test_sql_exec (db_path,
                       "UPDATE annotations SET uuid = '" SAMPLE_CLAIM_UUID "', created_at = '2024-03-01T10:00:00.000000Z',"
                       " updated_at = '2024-03-02T11:30:00.000000Z' WHERE kind = 'claim';"
                       "UPDATE annotations SET uuid = '" SAMPLE_DENIAL_UUID "', created_at = '2024-03-01T10:05:00.000000Z',"
                       " updated_at = '2024-03-01T10:05:00.000000Z' WHERE kind = 'denial';"
                       "UPDATE annotations SET uuid = '" SAMPLE_SPAN_UUID "', created_at = '2024-03-01T10:10:00.000000Z',"
                       " updated_at = '2024-03-01T10:10:00.000000Z' WHERE kind = 'evidence';"
                       "UPDATE articles SET imported_at = '2024-03-01T09:00:00.000000Z';");

  store = gloss_store_open (db_path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

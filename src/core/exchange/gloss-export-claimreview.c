/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <json-glib/json-glib.h>

#include "gloss-export-private.h"

/*
 * schema.org ClaimReview (https://schema.org/ClaimReview) for every claim
 * that has a verdict other than "unrated": a JSON-LD document whose @graph
 * holds one ClaimReview per claim.
 *
 *   claimReviewed   the quote
 *   itemReviewed    a Claim: author = the speaker (Person or Organization,
 *                   see speaker_type()), appearance = the article as a
 *                   CreativeWork (url, headline), datePublished = the
 *                   article's date when known
 *   reviewRating    a Rating: alternateName = the verdict in words; the
 *                   verdicts on the true–false scale also get ratingValue
 *                   with bestRating 5 and worstRating 1 (true 5, mostly true
 *                   4, mixed 3, mostly false 2, false 1); "unverifiable" is
 *                   off the scale and has only its name
 *   reviewBody      the note, then what the denials linked to the claim
 *                   (responds-to) say and who says it
 *   datePublished   the day the verdict was last changed
 *   author          the reviewing organisation (Organization); the reviewer
 *                   as a Person when no organisation is set
 *   creator         the reviewer (Person), when an organisation is the author
 *   url             the review address with #claim-<uuid>, so each review
 *                   has its own; without an address, the claim's urn:uuid
 *                   (the id its W3C annotation has)
 * (gloss_export_data_set_reviewer() says who and where.)
 */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static int
rating_value (GlossVerdict verdict)
{
  switch (verdict)
    {
    case GLOSS_VERDICT_TRUE:
      return 5;
    case GLOSS_VERDICT_MOSTLY_TRUE:
      return 4;
    case GLOSS_VERDICT_MIXED:
      return 3;
    case GLOSS_VERDICT_MOSTLY_FALSE:
      return 2;
    case GLOSS_VERDICT_FALSE:
      return 1;
    case GLOSS_VERDICT_NONE:
    case GLOSS_VERDICT_UNRATED:
    case GLOSS_VERDICT_UNVERIFIABLE:
    default:
      return 0;
    }
}

/* Gloss stores only a name.  Two to four capitalised words without an
 * organisation word read as a person ("Jens Stoltenberg"); anything else
 * ("Huawei", "NATO allies", "Ministry of Defence") as an organisation. */
static const char *
speaker_type (const char *speaker)
{
  static const char * const organisation_words[] = {
    "agency", "association", "bank", "company", "committee", "corporation", "council",
    "department", "government", "group", "inc", "institute", "ltd", "ministry", "office",
    "party", "university",
  };
  g_auto(GStrv) words = g_strsplit (speaker, " ", -1);
  guint n_words = g_strv_length (words);

  if (n_words < 2 || n_words > 4)
    return "Organization";

  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);
      g_autofree char *upper = g_utf8_strup (words[i], -1);
      gunichar first = g_utf8_get_char (words[i]);

      if (!g_unichar_isupper (first) || (g_utf8_strlen (words[i], -1) > 1 && g_str_equal (upper, words[i])))
        return "Organization";
      g_strdelimit (lower, ".,", ' ');
      g_strchomp (lower);
      for (guint j = 0; j < G_N_ELEMENTS (organisation_words); j++)
        if (g_str_equal (lower, organisation_words[j]))
          return "Organization";
    }

  return "Person";
}

static char *
dup_review_body (GlossExportData *data,
                 GlossAnnotation *claim)
{
  g_autoptr(GString) body = g_string_new (gloss_annotation_get_note (claim));

  /* Denials point at the claim they answer. */
  for (guint i = 0; i < data->articles->len; i++)
    {
      GlossExportArticle *item = g_ptr_array_index (data->articles, i);

      for (guint j = 0; j < item->annotations->len; j++)
        {
          GlossAnnotation *denial = g_ptr_array_index (item->annotations, j);
          const char *speaker = gloss_annotation_get_speaker (denial);

          if (gloss_annotation_get_kind (denial) != GLOSS_ANNOTATION_DENIAL)
            continue;
          for (guint k = 0; k < gloss_annotation_get_n_links (denial); k++)
            {
              const GlossAnnotationLink *link = gloss_annotation_get_link (denial, k);

              if (link->relation != GLOSS_RELATION_RESPONDS_TO ||
                  g_strcmp0 (link->target_uuid, gloss_annotation_get_uuid (claim)) != 0)
                continue;
              if (body->len > 0)
                g_string_append (body, "\n\n");
              /* The review is published as is, in English like schema.org's terms. */
              g_string_append_printf (body, "Denied by %s: “%s”",
                                      speaker != NULL && *speaker != '\0' ? speaker : "an unnamed source",
                                      gloss_annotation_get_anchor (denial)->exact);
            }
        }
    }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
add_claim_review (JsonBuilder        *builder,
                  GlossExportData    *data,
                  GlossExportArticle *item,
                  GlossAnnotation    *claim)
{
  GlossVerdict verdict = gloss_annotation_get_verdict (claim);
  const char *speaker = gloss_annotation_get_speaker (claim);
  const char *url = gloss_export_get_link (item);
  const char *title = gloss_article_get_title (item->article);
  const char *published = gloss_article_get_published (item->article);
  const char *updated = gloss_annotation_get_updated_at (claim);
  g_autofree char *review_body = dup_review_body (data, claim);
  g_autofree char *date = g_strndup (updated != NULL ? updated : data->generated_at, 10);
  int value = rating_value (verdict);
  g_autofree char *url_of_review = data->review_url != NULL
                                   ? g_strdup_printf ("%s#claim-%s", data->review_url,
                                                      gloss_annotation_get_uuid (claim))
                                   : gloss_export_dup_annotation_iri (claim);

  json_builder_begin_object (builder);
  add_string (builder, "@type", "ClaimReview");
  add_string (builder, "datePublished", date);
  add_string (builder, "url", url_of_review);
  if (data->organisation != NULL || data->reviewer != NULL)
    {
      json_builder_set_member_name (builder, "author");
      json_builder_begin_object (builder);
      add_string (builder, "@type", data->organisation != NULL ? "Organization" : "Person");
      add_string (builder, "name", data->organisation != NULL ? data->organisation : data->reviewer);
      json_builder_end_object (builder);
    }
  if (data->organisation != NULL && data->reviewer != NULL)
    {
      json_builder_set_member_name (builder, "creator");
      json_builder_begin_object (builder);
      add_string (builder, "@type", "Person");
      add_string (builder, "name", data->reviewer);
      json_builder_end_object (builder);
    }
  add_string (builder, "claimReviewed", gloss_annotation_get_anchor (claim)->exact);

  json_builder_set_member_name (builder, "itemReviewed");
  json_builder_begin_object (builder);
  add_string (builder, "@type", "Claim");
  if (speaker != NULL && *speaker != '\0')
    {
      json_builder_set_member_name (builder, "author");
      json_builder_begin_object (builder);
      add_string (builder, "@type", speaker_type (speaker));
      add_string (builder, "name", speaker);
      json_builder_end_object (builder);
    }
  if (published != NULL && *published != '\0')
    add_string (builder, "datePublished", published);
  json_builder_set_member_name (builder, "appearance");
  json_builder_begin_object (builder);
  add_string (builder, "@type", "CreativeWork");
  if (url != NULL && *url != '\0')
    add_string (builder, "url", url);
  if (title != NULL && *title != '\0')
    add_string (builder, "headline", title);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reviewRating");
  json_builder_begin_object (builder);
  add_string (builder, "@type", "Rating");
  /* English, matching the stable verdict names rather than the UI language. */
  add_string (builder, "alternateName",
              verdict == GLOSS_VERDICT_TRUE ? "True" :
              verdict == GLOSS_VERDICT_MOSTLY_TRUE ? "Mostly true" :
              verdict == GLOSS_VERDICT_MIXED ? "Mixed" :
              verdict == GLOSS_VERDICT_MOSTLY_FALSE ? "Mostly false" :
              verdict == GLOSS_VERDICT_FALSE ? "False" : "Unverifiable");
  if (value > 0)
    {
      json_builder_set_member_name (builder, "ratingValue");
      json_builder_add_int_value (builder, value);
      json_builder_set_member_name (builder, "bestRating");
      json_builder_add_int_value (builder, 5);
      json_builder_set_member_name (builder, "worstRating");
      json_builder_add_int_value (builder, 1);
    }
  json_builder_end_object (builder);

  if (*review_body != '\0')
    add_string (builder, "reviewBody", review_body);
  json_builder_end_object (builder);
}

GBytes *
gloss_export_claim_review (GlossExportData  *data,
                           GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) text = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "@context", "https://schema.org");
  json_builder_set_member_name (builder, "@graph");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->articles->len; i++)
    {
      GlossExportArticle *item = g_ptr_array_index (data->articles, i);

      for (guint j = 0; j < item->annotations->len; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (item->annotations, j);
          GlossVerdict verdict = gloss_annotation_get_verdict (annotation);

          if (gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_CLAIM &&
              verdict != GLOSS_VERDICT_NONE && verdict != GLOSS_VERDICT_UNRATED)
            add_claim_review (builder, data, item, annotation);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_gstring (generator, g_string_new (NULL));
  g_string_append_c (text, '\n');
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

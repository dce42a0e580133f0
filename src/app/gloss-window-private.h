/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-all-annotations-view.h"
#include "gloss-annotation-editor.h"
#include "gloss-annotation-list.h"
#include "gloss-annotation-model.h"
#include "gloss-export-dialog.h"
#include "gloss-library-sidebar.h"
#include "gloss-suggestions-pane.h"
#include "gloss-window.h"

G_BEGIN_DECLS

struct _GlossWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *loading_page;
  GtkLabel            *loading_label;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *scroller;
  GlossReaderView     *reader_view;
  AdwFlap             *flap;
  GtkToggleButton     *pane_button;
  GlossAnnotationList *annotation_list;
  AdwFlap             *library_flap;
  GtkToggleButton     *library_button;
  GlossLibrarySidebar *library_sidebar;
  GlossAllAnnotationsView *all_annotations_view;
  GtkRevealer         *import_revealer;
  GtkLabel            *import_label;
  GtkProgressBar      *import_progress;

  /* The library (NULL when it could not be opened), and the annotations
   * of the article shown */
  GlossStore            *store;
  GlossAnnotationModel  *annotations;
  GlossAnnotationEditor *editor;

  /* Deleted annotations an Undo toast can still bring back, by toast id */
  GHashTable          *deleted;
  guint                last_deleted_id;
  /* The annotation whose words are being changed (gloss-window-range.c) */
  gint64               range_annotation_id;
  AdwToast            *range_toast;
  /* why Change Words did nothing, while it shows */
  AdwToast            *range_notice;

  /* The file whose article is shown */
  GFile               *file;
  /* Cancels the open in progress; replaced by each open */
  GCancellable        *cancellable;
  /* Shows the loading page once an open takes long enough to notice */
  guint                loading_page_source;
  guint                loading : 1;

  /* gloss-window-articles.c: articles an Undo toast can bring back, by
   * toast id */
  GHashTable          *deleted_articles;

  /* gloss-window-library.c: saving where the article shown was left */
  guint                save_position_source;
  guint                refresh_row_source;
  guint                restoring_position : 1;

  /* gloss-window-import.c: the import running, and its summary */
  GCancellable        *import_cancellable;
  GtkWidget           *import_summary;

  /* gloss-window-watch.c: what another program last changed */
  guint                watch_source;
  gint64               watch_version;
  gint64               watch_article_id;
  char                *watch_signature;
  gint64               watch_own_changes;
  guint                watch_version_known : 1;

  /* gloss-window-links.c: checks for changes running, and what stops them */
  GCancellable        *link_cancellable;
  guint                link_checks;
  /* Check All in progress (gloss-window-links.c), its bar and Cancel */
  gpointer             check_all;
  GtkRevealer         *check_revealer;
  GtkLabel            *check_label;
  GtkProgressBar      *check_progress;

  /* gloss-window-versions.c: two versions compared in the reader */
  GtkRevealer         *compare_revealer;
  GtkLabel            *compare_label;
  GlossArticle        *compare_shown;   /* the reader's, while comparing */
  gint64               compare_article_id;
  guint                compare_from;
  guint                compare_to;
  guint                compare_n_changes;
  guint                compare_current; /* G_MAXUINT before the first step */
  GArray              *compare_marks;

  /* gloss-window-suggestions.c: the suggestions for the article shown */
  GtkToggleButton      *suggestions_button;
  GlossSuggestionsPane *suggestions_pane;
  GlossSuggestionModel *suggestions;
};

void _gloss_window_class_actions_init  (GlossWindowClass *klass);
void _gloss_window_actions_init        (GlossWindow      *self);
void _gloss_window_update_mark_actions (GlossWindow      *self);
void _gloss_window_edit_annotation     (GlossWindow      *self,
                                        GlossAnnotation  *annotation);
void _gloss_window_show_error_toast    (GlossWindow      *self,
                                        const char       *message);

/* gloss-window-range.c: changing the words of a saved annotation */
void     _gloss_window_class_range_init     (GlossWindowClass *klass);
void     _gloss_window_update_range_actions (GlossWindow      *self,
                                             gboolean          writable);
void     _gloss_window_end_range_edit       (GlossWindow      *self);
gboolean _gloss_window_is_editing_range     (GlossWindow      *self);

/* gloss-window-history.c: Ctrl+Z and Ctrl+Shift+Z over annotation changes */
void     _gloss_window_class_history_init     (GlossWindowClass *klass);
void     _gloss_window_history_init           (GlossWindow      *self);
void     _gloss_window_history_watch          (GlossWindow      *self);
void     _gloss_window_update_history_actions (GlossWindow      *self);

/* gloss-window-share.c: export, print, import annotations */
void _gloss_window_class_share_init     (GlossWindowClass *klass);
GlossExportDialog *_gloss_window_new_export_dialog (GlossWindow *self);
void _gloss_window_update_share_actions (GlossWindow      *self);
void _gloss_window_import_annotations   (GlossWindow      *self,
                                         GFile            *file);
GtkPrintOperationResult _gloss_window_print (GlossWindow             *self,
                                             GtkPrintOperationAction  action,
                                             const char              *export_path,
                                             GError                 **error);

/* gloss-window-library.c: the library sidebar, search, article actions */
void  _gloss_window_class_library_init      (GlossWindowClass *klass);
void  _gloss_window_library_init            (GlossWindow      *self);
void  _gloss_window_library_dispose         (GlossWindow      *self);
void  _gloss_window_update_library_actions  (GlossWindow      *self);
void  _gloss_window_library_article_shown   (GlossWindow      *self);
void  _gloss_window_library_article_leaving (GlossWindow      *self);
void  _gloss_window_leave_all_annotations   (GlossWindow      *self);
void  _gloss_window_save_reading_position   (GlossWindow      *self);
void  _gloss_window_open_annotation         (GlossWindow      *self,
                                             gint64            article_id,
                                             gint64            annotation_id);
char *_gloss_window_format_reading_time     (GlossArticle     *article);
gint64 _gloss_window_shown_article_id      (GlossWindow      *self);

/* gloss-window-articles.c: read/unread, archive, details, delete with Undo */
void  _gloss_window_class_article_actions_init (GlossWindowClass *klass);
void  _gloss_window_article_actions_init    (GlossWindow      *self);
void  _gloss_window_article_actions_dispose (GlossWindow      *self);

/* gloss-window-import.c: folders and many files into the library */
void  _gloss_window_class_import_init       (GlossWindowClass *klass);
void  _gloss_window_import_dispose          (GlossWindow      *self);
void  _gloss_window_import_files            (GlossWindow      *self,
                                             GListModel       *files);

/* gloss-window-watch.c: changes made by gloss-cli or another program */
void  _gloss_window_watch_init              (GlossWindow      *self);
void  _gloss_window_watch_reset             (GlossWindow      *self);
void  _gloss_window_watch_article_shown     (GlossWindow      *self);
void  _gloss_window_watch_dispose           (GlossWindow      *self);

/* gloss-window-links.c: Open Link, Check for Changes */
void  _gloss_window_class_links_init        (GlossWindowClass *klass);
void  _gloss_window_links_init              (GlossWindow      *self);
void  _gloss_window_links_dispose           (GlossWindow      *self);
void  _gloss_window_update_link_actions     (GlossWindow      *self);
char *_gloss_window_format_update_report    (const GlossUpdateReport *report);
void  _gloss_window_open_link               (GlossWindow      *self,
                                             const char       *link);

/* gloss-window-versions.c: versions, comparing two, restoring */
void  _gloss_window_class_versions_init     (GlossWindowClass *klass);
void  _gloss_window_versions_init           (GlossWindow      *self);
void  _gloss_window_versions_dispose        (GlossWindow      *self);
gboolean _gloss_window_compare_versions     (GlossWindow      *self,
                                             gint64            article_id,
                                             guint             from,
                                             guint             to,
                                             GError          **error);

/* gloss-window-newer-copy.c: a newer copy of a known story, opened or imported */
typedef struct
{
  GFile *file;
  GBytes *bytes;
  gint64 known_id;
} GlossNewerCopy;

GlossNewerCopy *_gloss_newer_copy_new       (GFile            *file,
                                             GBytes           *bytes,
                                             gint64            known_id);
void  _gloss_newer_copy_free                (GlossNewerCopy   *copy);
void  _gloss_window_ask_newer_copy          (GlossWindow      *self,
                                             GlossNewerCopy   *copy);
void  _gloss_window_add_copies              (GlossWindow      *self,
                                             GPtrArray        *copies,
                                             gboolean          as_versions,
                                             gboolean          open);

/* gloss-window-suggestions.c: suggested claims and denials */
void  _gloss_window_class_suggestions_init  (GlossWindowClass *klass);
void  _gloss_window_suggestions_init        (GlossWindow      *self);
void  _gloss_window_suggestions_dispose     (GlossWindow      *self);
GlossSuggestionModel *gloss_window_get_suggestions (GlossWindow *self);

/* gloss-window.c */
void  _gloss_window_close_article           (GlossWindow      *self);
void  _gloss_window_update_title            (GlossWindow      *self);

G_END_DECLS

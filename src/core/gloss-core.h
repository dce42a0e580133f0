/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Umbrella header of the GTK-free core library. */

#include "gloss-article.h"
#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-annotation-json.h"
#include "gloss-checkworthy.h"
#include "gloss-article-json.h"
#include "gloss-enums.h"
#include "gloss-error.h"
#include "gloss-relation-labels.h"
#include "gloss-export.h"
#include "gloss-extract.h"
#include "gloss-diff.h"
#include "gloss-fetch.h"
#include "gloss-import-annotations.h"
#include "gloss-file-import.h"
#include "gloss-store.h"
#include "gloss-suggest.h"
#include "gloss-text-normalize.h"

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Trains Gloss's check-worthiness model and writes data/suggest/checkworthy.weights.

A logistic regression over the hashed features of tools/checkworthy_features.py
(word unigrams and pairs plus cue features), trained with AdaGrad on

- the ClaimBuster "2.5xNCS" debate sentences (CC BY 4.0, see data/suggest/README.md),
- the tune split of Gloss's own labelled news articles (tests/data/claims/news-tune.json),
  weighted up because they are the prose Gloss reads.

Plain Python 3, no dependencies, no network; the same inputs and seed give the same
file byte for byte.  The decision threshold is chosen by cross-validation over the
news articles (grouped by article, never by sentence) and stored in the file.  The
held-out articles (tests/data/claims/news-heldout.json) are never read for training or
tuning; --report scores them at the end.

Usage:
  tools/train-checkworthy.py --claimbuster PATH/claimbuster-2.5xNCS.json [--report]
"""
import argparse
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checkworthy_features as cf  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TUNE = os.path.join(TOP, 'tests', 'data', 'claims', 'news-tune.json')
HELDOUT = os.path.join(TOP, 'tests', 'data', 'claims', 'news-heldout.json')
WEIGHTS = os.path.join(TOP, 'data', 'suggest', 'checkworthy.weights')
EXPECTED = os.path.join(TOP, 'tests', 'data', 'suggest', 'checkworthy-expected.json')

SEED = 20191119
EPOCHS = 8
LEARNING_RATE = 0.2
L2 = 1e-5
NEWS_WEIGHT = 8.0
CV_FOLDS = 4
PRUNE = 1e-4          # weights smaller than this are left out of the file
MIN_COUNT = 2         # features seen in fewer training sentences get no weight

# Fixed sentences whose scores the C tests compare with this script's (tests/core).
PROBES = [
    '',
    'Stoltenberg says some of NATO’s 29 allies are uneasy about the potential security '
    'challenges of working with Huawei.',
    '“NATO takes these concerns very seriously,” Stoltenberg said.',
    'He refused to speculate about what it might do.',
    'Oil prices fell 3.38% to $55.12 per barrel on Tuesday, the biggest drop since 2018.',
    'I think we will win, and we will win big!',
    'Was it worth it?',
    'Ünïcödé wörds — ДАННЫЕ 数据 ١٢٣ and café in Zürich.',
    'The company, which employs 1,200 people in Ohio, denied the report.',
    'THE QUICK BROWN FOX JUMPED OVER THE LAZY DOG IN 1999',
    '   spaces   and\ttabs\nand newlines   ',
    '(Repeated emails to the mayor went unanswered.)',
    'Caroline Hawley, BBC correspondent',
    'He was arrested on Tuesday, two days ago, and charged, police reported.',
]


def load_claimbuster(path):
    with open(path, encoding='utf-8') as f:
        rows = json.load(f)
    return [(r['text'], 1 if r['label'] == 1 else 0) for r in rows]


def load_news(path):
    with open(path, encoding='utf-8') as f:
        articles = json.load(f)
    out = []
    for a in articles:
        out.append((a['id'], [(s['text'], 1 if 'checkworthy' in s['labels'] else 0)
                              for s in a['sentences']]))
    return out


def train(examples, seed):
    """examples: list of (features, label, weight).  Returns {bucket: weight}.
    Buckets seen in fewer than MIN_COUNT sentences are dropped: they are mostly
    one-off word pairs that would only memorise their sentence, and they would
    make up most of the file."""
    seen = {}
    for feats, _y, _weight in examples:
        for b in {b for b, _v in feats}:
            seen[b] = seen.get(b, 0) + 1
    examples = [([(b, v) for b, v in feats if seen[b] >= MIN_COUNT], y, weight)
                for feats, y, weight in examples]
    w = {}
    g2 = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, y, weight = examples[i]
            z = 0.0
            for b, v in feats:
                z += w.get(b, 0.0) * v
            p = 1.0 / (1.0 + math.exp(-z)) if z > -35 else 0.0
            g = (p - y) * weight
            for b, v in feats:
                wb = w.get(b, 0.0)
                grad = g * v + L2 * wb
                acc = g2.get(b, 0.0) + grad * grad
                g2[b] = acc
                if acc > 0.0:
                    w[b] = wb - LEARNING_RATE * grad / math.sqrt(acc)
    return w


def examples_from(claimbuster, news_articles, news_weight):
    ex = [(cf.features(t), y, 1.0) for t, y in claimbuster]
    if news_weight > 0:
        for _id, sents in news_articles:
            ex.extend((cf.features(t), y, news_weight) for t, y in sents)
    return ex


def score_all(w, sents):
    out = []
    for t, _y in sents:
        z = 0.0
        for b, v in cf.features(t):
            z += w.get(b, 0.0) * v
        out.append(1.0 / (1.0 + math.exp(-z)))
    return out


def f1_at(pairs, threshold):
    tp = sum(1 for p, y in pairs if p >= threshold and y)
    fp = sum(1 for p, y in pairs if p >= threshold and not y)
    fn = sum(1 for p, y in pairs if p < threshold and y)
    return (2 * tp / (2 * tp + fp + fn)) if tp else 0.0, tp, fp, fn


def best_threshold(pairs):
    best = (0.0, 0.5)
    for k in range(5, 96):
        t = k / 100
        f = f1_at(pairs, t)[0]
        if f > best[0] + 1e-12:
            best = (f, t)
    return best[1], best[0]


def cross_validate(claimbuster, news, news_weight, seed):
    """Grouped by article: each fold's news articles are scored by a model that did not
    see them.  Returns the pooled (probability, label) pairs."""
    ids = [a for a, _ in news]
    random.Random(seed).shuffle(ids)
    folds = [set(ids[k::CV_FOLDS]) for k in range(CV_FOLDS)]
    pairs = []
    for k, fold in enumerate(folds):
        train_news = [a for a in news if a[0] not in fold]
        w = train(examples_from(claimbuster, train_news, news_weight), seed + k)
        for _id, sents in news:
            if _id in fold:
                pairs.extend(zip(score_all(w, sents), (y for _t, y in sents)))
    return pairs


def write_weights(path, w, threshold, n_cb, n_news):
    kept = sorted((b, v) for b, v in w.items() if abs(v) >= PRUNE)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Gloss check-worthiness model: logistic regression over hashed features.\n')
        f.write('# Written by tools/train-checkworthy.py; do not edit by hand.\n')
        f.write(f'# Trained on {n_cb} ClaimBuster sentences (CC BY 4.0, see README.md here)\n')
        f.write(f'# and {n_news} sentences of Gloss\'s tune-split news labels.\n')
        f.write('gloss-checkworthy 1\n')
        f.write(f'scheme {cf.SCHEME}\n')
        f.write(f'hash fnv1a32 {cf.HASH_BITS}\n')
        f.write(f'threshold {threshold:.4f}\n')
        f.write(f'weights {len(kept)}\n')
        for b, v in kept:
            f.write(f'{b} {v:.5g}\n')


def read_weights(path):
    w = {}
    threshold = None
    with open(path, encoding='utf-8') as f:
        header = True
        for line in f:
            if line.startswith('#'):
                continue
            parts = line.split()
            if header:
                if parts[0] == 'threshold':
                    threshold = float(parts[1])
                elif parts[0] == 'weights':
                    header = False
                continue
            w[int(parts[0])] = float(parts[1])
    return w, threshold


def write_expected(path, w):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    rows = [{'text': t, 'score': cf.score(w, t)} for t in PROBES]
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)
        f.write('\n')


def predictions(w, threshold, gold_path):
    """Predictions in score_claims.py's format: the gold units, checkworthy where the
    model's probability reaches the threshold."""
    with open(gold_path, encoding='utf-8') as f:
        articles = json.load(f)
    out = []
    for a in articles:
        for s in a['sentences']:
            labels = ['checkworthy'] if cf.score(w, s['text']) >= threshold else []
            out.append({'id': a['id'], 'p': s['p'], 'start': s['start'], 'end': s['end'],
                        'labels': labels, 'speaker': None})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--claimbuster', required=True,
                    help='claimbuster-2.5xNCS.json (shared/bench/claims/claimbuster/)')
    ap.add_argument('--news-weight', type=float, default=NEWS_WEIGHT)
    ap.add_argument('--out', default=WEIGHTS)
    ap.add_argument('--expected', default=EXPECTED)
    ap.add_argument('--report', action='store_true',
                    help='also write predictions for the tune and held-out sets to PREFIX')
    ap.add_argument('--predictions-prefix', default='/tmp/gloss-checkworthy')
    args = ap.parse_args()

    claimbuster = load_claimbuster(args.claimbuster)
    news = load_news(TUNE)
    n_news = sum(len(s) for _a, s in news)

    pairs = cross_validate(claimbuster, news, args.news_weight, SEED)
    threshold, cv_f1 = best_threshold(pairs)
    f1, tp, fp, fn = f1_at(pairs, threshold)
    print(f'cross-validated on {len(news)} tune articles ({n_news} sentences, {CV_FOLDS} folds '
          f'by article): threshold {threshold:.2f}, F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})')

    w = train(examples_from(claimbuster, news, args.news_weight), SEED)
    write_weights(args.out, w, threshold, len(claimbuster), n_news if args.news_weight > 0 else 0)
    w_file, t_file = read_weights(args.out)
    write_expected(args.expected, w_file)
    print(f'wrote {args.out} ({len(w_file)} weights, threshold {t_file:.4f}) and {args.expected}')

    if args.report:
        for name, path in (('tune', TUNE), ('heldout', HELDOUT)):
            out = f'{args.predictions_prefix}-{name}.json'
            with open(out, 'w', encoding='utf-8') as f:
                json.dump(predictions(w_file, t_file, path), f)
            print(f'predictions for {name}: {out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())

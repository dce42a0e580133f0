#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""All four extraction scores at once, on a tuning half and an untouched half.

Runs `gloss-cli extract --json` over both shared dev sets, each as saved HTML
and as copied text, and scores them with the sets' own scorers:

  aeb-html, aeb-text     the article-extraction benchmark's dev split (F1 on
                         4-word shingles, score.py)
  traf-html, traf-text   trafeval-dev, half of trafilatura's evaluation set
                         (snippet F, score_trafeval.py)

Pages are split by their sorted file names: even positions are the half one
tunes on ("tune"), odd positions the half one only looks at ("check").  For
trafeval, the scores are also given per language group, the group taken from
the page itself (its <html lang>, else its address's country domain), never
from Gloss's output.  Also counted: pages that give nothing of the article
(F1 0 or no snippet found), and articles without title, date or language.

  tests/bench/quality-split.py [--build build] [--only aeb-text,...]
                               [--save DIR] [--half tune|check|all]

--save writes each run's predictions and per-page scores there, to compare
two builds page by page.  Needs ../shared/bench (not in a user's clone).
"""
import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
# ../shared beside the checkout; a worktree in a folder of its own looks one up.
BENCH = next((c for c in (os.path.join(os.path.dirname(TOP), 'shared', 'bench', 'extraction'),
                          os.path.join(os.path.dirname(os.path.dirname(TOP)), 'shared', 'bench',
                                       'extraction'))
              if os.path.isdir(c)), None)

RUNS = ('aeb-html', 'aeb-text', 'traf-html', 'traf-text')

TLD_LANG = {
    'de': 'de', 'at': 'de', 'ch': 'de', 'fr': 'fr', 'be': 'fr', 'es': 'es', 'it': 'it',
    'pt': 'pt', 'br': 'pt', 'nl': 'nl', 'pl': 'pl', 'ru': 'ru', 'ua': 'uk', 'cz': 'cs',
    'cn': 'zh', 'tw': 'zh', 'hk': 'zh', 'jp': 'ja', 'kr': 'ko', 'uk': 'en', 'us': 'en',
    'au': 'en', 'ie': 'en', 'gr': 'el', 'tr': 'tr', 'se': 'sv', 'dk': 'da', 'no': 'no',
    'fi': 'fi', 'hu': 'hu', 'id': 'id', 'ir': 'fa', 'il': 'he', 'eg': 'ar', 'sa': 'ar',
}
OTHER_LATIN = {'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sv', 'da', 'no', 'fi', 'hu',
               'tr', 'id', 'ro', 'ca', 'hr', 'sk', 'sl', 'lt', 'lv', 'et', 'vi', 'eu'}

LANG_RE = re.compile(rb'<html[^>]*?\slang\s*=\s*["\']?([A-Za-z]{2,3})', re.I)


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def language_group(html_path, url):
    lang = None
    try:
        with open(html_path, 'rb') as f:
            head = f.read(4096)
        m = LANG_RE.search(head)
        if m:
            lang = m.group(1).decode().lower()
    except OSError:
        pass
    if lang is None:
        host = re.sub(r'^[a-z]+://', '', url).split('/')[0]
        lang = TLD_LANG.get(host.rsplit('.', 1)[-1])
    if lang is None:
        return '?'
    if lang in ('de', 'en'):
        return lang
    if lang in OTHER_LATIN:
        return 'latin'
    return 'other'


def run_cli(cli, fmt, files):
    out = {}
    for i in range(0, len(files), 200):
        chunk = files[i:i + 200]
        run = subprocess.run([cli, 'extract', '--json', '--as', fmt] + chunk,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in run.stdout.splitlines():
            item = json.loads(line)
            out[os.path.splitext(os.path.basename(item['file']))[0]] = item
    return out


def body_of(item):
    return '\n'.join(b['text'] for b in (item or {}).get('blocks', []))


def meta_missing(items, pages):
    miss = {'title': 0, 'date': 0, 'lang': 0, 'none': 0}
    for p in pages:
        item = items.get(p)
        if item is None:
            miss['none'] += 1
            continue
        if not item.get('title'):
            miss['title'] += 1
        if not item.get('published'):
            miss['date'] += 1
        if not item.get('language'):
            miss['lang'] += 1
    return miss


def halves(pages):
    pages = sorted(pages)
    return {'tune': pages[0::2], 'check': pages[1::2]}


def score_aeb(scorer, bench, cli, fmt, save):
    gt = json.load(open(os.path.join(bench, 'dev', 'ground-truth.json')))
    folder = os.path.join(bench, 'dev', fmt)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    items = run_cli(cli, fmt, files)
    rows = []
    per_page = {}
    for half, pages in halves(gt.keys()).items():
        sub_gt = {p: gt[p] for p in pages}
        pred = {p: {'articleBody': body_of(items.get(p))} for p in pages}
        m = scorer.evaluate(sub_gt, pred, n_bootstrap=0, missing_empty=True)
        zero = sum(1 for _, pr, rc, _ in m['per_page'] if not rc)
        for k, pr, rc, _ in m['per_page']:
            per_page[k] = (half, pr, rc)
        rows.append((half, 'all', len(pages), m['f1'], m['precision'], m['recall'], zero,
                     meta_missing(items, pages)))
    if save:
        json.dump({'items': items, 'per_page': per_page},
                  open(os.path.join(save, 'aeb-%s.json' % fmt), 'w'), ensure_ascii=False)
    return rows


def score_traf(scorer, bench, cli, fmt, save):
    root = os.path.join(bench, 'trafeval-dev')
    evaldata = json.load(open(os.path.join(root, 'evaldata.json')))
    by_page = {os.path.splitext(v['file'])[0]: (url, v) for url, v in evaldata.items()}
    ext = '.html' if fmt == 'html' else '.txt'
    folder = os.path.join(root, fmt)
    files = [os.path.join(folder, p + ext) for p in sorted(by_page)
             if os.path.exists(os.path.join(folder, p + ext))]
    items = run_cli(cli, fmt, files)
    groups = {p: language_group(os.path.join(root, 'html', p + '.html'), by_page[p][0])
              for p in by_page}
    rows = []
    per_page = {}
    for half, pages in halves(by_page.keys()).items():
        for group in ['all', 'de', 'en', 'latin', 'other', '?']:
            sel = [p for p in pages if group == 'all' or groups[p] == group]
            if not sel:
                continue
            sub = {by_page[p][0]: by_page[p][1] for p in sel}
            pred = {p: body_of(items.get(p)) for p in sel}
            m = scorer.score(sub, pred)
            zero = sum(1 for p in sel
                       if scorer.count_item(by_page[p][1], pred[p])[0] == 0)
            if group == 'all':
                for p in sel:
                    c = scorer.count_item(by_page[p][1], pred[p])
                    per_page[p] = (half, groups[p], c)
            rows.append((half, group, len(sel), m['f1'], m['precision'], m['recall'], zero,
                         meta_missing(items, sel) if group == 'all' else None))
    if save:
        json.dump({'items': items, 'per_page': per_page},
                  open(os.path.join(save, 'traf-%s.json' % fmt), 'w'), ensure_ascii=False)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default=os.path.join(TOP, 'build'))
    parser.add_argument('--bench', default=BENCH)
    parser.add_argument('--only', default=','.join(RUNS))
    parser.add_argument('--save')
    args = parser.parse_args()

    cli = os.path.join(args.build, 'src', 'cli', 'gloss-cli')
    aeb = load_module(os.path.join(args.bench, 'score.py'), 'aeb_score')
    traf = load_module(os.path.join(args.bench, 'trafeval-dev', 'score_trafeval.py'),
                       'traf_score')
    if args.save:
        os.makedirs(args.save, exist_ok=True)

    print('%-10s %-5s %-6s %4s %6s %6s %6s %5s  %s' % (
        'set', 'half', 'lang', 'n', 'F', 'P', 'R', 'zero', 'missing title/date/lang/article'))
    for run in args.only.split(','):
        kind, fmt = run.split('-')
        if kind == 'aeb':
            rows = score_aeb(aeb, args.bench, cli, fmt, args.save)
        else:
            rows = score_traf(traf, args.bench, cli, fmt, args.save)
        for half, group, n, f, p, r, zero, miss in rows:
            meta = '' if miss is None else '%d/%d/%d/%d' % (
                miss['title'], miss['date'], miss['lang'], miss['none'])
            print('%-10s %-5s %-6s %4d %6.3f %6.3f %6.3f %5d  %s' % (
                run, half, group, n, f, p, r, zero, meta))
        sys.stdout.flush()


if __name__ == '__main__':
    main()

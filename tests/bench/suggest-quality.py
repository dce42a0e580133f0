#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How good `gloss-cli suggest` is on hand-labelled news articles.

Each labelled article goes into a fresh library the way a reader's would
(its paragraphs as a saved HTML page; the sample as its copied text), then
`gloss-cli suggest ID --json` runs on it, and its sentences, mapped from the
store's blocks back to the labelled paragraphs, are scored by the claims kit's
reference scorer (shared/bench/claims/score_claims.py).  Each labels file is
scored on its own: the tune split (tests/data/claims/news-tune.json), the
held-out split (news-heldout.json, never tuned on) and the sample.

Usage: suggest-quality.py [--cli build/src/cli/gloss-cli] [--kit ../shared/bench/claims]
                          [--errors tune] [--keep DIR]
"""
import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.normpath(os.path.join(HERE, '..', '..'))
SPLITS = [
    ('tune', os.path.join(SOURCE, 'tests', 'data', 'claims', 'news-tune.json'), None),
    ('held-out', os.path.join(SOURCE, 'tests', 'data', 'claims', 'news-heldout.json'), None),
    ('sample', None, os.path.join(SOURCE, 'tests', 'data', 'nato-huawei.txt')),
]


def squashed(text):
    """The text without white space or invisible characters, for matching."""
    return ''.join(c for c in text if not c.isspace() and unicodedata.category(c) not in ('Cf', 'Cc'))


def offset_map(block, para):
    """Code-point offsets of block (the store's normalised text) → offsets in para."""
    out = [0] * (len(block) + 1)
    i = 0
    for j, c in enumerate(block):
        while i < len(para) and para[i] != c and (para[i].isspace() or unicodedata.category(para[i]) in ('Cf', 'Cc')):
            i += 1
        if c.isspace() and (i >= len(para) or para[i] != c):
            out[j] = i
            continue
        out[j] = i
        if i < len(para):
            i += 1
    out[len(block)] = i
    return out


def run(cli, db, *args):
    return subprocess.run([cli, '--db', db] + list(args), capture_output=True, text=True)


def import_article(cli, db, workdir, art, sample):
    if sample:
        path = sample
    else:
        path = os.path.join(workdir, art['id'][:16] + '.html')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title>'
                    '</head><body><article><h1>Article</h1>\n')
            for p in art['paragraphs']:
                f.write('<p>' + html.escape(p, quote=False) + '</p>\n')
            f.write('</article></body></html>\n')
    res = run(cli, db, 'import', '--json', path)
    if res.returncode != 0:
        raise SystemExit(f'import of {path} failed: {res.stderr}')
    rec = json.loads(res.stdout.splitlines()[0])
    return rec.get('id') or rec.get('article')


def predict(cli, db, art_id, art):
    res = run(cli, db, 'suggest', '--json', str(art_id))
    if res.returncode != 0:
        raise SystemExit(f'suggest {art_id} failed: {res.stderr}')
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    blocks = {}
    for r in rows:
        blocks.setdefault(r['block'], []).append(r)
    by_squash = {}
    for pi, p in enumerate(art['paragraphs']):
        by_squash.setdefault(squashed(p), pi)
    preds, found = [], set()
    # the block text is the concatenation of its sentences' texts with spaces
    # between; ask `show` for it instead of rebuilding it
    shown = json.loads(run(cli, db, 'show', '--json', str(art_id)).stdout)
    for b, block in enumerate(shown['blocks']):
        text = block['text']
        pi = by_squash.get(squashed(text))
        if pi is None:
            continue
        found.add(pi)
        m = offset_map(text, art['paragraphs'][pi])
        for r in blocks.get(b, []):
            preds.append({'id': art['id'], 'p': pi, 'start': m[r['start']], 'end': m[r['end']],
                          'labels': r['labels'], 'speaker': (r['speaker'] or {}).get('name'),
                          'text': r['text']})
    return preds, found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cli', default=os.path.join(SOURCE, 'build', 'src', 'cli', 'gloss-cli'))
    ap.add_argument('--kit', default=os.path.join(SOURCE, '..', '..', 'shared', 'bench', 'claims'))
    ap.add_argument('--errors', choices=['tune', 'sample'],
                    help='also list the sentences this split gets wrong (never the held-out one)')
    ap.add_argument('--keep', help='write the predictions of each split into this folder')
    args = ap.parse_args()
    kit = args.kit
    if not os.path.exists(os.path.join(kit, 'score_claims.py')):
        kit = os.path.join(SOURCE, '..', 'shared', 'bench', 'claims')
    scorer = os.path.join(kit, 'score_claims.py')
    sys.path.insert(0, kit)
    import score_claims

    for name, gold_path, sample in SPLITS:
        if gold_path is None:
            gold_path = os.path.join(kit, 'seed-labels.json')
        gold = json.load(open(gold_path, encoding='utf-8'))
        preds = []
        missing = 0
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, 'library.sqlite')
            for art in gold:
                art_id = import_article(args.cli, db, tmp, art, sample)
                p, found = predict(args.cli, db, art_id, art)
                preds += p
                missing += len(art['paragraphs']) - len(found)
            pred_path = os.path.join(args.keep or tmp, f'predictions-{name}.json')
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
            with open(pred_path, 'w', encoding='utf-8') as f:
                json.dump(preds, f, ensure_ascii=False)
            res = json.loads(subprocess.run([sys.executable, scorer, pred_path, '--gold', gold_path,
                                             '--json'], capture_output=True, text=True,
                                            check=True).stdout)
        n_sent = sum(len(a['sentences']) for a in gold)
        print(f'== {name}: {len(gold)} articles, {n_sent} sentences'
              f' ({os.path.relpath(gold_path, SOURCE)}); {missing} labelled paragraphs not found in the library')
        print(score_claims.format_report(res))
        print()
        if args.errors == name or (args.errors == 'tune' and name == 'sample'):
            show_errors(gold, preds, score_claims)


def show_errors(gold, preds, score_claims):
    for pr in preds:
        pr.setdefault('i', id(pr))
        pr['labels'] = set(pr['labels'])
    matched, unmatched, _ = score_claims.match(gold, [dict(p, i=k) for k, p in enumerate(preds)])
    for ai, art in enumerate(gold):
        for si, g in enumerate(art['sentences']):
            m = matched[(ai, si)]
            pl = set(m['labels']) - {'checkworthy'} if m else set()
            gl = set(g['labels']) - {'checkworthy'}
            ok_sp = (not g.get('speaker')) or (m and m['speaker'] and
                                               score_claims.norm_strict(m['speaker']) == score_claims.norm_strict(g['speaker']))
            if pl != gl or not ok_sp:
                print(f"{g.get('uid')}: gold {sorted(gl)} {g.get('speaker')!r} | got {sorted(pl)} "
                      f"{m['speaker'] if m else None!r}\n    {g['text'][:300]}")


if __name__ == '__main__':
    main()

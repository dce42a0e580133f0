#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Extraction quality on the shared benchmark's dev split.

Runs `gloss-cli extract --json` once over every page (HTML or copied text),
writes the predictions in the scorer's format and runs the benchmark's own
scorer on them.  Needs ../shared/bench (not part of a user's clone).

  tests/bench/quality.py [--build build] [--input html|text] [--per-page out.tsv]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(os.path.dirname(TOP), 'shared', 'bench', 'extraction')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default=os.path.join(TOP, 'build'))
    parser.add_argument('--input', choices=['html', 'text'], default='html')
    parser.add_argument('--bench', default=BENCH)
    parser.add_argument('--per-page')
    parser.add_argument('--save', help='keep the predictions JSON here')
    args = parser.parse_args()

    folder = os.path.join(args.bench, 'dev', args.input)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    cli = os.path.join(args.build, 'src', 'cli', 'gloss-cli')
    run = subprocess.run([cli, 'extract', '--json', '--as', args.input] + files,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    predictions = {}
    for line in run.stdout.splitlines():
        item = json.loads(line)
        page = os.path.splitext(os.path.basename(item['file']))[0]
        body = '\n'.join(b['text'] for b in item.get('blocks', []))
        predictions[page] = {'articleBody': body, 'title': item.get('title')}

    out = args.save or tempfile.mkstemp(suffix='.json')[1]
    with open(out, 'w') as f:
        json.dump(predictions, f, ensure_ascii=False)
    cmd = [sys.executable, os.path.join(args.bench, 'score.py'),
           os.path.join(args.bench, 'dev', 'ground-truth.json'), out, '--missing-empty']
    if args.per_page:
        cmd += ['--per-page', args.per_page]
    sys.exit(subprocess.call(cmd))


if __name__ == '__main__':
    main()

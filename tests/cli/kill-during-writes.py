#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing acknowledged is lost.

1. A burst of 1,000 `gloss-cli annotate` calls on one library, some of them
   killed with SIGKILL while they run.  Afterwards PRAGMA integrity_check is
   "ok" and every annotation whose id was printed (acknowledged) is present.
2. Imports of many files killed part-way: every article whose id was printed
   is there with all its blocks, and no article is half-written.
3. Two processes annotating the same library at the same time both succeed.

  kill-during-writes.py GLOSS_CLI SAMPLE_ARTICLE [N_CALLS]
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

QUOTES = ['NATO', 'Huawei', 'allies', 'security', 'Stoltenberg', 'evidence', 'cybersecurity']
KINDS = ['claim', 'denial', 'evidence', 'question']


def annotate_args(cli, db, i):
    quote = QUOTES[i % len(QUOTES)]
    return [cli, '--db', db, 'annotate', '1', '--kind', KINDS[i % len(KINDS)],
            '--quote', quote, '--note', f'burst note {i}', '--json']


def burst_with_kills(cli, db, n_calls, rng):
    acknowledged = set()
    killed = 0
    kill_at = set(rng.sample(range(n_calls), max(1, n_calls // 20)))
    for i in range(n_calls):
        process = subprocess.Popen(annotate_args(cli, db, i), stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        if i in kill_at:
            time.sleep(rng.uniform(0.0, 0.02))
            process.send_signal(signal.SIGKILL)
            killed += 1
        out, _ = process.communicate()
        if process.returncode == 0 and out.strip():
            acknowledged.add(json.loads(out)['id'])
    return acknowledged, killed


def imports_with_kills(cli, db, tmp, rng, rounds=5, files_per_round=60):
    """Returns (acknowledged article ids, problems found)."""
    acknowledged = set()
    for r in range(rounds):
        folder = os.path.join(tmp, f'round{r}')
        os.makedirs(folder)
        paths = []
        for i in range(files_per_round):
            path = os.path.join(folder, f'story{i}.txt')
            with open(path, 'w') as f:
                f.write(f'Round {r} story {i} headline\n\n')
                for p in range(5):
                    f.write(f'Paragraph {p} of story {i} in round {r}, with words enough '
                            f'to read as prose, says the reporter, and a full stop.\n\n')
            paths.append(path)
        process = subprocess.Popen([cli, '--db', db, 'import', '--json'] + paths,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        time.sleep(rng.uniform(0.05, 0.4))
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
        for line in out.splitlines():
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                continue  # the line being written when the process died
            if 'article' in item:
                acknowledged.add(item['article'])
    problems = []
    with sqlite3.connect(db) as conn:
        stored = {row[0]: row[1] for row in conn.execute(
            'SELECT a.id, (SELECT count(*) FROM blocks WHERE article = a.id) FROM articles a')}
    for article in acknowledged:
        if article not in stored:
            problems.append(f'article {article} was acknowledged but is missing')
    for article, n_blocks in stored.items():
        if n_blocks == 0:
            problems.append(f'article {article} has no blocks')
    return acknowledged, problems


def concurrent_writers(cli, db, per_writer):
    results = {}

    def writer(name):
        ids, failures = [], 0
        for i in range(per_writer):
            run = subprocess.run(annotate_args(cli, db, i), capture_output=True, text=True)
            if run.returncode == 0:
                ids.append(json.loads(run.stdout)['id'])
            else:
                failures += 1
                print(f'{name}: {run.stderr.strip()}')
        results[name] = (ids, failures)

    threads = [threading.Thread(target=writer, args=(f'writer {n}',)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main():
    cli, sample = sys.argv[1], sys.argv[2]
    n_calls = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    rng = random.Random(1128)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'library.db')
        subprocess.run([cli, '--db', db, 'import', sample], check=True, stdout=subprocess.DEVNULL)

        acknowledged, killed = burst_with_kills(cli, db, n_calls, rng)
        with sqlite3.connect(db) as conn:
            integrity = conn.execute('PRAGMA integrity_check').fetchone()[0]
            stored = {row[0] for row in conn.execute('SELECT id FROM annotations')}
        lost = acknowledged - stored
        print(f'{n_calls} calls, {killed} killed, {len(acknowledged)} acknowledged, '
              f'{len(stored)} stored, integrity {integrity}, {len(lost)} lost')
        if integrity != 'ok' or lost or len(acknowledged) < n_calls - killed:
            failed = True

        imported, problems = imports_with_kills(cli, db, tmp, rng)
        with sqlite3.connect(db) as conn:
            integrity = conn.execute('PRAGMA integrity_check').fetchone()[0]
        print(f'killed imports: {len(imported)} articles acknowledged, integrity {integrity}, '
              f'{len(problems)} problems')
        for problem in problems:
            print(problem)
        if problems or integrity != 'ok':
            failed = True

        results = concurrent_writers(cli, db, 50)
        with sqlite3.connect(db) as conn:
            stored = {row[0] for row in conn.execute('SELECT id FROM annotations')}
        for name, (ids, failures) in sorted(results.items()):
            missing = set(ids) - stored
            print(f'{name}: {len(ids)} saved, {failures} failed, {len(missing)} missing')
            if failures or missing:
                failed = True

    print('FAILED' if failed else 'ok')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

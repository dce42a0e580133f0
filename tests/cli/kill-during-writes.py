#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing acknowledged is lost.

1. A burst of 1,000 `gloss-cli annotate` calls on one library, some of them
   killed with SIGKILL while they run.  Afterwards PRAGMA integrity_check is
   "ok" and every annotation whose id was printed (acknowledged) is present.
2. Imports of many files killed part-way: every article whose id was printed
   is there with all its blocks, and no article is half-written.
3. Two processes annotating the same library at the same time both succeed.

Kills land by what the processes have done, not by the clock alone: on a
loaded machine a process can take ten times as long, and a kill after a
fixed time hit the calls before they had opened the library, and the
imports before their first article (the checks then held for nothing).
An annotate call is killed at a random moment of a call's measured length,
an import at a random moment after its first batch of articles is in.

  kill-during-writes.py GLOSS_CLI SAMPLE_ARTICLE [N_CALLS]
"""
import contextlib
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

# Unkilled calls, to measure how long one takes on this machine now.
N_MEASURED = 10

QUOTES = ['NATO', 'Huawei', 'allies', 'security', 'Stoltenberg', 'evidence', 'cybersecurity']
KINDS = ['claim', 'denial', 'evidence', 'question']


def annotate_args(cli, db, i):
    quote = QUOTES[i % len(QUOTES)]
    return [cli, '--db', db, 'annotate', '1', '--kind', KINDS[i % len(KINDS)],
            '--quote', quote, '--note', f'burst note {i}', '--json']


def query(db, sql):
    """All rows of @sql, on a connection closed before it returns (an open
    one would hold a read transaction, the WAL with it)."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def burst_with_kills(cli, db, n_calls, rng):
    """Returns (acknowledged ids, calls killed, unacknowledged calls that
    were not killed)."""
    acknowledged = set()
    killed = 0
    failed = []
    durations = []
    kill_at = set(rng.sample(range(N_MEASURED, n_calls), max(1, n_calls // 20)))
    for i in range(n_calls):
        started = time.monotonic()
        process = subprocess.Popen(annotate_args(cli, db, i), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        if i in kill_at:
            # Anywhere in a call's life: starting, reading, writing, exiting.
            time.sleep(rng.uniform(0.0, statistics.median(durations)))
            process.send_signal(signal.SIGKILL)
            killed += 1
        out, err = process.communicate()
        if i not in kill_at:
            durations.append(time.monotonic() - started)
        if process.returncode == 0 and out.strip():
            acknowledged.add(json.loads(out)['id'])
        elif i not in kill_at:
            failed.append(f'call {i}: exit status {process.returncode}: {err.strip()}')
    return acknowledged, killed, failed


def count_articles(db):
    return query(db, 'SELECT count(*) FROM articles')[0][0]


def imports_with_kills(cli, db, tmp, rng, rounds=5, files_per_round=150):
    """Returns (acknowledged article ids, imports killed part-way, problems
    found).  150 files are three of the importer's batches of 50, each
    committed on its own."""
    acknowledged = set()
    killed_part_way = 0
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
        before = count_articles(db)
        started = time.monotonic()
        process = subprocess.Popen([cli, '--db', db, 'import', '--json'] + paths,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        # Until the first batch is in; then killed within the next one.
        while process.poll() is None and count_articles(db) == before:
            time.sleep(0.005)
        first_batch = time.monotonic() - started
        time.sleep(rng.uniform(0.0, first_batch))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
        if process.returncode == -signal.SIGKILL and count_articles(db) > before:
            killed_part_way += 1
        for line in out.splitlines():
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                continue  # the line being written when the process died
            if 'article' in item:
                acknowledged.add(item['article'])
    problems = []
    stored = dict(query(db, 'SELECT a.id, (SELECT count(*) FROM blocks WHERE article = a.id) '
                            'FROM articles a'))
    for article in acknowledged:
        if article not in stored:
            problems.append(f'article {article} was acknowledged but is missing')
    for article, n_blocks in stored.items():
        if n_blocks == 0:
            problems.append(f'article {article} has no blocks')
    return acknowledged, killed_part_way, problems


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

        acknowledged, killed, call_failures = burst_with_kills(cli, db, n_calls, rng)
        integrity = query(db, 'PRAGMA integrity_check')[0][0]
        stored = {row[0] for row in query(db, 'SELECT id FROM annotations')}
        lost = acknowledged - stored
        print(f'{n_calls} calls, {killed} killed, {len(acknowledged)} acknowledged, '
              f'{len(stored)} stored, integrity {integrity}, {len(lost)} lost')
        for failure in call_failures:
            print(failure)
        if integrity != 'ok' or lost or call_failures:
            failed = True

        imported, killed_part_way, problems = imports_with_kills(cli, db, tmp, rng)
        integrity = query(db, 'PRAGMA integrity_check')[0][0]
        print(f'killed imports: {killed_part_way} of 5 killed part-way, {len(imported)} articles '
              f'acknowledged, integrity {integrity}, {len(problems)} problems')
        for problem in problems:
            print(problem)
        if problems or integrity != 'ok' or killed_part_way == 0:
            failed = True

        results = concurrent_writers(cli, db, 50)
        stored = {row[0] for row in query(db, 'SELECT id FROM annotations')}
        for name, (ids, failures) in sorted(results.items()):
            missing = set(ids) - stored
            print(f'{name}: {len(ids)} saved, {failures} failed, {len(missing)} missing')
            if failures or missing:
                failed = True

    print('FAILED' if failed else 'ok')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test cases across meson test logs and prints "N passed, N failed".

Each TAP test case counts once; a test program without TAP output counts as
one case.  A skipped case is reported, and counts as failed under CI (where a
GUI test that cannot run is a broken machine, not a pass).  A missing log
means a build failed: that counts as a failure too.
"""
import json
import os
import re
import sys

TAP = re.compile(r'^(not ok|ok)\b(.*)$')


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        if not os.path.exists(path):
            print(f'{path}: missing (the build or the test run failed)')
            failed += 1
            continue
        with open(path) as f:
            for line in f:
                entry = json.loads(line)
                cases = [TAP.match(l) for l in entry.get('stdout', '').splitlines()]
                cases = [m for m in cases if m]
                result = entry.get('result')
                if not cases:
                    if result == 'OK':
                        passed += 1
                    elif result == 'SKIP':
                        skipped += 1
                    else:
                        failed += 1
                    continue
                for m in cases:
                    if '# SKIP' in m.group(2).upper():
                        skipped += 1
                    elif m.group(1) == 'ok':
                        passed += 1
                    else:
                        failed += 1
                if result not in ('OK', 'SKIP', 'EXPECTEDFAIL') and all(m.group(1) == 'ok' for m in cases):
                    failed += 1  # crashed or timed out after its last case
    if skipped:
        print(f'{skipped} skipped')
        if os.environ.get('CI'):
            failed += skipped
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

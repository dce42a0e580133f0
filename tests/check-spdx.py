#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file lacks its SPDX licence line near the top."""
import os
import sys

TOP = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTENSIONS = ('.c', '.h', '.py', '.ui', '.build', '.sh', '.css', '.xml')
FOLDERS = ['src', 'ui', 'tests', 'build-aux', 'data', '.ci']


def main():
    bad = []
    checked = 0
    for folder in FOLDERS:
        for root, _dirs, files in os.walk(os.path.join(TOP, folder)):
            if os.path.relpath(root, TOP).startswith(os.path.join('tests', 'data')):
                continue
            for name in files:
                path = os.path.join(root, name)
                executable = os.access(path, os.X_OK) and not name.endswith('.png')
                if not (name.endswith(EXTENSIONS) or executable or name == 'meson.build'):
                    continue
                with open(path, encoding='utf-8', errors='replace') as f:
                    head = f.read(400)
                checked += 1
                if 'SPDX-License-Identifier:' not in head:
                    bad.append(os.path.relpath(path, TOP))
    for p in bad:
        print(f'no SPDX-License-Identifier line: {p}')
    print(f'{checked} files checked')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())

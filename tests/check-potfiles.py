#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable strings is missing from po/POTFILES.in,
or when POTFILES.in lists a file that does not exist (xgettext would fail)."""
import os
import re
import sys

TOP = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MARKERS = {
    '.c': re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\('),
    '.ui': re.compile(r'translatable="yes"'),
    '.in': re.compile(r'^\s*(?:_?Name|_?Comment|_?Keywords|<_?(?:p|name|summary|li|caption))', re.M),
    '.xml': re.compile(r'<(?:summary|description)>'),
}
SCAN = ['src', 'ui', 'data']


def translatable_files():
    for folder in SCAN:
        for root, _dirs, files in os.walk(os.path.join(TOP, folder)):
            for name in files:
                ext = os.path.splitext(name)[1]
                if ext == '.xml' and not name.endswith('.gschema.xml'):
                    continue
                if ext == '.in' and not (name.endswith('.desktop.in') or name.endswith('.metainfo.xml.in')):
                    continue
                pattern = MARKERS.get(ext)
                if pattern is None:
                    continue
                path = os.path.join(root, name)
                with open(path, encoding='utf-8') as f:
                    if pattern.search(f.read()):
                        yield os.path.relpath(path, TOP)


def main():
    with open(os.path.join(TOP, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = {l.strip() for l in f if l.strip() and not l.startswith('#')}
    found = set(translatable_files())
    missing = sorted(found - listed)
    stale = sorted(p for p in listed if not os.path.exists(os.path.join(TOP, p)))
    for p in missing:
        print(f'not in po/POTFILES.in but has translatable strings: {p}')
    for p in stale:
        print(f'listed in po/POTFILES.in but does not exist: {p}')
    print(f'{len(found)} files with translatable strings, {len(listed)} listed')
    return 1 if missing or stale else 0


if __name__ == '__main__':
    sys.exit(main())

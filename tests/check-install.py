#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a temporary DESTDIR and checks that every file a
user needs is there, then runs the installed gloss-cli on the installed
sample.  Nothing outside the temporary folder is touched: Meson writes only
below --destdir and skips the post-install cache updates when DESTDIR is set.

Usage: check-install.py SOURCE_ROOT BUILD_DIR MESON
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

APP_ID = 'io.github.glossapp.Gloss'


def build_options(build_dir, meson):
    out = subprocess.run([meson, 'introspect', '--buildoptions', build_dir],
                         capture_output=True, text=True, check=True).stdout
    return {o['name']: o['value'] for o in json.loads(out)}


def mo_catalogue(path):
    """The Language header of a compiled gettext catalogue and how many
    translated strings it holds besides the header, or None when the file is
    not a catalogue."""
    with open(path, 'rb') as f:
        data = f.read()
    for order in '<>':
        magic, revision, count, originals, translations = struct.unpack_from(order + '5I', data)
        if magic == 0x950412de:
            break
    else:
        return None
    # Minor revision 1 keeps strings with <PRId64> and the like apart.
    sysdep = struct.unpack_from(order + 'I', data, 36)[0] if revision & 0xffff else 0
    for i in range(count):
        id_length, _id_offset = struct.unpack_from(order + '2I', data, originals + 8 * i)
        if id_length == 0:
            length, offset = struct.unpack_from(order + '2I', data, translations + 8 * i)
            header = data[offset:offset + length].decode('utf-8', 'replace')
            for line in header.splitlines():
                if line.startswith('Language:'):
                    return line.split(':', 1)[1].strip(), count + sysdep - 1
    return '', count + sysdep - 1


def main():
    source_root, build_dir, meson = sys.argv[1:4]
    options = build_options(build_dir, meson)
    prefix = options['prefix']

    def under(option, *parts):
        # Directory options are relative to the prefix unless absolute.
        return os.path.join(prefix, options[option], *parts)

    expected = [
        under('bindir', 'gloss-cli'),
        under('mandir', 'man1', 'gloss-cli.1'),
        under('datadir', 'gloss', 'samples', 'nato-huawei.txt'),
    ]
    if options.get('gui', True):
        expected += [
            under('bindir', 'gloss'),
            under('mandir', 'man1', 'gloss.1'),
            under('datadir', 'applications', APP_ID + '.desktop'),
            under('datadir', 'metainfo', APP_ID + '.metainfo.xml'),
            under('datadir', 'glib-2.0', 'schemas', APP_ID + '.gschema.xml'),
            under('datadir', 'icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg'),
            under('datadir', 'icons', 'hicolor', 'symbolic', 'apps', APP_ID + '-symbolic.svg'),
        ]
    catalogues = {}
    with open(os.path.join(source_root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            for lang in line.split('#')[0].split():
                catalogues[lang] = under('localedir', lang, 'LC_MESSAGES', 'gloss.mo')
    expected += catalogues.values()

    with tempfile.TemporaryDirectory(prefix='gloss-install-') as destdir:
        env = {k: v for k, v in os.environ.items() if k != 'DESTDIR'}
        result = subprocess.run([meson, 'install', '-C', build_dir, '--no-rebuild',
                                 '--destdir', destdir],
                                capture_output=True, text=True, env=env)
        if result.returncode != 0:
            print(result.stdout, result.stderr, sep='\n')
            print('FAIL: meson install failed')
            return 1

        def staged(path):
            return os.path.join(destdir, os.path.relpath(path, '/'))

        missing = [p for p in expected if not os.path.isfile(staged(p))]
        for path in expected:
            print(('MISSING ' if path in missing else 'ok ') + path)

        installed_cli = staged(under('bindir', 'gloss-cli'))
        sample = staged(under('datadir', 'gloss', 'samples', 'nato-huawei.txt'))
        errors = list(missing)
        # Each installed catalogue is the compiled .po of its language, with
        # strings in it, not an empty or misplaced file.
        for lang, path in catalogues.items():
            if path in missing:
                continue
            catalogue = mo_catalogue(staged(path))
            print(f'installed {lang} catalogue: {catalogue}')
            if catalogue is None or catalogue[0] != lang or catalogue[1] < 1:
                errors.append(f'{path} is not the {lang} catalogue')
        if not missing:
            run_env = dict(env, GLOSS_DB=os.path.join(destdir, 'library.db'), LANGUAGE='C')
            version = subprocess.run([installed_cli, '--version'], capture_output=True,
                                     text=True, env=run_env)
            print('installed gloss-cli --version:', version.stdout.strip())
            if version.returncode != 0 or not version.stdout.startswith('gloss-cli '):
                errors.append('installed gloss-cli --version')
            extract = subprocess.run([installed_cli, 'extract', sample], capture_output=True,
                                     text=True, env=run_env)
            headline = extract.stdout.splitlines()[0] if extract.stdout else ''
            print('installed gloss-cli extract, first line:', headline)
            if extract.returncode != 0 or 'Huawei' not in headline:
                print(extract.stderr)
                errors.append('installed gloss-cli extract on the installed sample')

    if errors:
        print('FAIL:', ', '.join(errors))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())

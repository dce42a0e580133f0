#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks every language in po/LINGUAS against the sources as they are now.

A fresh template is extracted from the files in po/POTFILES.in (with the
keywords of Meson's glib preset, as `meson compile gloss-pot` does) into a
temporary folder, and each po/LANG.po is merged into it with msgmerge.  The
test fails when the merged catalogue has a string that is untranslated or
fuzzy, so a string added to or changed in the code fails it until it is
translated.  It also fails when a translation

- has the wrong Plural-Forms for its language,
- drops the mnemonic of a GUI string (`_Open` must keep one underscore),
- keeps English “quotes” where the language has its own,

and, given the built desktop and metainfo files, when they lack the
language's name and summary (i18n.merge_file did not pick the .po up).

Usage: check-translations.py SOURCE_ROOT --xgettext X --msgmerge M
                             [--desktop FILE] [--metainfo FILE]
"""
import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Meson's i18n.gettext(preset: 'glib'); see the gloss-pot target in build.ninja.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

PLURAL_FORMS = {
    'de': 'nplurals=2; plural=(n != 1);',
    'fr': 'nplurals=2; plural=(n > 1);',
}

# The opening quotation mark each language uses where English has “.
OPENING_QUOTE = {
    'de': '„',
    'fr': '«',
}

# Sources whose strings are shown in the window, where a mnemonic matters.
GUI_SOURCES = ('ui/', 'src/app/')
MNEMONIC = re.compile(r'_[^\W_]')

failures = []


def fail(message):
    failures.append(message)
    print('FAIL:', message)


class Entry:
    def __init__(self):
        self.context = None
        self.msgid = None
        self.plural = None
        self.msgstr = []
        self.references = []
        self.flags = set()
        self.obsolete = False

    def name(self):
        text = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + '...'
        where = self.references[0] if self.references else 'no reference'
        context = f'[{self.context}] ' if self.context is not None else ''
        return f'{context}“{text}” ({where})'


def parse_po(path):
    """The entries of a PO file, header included (its msgid is "")."""
    entries = []
    entry = Entry()
    field = None

    def finish():
        nonlocal entry, field
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()
        field = None

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip():
                finish()
                continue
            if line.startswith('#~|'):
                continue
            if line.startswith('#~'):
                entry.obsolete = True
                line = line[2:].lstrip()
                if not line:
                    continue
            elif line.startswith('#:'):
                entry.references += line[2:].split()
                continue
            elif line.startswith('#,'):
                entry.flags |= {f.strip() for f in line[2:].split(',')}
                continue
            elif line.startswith('#'):
                continue
            keyword, _, rest = line.partition(' ')
            if line.startswith('"'):
                value = ast.literal_eval(line)
                if field == 'msgstr':
                    entry.msgstr[-1] += value
                else:
                    setattr(entry, field, getattr(entry, field) + value)
                continue
            if keyword in ('msgctxt', 'msgid') and entry.msgid is not None and field == 'msgstr':
                finish()
            value = ast.literal_eval(rest)
            if keyword == 'msgctxt':
                entry.context, field = value, 'context'
            elif keyword == 'msgid':
                entry.msgid, field = value, 'msgid'
            elif keyword == 'msgid_plural':
                entry.plural, field = value, 'plural'
            elif keyword.startswith('msgstr'):
                entry.msgstr.append(value)
                field = 'msgstr'
            else:
                raise ValueError(f'{path}: cannot read the line “{line}”')
    finish()
    return entries


def languages(source_root):
    with open(os.path.join(source_root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [lang for line in f for lang in line.split('#')[0].split()]


def extract_template(source_root, xgettext, folder):
    pot = os.path.join(folder, 'gloss.pot')
    result = subprocess.run(
        [xgettext, '--package-name=gloss', '--directory', source_root,
         '--files-from', os.path.join(source_root, 'po', 'POTFILES.in'),
         '--output', pot] + XGETTEXT_ARGS,
        capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr)
        fail('xgettext could not extract the strings of po/POTFILES.in')
        return None
    return pot


def check_language(source_root, lang, pot, msgmerge, folder):
    po = os.path.join(source_root, 'po', lang + '.po')
    if not os.path.isfile(po):
        fail(f'{lang} is in po/LINGUAS but po/{lang}.po does not exist')
        return
    merged = os.path.join(folder, lang + '.po')
    result = subprocess.run([msgmerge, '--quiet', '--output-file', merged, po, pot],
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr)
        fail(f'po/{lang}.po cannot be merged with the strings of the sources')
        return

    entries = parse_po(merged)
    header = next((e for e in entries if e.msgid == '' and e.context is None), None)
    live = [e for e in entries if not e.obsolete and e is not header]

    expected_plurals = PLURAL_FORMS.get(lang)
    if header is None:
        fail(f'po/{lang}.po has no header')
    elif expected_plurals is not None and f'Plural-Forms: {expected_plurals}\n' not in header.msgstr[0]:
        fail(f'po/{lang}.po: the header must say Plural-Forms: {expected_plurals}')

    untranslated = [e for e in live if not all(e.msgstr)]
    fuzzy = [e for e in live if 'fuzzy' in e.flags and all(e.msgstr)]
    for e in untranslated:
        fail(f'{lang}: untranslated: {e.name()}')
    for e in fuzzy:
        fail(f'{lang}: fuzzy (the English changed; check the translation and remove the fuzzy mark): '
             f'{e.name()}')

    for e in live:
        if not all(e.msgstr) or 'fuzzy' in e.flags:
            continue
        in_gui = any(r.startswith(GUI_SOURCES) for r in e.references)
        if in_gui and MNEMONIC.search(e.msgid):
            for text in e.msgstr:
                if len(MNEMONIC.findall(text)) != 1:
                    fail(f'{lang}: the translation “{text}” needs exactly one mnemonic like '
                         f'the English: {e.name()}')
        quote = OPENING_QUOTE.get(lang)
        if quote is not None and '“' in e.msgid:
            for text in e.msgstr:
                if quote not in text:
                    fail(f'{lang}: the translation “{text}” should quote with {quote}: {e.name()}')

    stale = sum(1 for e in parse_po(po) if e.obsolete)
    if stale:
        print(f'note: po/{lang}.po keeps {stale} obsolete strings; '
              f'msgattrib --no-obsolete removes them')
    print(f'{lang}: {len(live) - len(untranslated) - len(fuzzy)} of {len(live)} strings translated')


def check_desktop(path, langs):
    with open(path, encoding='utf-8') as f:
        keys = {line.split('=', 1)[0] for line in f if '=' in line}
    for lang in langs:
        for key in ('GenericName', 'Comment', 'Keywords'):
            if f'{key}[{lang}]' not in keys:
                fail(f'{os.path.basename(path)} has no {key}[{lang}]')


def check_metainfo(path, langs):
    lang_attr = '{http://www.w3.org/XML/1998/namespace}lang'
    root = ET.parse(path).getroot()
    for lang in langs:
        for tag in ('summary', 'description/p'):
            if not any(e.get(lang_attr) == lang for e in root.iterfind(tag)):
                fail(f'{os.path.basename(path)} has no <{tag} xml:lang="{lang}">')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('source_root')
    parser.add_argument('--xgettext', required=True)
    parser.add_argument('--msgmerge', required=True)
    parser.add_argument('--desktop')
    parser.add_argument('--metainfo')
    args = parser.parse_args()

    langs = languages(args.source_root)
    if not langs:
        fail('po/LINGUAS lists no language')
    with tempfile.TemporaryDirectory(prefix='gloss-po-') as folder:
        pot = extract_template(args.source_root, args.xgettext, folder)
        if pot is not None:
            for lang in langs:
                check_language(args.source_root, lang, pot, args.msgmerge, folder)
    if args.desktop:
        check_desktop(args.desktop, langs)
    if args.metainfo:
        check_metainfo(args.metainfo, langs)

    if failures:
        print(f'{len(failures)} problems')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())

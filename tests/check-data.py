#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the data files against the program and the repository:

- the built man pages format without a single groff warning and have no
  unsubstituted @VALUE@ left;
- gloss-cli.1 documents every command `gloss-cli --help` lists, and every
  option of each command;
- each metainfo screenshot URL names an image in this repository, with the
  size the metainfo gives;
- the metainfo has a <release> for this version.

Usage: check-data.py SOURCE_ROOT DATA_BUILD_DIR GLOSS_CLI
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

SCREENSHOT_URL = 'https://raw.githubusercontent.com/glossapp/gloss/main/'

failures = []
skipped = []


def fail(message):
    failures.append(message)
    print('FAIL:', message)


def check_man_page(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for leftover in sorted(set(re.findall(r'@[A-Z_]+@', text))):
        fail(f'{path}: {leftover} was not substituted')
    groff = shutil.which('groff')
    if groff is None:
        skipped.append('groff is not installed: man pages not formatted')
        return
    result = subprocess.run([groff, '-man', '-ww', '-z', '-K', 'utf-8', path],
                            capture_output=True, text=True)
    if result.returncode != 0 or result.stderr.strip():
        fail(f'{path}: groff warnings:\n{result.stderr}')
    else:
        print(f'ok: {os.path.basename(path)} formats without warnings')


def cli_commands(gloss_cli):
    out = subprocess.run([gloss_cli, '--help'], capture_output=True, text=True,
                         env=dict(os.environ, LANGUAGE='C', LC_ALL='C.UTF-8'), check=True).stdout
    commands = []
    listing = False
    for line in out.splitlines():
        if line.strip().endswith(':') and not line.startswith(' '):
            listing = line.strip() == 'Commands:'
            continue
        match = re.match(r'  (\S+)\s', line)
        if listing and match:
            commands.append(match.group(1))
    return commands


def cli_options(gloss_cli, command):
    # A command still being written may not answer --help yet: then only
    # its name is checked.
    out = subprocess.run([gloss_cli, command, '--help'], capture_output=True, text=True,
                         env=dict(os.environ, LANGUAGE='C', LC_ALL='C.UTF-8')).stdout
    return sorted(set(re.findall(r'^\s+(?:-\w, )?--([\w-]+)', out, re.M)) - {'help'})


def check_cli_man_page(path, gloss_cli):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    commands = cli_commands(gloss_cli)
    if not commands:
        fail('gloss-cli --help lists no commands')
    # Each command is a .TP item whose tag starts with its bold name; its
    # options must be named inside that item.  --db is documented once, under
    # GLOBAL OPTIONS.
    headers = {}
    for command in commands:
        match = re.search(r'^\.TP\n\.B ' + re.escape(command.replace('-', '\\-')) + r'(?: |$)',
                          text, re.M)
        if match:
            headers[command] = match.start()
        else:
            fail(f'data/gloss-cli.1 does not document the command "{command}" '
                 '(add a .TP item under COMMANDS)')
    ends = sorted(headers.values()) + [text.index('.SH', max(headers.values(), default=0))]
    for command, begin in headers.items():
        item = text[begin:next(e for e in ends if e > begin)]
        for option in cli_options(gloss_cli, command):
            if option != 'db' and '\\-\\-' + option.replace('-', '\\-') not in item:
                fail(f'data/gloss-cli.1 does not mention --{option} under "{command}"')
    print(f'ok: gloss-cli.1 checked against {len(commands)} commands')


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', head[16:24])


def check_metainfo(path, source_root, version):
    root = ET.parse(path).getroot()
    images = root.findall('./screenshots/screenshot/image')
    if not images:
        fail(f'{path}: no screenshots')
    for image in images:
        url = image.text.strip()
        if not url.startswith(SCREENSHOT_URL):
            fail(f'{path}: screenshot {url} is not under {SCREENSHOT_URL}')
            continue
        local = os.path.join(source_root, url[len(SCREENSHOT_URL):])
        if not os.path.isfile(local):
            fail(f'{path}: screenshot {url} has no file {os.path.relpath(local, source_root)}')
            continue
        size = png_size(local)
        declared = (int(image.get('width', 0)), int(image.get('height', 0)))
        if size != declared:
            fail(f'{path}: {os.path.relpath(local, source_root)} is {size}, the metainfo says {declared}')
    print(f'ok: {len(images)} screenshot(s) found in the repository')
    releases = [r.get('version') for r in root.findall('./releases/release')]
    if version not in releases:
        fail(f'{path}: no <release version="{version}"> (releases: {releases})')
    elif releases[0] != version:
        fail(f'{path}: the newest <release> is {releases[0]}, the project is {version}')
    else:
        print(f'ok: release {version} is described')


def main():
    source_root, data_build, gloss_cli = sys.argv[1:4]
    version = subprocess.run([gloss_cli, '--version'], capture_output=True, text=True,
                             check=True).stdout.split()[-1]
    for name in ('gloss-cli.1', 'gloss.1'):
        path = os.path.join(data_build, name)
        if os.path.exists(path):
            check_man_page(path)
        elif name == 'gloss-cli.1':
            fail(f'{path} was not built')
    check_cli_man_page(os.path.join(data_build, 'gloss-cli.1'), gloss_cli)
    metainfo = os.path.join(data_build, 'io.github.glossapp.Gloss.metainfo.xml')
    if os.path.exists(metainfo):
        check_metainfo(metainfo, source_root, version)
    for note in skipped:
        print('SKIP:', note)
    if failures:
        return 1
    return 77 if skipped else 0


if __name__ == '__main__':
    sys.exit(main())

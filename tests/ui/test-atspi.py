#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real gloss over AT-SPI, the way a screen-reader user would.

    test-atspi.py GLOSS GLOSS_CLI SAMPLE

Opens SAMPLE in a new library, finds the article by its role and name, puts
the caret at the denial and selects it with synthesised Shift+Ctrl+Right,
presses D, finds the new row of the annotation list by its accessible name,
and checks the library through gloss-cli.  Then the row's Return opens the
editor, Ctrl+? the shortcuts window, and Ctrl+Q quits.  Every step is a TAP
line, and the first that fails ends the test.

gloss runs without G_DEBUG=fatal-warnings: its standard error is read
instead, and any warning or critical in it fails the test, except the one
that GLOSS_TEST_TOLERATED_WARNING (tests/meson.build) describes, the same
rule as the C ui tests'.  Aborting gloss on that harmless GTK 4.8 warning
("Trying to snapshot GtkGizmo … without a current allocation", on a loaded
machine) ended the test half-way.

/usr/bin/python3 on purpose: pyatspi is Debian's (python3-pyatspi).  The
test runs again on an X server (Xvfb) and a session bus (dbus-run-session) of
its own: the other ui tests share the display they are given, and a window
of theirs presented meanwhile would take the keyboard, while the
accessibility bus and registry, started by that session bus, must know the
display they synthesise keys on.  Without Xvfb it skips, unless CI is set:
then it fails.
"""

import fnmatch
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

DENIAL = 'there is no evidence that Huawei poses any threat to cybersecurity'
HEADLINE = 'NATO weighing whether Huawei poses security threat'
SESSION_MARK = 'GLOSS_ATSPI_SESSION'

# Keysyms and modifier masks for Atspi.generate_keyboard_event()
KEY_RIGHT = 0xff53
KEY_RETURN = 0xff0d
KEY_ESCAPE = 0xff1b
KEY_TAB = 0xff09
KEY_F9 = 0xffc6
SHIFT = 1 << 0
CONTROL = 1 << 2

# How long a wait may take before the test fails saying what it waited for:
# GLOSS_TEST_WAIT_SECONDS, the same bound as the C tests' (tests/meson.build).
TIMEOUT = int(os.environ.get('GLOSS_TEST_WAIT_SECONDS', '90'))

# How GLib writes a warning or critical to standard error:
# "(gloss:123): Gtk-WARNING **: 15:04:05.678: the message"
LOG_LINE = re.compile(r'^\(.*?\): (?P<domain>[\w-]*?)-?(?P<level>WARNING|CRITICAL) \*\*: '
                      r'(?:\d\d:\d\d:\d\d\.\d+: )?(?P<message>.*)$')


def skip_or_fail(reason):
    if os.environ.get('CI'):
        print(f'not ok 1 - {reason}, and CI is set: the ui suite must be able to run')
        print('1..1')
        sys.exit(1)
    print(f'1..0 # SKIP {reason}')
    sys.exit(0)


class Failed(Exception):
    pass


class Tap:
    def __init__(self):
        self.count = 0

    def ok(self, what):
        self.count += 1
        print(f'ok {self.count} - {what}', flush=True)

    def check(self, condition, what, detail=''):
        if not condition:
            raise Failed(f'{what}: {detail}' if detail else what)
        self.ok(what)


def wait_for(what, func, timeout=TIMEOUT, process=None):
    """Polls func until it returns something true; fails with @what, or at
    once when @process has ended."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise Failed(f'gloss exited with status {process.returncode} while waiting for {what}')
        try:
            result = func()
            if result:
                return result
        except Failed:
            raise
        except Exception as error:  # the tree changes under our feet
            last_error = error
        time.sleep(0.1)
    raise Failed(f'timed out waiting for {what}' + (f' ({last_error})' if last_error else ''))


def unexpected_warnings(text):
    """The warnings and criticals in @text, gloss's standard error, other
    than the one GLOSS_TEST_TOLERATED_WARNING lets pass."""
    tolerated = os.environ.get('GLOSS_TEST_TOLERATED_WARNING')
    found = []
    for line in text.splitlines():
        match = LOG_LINE.match(line)
        if match is None:
            continue
        if tolerated and match['level'] == 'WARNING' and fnmatch.fnmatchcase(match['message'],
                                                                           tolerated):
            continue
        found.append(line)
    return found


def forward_tap(stream):
    """Copies the TAP of the run in its own session to standard output;
    anything else the session's services print there (the accessibility
    registry says it is running) becomes a TAP comment."""
    for line in stream:
        if not line.startswith(('ok ', 'not ok ', '1..', '#', 'Bail out!')):
            line = '# ' + line
        sys.stdout.write(line)
        sys.stdout.flush()


def start_xvfb():
    """Starts Xvfb on a free display; returns it and the display's number.

    Far from the low numbers that other servers on the machine take (a
    number whose socket another server holds would not be refused by Xvfb's
    own choice, -displayfd alone), and tried again on another when taken.
    """
    for _attempt in range(20):
        number = random.randint(200, 4000)
        if os.path.exists(f'/tmp/.X{number}-lock'):
            continue
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(['Xvfb', f':{number}', '-displayfd', str(write_fd),
                                 '-screen', '0', '1280x800x24', '-nolisten', 'tcp',
                                 # Not reset when its last client leaves:
                                 # it would refuse the next one meanwhile.
                                 '-noreset'],
                                pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        os.close(write_fd)
        # Written once the server is ready; nothing when it gave up.
        with os.fdopen(read_fd) as pipe:
            ready = pipe.readline().strip()
        if ready == str(number):
            return xvfb, ready
        xvfb.kill()
        xvfb.wait()
    return None, None


def run_isolated():
    """Runs this script again on an X server and a session bus of its own."""
    for program, package in (('Xvfb', 'xvfb'), ('dbus-run-session', 'dbus')):
        if shutil.which(program) is None:
            skip_or_fail(f'{program} is missing (Debian package {package})')

    # Ends the children too when meson's timeout stops the test.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))

    xvfb, display = start_xvfb()
    if xvfb is None:
        print('not ok 1 - Xvfb did not start')
        print('1..1')
        return 1

    env = dict(os.environ, DISPLAY=':' + display, **{SESSION_MARK: '1'})
    env.pop('XAUTHORITY', None)
    env.pop('WAYLAND_DISPLAY', None)
    # libatspi warns about objects that vanish while it reads the tree;
    # that is not the app's fault, so this process is not made to abort.
    env.pop('G_DEBUG', None)
    test = None
    try:
        test = subprocess.Popen(['dbus-run-session', '--', sys.executable, *sys.argv], env=env,
                                stdout=subprocess.PIPE, text=True)
        forward_tap(test.stdout)
        return test.wait()
    finally:
        if test is not None and test.poll() is None:
            test.terminate()
            test.wait()
        xvfb.terminate()
        xvfb.wait()


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    gloss, gloss_cli, sample = sys.argv[1:]

    if os.environ.get(SESSION_MARK) != '1':
        return run_isolated()

    try:
        import gi
        gi.require_version('Atspi', '2.0')
        from gi.repository import Atspi
        import pyatspi
    except (ImportError, ValueError) as error:
        skip_or_fail(f'pyatspi cannot be imported ({error}; Debian package python3-pyatspi)')

    tap = Tap()
    workdir = tempfile.mkdtemp(prefix='gloss-atspi-')
    library = os.path.join(workdir, 'library.db')
    env = dict(os.environ, GLOSS_DB=library)
    # Warnings are read from its standard error, not made fatal.
    env.pop('G_DEBUG', None)
    # tests/meson.build keeps GTK away from the accessibility bus; this test
    # is about that bus.
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    env.pop(SESSION_MARK, None)

    # Its stdout would be read as TAP; its stderr is read for warnings.
    app_log = open(os.path.join(workdir, 'gloss.log'), 'w+', encoding='utf-8',
                   errors='replace')
    app_process = subprocess.Popen([gloss, sample], env=env, stdout=app_log, stderr=app_log)

    def app_output():
        app_log.flush()
        app_log.seek(0)
        return app_log.read()

    def wait(what, func, timeout=TIMEOUT):
        return wait_for(what, func, timeout, app_process)

    def key(keysym, modifiers=0):
        if modifiers:
            Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        if modifiers:
            Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
        # One key at a time, as typed.
        time.sleep(0.05)

    def find(root, predicate):
        if root is None:
            return None
        if predicate(root):
            return root
        for child in root:
            found = find(child, predicate)
            if found is not None:
                return found
        return None

    def find_app():
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.get_process_id() == app_process.pid:
                return app
        return None

    def focused(app):
        return find(app, lambda a: a.getRole() != pyatspi.ROLE_FRAME
                    and a.getState().contains(pyatspi.STATE_FOCUSED))

    def held_still(accessible, polls=3):
        """For wait(): true once @accessible has been at the same place on
        the screen, with a size, @polls times in a row."""
        seen = []

        def check():
            extents = tuple(accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS))
            seen.append(extents)
            return extents[2] > 0 and len(seen) >= polls and len(set(seen[-polls:])) == 1
        return check

    def describe(accessible):
        if accessible is None:
            return 'nothing'
        return f'{accessible.getRoleName()} “{accessible.name}”'

    def cli(*args):
        result = subprocess.run([gloss_cli, '--db', library, *args], capture_output=True,
                                text=True, timeout=TIMEOUT)
        if result.returncode != 0:
            raise Failed(f'gloss-cli {" ".join(args)}: {result.stderr.strip()}')
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    try:
        app = wait('gloss on the accessibility bus', find_app)
        tap.ok('gloss is on the accessibility bus')

        frame = wait('the main window named after the article',
                     lambda: find(app, lambda a: a.getRole() == pyatspi.ROLE_FRAME
                                  and a.name == HEADLINE))
        tap.ok(f'the window is called “{HEADLINE}”')

        def article_text():
            view = find(frame, lambda a: a.getRole() == pyatspi.ROLE_TEXT
                        and a.name == 'Article text')
            if view is not None and DENIAL in view.queryText().getText(0, -1):
                return view
            return None

        view = wait('a text called “Article text” holding the article', article_text)
        tap.ok('the article is a text called “Article text”')
        tap.check(view.getState().contains(pyatspi.STATE_READ_ONLY), 'the article is read-only')
        tap.check(bool(view.description), 'the article says how to mark words',
                  'no accessible description')
        try:
            wait('the keyboard focus in the article',
                 lambda: view.getState().contains(pyatspi.STATE_FOCUSED))
        except Failed:
            if app_process.poll() is not None:
                raise
            raise Failed(f'the keyboard focus is on {describe(focused(app))}, not in the article')
        tap.ok('the article has the keyboard focus')

        text = view.queryText()
        content = text.getText(0, -1)
        start = content.index(DENIAL)
        end = start + len(DENIAL)

        # Where a screen reader's find puts it.
        tap.check(text.setCaretOffset(start), 'the caret can be put at the denial')
        wait('the caret at the denial', lambda: text.caretOffset == start)

        # Shift+Ctrl+Right, once per word of the denial.
        for _word in DENIAL.split():
            key(KEY_RIGHT, SHIFT | CONTROL)

        def selection():
            if text.getNSelections() != 1:
                return None
            bounds = text.getSelection(0)
            return bounds if tuple(bounds) == (start, end) else None

        try:
            wait('the selection', selection)
        except Failed:
            bounds = [tuple(text.getSelection(i)) for i in range(text.getNSelections())]
            raise Failed(f'Shift+Ctrl+Right selected {bounds}, not {(start, end)}: '
                         f'“{content[bounds[0][0]:bounds[0][1]] if bounds else ""}”')
        tap.ok('Shift+Ctrl+Right selected the denial word by word')

        key(ord('d'))

        summary = f'Denial: {DENIAL}'
        row_name = f'{summary}.'
        row = wait(f'a list item called “{row_name}”',
                   lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM
                                and a.name == row_name))
        tap.ok(f'D made a row called “{row_name}”')

        annotation_list = row.parent
        tap.check(annotation_list.getRole() == pyatspi.ROLE_LIST
                  and annotation_list.name == 'Annotations in the article',
                  'the row is in the list “Annotations in the article”',
                  describe(annotation_list))
        tap.check(find(frame, lambda a: a.getRole() == pyatspi.ROLE_LABEL
                       and a.name == '1 annotation') is not None,
                  'the pane says “1 annotation”')

        # The highlight, as a screen reader sees it: a run of its own with
        # the denial's underline.
        attributes, run_start, run_end = text.getAttributeRun(start + 3, False)
        tap.check('underline:double' in attributes and (run_start, run_end) == (start, end),
                  'the denial is a run of text underlined twice',
                  f'{attributes} from {run_start} to {run_end}')

        articles = cli('articles', '--json')
        tap.check(len(articles) == 1 and articles[0]['title'] == HEADLINE,
                  'the library holds the article', str(articles))
        annotations = cli('annotations', str(articles[0]['id']), '--json')
        tap.check([(a['kind'], a['exact']) for a in annotations] == [('denial', DENIAL)],
                  'the library holds the denial with its quote',
                  str([(a['kind'], a['exact']) for a in annotations]))

        # A narrow window leaves the pane folded away; F9 shows it.
        def pressed(accessible):
            states = accessible.getState()
            return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)

        pane_button = find(frame, lambda a: a.name == 'Show Annotations'
                           and a.getRole() in (pyatspi.ROLE_TOGGLE_BUTTON,
                                               pyatspi.ROLE_PUSH_BUTTON))
        tap.check(pane_button is not None, 'the header has a button “Show Annotations”')
        if not pressed(pane_button):
            key(KEY_F9)
            wait('the annotations shown after F9', lambda: pressed(pane_button))
            # The pane slides in.  Opening the editor while the article is
            # resized by that animation makes GTK warn that the reader is
            # painted without an allocation (a window bug of its own), so
            # the row is let come to rest first.
            wait('the row to come to rest as the pane slides in', held_still(row))
        tap.ok('the annotations are shown')

        # From the article, the keyboard reaches the row next.
        key(KEY_TAB)
        wait('the row focused after Tab',
             lambda: row.getState().contains(pyatspi.STATE_FOCUSED))
        tap.ok('Tab from the article goes to the row')

        key(KEY_RETURN)
        editor = wait('the editor after Return on the row',
                      lambda: find(frame, lambda a: a.name == 'Edit Annotation'
                                   and a.getState().contains(pyatspi.STATE_VISIBLE)))
        tap.check(summary in editor.description, 'Return on the row opened its editor',
                  f'described as “{editor.description}”')
        denial_toggle = find(editor, lambda a: a.name == 'Denial'
                             and a.getRole() in (pyatspi.ROLE_TOGGLE_BUTTON,
                                                 pyatspi.ROLE_PUSH_BUTTON))
        tap.check(denial_toggle is not None and pressed(denial_toggle),
                  'the editor shows “Denial” pressed', describe(denial_toggle))
        tap.check(find(editor, lambda a: a.getRole() == pyatspi.ROLE_TEXT
                       and a.name == 'Speaker') is not None,
                  'the editor has a text field called “Speaker”')

        key(KEY_ESCAPE)
        wait('the focus back in the article after Escape',
             lambda: view.getState().contains(pyatspi.STATE_FOCUSED))
        tap.ok('Escape closes the editor and returns to the article')

        key(ord('?'), CONTROL | SHIFT)
        shortcuts = wait('the shortcuts window after Ctrl+?',
                         lambda: find(app, lambda a: a.getRole() == pyatspi.ROLE_FRAME
                                      and a.name == 'Shortcuts'))
        tap.check(find(shortcuts, lambda a: a.name == 'Mark the selection as a denial')
                  is not None, 'Ctrl+? lists “Mark the selection as a denial”')
        key(KEY_ESCAPE)

        key(ord('q'), CONTROL)
        try:
            status = app_process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failed('Ctrl+Q did not quit')
        tap.check(status == 0, 'Ctrl+Q quits cleanly', f'exit status {status}')
        warnings = unexpected_warnings(app_output())
        tap.check(not warnings, 'gloss warned of nothing but the tolerated GTK 4.8 warning',
                  ' | '.join(warnings))
    except Exception as failure:  # pylint: disable=broad-except
        tap.count += 1
        message = failure if isinstance(failure, Failed) else repr(failure)
        warnings = unexpected_warnings(app_output())
        if warnings:
            message = f'{message}; gloss warned: {" | ".join(warnings)}'
        print(f'not ok {tap.count} - {message}', flush=True)
        print(f'1..{tap.count}')
        return 1
    finally:
        if app_process.poll() is None:
            app_process.terminate()
            app_process.wait()
        # What gloss wrote, for the test's log.
        sys.stderr.write(app_output())
        app_log.close()
        shutil.rmtree(workdir, ignore_errors=True)

    print(f'1..{tap.count}')
    return 0


if __name__ == '__main__':
    sys.exit(main())

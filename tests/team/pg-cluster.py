#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A throwaway PostgreSQL cluster for the team suite.

    pg-cluster.py run -- COMMAND [ARG...]
        initdb a cluster in a new temporary folder, start it on loopback only
        (a unix socket in that folder and 127.0.0.1 on a free port), with
        scram-sha-256 passwords and TLS from a test CA made here and now; run
        COMMAND with GLOSS_TEST_PG_* in its environment; stop the cluster and
        delete the folder; exit with COMMAND's status.
    pg-cluster.py ctl DIR stop|start
        stop (immediately, as a crash would) or start again the cluster of a
        running `run`, for tests of a server that goes away mid-sync.

When no PostgreSQL server is installed, `run` prints a TAP plan that skips
everything, with the reason -- except under CI=true, where a missing server
is a broken set-up (build-aux/setup-common.sh installs postgresql-15) and
fails.
Every wait is bounded and says what it waited for.
"""

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile

START_TIMEOUT = 90  # seconds; a loaded two-core CI machine can be slow
SUPERUSER = "postgres"
PASSWORD = "gloss-test-superuser"


def find_bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return os.path.dirname(found[-1]) if found else None


def as_owner(cmd):
    """Commands that touch the cluster run as `postgres` when we are root:
    the server refuses to run as root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + cmd
    return cmd


def run_checked(cmd, what, timeout):
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=timeout, text=True)
    except subprocess.TimeoutExpired:
        sys.exit(f"pg-cluster: {what} did not finish within {timeout} s")
    if res.returncode != 0:
        sys.exit(f"pg-cluster: {what} failed ({res.returncode}):\n{res.stdout}")
    return res.stdout


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificates(d):
    """A CA, a server certificate it signs for localhost and 127.0.0.1, and
    a second CA that signed nothing (a client trusting only it must refuse
    the server)."""
    ossl = shutil.which("openssl")
    if not ossl:
        sys.exit("pg-cluster: openssl is needed to make the test certificates")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for ca in ("ca", "other-ca"):
        run_checked([ossl, "req", "-x509"] + ec +
                    ["-keyout", f"{d}/{ca}.key", "-out", f"{d}/{ca}.crt", "-days", "2",
                     "-subj", f"/CN=Gloss test {ca}"], f"making {ca}", 60)
    run_checked([ossl, "req"] + ec + ["-keyout", f"{d}/server.key", "-out", f"{d}/server.csr",
                                      "-subj", "/CN=localhost"], "making the server key", 60)
    with open(f"{d}/server.ext", "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    run_checked([ossl, "x509", "-req", "-in", f"{d}/server.csr", "-CA", f"{d}/ca.crt",
                 "-CAkey", f"{d}/ca.key", "-CAcreateserial", "-out", f"{d}/server.crt",
                 "-days", "2", "-extfile", f"{d}/server.ext"], "signing the server certificate", 60)
    os.chmod(f"{d}/server.key", 0o600)


def pg_ctl(d, action):
    bindir = open(f"{d}/bindir").read().strip()
    if action == "stop":
        if not os.path.exists(f"{d}/data/postmaster.pid"):
            return  # already stopped (a test stopped it)
        run_checked(as_owner([f"{bindir}/pg_ctl", "-D", f"{d}/data", "-m", "immediate",
                              "-t", "60", "-w", "stop"]), "stopping the server", 90)
    elif action == "start":
        out = subprocess.run(as_owner([f"{bindir}/pg_ctl", "-D", f"{d}/data", "-l", f"{d}/log",
                                       "-t", str(START_TIMEOUT), "-w", "start"]),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             timeout=START_TIMEOUT + 30)
        if out.returncode != 0:
            log = open(f"{d}/log").read()[-4000:] if os.path.exists(f"{d}/log") else ""
            raise RuntimeError(f"the server did not start within {START_TIMEOUT} s:\n"
                               f"{out.stdout}\n{log}")
    else:
        sys.exit(f"pg-cluster: unknown action {action}")


def start_cluster(bindir):
    d = tempfile.mkdtemp(prefix="gloss-pg-")
    os.chmod(d, 0o755)
    with open(f"{d}/bindir", "w") as f:
        f.write(bindir)
    make_certificates(d)
    with open(f"{d}/pwfile", "w") as f:
        f.write(PASSWORD + "\n")
    if os.geteuid() == 0:
        pg = pwd.getpwnam("postgres")
        for root, dirs, files in os.walk(d):
            for name in [root] + [os.path.join(root, x) for x in files]:
                os.chown(name, pg.pw_uid, pg.pw_gid)
    run_checked(as_owner([f"{bindir}/initdb", "-D", f"{d}/data", "-U", SUPERUSER,
                          "--auth=scram-sha-256", f"--pwfile={d}/pwfile", "-E", "UTF8",
                          "--no-locale", "--no-sync"]), "initdb", 180)
    with open(f"{d}/data/pg_hba.conf", "w") as f:
        f.write("local all all scram-sha-256\n"
                "hostssl all all 127.0.0.1/32 scram-sha-256\n"
                "hostnossl all all 127.0.0.1/32 scram-sha-256\n")
    # Throwaway data: no flushing to disk, for speed (the machine does not
    # crash under a test).  But a commit must reach the WAL before it is
    # acknowledged (synchronous_commit on): the tests stop the server as a
    # crash would, and a real server loses no commit it acknowledged.
    # Enough connections for the 20-client benchmark.
    base_conf = (f"listen_addresses = '127.0.0.1'\n"
                 f"unix_socket_directories = '{d}'\n"
                 f"ssl = on\nssl_cert_file = '{d}/server.crt'\nssl_key_file = '{d}/server.key'\n"
                 "fsync = off\nsynchronous_commit = on\nfull_page_writes = off\n"
                 "shared_buffers = 32MB\nmax_connections = 60\n"
                 "password_encryption = 'scram-sha-256'\n")
    for attempt in range(3):
        port = free_port()
        with open(f"{d}/data/postgresql.auto.conf", "w") as f:
            f.write(base_conf + f"port = {port}\n")
        try:
            pg_ctl(d, "start")
            with open(f"{d}/port", "w") as f:
                f.write(str(port))
            return d, port
        except RuntimeError as e:
            err = e  # the port may have been taken meanwhile: try another
    shutil.rmtree(d, ignore_errors=True)
    sys.exit(f"pg-cluster: {err}")


def run(command):
    bindir = find_bindir()
    if not bindir:
        reason = "no PostgreSQL server installed (apt-get install postgresql-15)"
        # TAP, which the team suite's tests speak: a plan of none, skipped.
        if os.environ.get("CI") == "true":
            print(f"Bail out! {reason}; CI must have it (build-aux/setup-common.sh installs it)")
            return 1
        print(f"1..0 # SKIP {reason}")
        return 0
    d, port = start_cluster(bindir)
    child = None

    def on_signal(signum, frame):
        if child:
            child.terminate()
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        env = dict(os.environ,
                   GLOSS_TEST_PG_DIR=d,
                   GLOSS_TEST_PG_HOST="127.0.0.1",
                   GLOSS_TEST_PG_PORT=str(port),
                   GLOSS_TEST_PG_SOCKET=d,
                   GLOSS_TEST_PG_SUPERUSER=SUPERUSER,
                   GLOSS_TEST_PG_PASSWORD=PASSWORD,
                   GLOSS_TEST_PG_CA=f"{d}/ca.crt",
                   GLOSS_TEST_PG_OTHER_CA=f"{d}/other-ca.crt",
                   GLOSS_TEST_PG_CTL=f"{sys.executable} {os.path.abspath(__file__)} ctl {d}")
        child = subprocess.Popen(command, env=env)
        status = child.wait()
        if status < 0:
            print(f"pg-cluster: {command[0]} was killed by signal {-status}", file=sys.stderr)
            return 128 - status
        return status
    finally:
        try:
            pg_ctl(d, "stop")
        except SystemExit as e:
            print(e, file=sys.stderr)
        shutil.rmtree(d, ignore_errors=True)


def main():
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "run" and args[1] == "--":
        sys.exit(run(args[2:]))
    if len(args) == 3 and args[0] == "ctl":
        try:
            pg_ctl(args[1], args[2])
        except RuntimeError as e:
            sys.exit(f"pg-cluster: {e}")
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gloss-cli team, as an administrator and a colleague use it, against the
cluster pg-cluster.py started (GLOSS_TEST_PG_*).  Prints TAP.

  test-team-cli.py GLOSS_CLI SAMPLE_ARTICLE
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CLI, SAMPLE = sys.argv[1], sys.argv[2]
ENV = os.environ
PORT = ENV["GLOSS_TEST_PG_PORT"]
DB = "gloss_cli"
N = 0


def ok(condition, what, detail=""):
    global N
    N += 1
    print(f"{'ok' if condition else 'not ok'} {N} {what}")
    if not condition:
        for line in str(detail).splitlines():
            print(f"# {line}")
    return condition


def cli(db, *args, password=None, new_password=None, env=None):
    e = dict(ENV)
    e.pop("GLOSS_TEAM_PASSWORD", None)
    e.pop("GLOSS_TEAM_NEW_PASSWORD", None)
    if password is not None:
        e["GLOSS_TEAM_PASSWORD"] = password
    if new_password is not None:
        e["GLOSS_TEAM_NEW_PASSWORD"] = new_password
    e.update(env or {})
    # A session of its own: no terminal to ask a password on.
    return subprocess.run([CLI, "--db", db] + list(args), capture_output=True, text=True,
                          env=e, timeout=120, start_new_session=True, stdin=subprocess.DEVNULL)


def json_lines(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def conninfo(person):
    return (f"host=127.0.0.1 port={PORT} dbname={DB} user={person} "
            f"sslrootcert={ENV['GLOSS_TEST_PG_CA']}")


def main():
    tmp = tempfile.mkdtemp(prefix="gloss-team-cli-")
    ada_db, ben_db = f"{tmp}/ada.db", f"{tmp}/ben.db"
    try:
        created = subprocess.run(["createdb", "-h", ENV["GLOSS_TEST_PG_SOCKET"], "-p", PORT,
                                  "-U", ENV["GLOSS_TEST_PG_SUPERUSER"], DB],
                                 env=dict(ENV, PGPASSWORD=ENV["GLOSS_TEST_PG_PASSWORD"]),
                                 capture_output=True, text=True, timeout=120)
        ok(created.returncode == 0, "the administrator creates a database", created.stderr)

        init = cli(ada_db, "team", "init",
                   f"host={ENV['GLOSS_TEST_PG_SOCKET']} port={PORT} dbname={DB} "
                   f"user={ENV['GLOSS_TEST_PG_SUPERUSER']}",
                   "--admin=ada", "--display-name=Ada Lovelace", new_password="ada-pw",
                   env={"PGPASSWORD": ENV["GLOSS_TEST_PG_PASSWORD"]})
        ok(init.returncode == 0 and "ada" in init.stdout, "team init sets it up with one command",
           init.stderr)

        add = cli(ada_db, "team", "add", "desk", conninfo("ada"), "--create", password="ada-pw")
        ok(add.returncode == 0, "team add --create makes the team library", add.stderr)

        members = cli(ada_db, "team", "members", "desk", "--new-person=ben", "--set", "ben=editor",
                      "--json", password="ada-pw", new_password="ben-pw")
        roles = {m["person"]: m["role"] for m in json_lines(members)} if members.returncode == 0 else {}
        ok(roles == {"ada": "admin", "ben": "editor"},
           "team members adds a person with a role", members.stdout + members.stderr)

        imported = cli(ada_db, "import", SAMPLE)
        annotated = cli(ada_db, "annotate", "1", "--kind", "claim", "--quote", "Huawei",
                        "--note", "check this")
        shared = cli(ada_db, "team", "share", "desk", "1")
        ok(imported.returncode == annotated.returncode == shared.returncode == 0,
           "an article and its annotation are shared", imported.stderr + annotated.stderr +
           shared.stderr)

        status = json_lines(cli(ada_db, "team", "status", "desk", "--json"))
        ok(len(status) == 1 and status[0]["pending"] == 2 and status[0]["last_sync"] is None,
           "team status says two changes wait, offline", status)

        sync = cli(ada_db, "team", "sync", "--json", password="ada-pw")
        stats = json_lines(sync)
        ok(sync.returncode == 0 and stats and stats[0]["pushed"] == 2,
           "team sync sends them", sync.stdout + sync.stderr)

        ben_add = cli(ben_db, "team", "add", "desk", conninfo("ben"), "--display-name=Ben Ng",
                      password="ben-pw")
        ben_sync = cli(ben_db, "team", "sync", "desk", "--json", password="ben-pw")
        ben_stats = json_lines(ben_sync)
        notes = json_lines(cli(ben_db, "annotations", "1", "--json"))
        ok(ben_add.returncode == 0 and ben_sync.returncode == 0 and ben_stats and
           ben_stats[0]["articles_fetched"] == 1 and [n.get("note") for n in notes] == ["check this"],
           "a colleague gets the article and the annotation",
           ben_add.stderr + ben_sync.stdout + ben_sync.stderr + str(notes))

        names = {m["person"]: m["name"] for m in
                 json_lines(cli(ben_db, "team", "members", "desk", "--json", password="ben-pw"))}
        ok(names == {"ada": "Ada Lovelace", "ben": "Ben Ng"},
           "team add --display-name picks the name the team sees", names)

        renamed = cli(ada_db, "team", "members", "desk", "--display-name=Ada L. (desk)", "--json",
                      password="ada-pw")
        names = {m["person"]: m["name"] for m in json_lines(renamed)}
        ok(renamed.returncode == 0 and names == {"ada": "Ada L. (desk)", "ben": "Ben Ng"},
           "team members --display-name changes one's own", renamed.stdout + renamed.stderr)

        listing = json_lines(cli(ben_db, "team", "list", "--json"))
        ok(len(listing) == 1 and listing[0]["pending"] == 0 and listing[0]["last_error"] is None,
           "team list shows the library in step", listing)

        wrong = cli(ben_db, "team", "sync", password="not-it")
        after = json_lines(cli(ben_db, "team", "status", "--json"))
        ok(wrong.returncode == 1 and "password authentication failed" in wrong.stderr,
           "a wrong password fails with the reason", wrong.stderr)

        nopass = cli(ben_db, "team", "sync")
        ok(nopass.returncode == 1 and "GLOSS_TEAM_PASSWORD" in nopass.stderr,
           "without a password or a terminal it says how to give one", nopass.stderr)

        leaked = []
        for path in os.listdir(tmp):
            with open(os.path.join(tmp, path), "rb") as f:
                data = f.read()
            for secret in (b"ada-pw", b"ben-pw"):
                if secret in data:
                    leaked.append(path)
        ok(not leaked and after, "no password is written into a library file", leaked)

        refused = cli(ben_db, "team", "add", "other",
                      conninfo("ben") + " password=ben-pw", password="ben-pw")
        ok(refused.returncode == 1 and "password" in refused.stderr,
           "a connection string with a password is refused", refused.stderr)

        # Both change the same note apart: a conflict, listed and settled
        # from the command line.
        ada_id = json_lines(cli(ada_db, "annotations", "1", "--json"))[0]["id"]
        ben_id = json_lines(cli(ben_db, "annotations", "1", "--json"))[0]["id"]
        cli(ben_db, "edit-annotation", str(ben_id), "--note", "ben: denied")
        cli(ben_db, "team", "sync", password="ben-pw")
        cli(ada_db, "edit-annotation", str(ada_id), "--note", "ada: confirmed")
        clash = json_lines(cli(ada_db, "team", "sync", "--json", password="ada-pw"))
        listed = cli(ada_db, "team", "conflicts", "--json")
        conflicts = json_lines(listed)
        ok(clash and clash[0]["conflicts"] == 1 and len(conflicts) == 1 and
           conflicts[0]["library"] == "desk" and
           conflicts[0]["fields"] == [{"field": "note", "theirs": "ben: denied",
                                       "mine": "ada: confirmed"}],
           "team conflicts lists both versions of the note", listed.stdout + listed.stderr)

        text = cli(ada_db, "team", "conflicts", "desk")
        ok(text.returncode == 0 and "ben: denied" in text.stdout and
           "ada: confirmed" in text.stdout, "team conflicts says it in words too", text.stdout)

        bad = cli(ada_db, "team", "resolve", str(conflicts[0]["id"]) if conflicts else "1",
                  "--keep=whatever")
        ok(bad.returncode == 2 and "mine, theirs or both" in bad.stderr,
           "team resolve names the sides it takes", bad.stderr)

        resolved = cli(ada_db, "team", "resolve", str(conflicts[0]["id"]) if conflicts else "1",
                       "--keep=mine")
        notes = [n.get("note") for n in json_lines(cli(ada_db, "annotations", "1", "--json"))]
        left = json_lines(cli(ada_db, "team", "conflicts", "--json"))
        ok(resolved.returncode == 0 and notes == ["ada: confirmed"] and left == [],
           "keeping mine leaves one annotation with my note", resolved.stderr + str(notes))

        again = cli(ada_db, "team", "resolve", str(conflicts[0]["id"]) if conflicts else "1",
                    "--keep=theirs")
        ok(again.returncode == 1 and "already resolved" in again.stderr,
           "a conflict settled once cannot be settled again", again.stderr)

        cli(ada_db, "team", "sync", password="ada-pw")
        cli(ben_db, "team", "sync", password="ben-pw")
        ben_notes = [n.get("note") for n in json_lines(cli(ben_db, "annotations", "1", "--json"))]
        ok(ben_notes == ["ada: confirmed"], "the colleague gets the kept note at the next sync",
           ben_notes)

        # Apart again, and this time both versions stay.
        cli(ben_db, "edit-annotation", str(ben_id), "--note", "ben: second look")
        cli(ben_db, "team", "sync", password="ben-pw")
        cli(ada_db, "edit-annotation", str(ada_id), "--note", "ada: second look")
        cli(ada_db, "team", "sync", password="ada-pw")
        second = json_lines(cli(ada_db, "team", "conflicts", "desk", "--json"))
        both = cli(ada_db, "team", "resolve", str(second[0]["id"]) if second else "1",
                   "--keep=both")
        notes = sorted(n.get("note") for n in json_lines(cli(ada_db, "annotations", "1", "--json")))
        ok(len(second) == 1 and both.returncode == 0 and
           notes == ["ada: second look", "ben: second look"] and
           json_lines(cli(ada_db, "team", "conflicts", "--json")) == [],
           "keeping both leaves two annotations and no conflict", both.stderr + str(notes))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"1..{N}")


if __name__ == "__main__":
    main()

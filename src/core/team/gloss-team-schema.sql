-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Gloss team libraries: the server side, schema version 1.
--
-- Run once per database by a superuser (gloss-cli team init does it, or
-- psql -v ON_ERROR_STOP=1 -1 -f gloss-team-schema.sql).  There is no server
-- program: the rules are here.
--
--   gloss_owner    owns every table and function; cannot log in.  The
--                  SECURITY DEFINER functions run as it.
--   gloss_person   the group every person's login role is in: may read
--                  (row-level security shows only their libraries' rows)
--                  and call the functions below, nothing else.  No INSERT,
--                  UPDATE or DELETE on any table: writes go through
--                  gloss.push(), deletions are tombstones.
--   gloss_admin    people who may create libraries and add people.
--
-- Every library has a version counter.  gloss.push() takes the library's
-- row lock (SELECT ... FOR UPDATE) and writes every changed row with the
-- counter plus one, so versions follow commit order: a client that has
-- pulled everything up to version N and asks for "after N" misses nothing
-- (a sequence or a timestamp could commit out of order).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gloss_owner') THEN
    CREATE ROLE gloss_owner NOLOGIN CREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gloss_person') THEN
    CREATE ROLE gloss_person NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gloss_admin') THEN
    CREATE ROLE gloss_admin NOLOGIN IN ROLE gloss_person;
  END IF;
END
$$;

-- gloss_owner creates people's roles and puts them in these groups.
GRANT gloss_person TO gloss_owner WITH ADMIN OPTION;
GRANT gloss_admin TO gloss_owner WITH ADMIN OPTION;

CREATE SCHEMA gloss AUTHORIZATION gloss_owner;
REVOKE ALL ON SCHEMA gloss FROM PUBLIC;
GRANT USAGE ON SCHEMA gloss TO gloss_person;

SET ROLE gloss_owner;

CREATE TABLE gloss.schema_version (
  version integer NOT NULL,
  installed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO gloss.schema_version (version) VALUES (1);

CREATE TABLE gloss.people (
  person name PRIMARY KEY,
  display_name text NOT NULL
);

CREATE TABLE gloss.libraries (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  version bigint NOT NULL DEFAULT 0,
  created_by name NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gloss.members (
  library uuid NOT NULL REFERENCES gloss.libraries ON DELETE CASCADE,
  person name NOT NULL REFERENCES gloss.people ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
  PRIMARY KEY (library, person)
);

-- Articles, annotations and links: the fields travel as one JSON object
-- the client merges field by field; the server compares, never interprets.
CREATE TABLE gloss.objects (
  library uuid NOT NULL REFERENCES gloss.libraries ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('article', 'annotation', 'link')),
  uuid uuid NOT NULL,
  version bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  author name NOT NULL,
  changed_by name NOT NULL,
  PRIMARY KEY (library, kind, uuid)
);
CREATE INDEX objects_since ON gloss.objects (library, version);
-- The same article shared twice under two uuids is one article.
CREATE UNIQUE INDEX objects_article_sha256 ON gloss.objects (library, (data ->> 'sha256'))
  WHERE kind = 'article';

-- An article's body (the compressed original and the extracted blocks)
-- is written once and fetched once by each client that lacks it.
CREATE TABLE gloss.article_bodies (
  library uuid NOT NULL REFERENCES gloss.libraries ON DELETE CASCADE,
  uuid uuid NOT NULL,
  source bytea NOT NULL,
  blocks jsonb NOT NULL,
  PRIMARY KEY (library, uuid)
);

-- The libraries the person logged in belongs to.  SECURITY DEFINER, so the
-- policies below can ask without recursing into members' own policy;
-- session_user, since inside the function current_user is gloss_owner.
CREATE FUNCTION gloss.my_libraries () RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT library FROM gloss.members WHERE person = session_user $$;

CREATE FUNCTION gloss.my_role (p_library uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT role FROM gloss.members WHERE library = p_library AND person = session_user $$;

ALTER TABLE gloss.libraries ENABLE ROW LEVEL SECURITY;
ALTER TABLE gloss.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE gloss.objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE gloss.article_bodies ENABLE ROW LEVEL SECURITY;
ALTER TABLE gloss.people ENABLE ROW LEVEL SECURITY;

CREATE POLICY mine ON gloss.libraries FOR SELECT USING (id IN (SELECT gloss.my_libraries ()));
CREATE POLICY mine ON gloss.members FOR SELECT USING (library IN (SELECT gloss.my_libraries ()));
CREATE POLICY mine ON gloss.objects FOR SELECT USING (library IN (SELECT gloss.my_libraries ()));
CREATE POLICY mine ON gloss.article_bodies FOR SELECT
  USING (library IN (SELECT gloss.my_libraries ()));
-- People one shares a library with, and oneself.
CREATE POLICY mine ON gloss.people FOR SELECT
  USING (person = session_user OR person IN (SELECT m.person FROM gloss.members m));

GRANT SELECT ON gloss.schema_version, gloss.people, gloss.libraries, gloss.members,
  gloss.objects, gloss.article_bodies TO gloss_person;

CREATE FUNCTION gloss.check_writer (p_library uuid) RETURNS void
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  r text := gloss.my_role (p_library);
BEGIN
  IF r IS NULL THEN
    RAISE EXCEPTION 'gloss: % is not a member of this team library', session_user
      USING ERRCODE = 'insufficient_privilege';
  ELSIF r = 'reader' THEN
    RAISE EXCEPTION 'gloss: % may only read this team library (role reader)', session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;

-- Push: p_changes is a JSON array of {kind, uuid, base, deleted, data}
-- where base is the version the client's copy came from (0: new).  Inside
-- one transaction, under the library's row lock, each change is
--   "unchanged"  the row already holds exactly this (a retry after a lost
--                answer: nothing is written twice),
--   "conflict"   the row moved on since base (the client pulls and merges),
--   "duplicate"  a new article whose sha256 the library already has under
--                another uuid (returned; the client adopts it),
--   "applied"    written with the new library version.
-- Returns {"version": the library's version after, "results": [...]}, the
-- results in the order of the changes.
--
-- Set-based: a batch is classified in one query and written with one
-- UPDATE and one INSERT, so its cost grows with the rows, not with a
-- statement per row (the first push of a library sends thousands).  The
-- library's row lock is what serialises writers, so the rows read here
-- cannot change before the writes.
CREATE FUNCTION gloss.push (p_library uuid, p_changes jsonb) RETURNS jsonb
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  v_version bigint;
  v_new bigint;
  v_results jsonb;
  v_applied bigint;
BEGIN
  PERFORM gloss.check_writer (p_library);
  SELECT version INTO v_version FROM gloss.libraries WHERE id = p_library FOR UPDATE;
  v_new := v_version + 1;

  IF (SELECT count(*) <> count(DISTINCT (e ->> 'kind', e ->> 'uuid'))
      FROM jsonb_array_elements (p_changes) e) THEN
    RAISE EXCEPTION 'gloss: a push names the same object twice';
  END IF;

  WITH c AS (
    SELECT e.ord, e.value ->> 'kind' AS kind, e.value ->> 'uuid' AS uuid_text,
           (e.value ->> 'uuid')::uuid AS uuid, (e.value ->> 'base')::bigint AS base,
           (e.value ->> 'deleted')::boolean AS deleted, e.value -> 'data' AS data
    FROM jsonb_array_elements (p_changes) WITH ORDINALITY AS e (value, ord)
  ), found AS (
    SELECT c.*, o.version AS row_version, o.data AS row_data, o.deleted AS row_deleted,
           o.uuid IS NOT NULL AS here,
           (SELECT d.uuid FROM gloss.objects d
            WHERE o.uuid IS NULL AND c.kind = 'article' AND d.library = p_library
              AND d.kind = 'article' AND d.data ->> 'sha256' = c.data ->> 'sha256') AS dup
    FROM c LEFT JOIN gloss.objects o
      ON o.library = p_library AND o.kind = c.kind AND o.uuid = c.uuid
  ), firsts AS (
    -- Two new articles of the same bytes in one batch: the first is the one.
    SELECT f.*, CASE WHEN NOT f.here AND f.dup IS NULL AND f.kind = 'article'
                          AND f.data ->> 'sha256' IS NOT NULL
                     THEN first_value (f.uuid) OVER (PARTITION BY
                            f.kind = 'article' AND NOT f.here AND f.dup IS NULL,
                            f.data ->> 'sha256' ORDER BY f.ord) END AS first_uuid
    FROM found f
  ), k AS (
    SELECT f.ord, f.kind, f.uuid_text, f.uuid, f.deleted, f.data,
           CASE WHEN f.here AND f.row_data = f.data AND f.row_deleted = f.deleted THEN 'unchanged'
                WHEN f.here AND f.row_version <> f.base THEN 'conflict'
                WHEN f.here THEN 'update'
                WHEN f.dup IS NOT NULL THEN 'duplicate'
                WHEN f.first_uuid IS NOT NULL AND f.first_uuid <> f.uuid THEN 'duplicate'
                ELSE 'insert' END AS status,
           coalesce (f.dup, CASE WHEN f.first_uuid <> f.uuid THEN f.first_uuid END) AS existing,
           f.row_version
    FROM firsts f
  ), updated AS (
    UPDATE gloss.objects o SET version = v_new, deleted = k.deleted, data = k.data,
        changed_by = session_user
      FROM k
      WHERE k.status = 'update' AND o.library = p_library AND o.kind = k.kind
        AND o.uuid = k.uuid
  ), inserted AS (
    INSERT INTO gloss.objects (library, kind, uuid, version, deleted, data, author, changed_by)
      SELECT p_library, k.kind, k.uuid, v_new, k.deleted, k.data, session_user, session_user
      FROM k WHERE k.status = 'insert' ORDER BY k.ord
  )
  SELECT coalesce (jsonb_agg (jsonb_build_object (
             'kind', k.kind, 'uuid', k.uuid_text,
             'status', CASE WHEN k.status IN ('update', 'insert') THEN 'applied' ELSE k.status END,
             'version', CASE
                          WHEN k.status IN ('update', 'insert') THEN v_new
                          WHEN k.status = 'duplicate' THEN
                            coalesce ((SELECT d.version FROM gloss.objects d
                                       WHERE d.library = p_library AND d.kind = 'article'
                                         AND d.uuid = k.existing), v_new)
                          ELSE k.row_version END,
             'existing', k.existing) ORDER BY k.ord), '[]'::jsonb),
         count(*) FILTER (WHERE k.status IN ('update', 'insert'))
    INTO v_results, v_applied
    FROM k;

  IF v_applied > 0 THEN
    UPDATE gloss.libraries SET version = v_new WHERE id = p_library;
    v_version := v_new;
  END IF;
  RETURN jsonb_build_object ('version', v_version, 'results', v_results);
END
$$;

-- Articles' bodies, before the articles themselves are pushed: p_bodies is
-- a JSON array of {uuid, source (the compressed original, base64), blocks},
-- many in one call so a first push does not wait on a round trip each.  A
-- second push of the same body (a retry) changes nothing.
CREATE FUNCTION gloss.push_bodies (p_library uuid, p_bodies jsonb)
  RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  PERFORM gloss.check_writer (p_library);
  INSERT INTO gloss.article_bodies (library, uuid, source, blocks)
    SELECT p_library, (b ->> 'uuid')::uuid, decode (b ->> 'source', 'base64'), b -> 'blocks'
    FROM jsonb_array_elements (p_bodies) b
    ON CONFLICT DO NOTHING;
END
$$;

-- Pull: everything in the library changed after version p_since, as the
-- caller may see it (row-level security applies: not SECURITY DEFINER).
-- Call it in a REPEATABLE READ transaction together with reading
-- gloss.libraries.version, so the two agree.
CREATE FUNCTION gloss.pull (p_library uuid, p_since bigint)
  RETURNS TABLE (kind text, uuid uuid, version bigint, deleted boolean, data jsonb,
                 author name, changed_by name)
  LANGUAGE sql STABLE
  AS $$
    SELECT o.kind, o.uuid, o.version, o.deleted, o.data, o.author, o.changed_by
    FROM gloss.objects o
    WHERE o.library = p_library AND o.version > p_since
    ORDER BY o.version, CASE o.kind WHEN 'article' THEN 0 WHEN 'annotation' THEN 1 ELSE 2 END
  $$;

-- A person: their login role (made here, so only the SCRAM verifier the
-- client computed ever reaches the server) and their name in the team.
CREATE FUNCTION gloss.add_person (p_person name, p_verifier text, p_display_name text,
                                  p_admin boolean)
  RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF NOT pg_has_role (session_user, 'gloss_admin', 'MEMBER') THEN
    RAISE EXCEPTION 'gloss: only a team administrator may add people'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    RAISE EXCEPTION 'gloss: a password must arrive as a SCRAM-SHA-256 verifier';
  END IF;
  EXECUTE format ('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE gloss_person', p_person, p_verifier);
  IF p_admin THEN
    EXECUTE format ('GRANT gloss_admin TO %I', p_person);
  END IF;
  INSERT INTO gloss.people (person, display_name) VALUES (p_person, p_display_name);
END
$$;

-- Used once by gloss-cli team init, as the superuser, for the first admin.
CREATE FUNCTION gloss.register_person (p_person name, p_display_name text) RETURNS void
  LANGUAGE sql VOLATILE
  AS $$ INSERT INTO gloss.people (person, display_name) VALUES (p_person, p_display_name)
        ON CONFLICT (person) DO UPDATE SET display_name = excluded.display_name $$;
REVOKE ALL ON FUNCTION gloss.register_person (name, text) FROM PUBLIC;

CREATE FUNCTION gloss.create_library (p_id uuid, p_name text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF NOT pg_has_role (session_user, 'gloss_admin', 'MEMBER') THEN
    RAISE EXCEPTION 'gloss: only a team administrator may create a team library'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO gloss.libraries (id, name, created_by) VALUES (p_id, p_name, session_user);
  INSERT INTO gloss.members (library, person, role) VALUES (p_id, session_user, 'admin');
END
$$;

-- Adds a person to a library or changes their role; p_role NULL removes them.
CREATE FUNCTION gloss.set_member (p_library uuid, p_person name, p_role text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF coalesce (gloss.my_role (p_library), '') <> 'admin' THEN
    RAISE EXCEPTION 'gloss: only an admin of this team library may change its members'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_role IS NULL THEN
    DELETE FROM gloss.members WHERE library = p_library AND person = p_person;
  ELSE
    INSERT INTO gloss.members (library, person, role) VALUES (p_library, p_person, p_role)
      ON CONFLICT (library, person) DO UPDATE SET role = excluded.role;
  END IF;
END
$$;

RESET ROLE;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA gloss FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gloss.my_libraries (), gloss.my_role (uuid),
  gloss.push (uuid, jsonb), gloss.push_bodies (uuid, jsonb),
  gloss.pull (uuid, bigint), gloss.add_person (name, text, text, boolean),
  gloss.create_library (uuid, text), gloss.set_member (uuid, name, text)
  TO gloss_person;

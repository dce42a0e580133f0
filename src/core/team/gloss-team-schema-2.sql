-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Gloss team libraries: the server side, from schema version 1 to 2.
--
-- gloss-cli team init runs it right after gloss-team-schema.sql.  A
-- database set up by an older Gloss (version 1) is upgraded by a
-- superuser, in one transaction:
--   psql -v ON_ERROR_STOP=1 -1 -f gloss-team-schema-2.sql DBNAME
-- Clients of version 1 keep syncing with it.
--
-- Version 2: each member picks the name the team sees on their work, per
-- team library (one may sign "Ada (desk)" in one and "A. Lovelace" in
-- another).  NULL falls back to their name in gloss.people.

SET ROLE gloss_owner;

ALTER TABLE gloss.members ADD COLUMN display_name text
  CHECK (display_name IS NULL OR length (display_name) BETWEEN 1 AND 200);

-- Only one's own membership: SECURITY DEFINER, since members have no
-- UPDATE right on any table.
CREATE FUNCTION gloss.set_display_name (p_library uuid, p_display_name text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  UPDATE gloss.members SET display_name = nullif (btrim (p_display_name), '')
    WHERE library = p_library AND person = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'gloss: % is not a member of this team library', session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;

INSERT INTO gloss.schema_version (version) VALUES (2);

RESET ROLE;

REVOKE ALL ON FUNCTION gloss.set_display_name (uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gloss.set_display_name (uuid, text) TO gloss_person;

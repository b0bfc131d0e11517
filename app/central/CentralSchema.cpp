// The central store's schema, version by version. Append, never edit: stores upgrade from every
// earlier version. Everything lives in the schema `gatehouse`, owned by gatehouse_admin.
#include "central/CentralSchema.h"

#include "central/CentralConnection.h"

namespace {
// Version 1 (formats/central.md):
// - site, kiosk: the registry (`central add-site`, `add-kiosk`), with each kiosk's counters for
//   the `kiosks` view, kept by the trigger below so that the view never counts 100 M rows.
// - event: what kiosks send, kept once per (kiosk, seq) (the primary key; kiosks insert with
//   ON CONFLICT DO NOTHING, so a batch sent twice changes nothing). Row-level security: a kiosk
//   inserts only rows of its own id and site. The rows are the journal; a statement-level trigger
//   applies the rows actually inserted (its transition table holds no duplicates) to `stay`.
// - stay: one row per visit, for the views; `during` is the stay's time range (an open stay
//   reaches to infinity), indexed per site with GiST (btree_gist lets the site's equality share
//   the index), which is what keeps contacts() fast at 100 M stays.
// - pending_exit: an exit that reached the store before its entry (an offline door): paired when
//   the entry arrives.
// - forget: deletes the person's stays at the kiosk's site and blanks their events; retention
//   (gatehouse.purge) does the same by age.
const char* const VERSION_1 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

CREATE TABLE gatehouse.site (
    site text PRIMARY KEY,
    name text NOT NULL,
    district text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gatehouse.kiosk (
    kiosk text PRIMARY KEY,
    site text NOT NULL REFERENCES gatehouse.site,
    entrance text,
    events bigint NOT NULL DEFAULT 0,
    last_seq bigint,
    last_received_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gatehouse.event (
    kiosk text NOT NULL,
    seq bigint NOT NULL CHECK (seq > 0),
    site text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('entry', 'exit', 'forget', 'audit')),
    id_number text,
    body jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kiosk, seq)
);
CREATE INDEX event_person ON gatehouse.event (site, id_number) WHERE id_number IS NOT NULL;
CREATE INDEX event_received ON gatehouse.event (received_at);

CREATE TABLE gatehouse.stay (
    visit_key text PRIMARY KEY,
    kiosk text NOT NULL,
    entry_seq bigint NOT NULL,
    site text NOT NULL,
    entrance text NOT NULL,
    exit_entrance text,
    person_type text NOT NULL,
    full_name text NOT NULL,
    id_number text,
    phone text,
    address text,
    checked_in_at timestamptz NOT NULL,
    checked_out_at timestamptz,
    checkout_kind text,
    method text,
    app_status text,
    app_profile text,
    app_id text,
    declaration text,
    received_at timestamptz NOT NULL,
    during tstzrange GENERATED ALWAYS AS (tstzrange(checked_in_at, coalesce(checked_out_at, 'infinity'), '[)')) STORED
);
CREATE INDEX stay_site_during ON gatehouse.stay USING gist (site, during);
CREATE INDEX stay_id_number ON gatehouse.stay (id_number);
CREATE INDEX stay_open ON gatehouse.stay (site, id_number) WHERE checked_out_at IS NULL;

CREATE TABLE gatehouse.pending_exit (
    kiosk text NOT NULL,
    seq bigint NOT NULL,
    site text NOT NULL,
    id_number text NOT NULL,
    entrance text NOT NULL,
    checked_out_at timestamptz NOT NULL,
    checkout_kind text NOT NULL,
    PRIMARY KEY (kiosk, seq)
);
CREATE INDEX pending_exit_person ON gatehouse.pending_exit (site, id_number);

-- The site of the kiosk logged in (session_user: inside SECURITY DEFINER functions current_user
-- is the owner). Kiosks have no SELECT on any table; the policy asks this function, which tells a
-- kiosk its own site and nobody else's.
CREATE FUNCTION gatehouse.kiosk_site() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ SELECT site FROM gatehouse.kiosk WHERE kiosk = session_user $$;

ALTER TABLE gatehouse.event ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_its_own ON gatehouse.event FOR INSERT TO gatehouse_kiosk
    WITH CHECK (kiosk = session_user AND site = (SELECT gatehouse.kiosk_site()));

CREATE FUNCTION gatehouse.ms(value text) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT to_timestamp(value::double precision / 1000) $$;

CREATE FUNCTION gatehouse.apply_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
BEGIN
    -- Each kind only when the batch has it: the planner cannot know that a batch of entries has
    -- no exit or forget, and would join the whole stay table for nothing.
    IF EXISTS (SELECT FROM fresh WHERE kind = 'entry') THEN
        INSERT INTO gatehouse.stay (visit_key, kiosk, entry_seq, site, entrance, person_type, full_name, id_number,
                                    phone, address, checked_in_at, checked_out_at, checkout_kind, exit_entrance,
                                    method, app_status, app_profile, app_id, declaration, received_at)
        SELECT f.kiosk || ':' || (f.body->>'local_id'), f.kiosk, f.seq, f.site, f.body->>'entrance',
               f.body->>'person_type', f.body->>'full_name', f.id_number, f.body->>'phone', f.body->>'address',
               gatehouse.ms(f.body->>'checked_in_at'), gatehouse.ms(f.body->>'checked_out_at'),
               f.body->>'checkout_kind',
               CASE WHEN f.body->>'checked_out_at' IS NOT NULL THEN f.body->>'entrance' END,
               f.body->>'method', f.body->>'app_status', f.body->>'app_profile', f.body->>'app_id',
               f.body->>'declaration', f.received_at
        FROM fresh f WHERE f.kind = 'entry'
        ON CONFLICT (visit_key) DO NOTHING;
    END IF;

    IF EXISTS (SELECT FROM fresh WHERE kind = 'exit') THEN
        -- Exits of entries this kiosk recorded (local_id) or fetched from another door (visit_key).
        UPDATE gatehouse.stay s
           SET checked_out_at = gatehouse.ms(f.body->>'checked_out_at'), checkout_kind = f.body->>'checkout_kind',
               exit_entrance = f.body->>'entrance'
          FROM fresh f
         WHERE f.kind = 'exit' AND s.checked_out_at IS NULL AND s.site = f.site
           AND s.visit_key = coalesce(f.body->>'visit_key', f.kiosk || ':' || (f.body->>'local_id'));

        -- Exits of entries the door did not know: kept until the entry arrives.
        INSERT INTO gatehouse.pending_exit (kiosk, seq, site, id_number, entrance, checked_out_at, checkout_kind)
        SELECT f.kiosk, f.seq, f.site, f.id_number, f.body->>'entrance', gatehouse.ms(f.body->>'checked_out_at'),
               f.body->>'checkout_kind'
          FROM fresh f
         WHERE f.kind = 'exit' AND f.body->>'local_id' IS NULL AND f.body->>'visit_key' IS NULL
           AND f.id_number IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;

    -- Pair waiting exits of these people with their open stay at the site that began before the exit.
    IF EXISTS (SELECT FROM gatehouse.pending_exit p JOIN fresh f ON p.site = f.site AND p.id_number = f.id_number) THEN
        WITH paired AS (
            SELECT DISTINCT ON (p.kiosk, p.seq) p.kiosk, p.seq, s.visit_key, p.entrance, p.checked_out_at,
                   p.checkout_kind
              FROM gatehouse.pending_exit p
              JOIN gatehouse.stay s ON s.site = p.site AND s.id_number = p.id_number AND s.checked_out_at IS NULL
                                   AND s.checked_in_at <= p.checked_out_at
             WHERE p.id_number IN (SELECT id_number FROM fresh WHERE id_number IS NOT NULL)
             ORDER BY p.kiosk, p.seq, s.checked_in_at DESC
        ), closed AS (
            UPDATE gatehouse.stay s
               SET checked_out_at = paired.checked_out_at, checkout_kind = paired.checkout_kind,
                   exit_entrance = paired.entrance
              FROM paired WHERE s.visit_key = paired.visit_key AND s.checked_out_at IS NULL
            RETURNING paired.kiosk, paired.seq
        )
        DELETE FROM gatehouse.pending_exit p USING closed WHERE p.kiosk = closed.kiosk AND p.seq = closed.seq;
    END IF;

    IF EXISTS (SELECT FROM fresh WHERE kind = 'forget') THEN
        -- Forget: the person's stays at the kiosk's site (not an entry the same kiosk recorded
        -- after the forget), and every copy in the journal.
        DELETE FROM gatehouse.stay s USING fresh f
         WHERE f.kind = 'forget' AND s.site = f.site AND s.id_number = f.id_number
           AND NOT (s.kiosk = f.kiosk AND s.entry_seq > f.seq);
        DELETE FROM gatehouse.pending_exit p USING fresh f
         WHERE f.kind = 'forget' AND p.site = f.site AND p.id_number = f.id_number;
        UPDATE gatehouse.event e SET body = '{}'::jsonb, id_number = NULL
          FROM fresh f
         WHERE f.kind = 'forget' AND e.site = f.site AND e.id_number = f.id_number
           AND NOT (e.kiosk = f.kiosk AND e.seq > f.seq);
    END IF;

    UPDATE gatehouse.kiosk k
       SET events = k.events + n.events, last_seq = greatest(k.last_seq, n.last_seq),
           last_received_at = n.received_at
      FROM (SELECT kiosk, count(*) AS events, max(seq) AS last_seq, max(received_at) AS received_at
              FROM fresh GROUP BY kiosk) n
     WHERE k.kiosk = n.kiosk;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_applied AFTER INSERT ON gatehouse.event
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.apply_events();

-- For officials: one row per stay, at every site.
CREATE VIEW gatehouse.visits AS
SELECT s.visit_key, s.site, si.name AS site_name, si.district, s.entrance, s.exit_entrance, s.person_type,
       s.full_name, s.id_number, s.phone, s.address, s.checked_in_at, s.checked_out_at, s.checkout_kind,
       s.method, s.app_status, s.app_profile, s.app_id, s.declaration, s.received_at
  FROM gatehouse.stay s JOIN gatehouse.site si ON si.site = s.site;

CREATE VIEW gatehouse.kiosks AS
SELECT kiosk, site, entrance, last_received_at, events, last_seq FROM gatehouse.kiosk;

-- The stays of everyone else at the same site that overlapped a stay of the case within the
-- window, with the overlap in minutes; an open stay counts until now. contacts() for officials
-- and `central trace` (the whole row, as the kiosk's trace file) both stand on it.
CREATE FUNCTION gatehouse.contact_stays(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS TABLE (visit_key text, overlap_minutes numeric)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    WITH case_stay AS (
        SELECT c.site, tstzrange(greatest(c.checked_in_at, window_from),
                                 least(coalesce(c.checked_out_at, now()), window_to), '[)') AS r
          FROM gatehouse.stay c
         WHERE c.id_number = case_id_number AND c.during && tstzrange(window_from, window_to, '[)')
    )
    SELECT o.visit_key,
           round(sum(extract(epoch FROM least(upper(c.r), coalesce(o.checked_out_at, now()))
                                        - greatest(lower(c.r), o.checked_in_at))) / 60, 1)
      FROM case_stay c
      JOIN gatehouse.stay o ON o.site = c.site AND o.during && c.r
     WHERE NOT isempty(c.r) AND o.id_number IS DISTINCT FROM case_id_number
     GROUP BY o.visit_key
$$;

-- Everyone else whose stay at the same site overlapped a stay of the case within the window.
CREATE FUNCTION gatehouse.contacts(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS TABLE (site text, site_name text, entrance text, full_name text, id_number text, phone text,
                   checked_in_at timestamptz, checked_out_at timestamptz, overlap_minutes numeric)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT o.site, si.name, o.entrance, o.full_name, o.id_number, o.phone, o.checked_in_at, o.checked_out_at,
           c.overlap_minutes
      FROM gatehouse.contact_stays(case_id_number, window_from, window_to) c
      JOIN gatehouse.stay o ON o.visit_key = c.visit_key
      JOIN gatehouse.site si ON si.site = o.site
     ORDER BY o.checked_in_at, o.visit_key
$$;

-- For a kiosk: the open entries of its own site recorded at its other doors (check-out at any door).
CREATE FUNCTION gatehouse.site_open_entries()
    RETURNS TABLE (visit_key text, entrance text, person_type text, full_name text, id_number text,
                   phone text, checked_in_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT s.visit_key, s.entrance, s.person_type, s.full_name, s.id_number, s.phone, s.checked_in_at
      FROM gatehouse.stay s
     WHERE s.site = gatehouse.kiosk_site() AND s.checked_out_at IS NULL AND s.kiosk <> session_user
     ORDER BY s.checked_in_at
$$;

-- Retention, centrally: stays that ended (or began, when never closed) before the cutoff, and
-- journal rows received before it. The counts.
CREATE FUNCTION gatehouse.purge(cutoff timestamptz) RETURNS TABLE (stays bigint, events bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    gone_stays bigint;
    gone_events bigint;
BEGIN
    DELETE FROM gatehouse.stay WHERE coalesce(checked_out_at, checked_in_at) < cutoff;
    GET DIAGNOSTICS gone_stays = ROW_COUNT;
    DELETE FROM gatehouse.event WHERE received_at < cutoff;
    GET DIAGNOSTICS gone_events = ROW_COUNT;
    DELETE FROM gatehouse.pending_exit WHERE checked_out_at < cutoff;
    RETURN QUERY SELECT gone_stays, gone_events;
END
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA gatehouse FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA gatehouse FROM PUBLIC;
GRANT USAGE ON SCHEMA gatehouse TO gatehouse_kiosk, gatehouse_official;
GRANT INSERT ON gatehouse.event TO gatehouse_kiosk;
GRANT EXECUTE ON FUNCTION gatehouse.kiosk_site(), gatehouse.site_open_entries() TO gatehouse_kiosk;
GRANT SELECT ON gatehouse.visits, gatehouse.kiosks TO gatehouse_official;
GRANT EXECUTE ON FUNCTION gatehouse.contacts(text, timestamptz, timestamptz) TO gatehouse_official;
GRANT EXECUTE ON FUNCTION gatehouse.ms(text) TO gatehouse_kiosk, gatehouse_official;
)SQL";

// Version 2: every file handed out from the central store is recorded there, as a kiosk records
// its own (export/OfficialFile.h): who (the login), what (trace or export, and of which sites), the
// window, the rows and the file's SHA-256. Officials may write the province-wide files themselves
// (they read `visits` already), so they may trace too and record through a function that names
// the session's login, never one they choose; no role but the owner reads or changes the table.
const char* const VERSION_2 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

CREATE TABLE gatehouse.handed_out (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    login text NOT NULL,
    purpose text NOT NULL,
    scope text NOT NULL,
    window_from timestamptz NOT NULL,
    window_to timestamptz NOT NULL,
    rows bigint NOT NULL,
    sha256 text NOT NULL,
    file text NOT NULL,
    key_id text
);

CREATE FUNCTION gatehouse.hand_out(purpose text, scope text, window_from timestamptz, window_to timestamptz,
                                   rows bigint, sha256 text, file text, key_id text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    INSERT INTO gatehouse.handed_out (login, purpose, scope, window_from, window_to, rows, sha256, file, key_id)
    VALUES (session_user, purpose, scope, window_from, window_to, rows, sha256, file, key_id)
$$;

-- Whether the case stayed anywhere in the window (a trace of nobody is a mistyped number).
CREATE FUNCTION gatehouse.case_stayed(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT EXISTS (SELECT FROM gatehouse.stay WHERE id_number = case_id_number
                      AND during && tstzrange(window_from, window_to, '[)'))
$$;

REVOKE ALL ON gatehouse.handed_out FROM PUBLIC;
REVOKE ALL ON FUNCTION gatehouse.hand_out(text, text, timestamptz, timestamptz, bigint, text, text, text),
    gatehouse.case_stayed(text, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.hand_out(text, text, timestamptz, timestamptz, bigint, text, text, text),
    gatehouse.case_stayed(text, timestamptz, timestamptz),
    gatehouse.contact_stays(text, timestamptz, timestamptz) TO gatehouse_official;
)SQL";

// Version 3: `received_at` is the store's own time (formats/central.md: "the central side adds its
// own received_at"), whatever a kiosk's INSERT says: the kiosks' grant covers every column of
// `event`, so a kiosk could date its events as received whenever it liked (issue 24). A row
// trigger sets it; the statement trigger that fills `stay` then reads the rows as stored.
const char* const VERSION_3 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

CREATE FUNCTION gatehouse.stamp_received() RETURNS trigger
    LANGUAGE plpgsql SET search_path = gatehouse, pg_temp
    AS $$
BEGIN
    NEW.received_at := now();
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION gatehouse.stamp_received() FROM PUBLIC;
CREATE TRIGGER event_received_here BEFORE INSERT ON gatehouse.event
    FOR EACH ROW EXECUTE FUNCTION gatehouse.stamp_received();
)SQL";

// Version 4: each kiosk's audit chain, checked as it arrives (issue 24). A kiosk's audit rows
// come as events in the order written, each with its hash and the hash of the row before it
// (storage/AuditLog.h). The store keeps each kiosk's newest row (audit_head) and notes every row
// that does not extend it (audit_break): rows that never arrived, a row numbered again, a chain
// written again. The kiosk's `audit verify` reads its own head back (audit_head()) to find rows
// removed from the end of its log; officials see the breaks in `audit_breaks`. An event from a
// kiosk older than this (no prev_hash) moves the head without a check.
const char* const VERSION_4 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

CREATE TABLE gatehouse.audit_head (
    kiosk text PRIMARY KEY,
    local_id bigint NOT NULL,
    hash text NOT NULL,
    seq bigint NOT NULL,
    received_at timestamptz NOT NULL
);

CREATE TABLE gatehouse.audit_break (
    kiosk text NOT NULL,
    seq bigint NOT NULL,
    local_id bigint,
    reason text NOT NULL,
    noticed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kiosk, seq)
);

CREATE FUNCTION gatehouse.check_audit_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    r record;
    head gatehouse.audit_head%ROWTYPE;
BEGIN
    FOR r IN SELECT f.kiosk, f.seq, (f.body->>'local_id')::bigint AS local_id, f.body->>'prev_hash' AS prev_hash,
                    f.body->>'hash' AS hash, f.received_at
               FROM fresh f
              WHERE f.kind = 'audit' AND f.body ? 'hash'
              ORDER BY f.kiosk, f.seq
    LOOP
        SELECT * INTO head FROM gatehouse.audit_head WHERE kiosk = r.kiosk;
        IF FOUND AND r.prev_hash IS NOT NULL THEN
            IF r.local_id <= head.local_id THEN
                INSERT INTO gatehouse.audit_break (kiosk, seq, local_id, reason)
                VALUES (r.kiosk, r.seq, r.local_id,
                        format('row %s arrived after row %s: the kiosk''s audit log was started again or rewritten',
                               r.local_id, head.local_id))
                ON CONFLICT DO NOTHING;
            ELSIF r.prev_hash <> head.hash THEN
                INSERT INTO gatehouse.audit_break (kiosk, seq, local_id, reason)
                VALUES (r.kiosk, r.seq, r.local_id,
                        CASE WHEN r.local_id > head.local_id + 1
                             THEN format('rows %s to %s never arrived, and row %s does not follow row %s',
                                         head.local_id + 1, r.local_id - 1, r.local_id, head.local_id)
                             ELSE format('row %s does not follow row %s: the chain was written again',
                                         r.local_id, head.local_id)
                        END)
                ON CONFLICT DO NOTHING;
            END IF;
        END IF;
        INSERT INTO gatehouse.audit_head (kiosk, local_id, hash, seq, received_at)
        VALUES (r.kiosk, r.local_id, r.hash, r.seq, r.received_at)
        ON CONFLICT (kiosk) DO UPDATE
            SET local_id = EXCLUDED.local_id, hash = EXCLUDED.hash, seq = EXCLUDED.seq,
                received_at = EXCLUDED.received_at;
    END LOOP;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_audit_chain AFTER INSERT ON gatehouse.event
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.check_audit_chain();

-- For a kiosk: the newest row of its own audit chain the store has, to check its file against.
CREATE FUNCTION gatehouse.audit_head() RETURNS TABLE (local_id bigint, hash text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ SELECT local_id, hash FROM gatehouse.audit_head WHERE kiosk = session_user $$;

-- For officials: the kiosks whose audit chain did not arrive whole.
CREATE VIEW gatehouse.audit_breaks AS
SELECT b.kiosk, k.site, b.seq, b.local_id, b.reason, b.noticed_at
  FROM gatehouse.audit_break b LEFT JOIN gatehouse.kiosk k ON k.kiosk = b.kiosk;

REVOKE ALL ON gatehouse.audit_head, gatehouse.audit_break, gatehouse.audit_breaks FROM PUBLIC;
REVOKE ALL ON FUNCTION gatehouse.check_audit_chain(), gatehouse.audit_head() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.audit_head() TO gatehouse_kiosk;
GRANT SELECT ON gatehouse.audit_breaks TO gatehouse_official;
)SQL";

// Version 5: the province's console (issue 25, formats/console.md). The server that serves it,
// gatehouse-central, logs in as a member of gatehouse_console, a group that may do nothing but
// what its functions below allow: read an account to check a password, count a wrong one, and
// write the console's audit. It reads people only after `SET LOCAL ROLE` to the role of the
// signed-in account's scope (one NOLOGIN role per scope, made by `central add-official`, a member
// of gatehouse_scoped), and row-level security on stay, site and kiosk then shows that role the
// sites of its scope and no other: a page that forgets a WHERE still cannot show another
// district's people (https://www.postgresql.org/docs/15/ddl-rowsecurity.html). The table owner
// (gatehouse_admin) is not bound by the policies, so the officials' views and the kiosks' functions,
// which run as the owner, see what they saw before. gatehouse_console is NOINHERIT: its logins
// hold none of the scopes' grants until they SET ROLE to one.
// - scope: a scope's role and what it covers ('province', 'district:NAME', 'site:ID').
// - official: an account of the console. The password as a salted scrypt hash (crypto/PinHash.h);
//   failures counted, the account locked at the fifth in a row; the language of its pages.
// - console_audit: who signed in, who failed, and every view of personal data (who, what, when).
const char* const VERSION_5 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

CREATE TABLE gatehouse.scope (
    role name PRIMARY KEY,
    scope text NOT NULL UNIQUE,
    district text,
    site text REFERENCES gatehouse.site,
    CHECK ((scope = 'province' AND district IS NULL AND site IS NULL)
        OR (scope = 'district:' || district AND site IS NULL)
        OR (scope = 'site:' || site AND district IS NULL))
);

CREATE TABLE gatehouse.official (
    name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    role text NOT NULL CHECK (role IN ('official', 'admin')),
    scope text NOT NULL REFERENCES gatehouse.scope (scope),
    password_hash text NOT NULL,
    failures int NOT NULL DEFAULT 0,
    locked_at timestamptz,
    language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
    password_set_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gatehouse.console_audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    official text NOT NULL,
    action text NOT NULL,
    subject text,
    address text
);
CREATE INDEX console_audit_official ON gatehouse.console_audit (official, at);

-- What a scope's role may see. A role that is no scope's sees nothing (never "everything").
CREATE FUNCTION gatehouse.scope_whole(who name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ SELECT EXISTS (SELECT FROM gatehouse.scope WHERE role = who AND scope = 'province') $$;
CREATE FUNCTION gatehouse.scope_sites(who name) RETURNS text[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT coalesce(array_agg(si.site), '{}')
      FROM gatehouse.scope sc JOIN gatehouse.site si ON si.district = sc.district OR si.site = sc.site
     WHERE sc.role = who
$$;

-- The sub-selects are evaluated once per statement (an InitPlan), not once per row.
ALTER TABLE gatehouse.stay ENABLE ROW LEVEL SECURITY;
ALTER TABLE gatehouse.site ENABLE ROW LEVEL SECURITY;
ALTER TABLE gatehouse.kiosk ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_reads ON gatehouse.stay FOR SELECT TO gatehouse_scoped
    USING ((SELECT gatehouse.scope_whole(current_user)) OR site = ANY ((SELECT gatehouse.scope_sites(current_user))::text[]));
CREATE POLICY scope_reads ON gatehouse.site FOR SELECT TO gatehouse_scoped
    USING ((SELECT gatehouse.scope_whole(current_user)) OR site = ANY ((SELECT gatehouse.scope_sites(current_user))::text[]));
CREATE POLICY scope_reads ON gatehouse.kiosk FOR SELECT TO gatehouse_scoped
    USING ((SELECT gatehouse.scope_whole(current_user)) OR site = ANY ((SELECT gatehouse.scope_sites(current_user))::text[]));

-- For `central add-official` (run by an administrator who may create roles): the role of a
-- scope, made the first time the scope is named. Its name is derived, never typed: a district's
-- name is any text.
CREATE FUNCTION gatehouse.scope_role(wanted text, district_name text, site_id text) RETURNS name
    LANGUAGE plpgsql SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    made name;
BEGIN
    SELECT role INTO made FROM gatehouse.scope WHERE scope = wanted;
    IF FOUND THEN
        RETURN made;
    END IF;
    made := 'gatehouse_scope_' || left(md5(wanted), 16);
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = made) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', made);
    END IF;
    EXECUTE format('GRANT gatehouse_scoped TO %I', made);
    EXECUTE format('GRANT %I TO gatehouse_console', made);
    INSERT INTO gatehouse.scope (role, scope, district, site) VALUES (made, wanted, district_name, site_id);
    RETURN made;
END
$$;

-- For the console's server: an account as sign-in needs it, and what follows a password.
CREATE FUNCTION gatehouse.console_account(who text)
    RETURNS TABLE (role text, scope text, scope_role name, password_hash text, locked boolean, language text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT o.role, o.scope, sc.role, o.password_hash, o.locked_at IS NOT NULL, o.language
      FROM gatehouse.official o JOIN gatehouse.scope sc ON sc.scope = o.scope
     WHERE o.name = who
$$;
CREATE FUNCTION gatehouse.console_signed_in(who text, from_address text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    UPDATE gatehouse.official SET failures = 0 WHERE name = who;
    INSERT INTO gatehouse.console_audit (official, action, address) VALUES (who, 'sign-in', from_address);
$$;
-- A wrong password: counted; the fifth in a row locks the account. Whether it is locked now.
CREATE FUNCTION gatehouse.console_wrong_password(who text, from_address text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    now_locked boolean := false;
BEGIN
    UPDATE gatehouse.official
       SET failures = failures + 1,
           locked_at = CASE WHEN failures + 1 >= 5 THEN coalesce(locked_at, now()) ELSE locked_at END
     WHERE name = who
    RETURNING locked_at IS NOT NULL INTO now_locked;
    INSERT INTO gatehouse.console_audit (official, action, address)
    VALUES (who, CASE WHEN now_locked THEN 'wrong password, locked' ELSE 'wrong password' END, from_address);
    RETURN coalesce(now_locked, false);
END
$$;
CREATE FUNCTION gatehouse.console_note(who text, what text, about text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ INSERT INTO gatehouse.console_audit (official, action, subject) VALUES (who, what, about) $$;
CREATE FUNCTION gatehouse.console_language(who text, chosen text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ UPDATE gatehouse.official SET language = chosen WHERE name = who $$;

-- Contact tracing, once: each pair of a stay of the case (clipped to the window) and a stay of
-- someone else at the same site that overlapped it, with the overlap in minutes (an open stay
-- counts until now). SECURITY INVOKER and without a SET clause, so that PostgreSQL inlines it into
-- the query that calls it and row-level security applies to whoever that is: a scope's role sees
-- the pairs at its own sites only. contact_stays() (officials, `central trace`) sums it per
-- contact as the owner, as before; the console's case page reads it per pair.
CREATE FUNCTION gatehouse.contact_pairs(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS TABLE (case_visit_key text, visit_key text, overlap_minutes numeric)
    LANGUAGE sql STABLE
    AS $$
    WITH case_stay AS (
        SELECT c.visit_key, c.site, tstzrange(greatest(c.checked_in_at, window_from),
                                              least(coalesce(c.checked_out_at, now()), window_to), '[)') AS r
          FROM gatehouse.stay c
         WHERE c.id_number = case_id_number AND c.during && tstzrange(window_from, window_to, '[)')
    )
    SELECT c.visit_key, o.visit_key,
           extract(epoch FROM least(upper(c.r), coalesce(o.checked_out_at, now()))
                              - greatest(lower(c.r), o.checked_in_at)) / 60
      FROM case_stay c
      JOIN gatehouse.stay o ON o.site = c.site AND o.during && c.r
     WHERE NOT isempty(c.r) AND o.id_number IS DISTINCT FROM case_id_number
$$;
-- The contacts summed per stay, and whether the case stayed in the window at all, as the caller
-- sees the store (invoker, inlined: a scope's role, the console's trace file and cases); the
-- owner's contact_stays() and case_stayed() (officials, `central trace`) are the same questions
-- asked as the owner, over every site.
CREATE FUNCTION gatehouse.seen_contact_stays(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS TABLE (visit_key text, overlap_minutes numeric)
    LANGUAGE sql STABLE
    AS $$
    SELECT p.visit_key, round(sum(p.overlap_minutes), 1)
      FROM gatehouse.contact_pairs(case_id_number, window_from, window_to) p
     GROUP BY p.visit_key
$$;
CREATE FUNCTION gatehouse.seen_case_stayed(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT EXISTS (SELECT FROM gatehouse.stay WHERE id_number = case_id_number
                      AND during && tstzrange(window_from, window_to, '[)'))
$$;
CREATE OR REPLACE FUNCTION gatehouse.contact_stays(case_id_number text, window_from timestamptz,
                                                   window_to timestamptz)
    RETURNS TABLE (visit_key text, overlap_minutes numeric)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ SELECT * FROM gatehouse.seen_contact_stays(case_id_number, window_from, window_to) $$;
CREATE OR REPLACE FUNCTION gatehouse.case_stayed(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ SELECT gatehouse.seen_case_stayed(case_id_number, window_from, window_to) $$;

-- `visits` as a scope's role reads it: the same columns, read as the invoker (security_invoker)
-- so that row-level security applies. Its own SELECT, not one over `visits` nor `visits` over it:
-- PostgreSQL checks a security-invoker view's relations as the current user even when it is
-- reached through an owner's view (CREATE VIEW, "security_invoker"), so an official of
-- gatehouse_official, who has no grant on stay, could no longer read `visits`; and the other way
-- round the owner's view would bypass the policies.
CREATE VIEW gatehouse.scoped_visits WITH (security_invoker = true) AS
SELECT s.visit_key, s.site, si.name AS site_name, si.district, s.entrance, s.exit_entrance, s.person_type,
       s.full_name, s.id_number, s.phone, s.address, s.checked_in_at, s.checked_out_at, s.checkout_kind,
       s.method, s.app_status, s.app_profile, s.app_id, s.declaration, s.received_at
  FROM gatehouse.stay s JOIN gatehouse.site si ON si.site = s.site;

-- Cases (F0) opened in the console, and what was done for each contact (F1, F2): reached or not,
-- with a note. A case belongs to the scope of whoever opened it and is seen by that scope and any
-- scope that covers it (the province sees a district's cases; a district its sites').
CREATE FUNCTION gatehouse.scope_of(who name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ SELECT scope FROM gatehouse.scope WHERE role = who $$;
CREATE FUNCTION gatehouse.scope_covers(who name, other text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT EXISTS (SELECT FROM gatehouse.scope sc
                    WHERE sc.role = who
                      AND (sc.scope = 'province' OR sc.scope = other
                           OR (sc.district IS NOT NULL
                               AND EXISTS (SELECT FROM gatehouse.site si
                                            WHERE other = 'site:' || si.site AND si.district = sc.district))))
$$;

CREATE TABLE gatehouse.case_file (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id_number text NOT NULL,
    window_from timestamptz NOT NULL,
    window_to timestamptz NOT NULL CHECK (window_to > window_from),
    scope text NOT NULL REFERENCES gatehouse.scope (scope),
    opened_by text NOT NULL,
    opened_at timestamptz NOT NULL DEFAULT now(),
    closed_by text,
    closed_at timestamptz
);
CREATE TABLE gatehouse.case_contact (
    case_id bigint NOT NULL REFERENCES gatehouse.case_file ON DELETE CASCADE,
    contact text NOT NULL, -- the contact's ID number, or 'stay:' and the stay's key for someone without one
    ring int NOT NULL CHECK (ring IN (1, 2)),
    reached boolean NOT NULL,
    note text NOT NULL DEFAULT '',
    marked_by text NOT NULL,
    marked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, contact)
);

ALTER TABLE gatehouse.case_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE gatehouse.case_contact ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_reads ON gatehouse.case_file FOR SELECT TO gatehouse_scoped
    USING (gatehouse.scope_covers(current_user, scope));
CREATE POLICY scope_opens ON gatehouse.case_file FOR INSERT TO gatehouse_scoped
    WITH CHECK (scope = gatehouse.scope_of(current_user));
CREATE POLICY scope_closes ON gatehouse.case_file FOR UPDATE TO gatehouse_scoped
    USING (gatehouse.scope_covers(current_user, scope)) WITH CHECK (gatehouse.scope_covers(current_user, scope));
CREATE POLICY scope_marks ON gatehouse.case_contact FOR ALL TO gatehouse_scoped
    USING (EXISTS (SELECT FROM gatehouse.case_file f WHERE f.id = case_id))
    WITH CHECK (EXISTS (SELECT FROM gatehouse.case_file f WHERE f.id = case_id AND f.closed_at IS NULL));

REVOKE ALL ON gatehouse.scope, gatehouse.official, gatehouse.console_audit, gatehouse.case_file,
    gatehouse.case_contact, gatehouse.scoped_visits FROM PUBLIC;
REVOKE ALL ON FUNCTION gatehouse.contact_pairs(text, timestamptz, timestamptz),
    gatehouse.seen_contact_stays(text, timestamptz, timestamptz),
    gatehouse.seen_case_stayed(text, timestamptz, timestamptz), gatehouse.scope_of(name),
    gatehouse.scope_covers(name, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION gatehouse.scope_whole(name), gatehouse.scope_sites(name),
    gatehouse.scope_role(text, text, text), gatehouse.console_account(text), gatehouse.console_signed_in(text, text),
    gatehouse.console_wrong_password(text, text), gatehouse.console_note(text, text, text),
    gatehouse.console_language(text, text) FROM PUBLIC;
GRANT USAGE ON SCHEMA gatehouse TO gatehouse_console, gatehouse_scoped;
GRANT EXECUTE ON FUNCTION gatehouse.console_account(text), gatehouse.console_signed_in(text, text),
    gatehouse.console_wrong_password(text, text), gatehouse.console_note(text, text, text),
    gatehouse.console_language(text, text) TO gatehouse_console;
GRANT EXECUTE ON FUNCTION gatehouse.scope_whole(name), gatehouse.scope_sites(name), gatehouse.scope_of(name),
    gatehouse.scope_covers(name, text), gatehouse.contact_pairs(text, timestamptz, timestamptz),
    gatehouse.seen_contact_stays(text, timestamptz, timestamptz),
    gatehouse.seen_case_stayed(text, timestamptz, timestamptz), gatehouse.console_note(text, text, text),
    gatehouse.hand_out(text, text, timestamptz, timestamptz, bigint, text, text, text) TO gatehouse_scoped;
GRANT SELECT ON gatehouse.stay, gatehouse.site, gatehouse.kiosk, gatehouse.scoped_visits TO gatehouse_scoped;
GRANT SELECT, INSERT ON gatehouse.case_file, gatehouse.case_contact TO gatehouse_scoped;
GRANT UPDATE (closed_by, closed_at) ON gatehouse.case_file TO gatehouse_scoped;
GRANT UPDATE (reached, note, marked_by, marked_at, ring) ON gatehouse.case_contact TO gatehouse_scoped;
)SQL";

// Version 6: compliance (issue 25) — what the People's Committee's letter asks the province to
// watch, per site and day: entries, how many had the tracing app verified at the door, how many
// were let in without it by a receptionist (app_status `overridden`, export-csv.md), and how many
// visitors the kiosk sent to the receptionist (the kiosk's audit action `sent_to_receptionist`,
// which reaches the store as an `audit` event). A statement-level trigger adds each batch's counts
// to site_day as the events arrive, so the console's compliance page reads at most a row per site
// and day however many stays the store holds. The rows are counts, not people: forgetting a person
// or the retention period leaves them (they say that someone came, never who).
// - province: the province's clock (minutes east of UTC; Vietnam is UTC+7 all year), which
//   decides the day an entry counts for.
const char* const VERSION_6 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

CREATE TABLE gatehouse.province (
    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    utc_offset_minutes int NOT NULL DEFAULT 420 CHECK (utc_offset_minutes BETWEEN -720 AND 840)
);
INSERT INTO gatehouse.province DEFAULT VALUES;

CREATE FUNCTION gatehouse.province_day(at timestamptz) RETURNS date
    LANGUAGE sql STABLE SET search_path = gatehouse, pg_temp
    AS $$
    SELECT ((at AT TIME ZONE 'UTC') + make_interval(mins => (SELECT utc_offset_minutes FROM gatehouse.province)))::date
$$;

CREATE TABLE gatehouse.site_day (
    site text NOT NULL REFERENCES gatehouse.site ON DELETE CASCADE,
    day date NOT NULL,
    entries int NOT NULL DEFAULT 0,
    app_verified int NOT NULL DEFAULT 0,
    overridden int NOT NULL DEFAULT 0,
    sent_to_receptionist int NOT NULL DEFAULT 0,
    PRIMARY KEY (site, day)
);
CREATE INDEX site_day_day ON gatehouse.site_day (day);

CREATE FUNCTION gatehouse.count_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
BEGIN
    INSERT INTO gatehouse.site_day AS d (site, day, entries, app_verified, overridden, sent_to_receptionist)
    SELECT f.site,
           gatehouse.province_day(gatehouse.ms(CASE f.kind WHEN 'entry' THEN f.body->>'checked_in_at'
                                                             ELSE f.body->>'at' END)),
           count(*) FILTER (WHERE f.kind = 'entry'),
           count(*) FILTER (WHERE f.kind = 'entry' AND f.body->>'app_status' = 'verified'),
           count(*) FILTER (WHERE f.kind = 'entry' AND f.body->>'app_status' = 'overridden'),
           count(*) FILTER (WHERE f.kind = 'audit')
      FROM fresh f
     WHERE f.kind = 'entry' OR (f.kind = 'audit' AND f.body->>'action' = 'sent_to_receptionist')
     GROUP BY 1, 2
    ON CONFLICT (site, day) DO UPDATE
       SET entries = d.entries + excluded.entries,
           app_verified = d.app_verified + excluded.app_verified,
           overridden = d.overridden + excluded.overridden,
           sent_to_receptionist = d.sent_to_receptionist + excluded.sent_to_receptionist;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_counted AFTER INSERT ON gatehouse.event
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.count_events();

-- What the store held before this version: entries from the stays (their events may have been
-- blanked by a forget), the kiosks' sendings to the receptionist from the journal.
INSERT INTO gatehouse.site_day (site, day, entries, app_verified, overridden, sent_to_receptionist)
SELECT site, day, sum(entries), sum(app_verified), sum(overridden), sum(sent)
  FROM (SELECT site, gatehouse.province_day(checked_in_at) AS day, count(*) AS entries,
               count(*) FILTER (WHERE app_status = 'verified') AS app_verified,
               count(*) FILTER (WHERE app_status = 'overridden') AS overridden, 0 AS sent
          FROM gatehouse.stay GROUP BY 1, 2
        UNION ALL
        SELECT site, gatehouse.province_day(gatehouse.ms(body->>'at')), 0, 0, 0, count(*)
          FROM gatehouse.event WHERE kind = 'audit' AND body->>'action' = 'sent_to_receptionist' GROUP BY 1, 2) counted
 GROUP BY site, day;

-- Each scope reads the days of its own sites, as it reads their stays.
ALTER TABLE gatehouse.site_day ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_reads ON gatehouse.site_day FOR SELECT TO gatehouse_scoped
    USING ((SELECT gatehouse.scope_whole(current_user)) OR site = ANY ((SELECT gatehouse.scope_sites(current_user))::text[]));
REVOKE ALL ON gatehouse.province, gatehouse.site_day FROM PUBLIC;
REVOKE ALL ON FUNCTION gatehouse.count_events() FROM PUBLIC;
GRANT SELECT ON gatehouse.site_day, gatehouse.province TO gatehouse_scoped;
GRANT EXECUTE ON FUNCTION gatehouse.province_day(timestamptz) TO gatehouse_scoped;
)SQL";

// Version 7: sites and kiosks from the console (issue 25), each kiosk's last contact, and the
// console's contact questions asked where an index serves them.
// - kiosk.last_contact_at, backlog: a kiosk says at each round that it is there and how many of
//   its events were still waiting to be sent (kiosk_contact()), so that a door with no visitor is
//   not taken for a dead one and a door that cannot keep up is seen.
// - Registering a kiosk creates its login role, which needs CREATEROLE. Only kiosk_login() holds
//   it, through its owner gatehouse_registrar (NOLOGIN CREATEROLE; whoever migrates is made a
//   member so as to hand the function over, PostgreSQL 15's rule for ALTER FUNCTION … OWNER, and a
//   role attribute is never inherited through membership): it makes a plain kiosk login and
//   nothing else. register_kiosk() is the one way a kiosk is registered, for `central add-kiosk`
//   and the console alike.
// - console_add_site() and console_add_kiosk(): the console's administrators, checked here as
//   well as in the server, so that a page that forgets to ask cannot register anything: the named
//   account must be an administrator whose scope is the role the console set with SET LOCAL ROLE
//   (current_setting('role'); current_user is the owner inside a SECURITY DEFINER function), and
//   the site must lie in that scope. The store trusts the console to name the account signed in, as
//   it does for console_note(). Refusals are returned as a word (NULL: done); the server turns
//   each into a sentence.
const char* const VERSION_7 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

ALTER TABLE gatehouse.kiosk ADD COLUMN last_contact_at timestamptz, ADD COLUMN backlog bigint;
CREATE OR REPLACE VIEW gatehouse.kiosks AS
SELECT kiosk, site, entrance, last_received_at, events, last_seq, last_contact_at, backlog FROM gatehouse.kiosk;

CREATE FUNCTION gatehouse.kiosk_contact(waiting bigint) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    UPDATE gatehouse.kiosk SET last_contact_at = now(), backlog = greatest(waiting, 0) WHERE kiosk = session_user
$$;

CREATE FUNCTION gatehouse.kiosk_login(kiosk_id text) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
BEGIN
    -- A kiosk id is also its login role and its certificate's CN (central.md): lower-case letters,
    -- digits, '.', '_' and '-', at most 63 characters (PostgreSQL's identifier length).
    IF kiosk_id IS NULL OR kiosk_id !~ '^[a-z0-9][a-z0-9._-]{0,62}$' THEN
        RETURN 'kiosk id';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = kiosk_id) THEN
        EXECUTE format('CREATE ROLE %I LOGIN IN ROLE gatehouse_kiosk', kiosk_id);
        RETURN NULL;
    END IF;
    -- A role of that name exists: a kiosk added before (added again to move it), or anyone else's
    -- role (an official's, the owner's, a superuser's). Only a plain kiosk role is taken: it logs
    -- in, has no attribute beyond that, is in gatehouse_kiosk and nothing else, and nobody is in
    -- it; otherwise its rights would become a kiosk's login (issue 24).
    IF EXISTS (SELECT FROM pg_roles r WHERE r.rolname = kiosk_id AND r.rolcanlogin
                  AND NOT (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls)
                  AND (SELECT array_agg(m.roleid) FROM pg_auth_members m WHERE m.member = r.oid)
                      = ARRAY['gatehouse_kiosk'::regrole::oid]
                  AND NOT EXISTS (SELECT FROM pg_auth_members m WHERE m.roleid = r.oid)) THEN
        RETURN NULL;
    END IF;
    RETURN 'not a kiosk role';
END
$$;

CREATE FUNCTION gatehouse.register_kiosk(kiosk_id text, site_id text, entrance_name text) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    refused text;
BEGIN
    IF NOT EXISTS (SELECT FROM gatehouse.site WHERE site = site_id) THEN
        RETURN 'no site';
    END IF;
    refused := gatehouse.kiosk_login(kiosk_id);
    IF refused IS NOT NULL THEN
        RETURN refused;
    END IF;
    INSERT INTO gatehouse.kiosk (kiosk, site, entrance) VALUES (kiosk_id, site_id, nullif(entrance_name, ''))
        ON CONFLICT (kiosk) DO UPDATE SET site = EXCLUDED.site, entrance = EXCLUDED.entrance;
    RETURN NULL;
END
$$;

-- The scope of the console's administrator: the scope's row, or none when the account is not an
-- administrator of the scope the console acts as.
CREATE FUNCTION gatehouse.console_admin_scope(official_name text) RETURNS gatehouse.scope
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT sc.* FROM gatehouse.official o JOIN gatehouse.scope sc ON sc.scope = o.scope
     WHERE o.name = official_name AND o.role = 'admin' AND o.locked_at IS NULL
       AND sc.role::text = current_setting('role')
$$;

CREATE FUNCTION gatehouse.console_add_site(official_name text, site_id text, site_name text, district_name text)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    sc gatehouse.scope;
    known gatehouse.site;
BEGIN
    sc := gatehouse.console_admin_scope(official_name);
    IF sc.role IS NULL THEN
        RETURN 'not admin';
    END IF;
    IF coalesce(btrim(site_id), '') = '' OR coalesce(btrim(site_name), '') = '' THEN
        RETURN 'site needs';
    END IF;
    -- A district's administrator adds sites of that district only; a site's adds none.
    IF sc.site IS NOT NULL OR (sc.district IS NOT NULL AND district_name IS DISTINCT FROM sc.district) THEN
        RETURN 'out of scope';
    END IF;
    SELECT * INTO known FROM gatehouse.site WHERE site = site_id;
    IF FOUND AND sc.district IS NOT NULL AND known.district IS DISTINCT FROM sc.district THEN
        RETURN 'out of scope';
    END IF;
    INSERT INTO gatehouse.site (site, name, district) VALUES (site_id, site_name, nullif(district_name, ''))
        ON CONFLICT (site) DO UPDATE SET name = EXCLUDED.name, district = EXCLUDED.district;
    INSERT INTO gatehouse.console_audit (official, action, subject)
        VALUES (official_name, CASE WHEN known.site IS NULL THEN 'added site' ELSE 'changed site' END, site_id);
    RETURN NULL;
END
$$;

CREATE FUNCTION gatehouse.console_add_kiosk(official_name text, kiosk_id text, site_id text, entrance_name text)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    sc gatehouse.scope;
    refused text;
BEGIN
    sc := gatehouse.console_admin_scope(official_name);
    IF sc.role IS NULL THEN
        RETURN 'not admin';
    END IF;
    -- The site, and the site the kiosk is at now when it is moved, both in the scope.
    IF EXISTS (SELECT FROM gatehouse.site si
                WHERE (si.site = site_id
                       OR si.site = (SELECT k.site FROM gatehouse.kiosk k WHERE k.kiosk = kiosk_id))
                  AND NOT coalesce(sc.scope = 'province' OR si.site = sc.site OR si.district = sc.district, false))
    THEN
        RETURN 'out of scope';
    END IF;
    refused := gatehouse.register_kiosk(kiosk_id, site_id, entrance_name);
    IF refused IS NOT NULL THEN
        RETURN refused;
    END IF;
    INSERT INTO gatehouse.console_audit (official, action, subject) VALUES (official_name, 'added kiosk', kiosk_id);
    RETURN NULL;
END
$$;

-- The contacts as a scope sees them, asked as the owner with the scope's sites named in the query.
-- Under row-level security the range operator && (not leakproof) may not run before the policy's
-- condition, so PostgreSQL cannot use it in an index scan and reads every stay of a case stay's
-- site (https://www.postgresql.org/docs/15/ddl-rowsecurity.html; CREATE FUNCTION, LEAKPROOF);
-- here it is an index condition again. The scope is the role the console set with SET LOCAL ROLE
-- (current_setting('role'); current_user is the owner inside), decided by the same scope_whole()
-- and scope_sites() as the policies, so the answer is the one row-level security would give: a
-- contact is at the site of a case's stay. A role that is no scope's sees nothing.
CREATE FUNCTION gatehouse.contact_pairs_at(case_id_number text, window_from timestamptz, window_to timestamptz,
                                           sites text[])
    RETURNS TABLE (case_visit_key text, visit_key text, overlap_minutes numeric)
    LANGUAGE sql STABLE
    AS $$
    WITH case_stay AS (
        SELECT c.visit_key, c.site, tstzrange(greatest(c.checked_in_at, window_from),
                                              least(coalesce(c.checked_out_at, now()), window_to), '[)') AS r
          FROM gatehouse.stay c
         WHERE c.id_number = case_id_number AND c.during && tstzrange(window_from, window_to, '[)')
           AND (sites IS NULL OR c.site = ANY (sites))
    )
    SELECT c.visit_key, o.visit_key,
           extract(epoch FROM least(upper(c.r), coalesce(o.checked_out_at, now()))
                              - greatest(lower(c.r), o.checked_in_at)) / 60
      FROM case_stay c
      JOIN gatehouse.stay o ON o.site = c.site AND o.during && c.r
     WHERE NOT isempty(c.r) AND o.id_number IS DISTINCT FROM case_id_number
$$;
-- contact_pairs() is the same question over every site its caller may see.
CREATE OR REPLACE FUNCTION gatehouse.contact_pairs(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS TABLE (case_visit_key text, visit_key text, overlap_minutes numeric)
    LANGUAGE sql STABLE
    AS $$ SELECT * FROM gatehouse.contact_pairs_at(case_id_number, window_from, window_to, NULL) $$;
CREATE FUNCTION gatehouse.scoped_contact_pairs(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS TABLE (case_visit_key text, visit_key text, overlap_minutes numeric)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT p.*
      FROM (SELECT current_setting('role')::name AS who) scope
     CROSS JOIN LATERAL gatehouse.contact_pairs_at(
               case_id_number, window_from, window_to,
               CASE WHEN gatehouse.scope_whole(scope.who) THEN NULL ELSE gatehouse.scope_sites(scope.who) END) p
$$;
CREATE FUNCTION gatehouse.scoped_contact_stays(case_id_number text, window_from timestamptz, window_to timestamptz)
    RETURNS TABLE (visit_key text, overlap_minutes numeric)
    LANGUAGE sql STABLE
    AS $$
    SELECT p.visit_key, round(sum(p.overlap_minutes), 1)
      FROM gatehouse.scoped_contact_pairs(case_id_number, window_from, window_to) p
     GROUP BY p.visit_key
$$;

REVOKE ALL ON FUNCTION gatehouse.contact_pairs_at(text, timestamptz, timestamptz, text[]),
    gatehouse.scoped_contact_pairs(text, timestamptz, timestamptz),
    gatehouse.scoped_contact_stays(text, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.contact_pairs_at(text, timestamptz, timestamptz, text[]),
    gatehouse.scoped_contact_pairs(text, timestamptz, timestamptz),
    gatehouse.scoped_contact_stays(text, timestamptz, timestamptz) TO gatehouse_scoped;
REVOKE ALL ON FUNCTION gatehouse.kiosk_contact(bigint), gatehouse.kiosk_login(text),
    gatehouse.register_kiosk(text, text, text), gatehouse.console_admin_scope(text),
    gatehouse.console_add_site(text, text, text, text), gatehouse.console_add_kiosk(text, text, text, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.kiosk_contact(bigint) TO gatehouse_kiosk;
GRANT EXECUTE ON FUNCTION gatehouse.console_add_site(text, text, text, text),
    gatehouse.console_add_kiosk(text, text, text, text) TO gatehouse_scoped;
-- Owned by the one role that may create roles (PostgreSQL 15: the new owner must be able to
-- create in the schema, ALTER FUNCTION).
RESET ROLE;
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'gatehouse_registrar', 'MEMBER') THEN
        EXECUTE format('GRANT gatehouse_registrar TO %I', current_user);
    END IF;
END
$$;
GRANT CREATE, USAGE ON SCHEMA gatehouse TO gatehouse_registrar;
ALTER FUNCTION gatehouse.kiosk_login(text) OWNER TO gatehouse_registrar;
GRANT EXECUTE ON FUNCTION gatehouse.kiosk_login(text) TO gatehouse_admin;
)SQL";

// Version 8 (issue 26): the settings a province shares with its kiosks, kept per scope
// (province, district:NAME, site:ID, kiosk:ID) with every change audited; each kiosk fetches the
// set in force for it at its sync and reports which one it applied or why it refused it, and how
// it is (kiosk_health, the fleet view).
const char* const VERSION_8 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

CREATE TABLE gatehouse.setting (
    scope text NOT NULL CHECK (scope = 'province' OR scope ~ '^(district|site|kiosk):.'),
    key text NOT NULL CHECK (key ~ '^[a-z][a-z_]{0,62}$'),
    value text NOT NULL CHECK (length(value) <= 2048),
    set_by text NOT NULL,
    set_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE TABLE gatehouse.setting_change (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    author text NOT NULL,
    scope text NOT NULL,
    key text NOT NULL,
    old_value text,
    new_value text
);

-- Sets (a value) or unsets (NULL) one setting of a scope, audited with its author. The value is
-- checked by the caller as a kiosk checks it (common/Settings.cpp); here, that the scope names a
-- site, kiosk or district the store knows, so that a misspelt district reaches no kiosk silently.
CREATE FUNCTION gatehouse.change_setting(scope_name text, setting_key text, setting_value text, author text)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    old text;
BEGIN
    IF NOT (scope_name = 'province'
            OR (scope_name LIKE 'district:%'
                AND EXISTS (SELECT FROM gatehouse.site WHERE 'district:' || district = scope_name))
            OR (scope_name LIKE 'site:%' AND EXISTS (SELECT FROM gatehouse.site WHERE 'site:' || site = scope_name))
            OR (scope_name LIKE 'kiosk:%'
                AND EXISTS (SELECT FROM gatehouse.kiosk WHERE 'kiosk:' || kiosk = scope_name))) THEN
        RETURN 'no scope';
    END IF;
    SELECT value INTO old FROM gatehouse.setting WHERE scope = scope_name AND key = setting_key;
    IF old IS NOT DISTINCT FROM setting_value THEN
        RETURN NULL;
    END IF;
    IF setting_value IS NULL THEN
        DELETE FROM gatehouse.setting WHERE scope = scope_name AND key = setting_key;
    ELSE
        INSERT INTO gatehouse.setting (scope, key, value, set_by) VALUES (scope_name, setting_key, setting_value, author)
            ON CONFLICT (scope, key) DO UPDATE SET value = EXCLUDED.value, set_by = EXCLUDED.set_by, set_at = now();
    END IF;
    INSERT INTO gatehouse.setting_change (author, scope, key, old_value, new_value)
        VALUES (author, scope_name, setting_key, old, setting_value);
    RETURN NULL;
END
$$;

-- The set in force for a kiosk: for each key the nearest scope's value (kiosk, site, district,
-- province).
CREATE FUNCTION gatehouse.settings_for(kiosk_id text) RETURNS TABLE (key text, value text, source text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT DISTINCT ON (s.key) s.key, s.value, split_part(s.scope, ':', 1)
      FROM gatehouse.kiosk k
      JOIN gatehouse.site si ON si.site = k.site
      JOIN gatehouse.setting s
        ON s.scope IN ('kiosk:' || k.kiosk, 'site:' || k.site, 'district:' || si.district, 'province')
     WHERE k.kiosk = kiosk_id
     ORDER BY s.key, CASE split_part(s.scope, ':', 1) WHEN 'kiosk' THEN 0 WHEN 'site' THEN 1
                                                       WHEN 'district' THEN 2 ELSE 3 END
$$;
-- The same digest as the kiosk's (common/SharedSettings.cpp, version()): SHA-256 of one
-- "key TAB source TAB value" line per setting, in byte order of the keys.
CREATE FUNCTION gatehouse.settings_version(kiosk_id text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT encode(sha256(convert_to(coalesce(string_agg(key || E'\t' || source || E'\t' || value || E'\n', ''
                                                          ORDER BY key COLLATE "C"), ''), 'UTF8')), 'hex')
      FROM gatehouse.settings_for(kiosk_id)
$$;
-- What a kiosk asks at each sync, as itself.
CREATE FUNCTION gatehouse.kiosk_settings() RETURNS TABLE (key text, value text, source text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ SELECT * FROM gatehouse.settings_for(session_user) $$;

ALTER TABLE gatehouse.kiosk ADD COLUMN settings_version text, ADD COLUMN settings_refusal text,
    ADD COLUMN settings_reported_at timestamptz;
-- What the kiosk applied (the set's digest) or why it refused the set it was sent.
CREATE FUNCTION gatehouse.kiosk_settings_report(applied_version text, refusal text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    UPDATE gatehouse.kiosk SET settings_version = coalesce(applied_version, settings_version),
           settings_refusal = refusal, settings_reported_at = now()
     WHERE kiosk = session_user
$$;

CREATE OR REPLACE VIEW gatehouse.kiosks AS
SELECT kiosk, site, entrance, last_received_at, events, last_seq, last_contact_at, backlog,
       settings_version IS NOT DISTINCT FROM gatehouse.settings_version(kiosk) AS settings_current,
       settings_refusal, settings_reported_at
  FROM gatehouse.kiosk;
CREATE VIEW gatehouse.settings AS SELECT scope, key, value, set_by, set_at FROM gatehouse.setting;
CREATE VIEW gatehouse.setting_changes AS
SELECT at, author, scope, key, old_value, new_value FROM gatehouse.setting_change;

-- What each kiosk last said of itself (issue 26), one row a kiosk: its software, its clock
-- against the store's (now() at the server minus the kiosk's time as it sent the report; a
-- minute or more off is flagged, and its records carry both its times and received_at), free
-- disk, backlog, the last failure in words and its `doctor` checks (JSON, formats/cli.md) when
-- it ran them.
CREATE TABLE gatehouse.kiosk_health (
    kiosk text PRIMARY KEY REFERENCES gatehouse.kiosk ON DELETE CASCADE,
    reported_at timestamptz NOT NULL,
    software text,
    kiosk_time timestamptz,
    clock_offset_seconds numeric,
    free_bytes bigint,
    backlog bigint,
    last_error text,
    checks jsonb CHECK (checks IS NULL OR jsonb_typeof(checks) = 'array'),
    checks_at timestamptz
);
CREATE FUNCTION gatehouse.kiosk_health_report(software_version text, kiosk_now timestamptz, free bigint,
                                              waiting bigint, failure text, doctor text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    INSERT INTO gatehouse.kiosk_health AS h (kiosk, reported_at, software, kiosk_time, clock_offset_seconds, free_bytes,
                                             backlog, last_error, checks, checks_at)
    SELECT k.kiosk, now(), left(software_version, 64), kiosk_now,
           round(extract(epoch FROM kiosk_now - clock_timestamp())::numeric, 1), free, waiting, left(failure, 1000),
           doctor::jsonb, CASE WHEN doctor IS NULL THEN NULL ELSE now() END
      FROM gatehouse.kiosk k WHERE k.kiosk = session_user
    ON CONFLICT (kiosk) DO UPDATE
       SET reported_at = EXCLUDED.reported_at, software = EXCLUDED.software, kiosk_time = EXCLUDED.kiosk_time,
           clock_offset_seconds = EXCLUDED.clock_offset_seconds, free_bytes = EXCLUDED.free_bytes,
           backlog = EXCLUDED.backlog, last_error = EXCLUDED.last_error,
           checks = coalesce(EXCLUDED.checks, h.checks), checks_at = coalesce(EXCLUDED.checks_at, h.checks_at)
$$;
-- The province's fleet at a glance: scoped_fleet as the console's scopes see it (their kiosks
-- only: row-level security of kiosk, site and kiosk_health, as the invoker), fleet as officials
-- with psql see it (every kiosk, as the owner).
ALTER TABLE gatehouse.kiosk_health ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_reads ON gatehouse.kiosk_health FOR SELECT TO gatehouse_scoped
    USING (EXISTS (SELECT FROM gatehouse.kiosk k WHERE k.kiosk = kiosk_health.kiosk));
CREATE VIEW gatehouse.scoped_fleet WITH (security_invoker = true) AS
SELECT k.kiosk, k.site, si.name AS site_name, si.district, k.entrance, k.last_contact_at, h.reported_at, h.software,
       h.clock_offset_seconds, coalesce(abs(h.clock_offset_seconds) >= 60, false) AS clock_off, h.free_bytes,
       coalesce(h.backlog, k.backlog) AS backlog, h.last_error,
       (SELECT string_agg(c ->> 'check', ',' ORDER BY c ->> 'check') FROM jsonb_array_elements(h.checks) c
         WHERE NOT coalesce((c ->> 'ok')::boolean, false)) AS failing_checks,
       h.checks_at,
       k.settings_version IS NOT DISTINCT FROM gatehouse.settings_version(k.kiosk) AS settings_current,
       k.settings_refusal
  FROM gatehouse.kiosk k
  JOIN gatehouse.site si ON si.site = k.site
  LEFT JOIN gatehouse.kiosk_health h ON h.kiosk = k.kiosk;
CREATE VIEW gatehouse.fleet AS SELECT * FROM gatehouse.scoped_fleet;
GRANT SELECT ON gatehouse.fleet TO gatehouse_official;
GRANT SELECT ON gatehouse.kiosk_health, gatehouse.scoped_fleet TO gatehouse_scoped;
REVOKE ALL ON FUNCTION gatehouse.kiosk_health_report(text, timestamptz, bigint, bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.kiosk_health_report(text, timestamptz, bigint, bigint, text, text)
    TO gatehouse_kiosk;

-- The health office's isolation list (issue 26): ID numbers (normalised, formats/cccd-qr.md) under
-- an F0 or F1 order until a time. Kiosks never receive the numbers: gatehouse.kiosk_isolation()
-- gives them HMAC-SHA-256 (RFC 2104; pgcrypto's hmac()) of each number with the newest key, and
-- the key, to hash their visitors' numbers the same way. A key serves a day; the first kiosk to
-- ask after that makes the next, so a kiosk holds at most a day's key, and its list under it.
CREATE TABLE gatehouse.isolation (
    id_number text PRIMARY KEY CHECK (id_number ~ '^[0-9A-Z]{6,12}$'),
    kind text NOT NULL CHECK (kind IN ('F0', 'F1')),
    until timestamptz NOT NULL,
    added_by text NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE gatehouse.isolation_key (
    key_id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret bytea NOT NULL DEFAULT public.gen_random_bytes(32),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE gatehouse.isolation_change (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    author text NOT NULL,
    action text NOT NULL CHECK (action IN ('added', 'removed')),
    id_number text NOT NULL,
    kind text,
    until timestamptz
);
CREATE FUNCTION gatehouse.rotate_isolation_key() RETURNS int
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$ INSERT INTO gatehouse.isolation_key DEFAULT VALUES RETURNING key_id $$;
CREATE FUNCTION gatehouse.kiosk_isolation()
    RETURNS TABLE (key_id int, secret text, hash text, kind text, until timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    newest gatehouse.isolation_key;
BEGIN
    -- One kiosk at a time decides whether the day's key is due.
    PERFORM pg_advisory_xact_lock(hashtext('gatehouse.isolation_key'));
    SELECT * INTO newest FROM gatehouse.isolation_key k ORDER BY k.key_id DESC LIMIT 1;
    IF newest.key_id IS NULL OR newest.created_at < now() - interval '1 day' THEN
        INSERT INTO gatehouse.isolation_key DEFAULT VALUES RETURNING * INTO newest;
    END IF;
    -- The key alone when nobody is listed: the kiosk then clears its list.
    RETURN QUERY
        SELECT newest.key_id, encode(newest.secret, 'hex'), encode(public.hmac(convert_to(i.id_number, 'UTF8'), newest.secret, 'sha256'), 'hex'),
               i.kind, i.until
          FROM gatehouse.isolation i WHERE i.until > now()
        UNION ALL
        SELECT newest.key_id, encode(newest.secret, 'hex'), NULL, NULL, NULL;
END
$$;
-- A kiosk's match arrives as its audit row (action isolation_match, details "key=K hash=H kind=…
-- until=…"): the health office sees whom, by hashing its list with that key again.
CREATE VIEW gatehouse.isolation_matches AS
SELECT e.kiosk, e.site, gatehouse.ms(e.body ->> 'at') AS at, e.received_at, i.id_number, i.kind, i.until
  FROM gatehouse.event e
  LEFT JOIN gatehouse.isolation_key k ON k.key_id = substring(e.body ->> 'details' FROM 'key=([0-9]+)')::int
  LEFT JOIN gatehouse.isolation i
    ON encode(public.hmac(convert_to(i.id_number, 'UTF8'), k.secret, 'sha256'), 'hex') = substring(e.body ->> 'details' FROM 'hash=([0-9a-f]+)')
 WHERE e.kind = 'audit' AND e.body ->> 'action' = 'isolation_match';
REVOKE ALL ON FUNCTION gatehouse.kiosk_isolation(), gatehouse.rotate_isolation_key() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.kiosk_isolation() TO gatehouse_kiosk;
GRANT SELECT ON gatehouse.isolation_matches TO gatehouse_official;

-- The province's console (issue 26): a scope's settings read and changed by the administrators
-- whose scope covers it — the province's every one; a district's its district, its sites and
-- their kiosks; a site's the site and its kiosks. The console names the account; the store asks
-- again, with the scope the console set (SET LOCAL ROLE), as for sites and kiosks (version 7).
CREATE FUNCTION gatehouse.setting_scope_covered(sc gatehouse.scope, scope_name text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = gatehouse, pg_temp
    AS $$
    SELECT sc.scope = 'province' OR scope_name = sc.scope
        OR EXISTS (SELECT FROM gatehouse.site si
                    WHERE (si.site = sc.site OR si.district = sc.district)
                      AND (scope_name = 'site:' || si.site
                           OR EXISTS (SELECT FROM gatehouse.kiosk k
                                       WHERE k.site = si.site AND scope_name = 'kiosk:' || k.kiosk)))
$$;
CREATE FUNCTION gatehouse.console_settings(scope_name text)
    RETURNS TABLE (key text, value text, set_by text, set_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT s.key, s.value, s.set_by, s.set_at
      FROM gatehouse.scope sc JOIN gatehouse.setting s ON s.scope = scope_name
     WHERE sc.role::text = current_setting('role') AND gatehouse.setting_scope_covered(sc, scope_name)
     ORDER BY s.key COLLATE "C"
$$;
CREATE FUNCTION gatehouse.console_change_setting(official_name text, scope_name text, setting_key text,
                                                 setting_value text) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    sc gatehouse.scope;
    refused text;
BEGIN
    sc := gatehouse.console_admin_scope(official_name);
    IF sc.role IS NULL THEN
        RETURN 'not admin';
    END IF;
    -- Elsewhere and nowhere alike: an administrator learns nothing of another district.
    IF NOT gatehouse.setting_scope_covered(sc, scope_name) THEN
        RETURN 'out of scope';
    END IF;
    refused := gatehouse.change_setting(scope_name, setting_key, setting_value, official_name);
    IF refused IS NOT NULL THEN
        RETURN refused;
    END IF;
    INSERT INTO gatehouse.console_audit (official, action, subject)
        VALUES (official_name, 'changed setting', scope_name || ' ' || setting_key || '=' || coalesce(setting_value, '-'));
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION gatehouse.setting_scope_covered(gatehouse.scope, text), gatehouse.console_settings(text),
    gatehouse.console_change_setting(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.console_settings(text), gatehouse.console_change_setting(text, text, text, text)
    TO gatehouse_scoped;

REVOKE ALL ON FUNCTION gatehouse.change_setting(text, text, text, text), gatehouse.settings_for(text),
    gatehouse.settings_version(text), gatehouse.kiosk_settings(), gatehouse.kiosk_settings_report(text, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.kiosk_settings(), gatehouse.kiosk_settings_report(text, text)
    TO gatehouse_kiosk;
GRANT EXECUTE ON FUNCTION gatehouse.settings_version(text), gatehouse.settings_for(text) TO gatehouse_official,
    gatehouse_scoped;
GRANT SELECT ON gatehouse.settings, gatehouse.setting_changes TO gatehouse_official;
)SQL";

// Issue 26's benchmark (tests/bench/README.md, BenchFleet): with 2,000 kiosks every 30 s, version
// 8's kiosk_isolation() held the store-wide advisory lock while it hashed the whole list for each
// kiosk, so the fleet's rounds went one at a time (14 a second, p50 6 s). Now the lock is taken
// only on the day a key is due, and a kiosk says which list it holds (the version it was last
// sent): the same list under the same key is answered with no rows, without hashing anything.
const char* const VERSION_9 = R"SQL(
-- What a kiosk holds is named by the key and the list under it: an HMAC of the listed numbers,
-- kinds and ends with that key (the kiosk has the key and each number's HMAC already; this says
-- nothing more).
CREATE FUNCTION gatehouse.kiosk_isolation(held text)
    RETURNS TABLE (version text, key_id int, secret text, hash text, kind text, until timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    newest gatehouse.isolation_key;
    listed text;
BEGIN
    SELECT * INTO newest FROM gatehouse.isolation_key k ORDER BY k.key_id DESC LIMIT 1;
    IF newest.key_id IS NULL OR newest.created_at < now() - interval '1 day' THEN
        -- The day's key is due: one kiosk makes it, the others waiting here then find it made.
        PERFORM pg_advisory_xact_lock(hashtext('gatehouse.isolation_key'));
        SELECT * INTO newest FROM gatehouse.isolation_key k ORDER BY k.key_id DESC LIMIT 1;
        IF newest.key_id IS NULL OR newest.created_at < now() - interval '1 day' THEN
            INSERT INTO gatehouse.isolation_key DEFAULT VALUES RETURNING * INTO newest;
        END IF;
    END IF;
    SELECT newest.key_id || ':' || encode(public.hmac(convert_to(coalesce(string_agg(i.id_number || ' ' || i.kind || ' '
                                                                                     || extract(epoch FROM i.until), E'\n'
                                                                                     ORDER BY i.id_number), ''), 'UTF8'),
                                                       newest.secret, 'sha256'), 'hex')
      INTO listed
      FROM gatehouse.isolation i WHERE i.until > now();
    IF listed = held THEN
        RETURN;
    END IF;
    -- The key alone when nobody is listed: the kiosk then clears its list.
    RETURN QUERY
        SELECT listed, newest.key_id, encode(newest.secret, 'hex'),
               encode(public.hmac(convert_to(i.id_number, 'UTF8'), newest.secret, 'sha256'), 'hex'), i.kind, i.until
          FROM gatehouse.isolation i WHERE i.until > now()
        UNION ALL
        SELECT listed, newest.key_id, encode(newest.secret, 'hex'), NULL, NULL, NULL;
END
$$;
REVOKE ALL ON FUNCTION gatehouse.kiosk_isolation(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.kiosk_isolation(text) TO gatehouse_kiosk;
)SQL";

// Version 10 (issue 27): the base backups `central backup` took and verified, so that `central
// status` says when the last good one was; the WAL archive's progress is PostgreSQL's own
// (pg_stat_archiver, https://www.postgresql.org/docs/15/monitoring-stats.html). And a mend:
// version 9 created kiosk_isolation(text) before taking the administrator's role, so the function
// belonged to whoever migrated (a superuser) and ran, SECURITY DEFINER, as them; everything in the
// schema is gatehouse_admin's.
const char* const VERSION_10 = R"SQL(
ALTER FUNCTION gatehouse.kiosk_isolation(text) OWNER TO gatehouse_admin;
SET LOCAL ROLE gatehouse_admin;
CREATE TABLE gatehouse.backup (
    id bigserial PRIMARY KEY,
    label text NOT NULL,
    folder text NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now(),
    bytes bigint NOT NULL CHECK (bytes >= 0),
    verified boolean NOT NULL,
    taken_by text NOT NULL DEFAULT session_user
);
-- The newest verified backup and the archive's last success and failure, for anyone who may see
-- the fleet: when and how, never what.
CREATE FUNCTION gatehouse.backup_state()
    RETURNS TABLE (last_good_at timestamptz, label text, folder text, archived_at timestamptz,
                   archived_wal text, archive_failed_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
    SELECT b.finished_at, b.label, b.folder, a.last_archived_time, a.last_archived_wal, a.last_failed_time
      FROM pg_catalog.pg_stat_archiver a
      LEFT JOIN (SELECT * FROM gatehouse.backup WHERE verified ORDER BY finished_at DESC LIMIT 1) b ON true
$$;
REVOKE ALL ON FUNCTION gatehouse.backup_state() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.backup_state() TO gatehouse_official, gatehouse_console;
)SQL";

// Version 11 (issue 27): `stay` and the event journal partitioned by month (declarative
// partitioning, https://www.postgresql.org/docs/15/ddl-partitioning.html), so that retention drops a
// month's tables instead of deleting rows from one table of 100 M, and each month's indexes stay
// the size of a month.
// - The key is the kiosk's own time of the event: a stay's `checked_in_at`, an event's
//   `occurred_at` (event_time(): the entry's check-in, the exit's check-out, an audit row's time).
//   It is in the event itself, so a batch sent again lands in the partition its first copy went to,
//   where a unique index of (kiosk, seq) on each partition keeps the event once (ON CONFLICT DO
//   NOTHING takes a partition's unique indexes as arbiters). Not the store's received_at: an event
//   acknowledged at 23:59:59 on the 31st and sent again after the COMMIT's answer was lost would
//   then land in the next month as a second copy. A kiosk older than this version does not send
//   occurred_at; its events take the time they arrive (the column's default), so only such a
//   kiosk's resend across the first moment of a month could be kept twice.
// - Months are UTC months, named TABLE_YYYY_MM. Each table has a default partition, so an event
//   dated where no month is made yet (a kiosk whose clock is years off, maintenance not run) is
//   stored, never refused; when its month is made, its rows move there (add_month()).
// - maintain_partitions() makes this month and the next two; purge() runs it daily (README), and
//   drops every month that ended before its cutoff in one statement each; rows older than the
//   cutoff in the month that straddles it are deleted as before. A stay whose month is over but
//   which ended after the cutoff keeps its month until it is due.
// - The journal's time for retention is occurred_at now, as a stay's is its own times: a kiosk
//   offline for weeks sends events that are due as soon as they are old, not weeks later.
// The migration rewrites both tables once, in one transaction (its time is in README).
const char* const VERSION_11 = R"SQL(
SET LOCAL search_path = gatehouse, public;
SET LOCAL ROLE gatehouse_admin;

-- The kiosk's time of an event, from the event itself; null when it carries none (a forget) or
-- something that is not a time.
CREATE FUNCTION gatehouse.event_time(kind text, body jsonb) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE WHEN t ~ '^[0-9]{1,15}(\.[0-9]+)?$' THEN gatehouse.ms(t) END
      FROM (SELECT CASE kind WHEN 'entry' THEN body->>'checked_in_at' WHEN 'exit' THEN body->>'checked_out_at'
                             ELSE body->>'at' END AS t) e
$$;

-- The month of `at` (UTC) as a partition of gatehouse.TABLE, made unless it is there. Rows of that
-- month waiting in the default partition move into it first: PostgreSQL refuses to attach a
-- partition while the default one holds rows of its range. Made as a plain table and attached, so
-- that moving rows fires no trigger of the journal (an event is applied once, when it arrives).
-- As the owner, whoever asks: a month belongs to gatehouse_admin like the rest, or purge() could
-- not drop it.
CREATE FUNCTION gatehouse.add_month(parent text, at timestamptz) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    lo timestamptz := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    hi timestamptz := (date_trunc('month', at AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    part text := parent || '_' || to_char(at AT TIME ZONE 'UTC', 'YYYY_MM');
    key text := CASE parent WHEN 'event' THEN 'occurred_at' WHEN 'stay' THEN 'checked_in_at' END;
    columns text;
BEGIN
    IF key IS NULL THEN
        RAISE EXCEPTION 'gatehouse.% is not partitioned by month', parent;
    END IF;
    IF to_regclass('gatehouse.' || part) IS NOT NULL THEN
        RETURN false;
    END IF;
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
      FROM pg_attribute
     WHERE attrelid = ('gatehouse.' || parent)::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('CREATE TABLE gatehouse.%I (LIKE gatehouse.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS'
                   ' INCLUDING GENERATED)', part, parent);
    EXECUTE format('WITH moved AS (DELETE FROM gatehouse.%I WHERE %I >= $1 AND %I < $2 RETURNING %s)'
                   ' INSERT INTO gatehouse.%I (%s) SELECT %s FROM moved',
                   parent || '_default', key, key, columns, part, columns, columns)
        USING lo, hi;
    IF parent = 'event' THEN
        EXECUTE format('CREATE UNIQUE INDEX %I ON gatehouse.%I (kiosk, seq)', part || '_kiosk_seq', part);
    END IF;
    EXECUTE format('ALTER TABLE gatehouse.%I ATTACH PARTITION gatehouse.%I FOR VALUES FROM (%L) TO (%L)',
                   parent, part, lo, hi);
    RETURN true;
END
$$;

-- This month and the next two, for both tables (a kiosk's clock may run ahead; what lands beyond
-- waits in the default partition). The number of partitions made.
CREATE FUNCTION gatehouse.maintain_partitions() RETURNS int
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    made int := 0;
    parent text;
    ahead int;
BEGIN
    -- One maintainer at a time (two would make the same month).
    PERFORM pg_advisory_xact_lock(hashtext('gatehouse.maintain_partitions'));
    FOREACH parent IN ARRAY ARRAY['stay', 'event'] LOOP
        FOR ahead IN 0..2 LOOP
            IF gatehouse.add_month(parent, now() + make_interval(months => ahead)) THEN
                made := made + 1;
            END IF;
        END LOOP;
    END LOOP;
    RETURN made;
END
$$;

-- The tables of version 1 give way: their views first (made again below), their indexes (made
-- again on the new tables once they are filled), then the rows, copied once.
DROP VIEW gatehouse.visits, gatehouse.scoped_visits, gatehouse.isolation_matches;
ALTER TABLE gatehouse.event RENAME TO event_v10;
ALTER TABLE gatehouse.stay RENAME TO stay_v10;
ALTER TABLE gatehouse.event_v10 DROP CONSTRAINT event_pkey;
ALTER TABLE gatehouse.stay_v10 DROP CONSTRAINT stay_pkey;
DROP INDEX gatehouse.event_person, gatehouse.event_received, gatehouse.stay_site_during, gatehouse.stay_id_number,
    gatehouse.stay_open;

-- The same columns, checks and defaults as before (version 1), and the kiosk's time of each event.
CREATE TABLE gatehouse.event (
    LIKE gatehouse.event_v10 INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    occurred_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (occurred_at);
CREATE TABLE gatehouse.event_default PARTITION OF gatehouse.event DEFAULT;
CREATE UNIQUE INDEX event_default_kiosk_seq ON gatehouse.event_default (kiosk, seq);

CREATE TABLE gatehouse.stay (
    LIKE gatehouse.stay_v10 INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED
) PARTITION BY RANGE (checked_in_at);
CREATE TABLE gatehouse.stay_default PARTITION OF gatehouse.stay DEFAULT;

-- A month for every month the store holds (within five years back; anything older or later waits
-- in the default partition), and the coming ones.
SELECT gatehouse.add_month('stay', m)
  FROM (SELECT DISTINCT date_trunc('month', checked_in_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS m
          FROM gatehouse.stay_v10) months
 WHERE m BETWEEN now() - interval '5 years' AND now() + interval '2 months';
SELECT gatehouse.add_month('event', m)
  FROM (SELECT DISTINCT date_trunc('month', coalesce(gatehouse.event_time(kind, body), received_at) AT TIME ZONE 'UTC')
                        AT TIME ZONE 'UTC' AS m
          FROM gatehouse.event_v10) months
 WHERE m BETWEEN now() - interval '5 years' AND now() + interval '2 months';
SELECT gatehouse.maintain_partitions();

INSERT INTO gatehouse.event (kiosk, seq, site, kind, id_number, body, received_at, occurred_at)
SELECT kiosk, seq, site, kind, id_number, body, received_at, coalesce(gatehouse.event_time(kind, body), received_at)
  FROM gatehouse.event_v10;
INSERT INTO gatehouse.stay (visit_key, kiosk, entry_seq, site, entrance, exit_entrance, person_type, full_name,
                            id_number, phone, address, checked_in_at, checked_out_at, checkout_kind, method,
                            app_status, app_profile, app_id, declaration, received_at)
SELECT visit_key, kiosk, entry_seq, site, entrance, exit_entrance, person_type, full_name, id_number, phone, address,
       checked_in_at, checked_out_at, checkout_kind, method, app_status, app_profile, app_id, declaration, received_at
  FROM gatehouse.stay_v10;
DROP TABLE gatehouse.event_v10, gatehouse.stay_v10;

-- Version 1's indexes, now on every partition; event_received served the old purge only.
ALTER TABLE gatehouse.stay ADD PRIMARY KEY (visit_key, checked_in_at);
CREATE INDEX event_person ON gatehouse.event (site, id_number) WHERE id_number IS NOT NULL;
CREATE INDEX stay_site_during ON gatehouse.stay USING gist (site, during);
CREATE INDEX stay_id_number ON gatehouse.stay (id_number);
CREATE INDEX stay_open ON gatehouse.stay (site, id_number) WHERE checked_out_at IS NULL;

-- Their triggers, policies and grants, as versions 1, 3, 4, 5 and 6 made them.
CREATE TRIGGER event_received_here BEFORE INSERT ON gatehouse.event
    FOR EACH ROW EXECUTE FUNCTION gatehouse.stamp_received();
CREATE TRIGGER event_applied AFTER INSERT ON gatehouse.event
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.apply_events();
CREATE TRIGGER event_audit_chain AFTER INSERT ON gatehouse.event
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.check_audit_chain();
CREATE TRIGGER event_counted AFTER INSERT ON gatehouse.event
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.count_events();
ALTER TABLE gatehouse.event ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_its_own ON gatehouse.event FOR INSERT TO gatehouse_kiosk
    WITH CHECK (kiosk = session_user AND site = (SELECT gatehouse.kiosk_site()));
ALTER TABLE gatehouse.stay ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_reads ON gatehouse.stay FOR SELECT TO gatehouse_scoped
    USING ((SELECT gatehouse.scope_whole(current_user)) OR site = ANY ((SELECT gatehouse.scope_sites(current_user))::text[]));
GRANT INSERT ON gatehouse.event TO gatehouse_kiosk;
GRANT SELECT ON gatehouse.stay TO gatehouse_scoped;

-- A stay's key is unique with its month now (a partitioned table's unique key holds its partition
-- key): apply_events() inserts with that key as its arbiter instead of visit_key alone.
DO $$
DECLARE
    body text := pg_get_functiondef('gatehouse.apply_events()'::regprocedure);
BEGIN
    IF position('ON CONFLICT (visit_key) DO NOTHING' IN body) = 0 THEN
        RAISE EXCEPTION 'gatehouse.apply_events() is not the one version 1 made';
    END IF;
    EXECUTE replace(body, 'ON CONFLICT (visit_key) DO NOTHING', 'ON CONFLICT (visit_key, checked_in_at) DO NOTHING');
END
$$;

CREATE VIEW gatehouse.visits AS
SELECT s.visit_key, s.site, si.name AS site_name, si.district, s.entrance, s.exit_entrance, s.person_type,
       s.full_name, s.id_number, s.phone, s.address, s.checked_in_at, s.checked_out_at, s.checkout_kind,
       s.method, s.app_status, s.app_profile, s.app_id, s.declaration, s.received_at
  FROM gatehouse.stay s JOIN gatehouse.site si ON si.site = s.site;
CREATE VIEW gatehouse.scoped_visits WITH (security_invoker = true) AS
SELECT s.visit_key, s.site, si.name AS site_name, si.district, s.entrance, s.exit_entrance, s.person_type,
       s.full_name, s.id_number, s.phone, s.address, s.checked_in_at, s.checked_out_at, s.checkout_kind,
       s.method, s.app_status, s.app_profile, s.app_id, s.declaration, s.received_at
  FROM gatehouse.stay s JOIN gatehouse.site si ON si.site = s.site;
CREATE VIEW gatehouse.isolation_matches AS
SELECT e.kiosk, e.site, gatehouse.ms(e.body ->> 'at') AS at, e.received_at, i.id_number, i.kind, i.until
  FROM gatehouse.event e
  LEFT JOIN gatehouse.isolation_key k ON k.key_id = substring(e.body ->> 'details' FROM 'key=([0-9]+)')::int
  LEFT JOIN gatehouse.isolation i
    ON encode(public.hmac(convert_to(i.id_number, 'UTF8'), k.secret, 'sha256'), 'hex') = substring(e.body ->> 'details' FROM 'hash=([0-9a-f]+)')
 WHERE e.kind = 'audit' AND e.body ->> 'action' = 'isolation_match';
GRANT SELECT ON gatehouse.visits, gatehouse.isolation_matches TO gatehouse_official;
GRANT SELECT ON gatehouse.scoped_visits TO gatehouse_scoped;

-- Functions whose stays their callers join back to `stay` by visit_key (contacts(), `central trace`,
-- the console's cases): PostgreSQL plans a function it cannot inline as 1,000 rows, and with a table
-- a month a join of 1,000 keys costs an index probe per month each, so the planner read every month
-- whole instead (200,000 stays in four months: contacts() 0.5 s, 4 ms with this). A case has tens of
-- contacts, not a thousand.
ALTER FUNCTION gatehouse.contact_stays(text, timestamptz, timestamptz) ROWS 20;
ALTER FUNCTION gatehouse.scoped_contact_pairs(text, timestamptz, timestamptz) ROWS 20;

-- Retention (version 1's purge), by months: every month of both tables that ended before the
-- cutoff is dropped whole (a month of stays once none of them ended on or after the cutoff), then
-- what is older than the cutoff in the rest is deleted. Partitions of the coming months are made
-- first. The counts, and how many months were dropped.
DROP FUNCTION gatehouse.purge(timestamptz);
CREATE FUNCTION gatehouse.purge(cutoff timestamptz)
    RETURNS TABLE (stays bigint, events bigint, months_dropped int)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
DECLARE
    month record;
    gone_stays bigint := 0;
    gone_events bigint := 0;
    dropped int := 0;
    counted bigint;
    kept boolean;
BEGIN
    PERFORM gatehouse.maintain_partitions();
    FOR month IN
        SELECT c.relname AS part, parent.relname AS parent,
               (to_date(right(c.relname, 7), 'YYYY_MM') + interval '1 month') AT TIME ZONE 'UTC' AS ends
          FROM pg_catalog.pg_inherits i
          JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
          JOIN pg_catalog.pg_class parent ON parent.oid = i.inhparent
         WHERE parent.relnamespace = 'gatehouse'::regnamespace AND parent.relname IN ('stay', 'event')
           AND c.relname ~ '^(stay|event)_[0-9]{4}_[0-9]{2}$'
         ORDER BY 3, 1
    LOOP
        EXIT WHEN month.ends > cutoff;
        IF month.parent = 'stay' THEN
            EXECUTE format('SELECT EXISTS (SELECT FROM gatehouse.%I WHERE checked_out_at >= $1)', month.part)
                INTO kept USING cutoff;
            CONTINUE WHEN kept;
        END IF;
        EXECUTE format('SELECT count(*) FROM gatehouse.%I', month.part) INTO counted;
        EXECUTE format('DROP TABLE gatehouse.%I', month.part);
        IF month.parent = 'stay' THEN
            gone_stays := gone_stays + counted;
        ELSE
            gone_events := gone_events + counted;
        END IF;
        dropped := dropped + 1;
    END LOOP;
    -- checked_in_at < cutoff as well: what a stay's own times say, and only the months it can be in.
    DELETE FROM gatehouse.stay WHERE checked_in_at < cutoff AND coalesce(checked_out_at, checked_in_at) < cutoff;
    GET DIAGNOSTICS counted = ROW_COUNT;
    gone_stays := gone_stays + counted;
    DELETE FROM gatehouse.event WHERE occurred_at < cutoff;
    GET DIAGNOSTICS counted = ROW_COUNT;
    gone_events := gone_events + counted;
    DELETE FROM gatehouse.pending_exit WHERE checked_out_at < cutoff;
    RETURN QUERY SELECT gone_stays, gone_events, dropped;
END
$$;

REVOKE ALL ON FUNCTION gatehouse.add_month(text, timestamptz), gatehouse.maintain_partitions(),
    gatehouse.purge(timestamptz), gatehouse.event_time(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.event_time(text, jsonb) TO gatehouse_kiosk;
)SQL";

// Version 12 (issue 26's benchmark, tests/bench/README.md "BenchFleet"): a kiosk's round in two
// calls instead of seven. pg_stat_statements at 500 kiosks every 30 s put the server's time in the
// round's statements themselves (each its own parse, snapshot, transaction and, for the writes, a
// commit) and in planning: a LANGUAGE sql function that cannot be inlined (SECURITY DEFINER)
// plans its statement again at every call — 0.75 ms of site_open_entries()'s 1.1 — where PL/pgSQL
// plans once per connection, and a kiosk keeps its connection.
// - kiosk_round_begin(waiting, held): the contact (as kiosk_contact), then the settings in force
//   for this kiosk (as kiosk_settings), the isolation list unless the kiosk holds it (as
//   kiosk_isolation(held)) and the site's open entries at its other doors (as
//   site_open_entries), as rows tagged by `part`.
// - kiosk_round_end(applied_version, refusal, health…): the contact again, the settings
//   report (as kiosk_settings_report) and the health report (as kiosk_health_report), one
//   transaction.
// The functions of versions 7 and 8 they stand for stay, for kiosks older than this version, and
// are PL/pgSQL now for the same reason (the console's fleet view asks settings_version() for
// every kiosk).
const char* const VERSION_12 = R"SQL(
SET LOCAL ROLE gatehouse_admin;
CREATE OR REPLACE FUNCTION gatehouse.kiosk_contact(waiting bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
BEGIN
    UPDATE gatehouse.kiosk SET last_contact_at = now(), backlog = greatest(waiting, 0) WHERE kiosk = session_user;
END
$$;
CREATE OR REPLACE FUNCTION gatehouse.settings_for(kiosk_id text) RETURNS TABLE (key text, value text, source text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT DISTINCT ON (s.key) s.key, s.value, split_part(s.scope, ':', 1)
      FROM gatehouse.kiosk k
      JOIN gatehouse.site si ON si.site = k.site
      JOIN gatehouse.setting s
        ON s.scope IN ('kiosk:' || k.kiosk, 'site:' || k.site, 'district:' || si.district, 'province')
     WHERE k.kiosk = kiosk_id
     ORDER BY s.key, CASE split_part(s.scope, ':', 1) WHEN 'kiosk' THEN 0 WHEN 'site' THEN 1
                                                       WHEN 'district' THEN 2 ELSE 3 END;
END
$$;
CREATE OR REPLACE FUNCTION gatehouse.site_open_entries()
    RETURNS TABLE (visit_key text, entrance text, person_type text, full_name text, id_number text,
                   phone text, checked_in_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    own_site text := gatehouse.kiosk_site();
BEGIN
    RETURN QUERY
    SELECT s.visit_key, s.entrance, s.person_type, s.full_name, s.id_number, s.phone, s.checked_in_at
      FROM gatehouse.stay s
     WHERE s.site = own_site AND s.checked_out_at IS NULL AND s.kiosk <> session_user
     ORDER BY s.checked_in_at;
END
$$;
CREATE OR REPLACE FUNCTION gatehouse.kiosk_health_report(software_version text, kiosk_now timestamptz, free bigint,
                                                         waiting bigint, failure text, doctor text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
BEGIN
    INSERT INTO gatehouse.kiosk_health AS h (kiosk, reported_at, software, kiosk_time, clock_offset_seconds, free_bytes,
                                             backlog, last_error, checks, checks_at)
    SELECT k.kiosk, now(), left(software_version, 64), kiosk_now,
           round(extract(epoch FROM kiosk_now - clock_timestamp())::numeric, 1), free, waiting, left(failure, 1000),
           doctor::jsonb, CASE WHEN doctor IS NULL THEN NULL ELSE now() END
      FROM gatehouse.kiosk k WHERE k.kiosk = session_user
    ON CONFLICT (kiosk) DO UPDATE
       SET reported_at = EXCLUDED.reported_at, software = EXCLUDED.software, kiosk_time = EXCLUDED.kiosk_time,
           clock_offset_seconds = EXCLUDED.clock_offset_seconds, free_bytes = EXCLUDED.free_bytes,
           backlog = EXCLUDED.backlog, last_error = EXCLUDED.last_error,
           checks = coalesce(EXCLUDED.checks, h.checks), checks_at = coalesce(EXCLUDED.checks_at, h.checks_at);
END
$$;

-- The isolation list's version under each key (version 9's kiosk_isolation(held) hashed the whole
-- list for every kiosk at every round: 0.6 ms at 1,000 listed, growing with the list), kept until
-- the list changes (the trigger empties it) or the first of its orders ends (fresh_until). The
-- advisory lock orders a kiosk's filling against a change: a kiosk fills only after taking it, and
-- a change empties the table only after taking it, so a version computed before a change
-- committed never outlives the change's own emptying.
CREATE TABLE gatehouse.isolation_version (
    key_id int PRIMARY KEY REFERENCES gatehouse.isolation_key ON DELETE CASCADE,
    listed text NOT NULL,
    fresh_until timestamptz -- NULL: nobody listed, nothing to end
);
CREATE FUNCTION gatehouse.isolation_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('gatehouse.isolation_version'));
    DELETE FROM gatehouse.isolation_version;
    RETURN NULL;
END
$$;
CREATE TRIGGER isolation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gatehouse.isolation
    FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.isolation_changed();
CREATE OR REPLACE FUNCTION gatehouse.kiosk_isolation(held text)
    RETURNS TABLE (version text, key_id int, secret text, hash text, kind text, until timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    newest gatehouse.isolation_key;
    listed text;
    first_end timestamptz;
BEGIN
    SELECT * INTO newest FROM gatehouse.isolation_key k ORDER BY k.key_id DESC LIMIT 1;
    IF newest.key_id IS NULL OR newest.created_at < now() - interval '1 day' THEN
        -- The day's key is due: one kiosk makes it, the others waiting here then find it made.
        PERFORM pg_advisory_xact_lock(hashtext('gatehouse.isolation_key'));
        SELECT * INTO newest FROM gatehouse.isolation_key k ORDER BY k.key_id DESC LIMIT 1;
        IF newest.key_id IS NULL OR newest.created_at < now() - interval '1 day' THEN
            INSERT INTO gatehouse.isolation_key DEFAULT VALUES RETURNING * INTO newest;
        END IF;
    END IF;
    SELECT v.listed INTO listed FROM gatehouse.isolation_version v
     WHERE v.key_id = newest.key_id AND (v.fresh_until IS NULL OR v.fresh_until > now());
    IF listed IS NULL THEN
        PERFORM pg_advisory_xact_lock(hashtext('gatehouse.isolation_version'));
        -- Another kiosk may have filled it while this one waited.
        SELECT v.listed INTO listed FROM gatehouse.isolation_version v
         WHERE v.key_id = newest.key_id AND (v.fresh_until IS NULL OR v.fresh_until > now());
    END IF;
    IF listed IS NULL THEN
        -- As version 9 names the list: an HMAC with the key of the listed numbers, kinds and ends.
        SELECT newest.key_id || ':' || encode(public.hmac(convert_to(coalesce(string_agg(i.id_number || ' ' || i.kind
                                                                                         || ' ' || extract(epoch FROM i.until),
                                                                                         E'\n' ORDER BY i.id_number), ''),
                                                                     'UTF8'), newest.secret, 'sha256'), 'hex'),
               min(i.until)
          INTO listed, first_end
          FROM gatehouse.isolation i WHERE i.until > now();
        INSERT INTO gatehouse.isolation_version AS v (key_id, listed, fresh_until)
            VALUES (newest.key_id, listed, first_end)
            ON CONFLICT (key_id) DO UPDATE SET listed = EXCLUDED.listed, fresh_until = EXCLUDED.fresh_until;
    END IF;
    IF listed = held THEN
        RETURN;
    END IF;
    -- The key alone when nobody is listed: the kiosk then clears its list.
    RETURN QUERY
        SELECT listed, newest.key_id, encode(newest.secret, 'hex'),
               encode(public.hmac(convert_to(i.id_number, 'UTF8'), newest.secret, 'sha256'), 'hex'), i.kind, i.until
          FROM gatehouse.isolation i WHERE i.until > now()
        UNION ALL
        SELECT listed, newest.key_id, encode(newest.secret, 'hex'), NULL, NULL, NULL;
END
$$;

-- kiosk and kiosk_health hold one row a kiosk, written again at every round. What autovacuum does
-- about that by default — ANALYZE after 50 + 10 % of the rows changed, VACUUM after 50 + 20 %, so
-- every few seconds with a fleet — invalidates the plans of every connection that touch them
-- (new statistics; relallvisible in pg_class), and each kiosk plans its round again at its next
-- sync: pg_stat_statements showed a round's statements planned at every call. The rows' columns
-- do not change what a plan should be; room on each page for a row's next version keeps the
-- rewrite a HOT update, pruned within its page, so VACUUM can wait much longer.
ALTER TABLE gatehouse.kiosk SET (fillfactor = 50, autovacuum_analyze_scale_factor = 100,
                                 autovacuum_vacuum_scale_factor = 20);
ALTER TABLE gatehouse.kiosk_health SET (fillfactor = 50, autovacuum_analyze_scale_factor = 100,
                                        autovacuum_vacuum_scale_factor = 20);

-- part 'setting':   c1 key, c2 value, c3 source (kiosk, site, district or province)
-- part 'isolation': c1 the list's version, c2 key_id, c3 secret (hex), c4 hash (NULL on the row
--                   that carries the key alone), c5 kind, c6 until
-- part 'entry':     c1 visit_key, c2 entrance, c3 person_type, c4 full_name, c5 id_number,
--                   c6 phone, c7 checked_in_at
CREATE FUNCTION gatehouse.kiosk_round_begin(waiting bigint, held text)
    RETURNS TABLE (part text, c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    SET plan_cache_mode = force_generic_plan
    AS $$
BEGIN
    -- Said here when there is a backlog to send, which may take long; kiosk_round_end says it
    -- anyway.
    IF waiting > 0 THEN
        PERFORM gatehouse.kiosk_contact(waiting);
    END IF;
    RETURN QUERY SELECT 'setting', s.key, s.value, s.source, NULL::text, NULL::text, NULL::text, NULL::text
                   FROM gatehouse.settings_for(session_user) s;
    RETURN QUERY SELECT 'isolation', i.version, i.key_id::text, i.secret, i.hash, i.kind, i.until::text, NULL::text
                   FROM gatehouse.kiosk_isolation(held) i;
    RETURN QUERY SELECT 'entry', e.visit_key, e.entrance, e.person_type, e.full_name, e.id_number, e.phone,
                        e.checked_in_at::text
                   FROM gatehouse.site_open_entries() e;
END
$$;
CREATE FUNCTION gatehouse.kiosk_round_end(applied_version text, refusal text, software_version text,
                                          kiosk_now timestamptz, free bigint, waiting bigint, failure text, doctor text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = gatehouse, pg_temp
    SET plan_cache_mode = force_generic_plan
    AS $$
BEGIN
    UPDATE gatehouse.kiosk
       SET last_contact_at = now(), backlog = greatest(waiting, 0),
           settings_version = coalesce(applied_version, settings_version), settings_refusal = refusal,
           settings_reported_at = now()
     WHERE kiosk = session_user;
    PERFORM gatehouse.kiosk_health_report(software_version, kiosk_now, free, waiting, failure, doctor);
END
$$;
REVOKE ALL ON FUNCTION gatehouse.kiosk_round_begin(bigint, text),
    gatehouse.kiosk_round_end(text, text, text, timestamptz, bigint, bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse.kiosk_round_begin(bigint, text),
    gatehouse.kiosk_round_end(text, text, text, timestamptz, bigint, bigint, text, text) TO gatehouse_kiosk;
)SQL";

const QList<const char*> VERSIONS = {VERSION_1, VERSION_2, VERSION_3, VERSION_4,  VERSION_5,  VERSION_6,
                                     VERSION_7, VERSION_8, VERSION_9, VERSION_10, VERSION_11, VERSION_12};

// Group roles are the cluster's, not the database's: created once, never dropped here. The one
// who migrates becomes a member of gatehouse_admin, which owns the schema and what is in it.
// btree_gist (postgresql-contrib) lets one GiST index hold the site's equality and the stay's
// range; pgcrypto (also contrib, a trusted extension) gives the isolation list its HMAC and keys.
const char* const PREPARE = R"SQL(
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse_admin') THEN
        CREATE ROLE gatehouse_admin NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse_kiosk') THEN
        CREATE ROLE gatehouse_kiosk NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse_official') THEN
        CREATE ROLE gatehouse_official NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse_console') THEN
        CREATE ROLE gatehouse_console NOLOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse_scoped') THEN
        CREATE ROLE gatehouse_scoped NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse_registrar') THEN
        CREATE ROLE gatehouse_registrar NOLOGIN CREATEROLE;
    END IF;
    EXECUTE format('GRANT gatehouse_admin TO %I', current_user);
END
$$;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA public;
CREATE SCHEMA IF NOT EXISTS gatehouse AUTHORIZATION gatehouse_admin;
CREATE TABLE IF NOT EXISTS gatehouse.schema_version (
    version int PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE gatehouse.schema_version OWNER TO gatehouse_admin;
)SQL";
} // namespace

int CentralSchema::latestVersion()
{
    return int(VERSIONS.size());
}

Result<QList<int>> CentralSchema::migrate(CentralConnection& connection, int upTo)
{
    const auto prepared = connection.exec(QStringLiteral("BEGIN; SELECT pg_advisory_xact_lock(7212020);") +
                                          QString::fromUtf8(PREPARE) + QStringLiteral("COMMIT;"));
    if (!prepared) {
        (void)connection.exec(QStringLiteral("ROLLBACK"));
        return prepared.error();
    }
    // One migrator at a time: an advisory lock held until each step's COMMIT.
    QList<int> applied;
    for (int version = 1; version <= qMin(upTo, latestVersion()); ++version) {
        const auto begin = connection.exec(QStringLiteral("BEGIN; SELECT pg_advisory_xact_lock(7212020);"));
        if (!begin)
            return begin.error();
        const auto done = connection.exec(QStringLiteral("SELECT 1 FROM gatehouse.schema_version WHERE version = $1"),
                                          {QString::number(version)});
        if (!done) {
            (void)connection.exec(QStringLiteral("ROLLBACK"));
            return done.error();
        }
        if (!done->values.isEmpty()) {
            (void)connection.exec(QStringLiteral("ROLLBACK"));
            continue;
        }
        const auto step = connection.exec(QString::fromUtf8(VERSIONS[version - 1]));
        if (!step) {
            (void)connection.exec(QStringLiteral("ROLLBACK"));
            return Error(Error::Kind::Failed, tr("The central schema could not be brought to version %1: %2")
                                                  .arg(version)
                                                  .arg(step.error().message()));
        }
        const auto noted = connection.exec(
            QStringLiteral("RESET ROLE; INSERT INTO gatehouse.schema_version (version) VALUES (%1); COMMIT")
                .arg(version));
        if (!noted) {
            (void)connection.exec(QStringLiteral("ROLLBACK"));
            return noted.error();
        }
        applied.append(version);
    }
    return applied;
}

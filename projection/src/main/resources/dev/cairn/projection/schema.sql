-- cairn view schema, version 2 (2: sessions.kind, session_view.kind, messages.images and token columns, blobs). Documented in docs/schema.md; keep the two in step.
-- Everything here is derived from the ledger and can be deleted and rebuilt ('cairn rebuild').
-- Order keys are stored as (hlc, origin, seq): hlc is the fixed-width HLC string, so SQLite's
-- row-value comparison (hlc, origin, seq) > (...) is exactly cairn's order-key comparison.

CREATE TABLE view_meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The applied position: updated in the same transaction as the changes it covers.
CREATE TABLE projection_position(
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  ledger_index    INTEGER NOT NULL,  -- queue index of the last applied ledger entry, -1 for none
  applied         INTEGER NOT NULL,  -- entries applied (all types)
  skipped_unknown INTEGER NOT NULL,  -- entries of unknown types, skipped
  skipped_purged  INTEGER NOT NULL   -- entries about purged sessions, ignored
);
INSERT INTO projection_position VALUES (1, -1, 0, 0, 0);

-- Per-origin applied high-water marks.
CREATE TABLE applied_origins(
  origin  TEXT PRIMARY KEY,
  max_seq INTEGER NOT NULL,
  events  INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per recorded session: the fields of its winning session.recorded event.
CREATE TABLE sessions(
  session    TEXT PRIMARY KEY,     -- <origin>~<native id>
  origin     TEXT NOT NULL,        -- the machine that first recorded it (the id's prefix)
  agent      TEXT NOT NULL,
  project    TEXT,
  title      TEXT,                 -- as recorded; the curated title is in session_view
  started_at TEXT,
  ended_at   TEXT,
  source     TEXT NOT NULL,
  parent     TEXT,
  cwd        TEXT,
  git_branch TEXT,
  kind       TEXT,                 -- as recorded ('compaction'), NULL when the event had none; session_view resolves it
  rec_hlc    TEXT NOT NULL,        -- order key of the winning session.recorded
  rec_origin TEXT NOT NULL,
  rec_seq    INTEGER NOT NULL
) WITHOUT ROWID;

-- Messages, one per (session, ordinal); the event with the greatest order key wins.
CREATE TABLE messages(
  session    TEXT NOT NULL,
  ordinal    INTEGER NOT NULL,
  role       TEXT NOT NULL,
  text       TEXT NOT NULL,
  thinking   TEXT,
  at         TEXT,
  model      TEXT,
  tool_calls TEXT,                 -- canonical JSON array, NULL if none
  usage      TEXT,                 -- canonical JSON object, NULL if none
  tool_text  TEXT,                 -- tool names, inputs and outputs, for full-text search
  images     TEXT,                 -- canonical JSON array of {bytes, media_type, sha256}, NULL if none
  input_tokens       INTEGER,      -- the usage's token counts as cost needs them (TokenCounts), NULL without usage
  output_tokens      INTEGER,
  cache_write_tokens INTEGER,
  cache_read_tokens  INTEGER,
  hlc        TEXT NOT NULL,
  origin     TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  PRIMARY KEY (session, ordinal)
);

-- usage reads only this covering index (the messages that carry tokens), never the message rows with their text
CREATE INDEX messages_usage ON messages(at, session, model, input_tokens, output_tokens, cache_write_tokens, cache_read_tokens)
  WHERE input_tokens IS NOT NULL;

CREATE VIRTUAL TABLE messages_fts USING fts5(
  text, tool_text, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts(rowid, text, tool_text) VALUES (new.rowid, new.text, new.tool_text);
END;
CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, text, tool_text) VALUES ('delete', old.rowid, old.text, old.tool_text);
END;
CREATE TRIGGER messages_au AFTER UPDATE ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, text, tool_text) VALUES ('delete', old.rowid, old.text, old.tool_text);
  INSERT INTO messages_fts(rowid, text, tool_text) VALUES (new.rowid, new.text, new.tool_text);
END;

-- Image bytes, one row per distinct image (blob.stored events; the first one stored wins, all are equal).
-- Never deleted: a purged session's images stay here as its events stay in the ledger; the UI serves
-- a blob only while a message that is not purged names it.
CREATE TABLE blobs(
  sha256     TEXT PRIMARY KEY,
  media_type TEXT NOT NULL,
  bytes      INTEGER NOT NULL,
  data       BLOB NOT NULL
) WITHOUT ROWID;

-- Last-writer-wins curation registers: starred, display_title, trashed, tag:<tag>, pin:<ordinal>.
CREATE TABLE registers(
  session  TEXT NOT NULL,
  register TEXT NOT NULL,
  value    TEXT NOT NULL,          -- canonical JSON: true/false, "title", {"note":..,"pinned":true}
  hlc      TEXT NOT NULL,          -- order key of the winning event
  origin   TEXT NOT NULL,
  seq      INTEGER NOT NULL,       -- (origin, seq) is the register version named by prev
  PRIMARY KEY (session, register)
) WITHOUT ROWID;

-- Every curation event, grouped by what its writer saw (prev), to find forks.
CREATE TABLE curation_log(
  session  TEXT NOT NULL,
  register TEXT NOT NULL,
  prev     TEXT NOT NULL,          -- '<origin>/<seq>' or '' when the writer saw no value
  origin   TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  hlc      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (session, register, prev, origin, seq)
) WITHOUT ROWID;

-- Forks: one row per losing event of a (session, register, prev) group.
CREATE TABLE conflicts(
  session       TEXT NOT NULL,
  register      TEXT NOT NULL,
  prev          TEXT NOT NULL,
  winner_origin TEXT NOT NULL,
  winner_seq    INTEGER NOT NULL,
  winner_hlc    TEXT NOT NULL,
  winner_value  TEXT NOT NULL,
  loser_origin  TEXT NOT NULL,
  loser_seq     INTEGER NOT NULL,
  loser_hlc     TEXT NOT NULL,
  loser_value   TEXT NOT NULL,
  PRIMARY KEY (session, register, prev, loser_origin, loser_seq)
) WITHOUT ROWID;

-- Purged sessions: their content is gone and later events about them are ignored.
CREATE TABLE tombstones(
  session TEXT PRIMARY KEY,
  hlc     TEXT NOT NULL,
  origin  TEXT NOT NULL,
  seq     INTEGER NOT NULL
) WITHOUT ROWID;

-- Curated fields resolved per session: what 'cairn sessions' shows.
CREATE VIEW session_view AS
SELECT
  s.session,
  s.origin,
  s.agent,
  s.project,
  COALESCE((SELECT json_extract(r.value, '$') FROM registers r
            WHERE r.session = s.session AND r.register = 'display_title'), s.title) AS title,
  s.title AS recorded_title,
  COALESCE((SELECT r.value = 'true' FROM registers r
            WHERE r.session = s.session AND r.register = 'starred'), 0) AS starred,
  COALESCE((SELECT r.value = 'true' FROM registers r
            WHERE r.session = s.session AND r.register = 'trashed'), 0) AS trashed,
  (SELECT group_concat(t, ' ') FROM (SELECT substr(r.register, 5) AS t FROM registers r
            WHERE r.session = s.session AND r.register >= 'tag:' AND r.register < 'tag;'
              AND r.value = 'true' ORDER BY r.register)) AS tags,
  (SELECT count(*) FROM registers r
            WHERE r.session = s.session AND r.register >= 'pin:' AND r.register < 'pin;'
              AND json_extract(r.value, '$.pinned') = 1) AS pins,
  (SELECT count(*) FROM messages m WHERE m.session = s.session) AS messages,
  s.started_at,
  s.ended_at,
  s.parent,
  s.cwd,
  s.git_branch,
  s.source,
  COALESCE(s.kind, CASE WHEN s.parent IS NULL THEN 'main' ELSE 'sub-agent' END) AS kind
FROM sessions s;

INSERT INTO view_meta VALUES ('schema_version', '2');

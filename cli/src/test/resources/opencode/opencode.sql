-- An OpenCode database as its public source describes the tables cairn reads (session, message,
-- part; JSON in the data columns). Written by the cairn project; no real session content.
-- The tests load it into a fresh opencode.db.
CREATE TABLE project (id TEXT PRIMARY KEY, worktree TEXT NOT NULL, time_created INTEGER NOT NULL, time_updated INTEGER NOT NULL);
CREATE TABLE session (
  id TEXT PRIMARY KEY, project_id TEXT NOT NULL, parent_id TEXT, slug TEXT, directory TEXT NOT NULL, title TEXT NOT NULL,
  version TEXT NOT NULL, time_created INTEGER NOT NULL, time_updated INTEGER NOT NULL);
CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, time_created INTEGER NOT NULL, time_updated INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE part (id TEXT PRIMARY KEY, message_id TEXT NOT NULL, session_id TEXT NOT NULL, time_created INTEGER NOT NULL,
  time_updated INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX message_session ON message(session_id);
CREATE INDEX part_session ON part(session_id);

INSERT INTO project VALUES ('prj_1', '/home/ana/projects/cairn', 1762246800000, 1762246800000);
INSERT INTO session VALUES ('ses_main01', 'prj_1', NULL, 'brave-otter', '/home/ana/projects/cairn', 'Rename the seal cursor', '1.0.20',
  1762246800000, 1762246900000);
INSERT INTO session VALUES ('ses_child01', 'prj_1', 'ses_main01', 'calm-heron', '/home/ana/projects/cairn', 'Find the cursor uses (@explore subagent)',
  '1.0.20', 1762246830000, 1762246840000);

INSERT INTO message VALUES ('msg_01', 'ses_main01', 1762246801000, 1762246801000,
  '{"role":"user","time":{"created":1762246801000},"agent":"build","model":{"providerID":"anthropic","modelID":"claude-sonnet-4-5"}}');
INSERT INTO part VALUES ('prt_01', 'msg_01', 'ses_main01', 1762246801001, 1762246801001,
  '{"type":"text","text":"Rename SealCursor to SealMark everywhere"}');
INSERT INTO part VALUES ('prt_02', 'msg_01', 'ses_main01', 1762246801002, 1762246801002,
  '{"type":"text","text":"<system-reminder>plan mode</system-reminder>","synthetic":true}');
INSERT INTO message VALUES ('msg_02', 'ses_main01', 1762246802000, 1762246860000,
  '{"role":"assistant","time":{"created":1762246802000,"completed":1762246860000},"parentID":"msg_01","modelID":"claude-sonnet-4-5","providerID":"anthropic","mode":"build","path":{"cwd":"/home/ana/projects/cairn","root":"/home/ana/projects/cairn"},"cost":0.0123,"tokens":{"input":1200,"output":340,"reasoning":50,"cache":{"read":8000,"write":1500}}}');
INSERT INTO part VALUES ('prt_03', 'msg_02', 'ses_main01', 1762246802001, 1762246802001, '{"type":"step-start"}');
INSERT INTO part VALUES ('prt_04', 'msg_02', 'ses_main01', 1762246802002, 1762246803000,
  '{"type":"reasoning","text":"Find every use first.","time":{"start":1762246802002,"end":1762246803000}}');
INSERT INTO part VALUES ('prt_05', 'msg_02', 'ses_main01', 1762246803001, 1762246810000,
  '{"type":"tool","tool":"grep","callID":"call_01","state":{"status":"completed","input":{"pattern":"SealCursor"},"output":"3 matches","title":"SealCursor","metadata":{},"time":{"start":1762246803001,"end":1762246810000}}}');
INSERT INTO part VALUES ('prt_06', 'msg_02', 'ses_main01', 1762246810001, 1762246812000,
  '{"type":"tool","tool":"bash","callID":"call_02","state":{"status":"error","input":{"command":"mvn -q compile"},"error":"compilation failed","time":{"start":1762246810001,"end":1762246812000}}}');
INSERT INTO part VALUES ('prt_07', 'msg_02', 'ses_main01', 1762246812001, 1762246812001,
  '{"type":"text","text":"Renamed in 3 files; the build needs one more fix."}');
INSERT INTO part VALUES ('prt_08', 'msg_02', 'ses_main01', 1762246812002, 1762246812002, '{"type":"step-finish","reason":"stop"}');

INSERT INTO message VALUES ('msg_11', 'ses_child01', 1762246831000, 1762246831000,
  '{"role":"user","time":{"created":1762246831000}}');
INSERT INTO part VALUES ('prt_11', 'msg_11', 'ses_child01', 1762246831001, 1762246831001, '{"type":"text","text":"List every use of SealCursor"}');
INSERT INTO message VALUES ('msg_12', 'ses_child01', 1762246832000, 1762246840000,
  '{"role":"assistant","time":{"created":1762246832000},"modelID":"claude-haiku-4-5","tokens":{"input":300,"output":40,"reasoning":0,"cache":{"read":0,"write":0}}}');
INSERT INTO part VALUES ('prt_12', 'msg_12', 'ses_child01', 1762246832001, 1762246832001, '{"type":"text","text":"Three files use it."}');

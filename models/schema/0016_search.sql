-- Migration 0016: full-text search (issue 19, DESIGN §2).
-- Frozen once released; written by hand (derived data, no peewee model).
-- One row of `search_doc` per searchable record: its kind, id, village (the owner, or the village a
-- township notice is about), date (ISO, for newest-first and the year filter), title and body
-- (every searchable text of the record and of its parts). `search_fts` indexes title and body with
-- the trigram tokenizer (Chinese substrings of 3+ characters); 1–2 character queries use instr() on
-- `search_doc` itself. Derived: never synced, never audited; `models.search_index` keeps it current
-- inside every write's transaction and `cunwu check --repair-index` rebuilds it from the views below.
-- Never indexed: 电话, 备注 of a person (a number typed there would be found by anyone), amounts.

CREATE TABLE "search_doc" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(16) NOT NULL, "record_id" VARCHAR(36) NOT NULL, "village" VARCHAR(32) NOT NULL, "day" VARCHAR(10) NOT NULL, "title" TEXT NOT NULL, "body" TEXT NOT NULL, "parent" VARCHAR(36) NOT NULL);
CREATE UNIQUE INDEX "search_doc_record" ON "search_doc" ("record_id", "kind");
CREATE INDEX "search_doc_kind_day" ON "search_doc" ("kind", "day");
CREATE VIRTUAL TABLE "search_fts" USING fts5("title", "body", content='search_doc', content_rowid='id', tokenize='trigram');

-- A meeting: its place and note, every agenda item's title and minutes, every resolution.
CREATE VIEW "search_src_meeting" AS
SELECT 'meeting' AS kind, m.id AS record_id, m.owner AS village, m.held_on AS day, m.title AS title,
       m.place || char(10) || m.note
       || char(10) || coalesce((SELECT group_concat(x.t, char(10)) FROM (
              SELECT a.title || char(10) || a.minutes AS t FROM agenda_item a
              WHERE a.meeting_id = m.id AND a.deleted = 0 ORDER BY a.position) x), '')
       || char(10) || coalesce((SELECT group_concat(x.t, char(10)) FROM (
              SELECT r.text AS t FROM resolution r
              WHERE r.meeting_id = m.id AND r.deleted = 0 ORDER BY r.position) x), '') AS body,
       '' AS parent
FROM meeting m WHERE m.deleted = 0;

-- An article of a 村规民约/章程 version (every version, draft or adopted): the version's title and
-- the article's label in the title, its chapter and text in the body; `parent` is the version.
-- Its day is the version's: the vote (or, for an older rule entered as history, its adoption) once
-- adopted, else the day the draft was started — the same day the county's register dates it by
-- (`desktop.sync.upward_filings` sends the vote as adopted_on), so a hit is dated alike everywhere.
CREATE VIEW "search_src_article" AS
SELECT 'article' AS kind, a.id AS record_id, a.owner AS village,
       coalesce(nullif((SELECT m.held_on FROM meeting m WHERE m.id = v.vote_meeting_id), ''),
                nullif(v.history_adopted_on, ''), nullif(v.started_on, ''), substr(v.updated_at, 1, 10)) AS day,
       v.title || ' ' || a.label AS title,
       a.chapter || char(10) || a.text AS body,
       v.id AS parent
FROM rule_article a JOIN rule_version v ON v.id = a.version_id JOIN rule_set s ON s.id = v.rule_set_id
WHERE a.deleted = 0 AND v.deleted = 0 AND s.deleted = 0;

-- A 村务公开 item: its content and every line of its financial table (date, voucher, summary,
-- category, handler).
CREATE VIEW "search_src_posting" AS
SELECT 'posting' AS kind, i.id AS record_id, i.owner AS village,
       coalesce(nullif(i.posted_on, ''), nullif(i.event_date, ''), nullif(i.submitted_on, ''),
                substr(i.updated_at, 1, 10)) AS day,
       i.title AS title,
       i.content || char(10) || i.review_reason
       || char(10) || coalesce((SELECT group_concat(x.t, char(10)) FROM (
              SELECT l.day || ' ' || l.voucher || ' ' || l.summary || ' ' || l.category || ' ' || l.handler AS t
              FROM financial_posting p JOIN financial_line l ON l.posting_id = p.id
              WHERE p.item_id = i.id AND p.deleted = 0 AND l.deleted = 0 ORDER BY l.position) x), '') AS body,
       '' AS parent
FROM disclosure_item i WHERE i.deleted = 0;

-- A 监督事项: findings, notice, the 村委会's answer, the verification, the township's answers.
CREATE VIEW "search_src_matter" AS
SELECT 'matter' AS kind, s.id AS record_id, s.owner AS village, s.opened_on AS day, s.title AS title,
       s.findings || char(10) || s.notice || char(10) || s.answer || char(10) || s.verification
       || char(10) || s.township_answer
       || char(10) || coalesce((SELECT group_concat(x.t, char(10)) FROM (
              SELECT t.text AS t FROM township_answer t
              WHERE t.matter_id = s.id AND t.deleted = 0 ORDER BY t.answered_on) x), '') AS body,
       '' AS parent
FROM supervision_matter s WHERE s.deleted = 0;

-- A township notice: the village it is addressed to is its village.
CREATE VIEW "search_src_notice" AS
SELECT 'notice' AS kind, n.id AS record_id, n.village_code AS village, n.issued_on AS day, n.title AS title,
       n.text || char(10) || n.issued_by AS body, '' AS parent
FROM township_notice n WHERE n.deleted = 0;

-- A person on the register: name in the title; group, household and plain facts in the body.
-- Never the phone or the note; no date (a register line is not of a year).
CREATE VIEW "search_src_person" AS
SELECT 'person' AS kind, p.id AS record_id, p.owner AS village, '' AS day, p.name AS title,
       p.village_group || ' ' || coalesce((SELECT h.number FROM household h WHERE h.id = p.household_id), p.household)
       || ' ' || p.household_relation || ' ' || p.ethnicity || ' ' || p.education || ' ' || p.political_status
       || char(10) || p.left_reason AS body,
       '' AS parent
FROM person p WHERE p.deleted = 0;

-- An election (换届 or 补选): its label, handover items and note (not `seats`: stored keys, vc_chair=1).
CREATE VIEW "search_src_election" AS
SELECT 'election' AS kind, e.id AS record_id, e.owner AS village, e.election_day AS day, e.label AS title,
       e.handover_items || char(10) || e.note AS body, '' AS parent
FROM election e WHERE e.deleted = 0;

CREATE VIEW "search_src" AS
SELECT * FROM search_src_meeting UNION ALL SELECT * FROM search_src_article
UNION ALL SELECT * FROM search_src_posting UNION ALL SELECT * FROM search_src_matter
UNION ALL SELECT * FROM search_src_notice UNION ALL SELECT * FROM search_src_person
UNION ALL SELECT * FROM search_src_election;

-- An upgraded database is searchable at once.
INSERT INTO "search_doc" ("kind", "record_id", "village", "day", "title", "body", "parent")
  SELECT kind, record_id, village, day, title, body, parent FROM search_src;
INSERT INTO "search_fts" ("search_fts") VALUES ('rebuild');

-- Migration 0017: indexes led by the foreign key (issue 20). Frozen once released; written by hand.
--
-- Every synced table had an index on its `deleted` tombstone alone (peewee's `index=True` on
-- `SyncedModel.deleted`). It matches nearly every row, so it never narrows a lookup, costs a write on
-- every save — and without ANALYZE statistics SQLite sometimes walked it instead of the foreign key:
-- attendance by meeting took 31 ms per lookup on `meeting_attendance_deleted` instead of 0.13 ms on
-- `meeting_attendance_meeting_id`. They all go, so the right plan is the only plan, with or without stats.
--
-- The children read per parent (attendance, agenda items and resolutions of a meeting, the articles of a
-- rule version, the lines of a financial posting) get their foreign-key index widened to
-- (parent, deleted, position/status), under the SAME name so an `INDEXED BY` keeps working: the live
-- rows of one parent come out of the index already in order, and list_meetings counts attendance from
-- the index alone. `tests/unit/test_query_plans.py` asserts the plans.
--
-- `person_key` serves the township 换届 board's 两村登记 check
-- (`desktop.services.election_board_rolls`): people found by the key it compares
-- (trimmed name, trimmed sex, birth year, birth month) instead of a scan of every village's register.

DROP INDEX IF EXISTS "person_deleted";
DROP INDEX IF EXISTS "kinship_deleted";
DROP INDEX IF EXISTS "person_role_deleted";
DROP INDEX IF EXISTS "township_deleted";
DROP INDEX IF EXISTS "village_deleted";
DROP INDEX IF EXISTS "meeting_deleted";
DROP INDEX IF EXISTS "agenda_item_deleted";
DROP INDEX IF EXISTS "attachment_deleted";
DROP INDEX IF EXISTS "authorization_deleted";
DROP INDEX IF EXISTS "decision_register_deleted";
DROP INDEX IF EXISTS "decision_step_deleted";
DROP INDEX IF EXISTS "meeting_attendance_deleted";
DROP INDEX IF EXISTS "resolution_deleted";
DROP INDEX IF EXISTS "person_vote_deleted";
DROP INDEX IF EXISTS "rule_set_deleted";
DROP INDEX IF EXISTS "rule_version_deleted";
DROP INDEX IF EXISTS "review_comment_deleted";
DROP INDEX IF EXISTS "rule_article_deleted";
DROP INDEX IF EXISTS "rule_opinion_deleted";
DROP INDEX IF EXISTS "appraisal_deleted";
DROP INDEX IF EXISTS "appraisal_result_deleted";
DROP INDEX IF EXISTS "committee_term_deleted";
DROP INDEX IF EXISTS "committee_member_deleted";
DROP INDEX IF EXISTS "voucher_review_deleted";
DROP INDEX IF EXISTS "questioned_voucher_deleted";
DROP INDEX IF EXISTS "supervision_matter_deleted";
DROP INDEX IF EXISTS "disclosure_item_deleted";
DROP INDEX IF EXISTS "feedback_deleted";
DROP INDEX IF EXISTS "financial_posting_deleted";
DROP INDEX IF EXISTS "financial_line_deleted";
DROP INDEX IF EXISTS "disclosure_subject_deleted";
DROP INDEX IF EXISTS "rule_review_deleted";
DROP INDEX IF EXISTS "rule_filing_deleted";
DROP INDEX IF EXISTS "township_answer_deleted";
DROP INDEX IF EXISTS "township_notice_deleted";
DROP INDEX IF EXISTS "village_group_deleted";
DROP INDEX IF EXISTS "household_deleted";
DROP INDEX IF EXISTS "represented_household_deleted";
DROP INDEX IF EXISTS "election_deleted";
DROP INDEX IF EXISTS "election_committee_member_deleted";
DROP INDEX IF EXISTS "voter_deleted";
DROP INDEX IF EXISTS "voter_objection_deleted";
DROP INDEX IF EXISTS "candidate_deleted";
DROP INDEX IF EXISTS "proxy_vote_deleted";
DROP INDEX IF EXISTS "election_round_deleted";
DROP INDEX IF EXISTS "election_tally_deleted";
DROP INDEX IF EXISTS "elected_member_deleted";
DROP INDEX IF EXISTS "recall_deleted";
DROP INDEX IF EXISTS "selection_deleted";

DROP INDEX IF EXISTS "meeting_attendance_meeting_id";
CREATE INDEX "meeting_attendance_meeting_id" ON "meeting_attendance" ("meeting_id", "deleted", "status");
DROP INDEX IF EXISTS "agenda_item_meeting_id";
CREATE INDEX "agenda_item_meeting_id" ON "agenda_item" ("meeting_id", "deleted", "position");
DROP INDEX IF EXISTS "resolution_meeting_id";
CREATE INDEX "resolution_meeting_id" ON "resolution" ("meeting_id", "deleted", "position");
DROP INDEX IF EXISTS "rule_article_version_id";
CREATE INDEX "rule_article_version_id" ON "rule_article" ("version_id", "deleted", "position");
DROP INDEX IF EXISTS "financial_line_posting_id";
CREATE INDEX "financial_line_posting_id" ON "financial_line" ("posting_id", "deleted", "position");

CREATE INDEX "person_key" ON "person" (trim("name"), trim("gender"), "birth_year", "birth_month");

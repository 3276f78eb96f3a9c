-- Migration 0008: the township's own records about a village's records — review opinions on
-- 村规民约 drafts, 备案 receipts (with 责令改正), answers to escalated matters.
-- Frozen once released; generated from models/township/records.py. Synced (township-owned).

CREATE TABLE "rule_review" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "version_id" VARCHAR(36) NOT NULL, "fingerprint" VARCHAR(64) NOT NULL, "opinion" VARCHAR(32) NOT NULL, "reviewed_on" VARCHAR(10) NOT NULL, "reviewer" VARCHAR(64) NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("version_id") REFERENCES "rule_version" ("id") ON DELETE RESTRICT);
CREATE INDEX "rule_review_owner" ON "rule_review" ("owner");
CREATE INDEX "rule_review_seq" ON "rule_review" ("seq");
CREATE INDEX "rule_review_deleted" ON "rule_review" ("deleted");
CREATE INDEX "rule_review_version_id" ON "rule_review" ("version_id");
CREATE TABLE "rule_filing" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "version_id" VARCHAR(36) NOT NULL, "fingerprint" VARCHAR(64) NOT NULL, "received_on" VARCHAR(10) NOT NULL, "receipt_no" VARCHAR(64) NOT NULL, "receipt_date" VARCHAR(10) NOT NULL, "correction" TEXT NOT NULL, FOREIGN KEY ("version_id") REFERENCES "rule_version" ("id") ON DELETE RESTRICT);
CREATE INDEX "rule_filing_owner" ON "rule_filing" ("owner");
CREATE INDEX "rule_filing_seq" ON "rule_filing" ("seq");
CREATE INDEX "rule_filing_deleted" ON "rule_filing" ("deleted");
CREATE INDEX "rule_filing_version_id" ON "rule_filing" ("version_id");
CREATE INDEX "rule_filing_receipt_no" ON "rule_filing" ("receipt_no");
CREATE TABLE "township_answer" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "matter_id" VARCHAR(36), "feedback_id" VARCHAR(36), "answered_on" VARCHAR(10) NOT NULL, "answered_by" VARCHAR(64) NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("matter_id") REFERENCES "supervision_matter" ("id") ON DELETE RESTRICT, FOREIGN KEY ("feedback_id") REFERENCES "feedback" ("id") ON DELETE RESTRICT);
CREATE INDEX "township_answer_owner" ON "township_answer" ("owner");
CREATE INDEX "township_answer_seq" ON "township_answer" ("seq");
CREATE INDEX "township_answer_deleted" ON "township_answer" ("deleted");
CREATE INDEX "township_answer_matter_id" ON "township_answer" ("matter_id");
CREATE INDEX "township_answer_feedback_id" ON "township_answer" ("feedback_id");

-- Migration 0006: the village's own 村务公开 subjects (公开目录 extensions).
-- Frozen once released; generated from models/disclosure/records.py.

CREATE TABLE "disclosure_subject" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "code" VARCHAR(32) NOT NULL, "label" VARCHAR(64) NOT NULL, "category" VARCHAR(16) NOT NULL, "period_kind" VARCHAR(16) NOT NULL, "active" INTEGER NOT NULL);
CREATE INDEX "disclosure_subject_owner" ON "disclosure_subject" ("owner");
CREATE INDEX "disclosure_subject_seq" ON "disclosure_subject" ("seq");
CREATE INDEX "disclosure_subject_deleted" ON "disclosure_subject" ("deleted");
CREATE INDEX "disclosure_subject_code" ON "disclosure_subject" ("code");

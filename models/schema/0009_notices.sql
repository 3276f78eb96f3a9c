-- Migration 0009: notices (通知) from the township to a village, and the village's own read marks.
-- Frozen once released; generated from models/township/notices.py. township_notice is synced
-- (township-owned, routed by village_code); notice_read is local.

CREATE TABLE "township_notice" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "village_code" VARCHAR(32) NOT NULL, "title" VARCHAR(128) NOT NULL, "text" TEXT NOT NULL, "issued_on" VARCHAR(10) NOT NULL, "issued_by" VARCHAR(64) NOT NULL);
CREATE INDEX "township_notice_owner" ON "township_notice" ("owner");
CREATE INDEX "township_notice_seq" ON "township_notice" ("seq");
CREATE INDEX "township_notice_deleted" ON "township_notice" ("deleted");
CREATE INDEX "township_notice_village_code" ON "township_notice" ("village_code");
CREATE TABLE "notice_read" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "notice_id" VARCHAR(36) NOT NULL, "read_at" VARCHAR(32) NOT NULL, "read_by" VARCHAR(64) NOT NULL);
CREATE INDEX "notice_read_notice_id" ON "notice_read" ("notice_id");

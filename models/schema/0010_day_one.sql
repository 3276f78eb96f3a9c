-- Migration 0010: day one of a real village (issue 15).
-- Frozen once released; generated from models/entities.py, models/supervision/records.py and
-- models/disclosure/records.py.
-- The register: 村民小组 and 户 as data, a person's 出生年月, household and leaving (迁出/死亡/其他,
-- never a deletion); terms that end with a reason, the households a 村民代表 represents;
-- accounts bound to a person, with reset and lock-out; who submitted, recorded, answered and
-- closed, for the separation of duties.

CREATE TABLE "village_group" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(32) NOT NULL, "position" INTEGER NOT NULL, "note" TEXT NOT NULL);
CREATE INDEX "village_group_owner" ON "village_group" ("owner");
CREATE INDEX "village_group_seq" ON "village_group" ("seq");
CREATE INDEX "village_group_deleted" ON "village_group" ("deleted");
CREATE INDEX "village_group_name" ON "village_group" ("name");
CREATE TABLE "household" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "number" VARCHAR(32) NOT NULL, "village_group" VARCHAR(32) NOT NULL, "address" VARCHAR(128) NOT NULL, "note" TEXT NOT NULL);
CREATE INDEX "household_owner" ON "household" ("owner");
CREATE INDEX "household_seq" ON "household" ("seq");
CREATE INDEX "household_deleted" ON "household" ("deleted");
ALTER TABLE "person" ADD COLUMN "birth_month" INTEGER;
ALTER TABLE "person" ADD COLUMN "household_id" VARCHAR(36) REFERENCES "household" ("id") ON DELETE RESTRICT;
ALTER TABLE "person" ADD COLUMN "household_relation" VARCHAR(16) NOT NULL DEFAULT '';
ALTER TABLE "person" ADD COLUMN "left_on" VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE "person" ADD COLUMN "left_kind" VARCHAR(16) NOT NULL DEFAULT '';
ALTER TABLE "person" ADD COLUMN "left_reason" TEXT NOT NULL DEFAULT '';
CREATE INDEX "person_household_id" ON "person" ("household_id");
ALTER TABLE "person_role" ADD COLUMN "end_reason" TEXT NOT NULL DEFAULT '';
ALTER TABLE "person_role" ADD COLUMN "scope" VARCHAR(32) NOT NULL DEFAULT '';
CREATE TABLE "represented_household" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "role_id" VARCHAR(36) NOT NULL, "household_id" VARCHAR(36) NOT NULL, FOREIGN KEY ("role_id") REFERENCES "person_role" ("id") ON DELETE RESTRICT, FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE RESTRICT);
CREATE INDEX "represented_household_owner" ON "represented_household" ("owner");
CREATE INDEX "represented_household_seq" ON "represented_household" ("seq");
CREATE INDEX "represented_household_deleted" ON "represented_household" ("deleted");
CREATE INDEX "represented_household_role_id" ON "represented_household" ("role_id");
CREATE INDEX "represented_household_household_id" ON "represented_household" ("household_id");
ALTER TABLE "village" ADD COLUMN "figures_source" VARCHAR(16) NOT NULL DEFAULT '';
ALTER TABLE "user" ADD COLUMN "person_id" VARCHAR(36) NOT NULL DEFAULT '';
ALTER TABLE "user" ADD COLUMN "must_change_password" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "user" ADD COLUMN "failed_logins" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "user" ADD COLUMN "locked_until" VARCHAR(32) NOT NULL DEFAULT '';
ALTER TABLE "committee_member" ADD COLUMN "left_reason" TEXT NOT NULL DEFAULT '';
ALTER TABLE "supervision_matter" ADD COLUMN "answered_by" VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE "supervision_matter" ADD COLUMN "closed_by" VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE "voucher_review" ADD COLUMN "recorded_by" VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE "disclosure_item" ADD COLUMN "submitted_by" VARCHAR(64) NOT NULL DEFAULT '';
-- The groups a village's own people already name become its 村民小组 records (not on a township:
-- a village's groups are the village's to make).
INSERT INTO "village_group" ("id", "owner", "seq", "updated_at", "deleted", "name", "position", "note")
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
               || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-'
               || hex(randomblob(6))),
         owner, (SELECT value + 1 FROM change_counter WHERE id = 1), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0,
         village_group, 0, ''
  FROM (SELECT DISTINCT owner, village_group FROM "person" WHERE village_group != '' AND deleted = 0
        AND owner = (SELECT code FROM installation WHERE mode = 'village'));
UPDATE change_counter SET value = value + 1 WHERE id = 1 AND EXISTS (SELECT 1 FROM village_group);

-- Migration 0001: the first schema (foundation). Frozen: never edit a released migration;
-- add a new numbered file instead. Generated once from models/entities.py, then kept as text.

CREATE TABLE "app_meta" ("key" VARCHAR(64) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
CREATE TABLE "audit_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "at" VARCHAR(32) NOT NULL, "actor" VARCHAR(64) NOT NULL, "action" VARCHAR(16) NOT NULL, "table_name" VARCHAR(64) NOT NULL, "record_id" VARCHAR(64) NOT NULL, "old_values" TEXT NOT NULL, "new_values" TEXT NOT NULL, "prev_hash" VARCHAR(64) NOT NULL, "hash" VARCHAR(64) NOT NULL);
CREATE TABLE "change_counter" ("id" INTEGER NOT NULL PRIMARY KEY, "value" INTEGER NOT NULL);
CREATE TABLE "installation" ("id" INTEGER NOT NULL PRIMARY KEY, "mode" VARCHAR(16) NOT NULL, "code" VARCHAR(32) NOT NULL, "name" VARCHAR(64) NOT NULL, "province" VARCHAR(32) NOT NULL, "created_at" VARCHAR(32) NOT NULL, "is_demo" INTEGER NOT NULL);
CREATE TABLE "person" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(32) NOT NULL, "gender" VARCHAR(2) NOT NULL, "birth_year" INTEGER, "village_group" VARCHAR(32) NOT NULL, "household" VARCHAR(32) NOT NULL, "phone" VARCHAR(32) NOT NULL, "note" TEXT NOT NULL);
CREATE INDEX "person_owner" ON "person" ("owner");
CREATE INDEX "person_seq" ON "person" ("seq");
CREATE INDEX "person_deleted" ON "person" ("deleted");
CREATE INDEX "person_name" ON "person" ("name");
CREATE TABLE "kinship" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "person_id" VARCHAR(36) NOT NULL, "relative_id" VARCHAR(36) NOT NULL, "relation" VARCHAR(16) NOT NULL, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT, FOREIGN KEY ("relative_id") REFERENCES "person" ("id") ON DELETE RESTRICT);
CREATE INDEX "kinship_owner" ON "kinship" ("owner");
CREATE INDEX "kinship_seq" ON "kinship" ("seq");
CREATE INDEX "kinship_deleted" ON "kinship" ("deleted");
CREATE INDEX "kinship_person_id" ON "kinship" ("person_id");
CREATE INDEX "kinship_relative_id" ON "kinship" ("relative_id");
CREATE TABLE "person_role" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "person_id" VARCHAR(36) NOT NULL, "role" VARCHAR(32) NOT NULL, "start_date" VARCHAR(10) NOT NULL, "end_date" VARCHAR(10) NOT NULL, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT);
CREATE INDEX "person_role_owner" ON "person_role" ("owner");
CREATE INDEX "person_role_seq" ON "person_role" ("seq");
CREATE INDEX "person_role_deleted" ON "person_role" ("deleted");
CREATE INDEX "person_role_person_id" ON "person_role" ("person_id");
CREATE INDEX "person_role_role" ON "person_role" ("role");
CREATE TABLE "township" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "code" VARCHAR(32) NOT NULL, "name" VARCHAR(64) NOT NULL, "province" VARCHAR(32) NOT NULL);
CREATE INDEX "township_owner" ON "township" ("owner");
CREATE INDEX "township_seq" ON "township" ("seq");
CREATE INDEX "township_deleted" ON "township" ("deleted");
CREATE UNIQUE INDEX "township_code" ON "township" ("code");
CREATE TABLE "user" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "login" VARCHAR(32) NOT NULL, "display_name" VARCHAR(32) NOT NULL, "role" VARCHAR(32) NOT NULL, "password_hash" VARCHAR(256) NOT NULL, "active" INTEGER NOT NULL, "created_at" VARCHAR(32) NOT NULL, "last_login_at" VARCHAR(32) NOT NULL);
CREATE UNIQUE INDEX "user_login" ON "user" ("login");
CREATE TABLE "village" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "code" VARCHAR(32) NOT NULL, "name" VARCHAR(64) NOT NULL, "province" VARCHAR(32) NOT NULL, "township_code" VARCHAR(32), "households" INTEGER NOT NULL, "adult_population" INTEGER NOT NULL);
CREATE INDEX "village_owner" ON "village" ("owner");
CREATE INDEX "village_seq" ON "village" ("seq");
CREATE INDEX "village_deleted" ON "village" ("deleted");
CREATE UNIQUE INDEX "village_code" ON "village" ("code");

INSERT INTO "change_counter" ("id", "value") VALUES (1, 0);

-- The audit log is append-only: the app itself can never rewrite history.
CREATE TRIGGER "audit_entry_no_update" BEFORE UPDATE ON "audit_entry"
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER "audit_entry_no_delete" BEFORE DELETE ON "audit_entry"
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

-- Migration 0015: county mode (县级) — the townships' 县级汇总包 as the county holds them.
-- Frozen once released; generated from models/county/records.py. Local tables, never synced:
-- replaced per township by a newer package (desktop/sync/county_import.py).

CREATE TABLE "county_township" ("code" VARCHAR(32) NOT NULL PRIMARY KEY, "name" VARCHAR(64) NOT NULL, "province" VARCHAR(32) NOT NULL, "package_number" INTEGER NOT NULL, "package_created_at" VARCHAR(32) NOT NULL, "imported_at" VARCHAR(32) NOT NULL, "data_as_of" VARCHAR(10) NOT NULL, "package_format" INTEGER NOT NULL);
CREATE TABLE "county_village" ("id" INTEGER NOT NULL PRIMARY KEY, "township_code" VARCHAR(32) NOT NULL, "code" VARCHAR(32) NOT NULL, "name" VARCHAR(64) NOT NULL, "province" VARCHAR(32) NOT NULL, "data_as_of" VARCHAR(10) NOT NULL);
CREATE INDEX "county_village_township_code" ON "county_village" ("township_code");
CREATE UNIQUE INDEX "county_village_code" ON "county_village" ("code");
CREATE TABLE "county_period" ("id" INTEGER NOT NULL PRIMARY KEY, "township_code" VARCHAR(32) NOT NULL, "period" VARCHAR(16) NOT NULL, "label" VARCHAR(32) NOT NULL, "data_as_of" VARCHAR(10) NOT NULL);
CREATE INDEX "county_period_township_code" ON "county_period" ("township_code");
CREATE UNIQUE INDEX "county_period_township_period" ON "county_period" ("township_code", "period");
CREATE TABLE "county_cell" ("id" INTEGER NOT NULL PRIMARY KEY, "township_code" VARCHAR(32) NOT NULL, "period" VARCHAR(16) NOT NULL, "village_code" VARCHAR(32) NOT NULL, "obligation" VARCHAR(32) NOT NULL, "state" VARCHAR(8) NOT NULL, "done" INTEGER NOT NULL, "late" INTEGER NOT NULL, "expected" INTEGER NOT NULL);
-- the board reads one period across townships (GROUP BY township, obligation, state) and a township's cells
CREATE INDEX "county_cell_period_township" ON "county_cell" ("period", "township_code", "obligation", "state");
CREATE INDEX "county_cell_township" ON "county_cell" ("township_code");
CREATE TABLE "county_township_cell" ("id" INTEGER NOT NULL PRIMARY KEY, "township_code" VARCHAR(32) NOT NULL, "period" VARCHAR(16) NOT NULL, "obligation" VARCHAR(32) NOT NULL, "state" VARCHAR(8) NOT NULL, "done" INTEGER NOT NULL, "late" INTEGER NOT NULL, "expected" INTEGER NOT NULL);
CREATE INDEX "county_township_cell_township_code" ON "county_township_cell" ("township_code");
CREATE TABLE "county_filing" ("id" INTEGER NOT NULL PRIMARY KEY, "township_code" VARCHAR(32) NOT NULL, "village_code" VARCHAR(32) NOT NULL, "title" VARCHAR(128) NOT NULL, "version_no" INTEGER NOT NULL, "adopted_on" VARCHAR(10) NOT NULL, "filed_on" VARCHAR(10) NOT NULL, "receipt_no" VARCHAR(64) NOT NULL, "receipt_date" VARCHAR(10) NOT NULL, "correction" TEXT NOT NULL, "articles" INTEGER NOT NULL);
CREATE INDEX "county_filing_township_code" ON "county_filing" ("township_code");
CREATE INDEX "county_filing_village_code" ON "county_filing" ("village_code");
CREATE TABLE "county_article" ("id" INTEGER NOT NULL PRIMARY KEY, "filing_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "chapter" VARCHAR(128) NOT NULL, "label" VARCHAR(32) NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("filing_id") REFERENCES "county_filing" ("id") ON DELETE CASCADE);
CREATE INDEX "county_article_filing_id" ON "county_article" ("filing_id");

-- Migration 0005: 村务公开 items, financial tables and lines, villagers' feedback.
-- Frozen once released; generated from models/disclosure/records.py.

CREATE TABLE "disclosure_item" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "category" VARCHAR(16) NOT NULL, "subject" VARCHAR(32) NOT NULL, "period_kind" VARCHAR(16) NOT NULL, "period" VARCHAR(16) NOT NULL, "event_date" VARCHAR(10) NOT NULL, "title" VARCHAR(128) NOT NULL, "content" TEXT NOT NULL, "submitted_on" VARCHAR(10) NOT NULL, "reviewed_on" VARCHAR(10) NOT NULL, "reviewed_by" VARCHAR(64) NOT NULL, "review_result" VARCHAR(16) NOT NULL, "review_reason" TEXT NOT NULL, "posted_on" VARCHAR(10) NOT NULL, "channels" TEXT NOT NULL, "takedown_on" VARCHAR(10) NOT NULL);
CREATE INDEX "disclosure_item_owner" ON "disclosure_item" ("owner");
CREATE INDEX "disclosure_item_seq" ON "disclosure_item" ("seq");
CREATE INDEX "disclosure_item_deleted" ON "disclosure_item" ("deleted");
CREATE INDEX "disclosure_item_period" ON "disclosure_item" ("period");
CREATE TABLE "feedback" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "item_id" VARCHAR(36), "received_on" VARCHAR(10) NOT NULL, "villager" VARCHAR(32) NOT NULL, "content" TEXT NOT NULL, "answer" TEXT NOT NULL, "answered_on" VARCHAR(10) NOT NULL, "escalated_on" VARCHAR(10) NOT NULL, FOREIGN KEY ("item_id") REFERENCES "disclosure_item" ("id") ON DELETE RESTRICT);
CREATE INDEX "feedback_owner" ON "feedback" ("owner");
CREATE INDEX "feedback_seq" ON "feedback" ("seq");
CREATE INDEX "feedback_deleted" ON "feedback" ("deleted");
CREATE INDEX "feedback_item_id" ON "feedback" ("item_id");
CREATE TABLE "financial_posting" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "item_id" VARCHAR(36) NOT NULL, "opening_fen" INTEGER NOT NULL, "closing_fen" INTEGER NOT NULL, FOREIGN KEY ("item_id") REFERENCES "disclosure_item" ("id") ON DELETE RESTRICT);
CREATE INDEX "financial_posting_owner" ON "financial_posting" ("owner");
CREATE INDEX "financial_posting_seq" ON "financial_posting" ("seq");
CREATE INDEX "financial_posting_deleted" ON "financial_posting" ("deleted");
CREATE UNIQUE INDEX "financial_posting_item_id" ON "financial_posting" ("item_id");
CREATE TABLE "financial_line" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "posting_id" VARCHAR(36) NOT NULL, "position" INTEGER NOT NULL, "day" VARCHAR(10) NOT NULL, "voucher" VARCHAR(32) NOT NULL, "summary" VARCHAR(256) NOT NULL, "category" VARCHAR(64) NOT NULL, "income_fen" INTEGER NOT NULL, "expense_fen" INTEGER NOT NULL, "handler" VARCHAR(32) NOT NULL, FOREIGN KEY ("posting_id") REFERENCES "financial_posting" ("id") ON DELETE RESTRICT);
CREATE INDEX "financial_line_owner" ON "financial_line" ("owner");
CREATE INDEX "financial_line_seq" ON "financial_line" ("seq");
CREATE INDEX "financial_line_deleted" ON "financial_line" ("deleted");
CREATE INDEX "financial_line_posting_id" ON "financial_line" ("posting_id");

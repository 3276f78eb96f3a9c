-- Migration 0003: 村规民约 / 村民自治章程 rule sets, versions, articles, opinions, review comments.
-- Frozen once released; generated from models/rules/records.py.

CREATE TABLE "rule_set" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "title" VARCHAR(128) NOT NULL, "kind" VARCHAR(16) NOT NULL, "note" TEXT NOT NULL);
CREATE INDEX "rule_set_owner" ON "rule_set" ("owner");
CREATE INDEX "rule_set_seq" ON "rule_set" ("seq");
CREATE INDEX "rule_set_deleted" ON "rule_set" ("deleted");
CREATE TABLE "rule_version" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "rule_set_id" VARCHAR(36) NOT NULL, "version_no" INTEGER NOT NULL, "title" VARCHAR(128) NOT NULL, "trigger" VARCHAR(32) NOT NULL, "based_on_id" VARCHAR(36), "started_on" VARCHAR(10) NOT NULL, "is_history" INTEGER NOT NULL, "history_adopted_on" VARCHAR(10) NOT NULL, "history_note" TEXT NOT NULL, "preamble" TEXT NOT NULL, "solicitation_closed_on" VARCHAR(10) NOT NULL, "submitted_on" VARCHAR(10) NOT NULL, "submitted_fingerprint" VARCHAR(64) NOT NULL, "review_opinion" VARCHAR(32) NOT NULL, "review_fingerprint" VARCHAR(64) NOT NULL, "review_date" VARCHAR(10) NOT NULL, "review_by" VARCHAR(64) NOT NULL, "review_text" TEXT NOT NULL, "vote_meeting_id" VARCHAR(36), "vote_resolution_id" VARCHAR(36), "vote_fingerprint" VARCHAR(64) NOT NULL, "vote_women_present" INTEGER, "filed_on" VARCHAR(10) NOT NULL, "receipt_no" VARCHAR(64) NOT NULL, "receipt_date" VARCHAR(10) NOT NULL, "published_on" VARCHAR(10) NOT NULL, "publish_channel" VARCHAR(64) NOT NULL, "superseded" INTEGER NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("rule_set_id") REFERENCES "rule_set" ("id") ON DELETE RESTRICT, FOREIGN KEY ("based_on_id") REFERENCES "rule_version" ("id") ON DELETE RESTRICT, FOREIGN KEY ("vote_meeting_id") REFERENCES "meeting" ("id") ON DELETE RESTRICT, FOREIGN KEY ("vote_resolution_id") REFERENCES "resolution" ("id") ON DELETE RESTRICT);
CREATE INDEX "rule_version_owner" ON "rule_version" ("owner");
CREATE INDEX "rule_version_seq" ON "rule_version" ("seq");
CREATE INDEX "rule_version_deleted" ON "rule_version" ("deleted");
CREATE INDEX "rule_version_rule_set_id" ON "rule_version" ("rule_set_id");
CREATE INDEX "rule_version_based_on_id" ON "rule_version" ("based_on_id");
CREATE INDEX "rule_version_vote_meeting_id" ON "rule_version" ("vote_meeting_id");
CREATE INDEX "rule_version_vote_resolution_id" ON "rule_version" ("vote_resolution_id");
CREATE TABLE "review_comment" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "version_id" VARCHAR(36) NOT NULL, "fingerprint" VARCHAR(64) NOT NULL, "position" INTEGER NOT NULL, "comment" TEXT NOT NULL, FOREIGN KEY ("version_id") REFERENCES "rule_version" ("id") ON DELETE RESTRICT);
CREATE INDEX "review_comment_owner" ON "review_comment" ("owner");
CREATE INDEX "review_comment_seq" ON "review_comment" ("seq");
CREATE INDEX "review_comment_deleted" ON "review_comment" ("deleted");
CREATE INDEX "review_comment_version_id" ON "review_comment" ("version_id");
CREATE TABLE "rule_article" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "version_id" VARCHAR(36) NOT NULL, "position" INTEGER NOT NULL, "chapter" VARCHAR(128) NOT NULL, "label" VARCHAR(32) NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("version_id") REFERENCES "rule_version" ("id") ON DELETE RESTRICT);
CREATE INDEX "rule_article_owner" ON "rule_article" ("owner");
CREATE INDEX "rule_article_seq" ON "rule_article" ("seq");
CREATE INDEX "rule_article_deleted" ON "rule_article" ("deleted");
CREATE INDEX "rule_article_version_id" ON "rule_article" ("version_id");
CREATE TABLE "rule_opinion" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "owner" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "updated_at" VARCHAR(32) NOT NULL, "deleted" INTEGER NOT NULL, "version_id" VARCHAR(36) NOT NULL, "received_on" VARCHAR(10) NOT NULL, "source" VARCHAR(16) NOT NULL, "content" TEXT NOT NULL, "adopted" INTEGER, "reason" TEXT NOT NULL, FOREIGN KEY ("version_id") REFERENCES "rule_version" ("id") ON DELETE RESTRICT);
CREATE INDEX "rule_opinion_owner" ON "rule_opinion" ("owner");
CREATE INDEX "rule_opinion_seq" ON "rule_opinion" ("seq");
CREATE INDEX "rule_opinion_deleted" ON "rule_opinion" ("deleted");
CREATE INDEX "rule_opinion_version_id" ON "rule_opinion" ("version_id");

-- Migration 0012: the 2025 amendment of the 村民委员会组织法 (issue 17).
-- Frozen once released; generated from models/meetings/records.py.
-- Important matters a 村民会议 or 村民代表会议 decides must first be studied by the village Party
-- organisation (in force 2026-01-01): the day it did so, recorded on the meeting ('' = not recorded).

ALTER TABLE "meeting" ADD COLUMN "party_study_on" VARCHAR(10) NOT NULL DEFAULT '';

-- Migration 0018: the indexes the lists that page from SQL read (issue 20). Frozen once released.
--
-- 会议与表决 opens on a count and the page it shows, newest first; 人员名册 in the roster's order
-- (组, 户号, 户主 first) is read one 村民小组 at a time. Both over live records only, so both
-- indexes are partial (`WHERE deleted = 0`): a page at 50,000 meetings walks `meeting_list`
-- alone (1.4 ms instead of 130 ms), and the register counts its people per group and reads a
-- group's page from `person_roster` instead of sorting all 100,000 people for every page.
-- Not led by `deleted` (0017 dropped those): the tombstone is the index's condition, not a key.

CREATE INDEX "meeting_list" ON "meeting" ("held_on", "start_time") WHERE "deleted" = 0;
CREATE INDEX "person_roster" ON "person" ("village_group", "left_on") WHERE "deleted" = 0;

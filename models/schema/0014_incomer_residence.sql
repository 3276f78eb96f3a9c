-- Migration 0014: an incomer's year of residence (issue 18, 组织法 第十三条(三)).
-- Frozen once released; generated from models/elections/records.py.
-- 户籍不在本村、在本村居住一年以上: the day the incomer began living in the village, kept on his
-- line of the 选民名单 ('' = not recorded; the list then warns that the year needs checking).

ALTER TABLE "voter" ADD COLUMN "resident_since" VARCHAR(10) NOT NULL DEFAULT '';

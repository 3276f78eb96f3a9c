"""Helpers shared by the tests (not tests themselves, so pytest collects nothing here).

- `sites`: real installations in tmp_path — a township and its village exchanging
  packages (`make_pair`, `make_login_pair`), a same-owner conflict between them, a
  township with several villages imported.
- `demo`: the demo village and the demo township for a test's `store`.
- `templates`: how those expensive folders are built once per session and copied per test.
- `rules`: a village's 村规民约 through the services (a draft imported, a revision adopted).
- `reviews`: a 村规民约 draft reviewed by the township, the 回执 ready for the village;
  a village's submitted draft at the township.
- `meetings`: a 四议两公开 register whose vote failed; clicks on the attendance table.
- `ledgers`: a 现金日记账 workbook as villages really keep it.
- `boards`: hand-built compliance boards for the report tests and benchmark.
- `screens`: showing a widget and saving screenshots (and PDF pages) to build/screenshots.
- `typing`: typing Chinese through the input method, as a person does.
"""

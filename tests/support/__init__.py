"""Helpers shared by the tests (not tests themselves, so pytest collects nothing here).

- `sites`: real installations in tmp_path — a township and its village exchanging packages.
- `templates`: expensive databases (the demo village, the demo township) built once per
  session and copied into each test's data folder.
- `boards`: hand-built compliance boards for the report tests and benchmark.
- `screens`: showing a widget and saving screenshots (and PDF pages) to build/screenshots.
- `typing`: typing Chinese through the input method, as a person does.
"""

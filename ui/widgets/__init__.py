"""The one widget kit every area builds its screens from.

What two areas share lives here, one module per purpose, and nothing here
imports an area (`tests/unit/test_ui_areas.py`):

- `forms` (date fields, section cards), `ok_cancel` (a dialog's button row),
  `primary_button`, `field_message`, `scaled_label`, `scroll`;
- `dialogs`: `ask_confirm` / `inform`, non-blocking like `ui.errors.show_error`;
- `palette`: every shared colour, once;
- `tables` (`read_only_table`, `read_only_view`) and `batched_model`
  (`BatchedRowsModel`, the one table-model pattern with a sort role);
  `lazy_rows_model` (`LazyRowsModel`: the same hooks over ids, rows fetched
  in chunks, for registers that grow) and `paged_rows_model` (`PagedRowsModel`:
  opens on a count and the page it paints, no id list until a header sorts:
  the people register and the meeting list at 100,000);
- `findings` and `record_labels`: check findings and record codes as text;
- larger shared pieces: `attachments_panel`, `target_chooser`, and `exchange/`
  (the export box, import flow and history both 数据交换 and 村庄 are built from).
"""

"""The parts of the package exchange that both sides compose, each taking the other side as a parameter.

The village's 数据交换 page (`ui.exchange`) and the township's 村庄 page
(`ui.township.villages_page`) are built from the same parts: the export box
(the recipient passed in), the import box and its flow (preview, import,
what next), the history table, the conflicts panel, the package dialogs and
labels. They live in the kit so that neither area imports the other.
"""

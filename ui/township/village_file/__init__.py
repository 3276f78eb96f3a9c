"""The village file (村档案) at the township: one village's imported records, read only, printable.

Opened from the 村庄 page (double-click a village, or 查看村档案) as a page
inside that page with a 返回 button; tabs 村规民约 / 会议与决策 / 村务公开 /
村务监督 / 换届选举 / 村民 / 数据包, each a list and the record picked in it.
Nothing here writes: the services (`desktop.services.village_file`) only
read, and no tab has an edit button. Every value that came in a package is
shown escaped (`html.escape`) or as plain text.

Go-to contract: ``MainWindow.go_to("village_file:<village code>:<kind>@<id>")``
(kind in `desktop.services.village_file.KINDS`) shows the 村庄 page and calls
`VillagesPage.open_village_file(code, kind, id)`, which opens this file on
that record and returns False (saying why) when the village or the record is
not there. ``"village_file:<code>"`` opens the file at its first tab.
"""

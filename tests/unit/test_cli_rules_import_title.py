"""`cunwu rules import FILE` without --title (issue 17): the title is optional, the parser's choices are listed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from desktop import cli
from models.db import close_database

CORPUS = Path(__file__).resolve().parents[1] / "data" / "rule_texts"


def test_a_text_without_a_title_takes_the_file_name(tmp_path, capsys):
    data = tmp_path / "d"
    assert cli.main(["--data-dir", str(data), "init", "village", "--name", "青山村", "--code", "330106001001"]) == 0
    src = tmp_path / "青山村公约.txt"
    shutil.copy(CORPUS / "taowenge_jianshitiao_run_in_items.txt", src)
    capsys.readouterr()
    try:
        assert cli.main(["--data-dir", str(data), "--json", "rules", "import", str(src)]) == 0
        imported = json.loads(capsys.readouterr().out)
        assert (imported["title"], imported["title_source"], imported["articles"]) == ("青山村公约", "file", 9)
        assert imported["scheme"] == "headings"
        assert any("标题取自文件名“青山村公约”" in n for n in imported["notes"])
        assert any("页码" in n for n in imported["notes"])

        titled = CORPUS / "jiedong_chengdong_jumin_gongyue_chrome.txt"
        assert cli.main(["--data-dir", str(data), "rules", "import", str(titled)]) == 0
        printed = capsys.readouterr().out
        assert "已导入“城东社区居民公约”" in printed and "把 10 个“一、”段落当作条款" in printed

        assert cli.main(["--data-dir", str(data), "--json", "rules", "import", str(titled), "--title", "城东公约"]) == 0
        named = json.loads(capsys.readouterr().out)
        assert (named["title"], named["title_source"]) == ("城东公约", "option")
        assert not any("标题取自" in n for n in named["notes"]) and any("城东公约" in n for n in named["notes"])
    finally:
        close_database()

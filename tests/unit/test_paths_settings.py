from __future__ import annotations

from desktop import paths, settings


def test_data_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "env"))
    assert paths.resolve(tmp_path / "arg").data_dir == tmp_path / "arg"
    assert paths.resolve(None).data_dir == tmp_path / "env"
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    assert paths.resolve(None).data_dir == paths.default_data_dir()


def test_settings_survive_a_broken_or_hand_edited_file(tmp_path):
    f = tmp_path / "settings.json"
    f.write_text("{not json", "utf-8")
    assert settings.load(f) == settings.Settings()
    f.write_text('{"font_size": "huge", "last_login": 5, "unknown": 1}', "utf-8")
    s = settings.load(f)
    assert s.font_size == "normal" and s.last_login == ""
    s.font_size, s.last_login = "xlarge", "admin"
    settings.save(f, s)
    assert settings.load(f).point_size() == 16 and settings.load(f).last_login == "admin"

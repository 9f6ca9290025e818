"""The `briefing` command: generate, check and strict mode."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import SEEDS, copy_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_generate_writes_pages_and_reports(project: Path, capsys) -> None:
    assert main(["generate"]) == 0
    written = re.search(r"5 briefs; (\d+) pages written", capsys.readouterr().out)
    files = [p for p in (project / "docs").rglob("*") if p.is_file() and p.name[0] != "."]
    assert written and int(written[1]) == len(files)
    assert (project / "docs" / "localities" / "jp" / "gunma.md").is_file()


def test_check_lists_what_needs_a_human(project: Path, capsys, caplog) -> None:
    (project / "seeds" / "empty.txt").write_text("  \n", encoding="utf-8")
    (project / "seeds" / "nowhere.txt").write_text(
        "Ngày 3/4/2024, hội thảo về hợp tác du lịch.\nNội dung.\n", encoding="utf-8"
    )
    assert main(["check"]) == 0
    assert "seeds/000_a121eda25e29c0ca.txt: year not stated" in caplog.text
    assert "seeds/nowhere.txt: no locality found" in caplog.text
    assert caplog.text.count("seeds/empty.txt: skipped: empty file") == 1
    assert "6 briefs checked, 1 seeds unusable" in capsys.readouterr().out
    assert main(["check", "--strict"]) == 1


def test_generate_goes_on_past_a_bad_seed(project: Path, caplog) -> None:
    (project / "seeds" / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    assert main(["generate"]) == 0
    assert "binary.txt: skipped: binary file (contains NUL bytes)" in caplog.text
    assert len(list((project / "docs" / "briefs").glob("*.md"))) == 5
    assert main(["generate", "--strict"]) == 1


def test_missing_seed_folder_is_a_clear_error(tmp_path: Path, monkeypatch, caplog) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "--seeds", "nowhere"]) == 2
    assert "nowhere: seed folder not found" in caplog.text


def test_build_without_pdfs_makes_the_site_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--no-pdf"]) == 0
    assert (tmp_path / "site" / "localities" / "jp" / "gunma" / "index.html").is_file()
    assert not (tmp_path / "site" / "pdf").exists()

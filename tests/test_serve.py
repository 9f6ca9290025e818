"""`briefing serve`: regeneration sees edited data files and uses the site URL of mkdocs.yml."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import site
from generator.cli import main
from generator.hooks import regenerate

from .conftest import ROOT, copy_project


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project as `briefing serve` leaves it for its hook: folders in the environment."""
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setenv("BRIEFING_SEEDS", str(project / "seeds"))
    monkeypatch.setenv("BRIEFING_DOCS", str(project / "docs"))
    monkeypatch.setenv("BRIEFING_CONFIG", str(project / "mkdocs.yml"))
    return project


def test_the_served_build_keeps_the_site_url_and_renders_nothing_new(served: Path, capfd) -> None:
    config = served / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "site_url: https://example.org/briefings/\n", "utf-8"
    )
    assert main(["generate"]) == 0  # what `briefing serve` does before it serves
    capfd.readouterr()
    regenerate.on_pre_build(None)
    assert "0 pages written" in capfd.readouterr().out
    feed = (served / "docs" / "feeds" / "all.xml").read_text(encoding="utf-8")
    assert '<link href="https://example.org/briefings/briefs/' in feed


def test_an_edited_data_file_is_read_again_without_a_restart(
    served: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "code" / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setenv("PYTHONPATH", str(package.parent))  # the hook's process imports this copy
    labels = package / "data" / "labels.yaml"
    home = served / "docs" / "index.md"
    regenerate.on_pre_build(None)
    assert "# Vietnam–Japan local cooperation briefings" in home.read_text(encoding="utf-8")
    labels.write_text(
        labels.read_text(encoding="utf-8").replace(
            "site_title: Vietnam–Japan local cooperation briefings", "site_title: Edited title"
        ),
        encoding="utf-8",
    )
    regenerate.on_pre_build(None)
    assert "# Edited title" in home.read_text(encoding="utf-8")


def test_serve_watches_the_seeds_and_the_data_files(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    monkeypatch.setattr(site, "mkdocs_serve", lambda *args, **kwargs: calls.append(kwargs))
    site.serve_site(served / "mkdocs.yml", served / "seeds", served / "docs", None)
    watched = {Path(path).resolve() for path in calls[0]["watch"]}
    assert watched == {(served / "seeds").resolve(), site.DATA_DIR.resolve()}
    assert str(site.SERVE_HOOK) in calls[0]["hooks"]

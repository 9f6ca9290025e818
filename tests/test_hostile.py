"""Every hostile seed gives a correct brief or a clear skip; the site builds and stays safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.read import read_seed

from .conftest import copy_project, mkdocs_build
from .hostile_seeds import HOSTILE, WARNINGS, write_corpus
from .test_safety import active_content

DATE_FIELDS = ("date", "date_end", "year_source")


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    for seed in (project / "seeds").iterdir():
        seed.unlink()
    write_corpus(project / "seeds")
    before = {p for p in project.rglob("*") if "docs" not in p.parts}
    with _capture() as log:
        collected, report = generate(project / "seeds", project / "docs", project)
    return project, collected, report, log.getvalue(), before


class _capture:
    """Collect the generator's warnings as text."""

    def __enter__(self):
        import io
        import logging

        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setLevel(logging.WARNING)
        logging.getLogger("generator").addHandler(self.handler)
        return self.stream

    def __exit__(self, *exc):
        import logging

        logging.getLogger("generator").removeHandler(self.handler)


def test_corpus_is_big_enough() -> None:
    assert len(HOSTILE) >= 60


@pytest.mark.parametrize(
    ("name", "expected"), [(n, e) for n, _, e in HOSTILE], ids=[n for n, _, _ in HOSTILE]
)
def test_each_seed_behaves(result, name: str, expected: tuple) -> None:
    project, collected, _, warnings, _ = result
    briefs = {Path(b.source).name: b for b in collected.briefs}
    kind, detail = expected
    if kind == "skip":
        assert f"seeds/{name}: skipped: {detail}" in warnings
        assert name not in briefs
        return
    brief = briefs[name]
    for field, value in detail.items():
        actual = getattr(brief.date, field) if field in DATE_FIELDS else getattr(brief, field)
        assert value(actual) if callable(value) else actual == value, (field, actual)
    if name in WARNINGS:
        assert WARNINGS[name] in warnings
    page = project / "docs" / brief.path
    assert page.is_file() and page.resolve().is_relative_to((project / "docs").resolve())


def test_collisions_get_distinct_pages(result) -> None:
    _, collected, _, _, _ = result
    paths = [b.path for b in collected.briefs]
    assert len(paths) == len(set(paths))


def test_nothing_is_written_outside_docs(result) -> None:
    project, _, report, _, before = result
    after = {p for p in project.rglob("*") if "docs" not in p.parts}
    # The only other writes allowed are the generator's own cache of extractions.
    cache = project / ".cache"
    assert {p for p in after - before if not p.is_relative_to(cache)} == set()
    assert before <= after
    assert report.refused == []


def test_warnings_name_files_and_reasons(result) -> None:
    _, _, _, warnings, _ = result
    assert "seeds/yaml-front.txt: unknown override field(s) foo ignored" in warnings
    assert "seeds/yaml-tag.txt: overrides ignored: not valid YAML" in warnings


def test_the_site_builds_and_carries_no_active_content(result) -> None:
    project, _, _, _, _ = result
    site = project / "site"
    build = mkdocs_build(project / "docs", site)
    assert build.returncode == 0, build.stderr
    for page in site.rglob("*.html"):
        assert active_content(page.read_text(encoding="utf-8")) == [], page


def test_an_unreadable_seed_is_skipped_with_the_reason(tree, monkeypatch) -> None:
    root = tree({"seeds/locked.txt": "text"})

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(Exception, match="cannot be read \\(Permission denied\\)"):
        read_seed(root / "seeds" / "locked.txt", root)

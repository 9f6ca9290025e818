"""The write stage: deterministic output, stale pages removed, hand-written pages untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pipeline import generate
from generator.write import MANIFEST, write_pages

from .conftest import ROOT, SEEDS


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def test_regenerating_gives_byte_identical_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(SEEDS, docs, ROOT)
    first = snapshot(docs)
    _, report = generate(SEEDS, docs, ROOT)
    assert snapshot(docs) == first
    assert report.written == [] and report.deleted == []
    assert len(report.unchanged) == len(first) - 2  # every page but the two bookkeeping files


def test_an_unchanged_run_touches_no_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(SEEDS, docs, ROOT)
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*")}
    generate(SEEDS, docs, ROOT)
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*")} == before


def test_removed_seed_removes_its_page_and_keeps_hand_written_pages(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    docs = tmp_path / "docs"
    (docs / "briefs").mkdir(parents=True)
    (docs / "about.md").write_text("# About\n", encoding="utf-8")
    (docs / "briefs" / "notes.md").write_text("# My notes\n", encoding="utf-8")
    collected, _ = generate(seeds, docs, ROOT)
    removed = next(b for b in collected.briefs if b.source.endswith("003_02746c563ef5bbfc.txt"))
    assert (docs / removed.path).is_file()

    (seeds / "003_02746c563ef5bbfc.txt").unlink()
    _, report = generate(seeds, docs, ROOT)

    assert not (docs / removed.path).exists()
    assert removed.path in report.deleted
    assert (docs / "about.md").read_text(encoding="utf-8") == "# About\n"
    assert (docs / "briefs" / "notes.md").read_text(encoding="utf-8") == "# My notes\n"


def test_a_hand_written_page_in_the_way_is_never_overwritten(tmp_path: Path, caplog) -> None:
    docs = tmp_path / "docs"
    (docs / "sectors").mkdir(parents=True)
    mine = docs / "sectors" / "index.md"
    mine.write_text("# Written by a person\n", encoding="utf-8")
    report = write_pages(docs, {"sectors/index.md": "# Generated\n", "timeline.md": "# T\n"})
    assert mine.read_text(encoding="utf-8") == "# Written by a person\n"
    assert report.refused == ["sectors/index.md"]
    assert report.written == ["timeline.md"]
    assert "not overwritten: a page written by hand is there" in caplog.text


def test_writes_outside_the_generated_folders_are_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    report = write_pages(docs, {"about.md": "x", "../escape.md": "x", "briefs/../../x.md": "x"})
    assert sorted(report.refused) == ["../escape.md", "about.md", "briefs/../../x.md"]
    assert not (tmp_path / "escape.md").exists() and not (docs / "about.md").exists()


def test_manifest_lists_exactly_the_generated_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, {"briefs/a.md": "a", "index.md": "i"})
    write_pages(docs, {"briefs/b.md": "b", "index.md": "i"})
    assert (docs / MANIFEST).read_text(encoding="utf-8") == '[\n "briefs/b.md",\n "index.md"\n]\n'
    assert not (docs / "briefs" / "a.md").exists()


def test_cached_extractions_give_the_same_pages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(SEEDS, docs, tmp_path)
    cold = snapshot(docs)
    assert (tmp_path / ".cache" / "briefing" / "extractions.pickle").is_file()
    shutil.rmtree(docs)
    generate(SEEDS, docs, tmp_path)  # every extraction now comes from the cache
    assert snapshot(docs) == cold


def test_an_unchanged_run_renders_nothing_but_restores_a_deleted_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    collected, first = generate(SEEDS, docs, tmp_path)
    _, again = generate(SEEDS, docs, tmp_path)
    assert again.written == [] and sorted(again.unchanged) == sorted(first.written)
    (docs / collected.briefs[0].path).unlink()
    _, restored = generate(SEEDS, docs, tmp_path)
    assert restored.written == [collected.briefs[0].path]


def test_a_refused_page_is_reported_on_every_run(tmp_path: Path, caplog) -> None:
    docs = tmp_path / "docs"
    (docs / "sectors").mkdir(parents=True)
    (docs / "sectors" / "index.md").write_text("# Mine\n", encoding="utf-8")
    for _ in range(2):
        caplog.clear()
        generate(SEEDS, docs, tmp_path)
        assert "not overwritten: a page written by hand is there" in caplog.text

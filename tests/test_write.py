"""The write stage: deterministic output, stale pages removed, hand-written pages untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest

from generator import write
from generator.pipeline import generate
from generator.write import INPUTS, MANIFEST, MARKER, STAGING_PREFIX, is_marked, write_pages

from .conftest import SEEDS


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


GENERATE = "import sys; from generator.cli import main; sys.exit(main(sys.argv[1:]))"


def run_generate(root: Path, seeds: Path, docs: Path, **env: str) -> subprocess.CompletedProcess:
    """`briefing generate` in a fresh process (its cache under root)."""
    return subprocess.run(
        [
            sys.executable,
            "-P",
            "-c",
            GENERATE,
            "generate",
            "--seeds",
            str(seeds),
            "--docs",
            str(docs),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


def test_regenerating_gives_byte_identical_files(tmp_path: Path) -> None:
    """Rendered twice, in two processes with different hash seeds (set orders differ)."""
    docs = tmp_path / "docs"
    generate(SEEDS, docs, tmp_path)
    first = snapshot(docs)
    (docs / INPUTS).unlink()  # no nothing-changed shortcut: the second run renders every page
    second = run_generate(tmp_path, SEEDS, docs, PYTHONHASHSEED="12345")
    assert second.returncode == 0, second.stderr
    pages = len(first) - 2  # every page but the two bookkeeping files
    assert f"5 briefs; 0 pages written, {pages} unchanged, 0 deleted" in second.stdout
    assert snapshot(docs) == first


def test_an_unchanged_run_touches_no_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(SEEDS, docs, tmp_path)
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*")}
    generate(SEEDS, docs, tmp_path)
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*")} == before


def test_removed_seed_removes_its_page_and_keeps_hand_written_pages(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    docs = tmp_path / "docs"
    (docs / "briefs").mkdir(parents=True)
    (docs / "about.md").write_text("# About\n", encoding="utf-8")
    (docs / "briefs" / "notes.md").write_text("# My notes\n", encoding="utf-8")
    collected, _ = generate(seeds, docs, tmp_path)
    removed = next(b for b in collected.briefs if b.source.endswith("003_02746c563ef5bbfc.txt"))
    assert (docs / removed.path).is_file()

    (seeds / "003_02746c563ef5bbfc.txt").unlink()
    _, report = generate(seeds, docs, tmp_path)

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


# What is not the generator's stays: links, hand-made folders and drafts, a lost manifest.


def test_a_linked_generated_folder_is_neither_written_through_nor_cleaned(
    tmp_path: Path, caplog
) -> None:
    seeds, docs, outside = tmp_path / "seeds", tmp_path / "docs", tmp_path / "outside"
    shutil.copytree(SEEDS, seeds)
    generate(seeds, docs, tmp_path)
    for seed in sorted(seeds.glob("*.txt"))[1:]:  # most partnership pages become stale
        seed.unlink()
    shutil.copytree(docs / "partnerships", outside)  # the folder, moved out and linked back
    (outside / ".tmp-sentinel.md").write_text("mine\n", encoding="utf-8")
    (outside / "empty").mkdir()
    shutil.rmtree(docs / "partnerships")
    (docs / "partnerships").symlink_to(outside)
    (docs / "briefs" / ".tmp-draft.md").write_text("draft\n", encoding="utf-8")
    (docs / ".tmp-draft.md").write_text("draft\n", encoding="utf-8")
    (docs / "regions" / "mine").mkdir()
    (tmp_path / "empty-elsewhere").mkdir()
    (docs / "briefs" / "linked-empty").symlink_to(tmp_path / "empty-elsewhere")
    before = {p.relative_to(outside): p.read_bytes() for p in outside.rglob("*") if p.is_file()}

    _, report = generate(seeds, docs, tmp_path)

    after = {p.relative_to(outside): p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    assert after == before and (outside / "empty").is_dir()
    assert "partnerships/index.md: refused: " in caplog.text and "is a link" in caplog.text
    assert "partnerships/index.md" in report.refused
    assert not any(path.startswith("partnerships/") for path in report.deleted)
    assert (docs / "briefs" / ".tmp-draft.md").read_text(encoding="utf-8") == "draft\n"
    assert (docs / ".tmp-draft.md").read_text(encoding="utf-8") == "draft\n"
    assert (docs / "regions" / "mine").is_dir()
    assert (docs / "briefs" / "linked-empty").is_symlink()
    assert (tmp_path / "empty-elsewhere").is_dir()
    assert report.deleted  # the other stale pages did go


def test_a_folder_emptied_by_deletions_goes_but_not_a_hand_made_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, {"regions/vn/a.md": "a", "regions/jp/b.md": "b"})
    (docs / "regions" / "vn" / "kept").mkdir()
    (docs / "regions" / "mine").mkdir()
    report = write_pages(docs, {"index.md": "i"})
    assert sorted(report.deleted) == ["regions/jp/b.md", "regions/vn/a.md"]
    assert not (docs / "regions" / "jp").exists()
    assert (docs / "regions" / "vn" / "kept").is_dir() and (docs / "regions" / "mine").is_dir()


def test_a_file_or_link_where_a_folder_or_page_goes_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "sectors").write_text("a file named like a folder\n", encoding="utf-8")
    (docs / "briefs").mkdir()
    (docs / "briefs" / "a.md").mkdir()
    (docs / "briefs" / "b.md").symlink_to(tmp_path / "target.md")
    pages = {"sectors/x.md": "x", "briefs/a.md": "a", "briefs/b.md": "b", "index.md": "i"}
    report = write_pages(docs, pages)
    assert sorted(report.refused) == ["briefs/a.md", "briefs/b.md", "sectors/x.md"]
    assert report.written == ["index.md"]
    assert not (tmp_path / "target.md").exists()


def test_a_killed_runs_staging_folder_is_removed_and_nothing_else(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "i"})
    leftover = docs / f"{STAGING_PREFIX}killed"
    leftover.mkdir()
    (leftover / ".tmp-abc").write_text("half a page", encoding="utf-8")
    (docs / ".tmp-mine.md").write_text("mine\n", encoding="utf-8")
    write_pages(docs, {"index.md": "j"})
    assert not leftover.exists()
    assert (docs / ".tmp-mine.md").is_file()
    assert not list(docs.glob(f"{STAGING_PREFIX}*"))


def test_generated_files_carry_the_marker(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    collected, _ = generate(SEEDS, docs, tmp_path)
    page = (docs / collected.briefs[0].path).read_text(encoding="utf-8")
    assert page.startswith(f"---\n{MARKER}\nid: ")
    assert frontmatter.loads(page)["generator"] == "briefing"
    feed = (docs / "feeds" / "all.xml").read_text(encoding="utf-8")
    assert feed.splitlines()[1] == f"<!-- {MARKER} -->"
    svg = next(docs.glob("localities/*/*.svg")).read_text(encoding="utf-8")
    assert svg.startswith("<svg ") and svg.splitlines()[1] == f"<!-- {MARKER} -->"
    assert all(is_marked(p) for p in docs.rglob("*") if p.is_file() and p.name[0] != ".")


@pytest.mark.parametrize("manifest", ["[1]", "[null]", '{"a": 1}', "not json", None])
def test_a_lost_or_broken_manifest_is_recovered_from_the_markers(
    tmp_path: Path, caplog, manifest: str | None
) -> None:
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    shutil.copytree(SEEDS, seeds)
    collected, first = generate(seeds, docs, tmp_path)
    (docs / "briefs" / "notes.md").write_text("---\ntitle: Mine\n---\n# Mine\n", "utf-8")
    if manifest is None:
        (docs / MANIFEST).unlink()
    else:
        (docs / MANIFEST).write_text(manifest, encoding="utf-8")
    removed = next(b for b in collected.briefs if b.source.endswith("003_02746c563ef5bbfc.txt"))
    (seeds / "003_02746c563ef5bbfc.txt").unlink()

    _, report = generate(seeds, docs, tmp_path)

    assert report.refused == []
    assert removed.path in report.deleted and not (docs / removed.path).exists()
    assert "generated files recognised by their marker" in caplog.text
    assert (docs / "briefs" / "notes.md").read_text("utf-8").endswith("# Mine\n")
    assert "briefs/notes.md" not in json.loads((docs / MANIFEST).read_text(encoding="utf-8"))


def test_a_page_without_the_marker_is_still_a_persons(tmp_path: Path, caplog) -> None:
    docs = tmp_path / "docs"
    (docs / "briefs").mkdir(parents=True)
    (docs / "briefs" / "x.md").write_text("---\ntitle: x\ngenerator: briefing\n---\n", "utf-8")
    report = write_pages(docs, {"briefs/x.md": "---\ntitle: new\n---\n"})
    assert report.refused == ["briefs/x.md"]
    assert "not overwritten: a page written by hand is there" in caplog.text


def test_a_run_killed_after_its_renames_is_not_taken_for_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    shutil.copytree(SEEDS, seeds)
    seed = seeds / "000_a121eda25e29c0ca.txt"
    original = seed.read_text(encoding="utf-8")
    collected, _ = generate(seeds, docs, tmp_path)
    page = docs / collected.briefs[0].path
    seed.write_text(original.replace("Hội thảo", "Hội nghị"), encoding="utf-8")

    def killed(*args) -> None:
        raise KeyboardInterrupt  # as if killed: the pages are renamed, the stamp not rewritten

    monkeypatch.setattr(write, "_remove_emptied_folders", killed)
    with pytest.raises(KeyboardInterrupt):
        generate(seeds, docs, tmp_path)
    monkeypatch.undo()
    assert "Hội nghị" in page.read_text(encoding="utf-8")
    seed.write_text(original, encoding="utf-8")  # reverted: the old inputs again

    _, report = generate(seeds, docs, tmp_path)

    assert collected.briefs[0].path in report.written
    assert "Hội nghị" not in page.read_text(encoding="utf-8")
    assert not list(docs.glob(f"{STAGING_PREFIX}*"))

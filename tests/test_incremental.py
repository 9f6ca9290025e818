"""Unchanged inputs cost nothing: seeds are not read again, briefs not linked again, pages not
rendered again; and what comes out is what a run from scratch gives."""

from __future__ import annotations

import functools
import logging
import os
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator import pipeline, read, site
from generator.pipeline import collect, generate
from generator.render import brief as brief_render
from generator.render.memo import brief_digests

from .conftest import SEEDS, copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns(".*"))
    return tmp_path


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    """Calls of module.name from now on (their first argument each)."""
    calls: list[object] = []
    original = getattr(module, name)

    @functools.wraps(original)  # the same name: page memo keys name their render function
    def wrapper(*args, **kwargs):
        calls.append(args[0] if args else None)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_unchanged_seeds_are_not_read_decoded_or_linked_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = collect(project / "seeds", project)
    reads = counting(monkeypatch, read, "read_seed")
    links = counting(monkeypatch, pipeline, "link")
    again = collect(project / "seeds", project)
    assert (reads, links) == ([], [])
    assert again.briefs == first.briefs and again.extraction_keys == first.extraction_keys

    # A fresh clone gives every file a new time: the bytes' hash shows nothing changed.
    seed = sorted((project / "seeds").iterdir())[0]
    os.utime(seed, ns=(1, 1))
    assert collect(project / "seeds", project).briefs == first.briefs
    assert (reads, links) == ([], [])

    seed.write_text(seed.read_text(encoding="utf-8") + "\nTỉnh Kon Tum cũng tham dự.\n", "utf-8")
    edited = collect(project / "seeds", project)
    assert reads == [seed] and len(links) == 1
    assert edited.briefs != first.briefs
    fresh = collect(project / "seeds", project, use_cache=False)
    assert edited.briefs == fresh.briefs


def test_a_seed_that_warns_warns_on_every_run(project: Path, caplog) -> None:
    seed = sorted((project / "seeds").iterdir())[0]
    seed.with_name(seed.stem + ".meta.yaml").write_text("sectors: [no-such-sector]\n", "utf-8")
    seen = []
    for _ in range(3):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="generator"):
            collect(project / "seeds", project)
        seen.append(sorted(r.getMessage() for r in caplog.records))
    assert seen[0] and seen[0] == seen[1] == seen[2]


def test_an_edit_renders_only_the_pages_it_touches_and_gives_what_scratch_gives(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = project / "docs"
    generate(project / "seeds", docs, project)
    rendered = counting(monkeypatch, brief_render, "render_brief")
    monkeypatch.setattr("generator.render.render_brief", brief_render.render_brief)
    seed = sorted((project / "seeds").iterdir())[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nMột đoạn kết mới.\n", "utf-8")
    collected, report = generate(project / "seeds", docs, project)
    edited = next(b for b in collected.briefs if b.source.endswith(seed.name))
    assert [b.id for b in rendered] == [edited.id]  # its page only (it has no related brief)
    assert report.written and len(report.written) < len(report.unchanged)

    scratch = project / "scratch"
    shutil.copytree(project / "seeds", scratch / "seeds")
    generate(scratch / "seeds", scratch / "docs", scratch)
    assert snapshot(docs) == snapshot(scratch / "docs")


def test_a_generated_page_changed_on_disk_is_rendered_again(project: Path) -> None:
    docs = project / "docs"
    _, report = generate(project / "seeds", docs, project)
    page = docs / next(p for p in report.written if p.startswith("briefs/"))
    before = page.read_bytes()
    page.write_bytes(before.replace(b"\n# ", b"\n# Tampered ", 1))
    seed = sorted((project / "seeds").iterdir())[-1]  # another input changes, so the run renders
    seed.write_text(seed.read_text(encoding="utf-8") + "\nDòng mới.\n", "utf-8")
    generate(project / "seeds", docs, project)
    assert page.read_bytes() == before


def test_a_brief_digest_depends_on_the_brief_s_values_alone(project: Path) -> None:
    brief = collect(project / "seeds", project, use_cache=False).briefs[0]
    copy = pickle.loads(pickle.dumps(brief))  # equal values, other objects
    assert brief_digests([brief]) == brief_digests([copy])
    changed = replace(brief, title=brief.title + ".")
    assert brief_digests([changed]) != brief_digests([brief])


def test_a_site_built_from_unchanged_inputs_is_not_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = copy_project(tmp_path / "project")
    collected, _ = generate(work / "seeds", work / "docs", work)
    builds = []

    def fake_build(config, dirty: bool = False) -> None:  # stands for MkDocs: writes one page
        builds.append("dirty" if dirty else "clean")
        Path(config["site_dir"]).mkdir(exist_ok=True)
        (Path(config["site_dir"]) / "index.html").write_text(f"build {len(builds)}")

    monkeypatch.setattr(site, "mkdocs_build", fake_build)
    monkeypatch.setattr(site, "index_site", lambda folder: 0.0)
    monkeypatch.chdir(work)

    def build() -> None:
        site.build_site(Path("mkdocs.yml"), Path("docs"), Path("site"), False, collected.briefs)

    build()
    build()
    assert builds == ["clean"]
    (work / "docs" / "about.md").write_text("# About\n\nEdited by hand.\n", encoding="utf-8")
    build()  # only docs/ changed: MkDocs renders the pages newer than their HTML
    assert builds == ["clean", "dirty"]
    (work / "site" / "index.html").unlink()  # the site itself changed: built clean
    build()
    assert builds == ["clean", "dirty", "clean"]
    build()
    assert builds == ["clean", "dirty", "clean"]
    (work / "mkdocs.yml").write_text(
        (work / "mkdocs.yml").read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8"
    )
    build()  # the configuration changed: every page may change
    assert builds == ["clean", "dirty", "clean", "clean"]

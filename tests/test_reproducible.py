"""Predictable builds: byte-identical site/ twice, and a generation killed half-way."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import pytest

from generator import pipeline
from generator.cli import main
from generator.pipeline import collect

from .conftest import ROOT, copy_project, mkdocs_build


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_two_builds_give_byte_identical_docs_and_site(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    snapshots = []
    for run in ("first", "second"):
        project = copy_project(tmp_path / run)
        monkeypatch.chdir(project)
        assert main(["build", "--strict"]) == 0
        snapshots.append((tree_bytes(project / "docs"), tree_bytes(project / "site")))
        assert "SOURCE_DATE_EPOCH" not in os.environ  # set for the build only
        time.sleep(1.1)  # a clock-dependent stamp (gzip, sitemap) would now differ
    assert snapshots[0][0] == snapshots[1][0]
    assert sorted(snapshots[0][1]) == sorted(snapshots[1][1])
    for path, content in snapshots[0][1].items():
        assert snapshots[1][1][path] == content, path


GENERATE = "import sys; from generator.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.mark.parametrize("delay", [0.6, 1.4])
def test_a_killed_generation_leaves_a_usable_docs(tmp_path: Path, delay: float) -> None:
    project = copy_project(tmp_path)
    corpus = ROOT / "tests" / "corpus"
    subprocess.run(
        [sys.executable, "-P", "-c", GENERATE, "generate"],
        cwd=project,
        check=True,
        capture_output=True,
    )
    for article in corpus.glob("*.txt"):  # a bigger second generation to interrupt
        shutil.copy(article, project / "seeds" / article.name)
    process = subprocess.Popen(
        [sys.executable, "-P", "-c", GENERATE, "generate"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    docs = project / "docs"
    for page in docs.rglob("*.md"):
        frontmatter.loads(page.read_text(encoding="utf-8"))  # every page is whole
    build = mkdocs_build(docs, project / "site")
    assert build.returncode == 0, build.stderr
    subprocess.run(
        [sys.executable, "-P", "-c", GENERATE, "generate"],
        cwd=project,
        check=True,
        capture_output=True,
    )
    assert not list(docs.rglob(".tmp-*"))
    fresh = copy_project(tmp_path / "fresh")
    for article in corpus.glob("*.txt"):
        shutil.copy(article, fresh / "seeds" / article.name)
    subprocess.run(
        [sys.executable, "-P", "-c", GENERATE, "generate"],
        cwd=fresh,
        check=True,
        capture_output=True,
    )
    assert tree_bytes(docs) == tree_bytes(fresh / "docs")


def test_extraction_on_worker_processes_gives_what_one_process_gives(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Seeds shared out between processes: same briefs, same messages, in seed order."""
    corpus = ROOT / "tests" / "corpus"
    with caplog.at_level(logging.INFO, logger="generator"):
        serial = collect(corpus, corpus, use_cache=False)
    serial_messages = [record.getMessage() for record in caplog.records]
    caplog.clear()
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    with caplog.at_level(logging.INFO, logger="generator"):
        shared = collect(corpus, corpus, use_cache=False)
    assert shared.briefs == serial.briefs
    assert [record.getMessage() for record in caplog.records] == serial_messages

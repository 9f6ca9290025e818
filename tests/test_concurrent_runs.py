"""Two generations on one docs/ (a `serve` and a `build`, two CI steps): the second waits."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.write import STAGING_PREFIX, docs_lock

from .conftest import ROOT, copy_project
from .test_reproducible import tree_bytes

GENERATE = "import sys; from generator.cli import main; sys.exit(main(sys.argv[1:]))"
CORPUS = ROOT / "tests" / "corpus"


def start_generate(project: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-P", "-c", GENERATE, "generate"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def with_corpus(project: Path) -> Path:
    for article in CORPUS.glob("*.txt"):
        shutil.copy(article, project / "seeds" / article.name)
    return project


def test_two_runs_at_once_both_succeed_and_leave_what_one_leaves(tmp_path: Path) -> None:
    project = with_corpus(copy_project(tmp_path / "project"))
    runs = [start_generate(project) for _ in range(3)]
    results = [(run.wait(timeout=600), run.stderr.read()) for run in runs]
    for status, stderr in results:
        assert status == 0, stderr
        assert "Traceback" not in stderr
    docs = project / "docs"
    assert not list(docs.rglob(".tmp-*")) and not list(docs.glob(f"{STAGING_PREFIX}*"))
    fresh = with_corpus(copy_project(tmp_path / "fresh"))
    assert start_generate(fresh).wait(timeout=600) == 0
    assert tree_bytes(docs) == tree_bytes(fresh / "docs")


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    docs = project / "docs"
    with docs_lock(docs):  # a first run, holding docs/
        second = start_generate(project)
        time.sleep(5)  # time enough to read the seeds and reach the lock
        assert second.poll() is None
        assert not (docs / "index.md").exists()
    stdout, stderr = second.communicate(timeout=600)
    assert second.returncode == 0, stderr
    assert "another generation is writing here; waiting for it to end" in stderr
    assert "pages written" in stdout and (docs / "index.md").is_file()

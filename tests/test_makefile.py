"""The Makefile in CI: a .venv restored from the cache must not skip the Debian packages."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from .conftest import ROOT

FAKE_DPKG = """#!/bin/sh
# dpkg -s PACKAGE: installed unless listed in $MISSING
for p in $MISSING; do [ "$2" = "$p" ] && exit 1; done
exit 0
"""
FAKE_APT = """#!/bin/sh
echo "$@" >> "$APT_LOG"
"""
FAKE_SUDO = """#!/bin/sh
exec "$@"
"""
FAKE_BRIEFING = """#!/bin/sh
echo "briefing $@" >> "$APT_LOG"
"""


def restored_checkout(tmp_path: Path) -> Path:
    """A checkout whose .venv (with every stamp an old Makefile wrote) came from CI's cache."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, project / name)
    old = time.time() - 3600
    for name in ("pyproject.toml", "constraints.txt"):
        os.utime(project / name, (old, old))
    venv_bin = project / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    script(venv_bin / "briefing", FAKE_BRIEFING)
    for stamp in (".installed", ".system-packages"):
        (project / ".venv" / stamp).touch()
    return project


def script(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


def make_site(tmp_path: Path, missing: str) -> list[str]:
    """`make site` in a restored checkout, with dpkg saying `missing` packages are absent;
    the apt-get and briefing commands it ran."""
    project = restored_checkout(tmp_path)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for name, text in (("dpkg", FAKE_DPKG), ("apt-get", FAKE_APT), ("sudo", FAKE_SUDO)):
        script(fake_bin / name, text)
    log = tmp_path / "commands.log"
    log.touch()
    environment = {
        **os.environ,
        "PATH": f"{fake_bin}:{os.environ['PATH']}",
        "MISSING": missing,
        "APT_LOG": str(log),
    }
    result = subprocess.run(
        ["make", "site"], cwd=project, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return log.read_text(encoding="utf-8").splitlines()


def test_a_restored_venv_still_installs_missing_debian_packages(tmp_path: Path) -> None:
    commands = make_site(tmp_path, missing="chromium fonts-noto-cjk")
    assert commands == [
        "update -qq",
        "install -y -qq fonts-noto-cjk chromium",
        "briefing build --strict",
    ]


def test_installed_debian_packages_are_not_installed_again(tmp_path: Path) -> None:
    assert make_site(tmp_path, missing="") == ["briefing build --strict"]

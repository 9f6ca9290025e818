"""When each seed was first committed, from git: the feeds' time for briefs without a year.

One `git log` call covers every seed (sites have 10,000). Author dates are used because they
survive rebases and cherry-picks. A seed that git does not know (not committed, no git, not a
repository) or that only a shallow clone's boundary commit adds (its real first commit is
not in the clone) has no date; the feeds then fall back to a fixed one, so builds stay
reproducible.
"""

from __future__ import annotations

import datetime
import logging
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError:  # no git on this machine
        return None
    return result.stdout if result.returncode == 0 else None


def _shallow_boundary(seeds_dir: Path) -> set[str]:
    """Commits whose parents a shallow clone lacks (empty for a full clone)."""
    path = _git(seeds_dir, "rev-parse", "--git-path", "shallow")
    if not path:
        return set()
    shallow = Path(path.strip())
    shallow = shallow if shallow.is_absolute() else seeds_dir / shallow
    return set(shallow.read_text().split()) if shallow.is_file() else set()


def _entry(path: Path, folders: dict[Path, Path]) -> Path:
    """A path with its folder resolved (once per folder), naming the folder entry itself even
    when it is a link."""
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name


def first_commit_dates(seeds_dir: Path) -> dict[Path, datetime.datetime]:
    """The author date (UTC) of the commit that first added each seed, by path with its
    folder resolved."""
    top = _git(seeds_dir, "rev-parse", "--show-toplevel")
    log_text = _git(
        seeds_dir,
        "log",
        "--no-renames",
        "--diff-filter=A",
        "--name-only",
        "--format=@%H %aI",
        "--",
        ".",
    )
    if top is None or log_text is None:
        log.debug("%s: not in a git repository; seeds have no commit dates", seeds_dir)
        return {}
    root, boundary = Path(top.strip()), _shallow_boundary(seeds_dir)
    folders: dict[Path, Path] = {}
    dates: dict[Path, datetime.datetime] = {}
    commit, when = "", None
    for line in log_text.splitlines():
        if line.startswith("@"):
            commit, stamp = line[1:].split(" ", 1)
            when = datetime.datetime.fromisoformat(stamp).astimezone(datetime.UTC)
        elif line and when is not None:
            path = _entry(root / line, folders)
            if commit in boundary:  # added here only because the clone starts here
                dates.pop(path, None)
            else:
                dates[path] = when  # newest first: the last one seen is the first add
    return dates


def seed_dates(seeds_dir: Path, root: Path, sources: list[str]) -> dict[str, datetime.datetime]:
    """First-commit dates of the given seed paths (as shown, relative to root), where known."""
    dates = first_commit_dates(seeds_dir)
    if not dates:
        return {}
    folders: dict[Path, Path] = {}
    found = {}
    for source in sources:
        when = dates.get(_entry(root / source, folders))
        if when is not None:
            found[source] = when
    return found

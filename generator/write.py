"""Write stage: the only stage that touches docs/. Atomic, and never touches hand-written pages.

A manifest lists the files the generator wrote. Only those may be rewritten or deleted: a file
that is not in the manifest belongs to a person, even inside a generated folder, unless it
carries the generator's marker (so a lost manifest does not turn every page into a person's).
One generation at a time holds docs/; its temporary files live in a staging folder of its own,
and it never follows a link inside docs/.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from generator.render.paths import GENERATED_ROOTS, is_generated

log = logging.getLogger("generator")

MANIFEST = ".briefing-manifest.json"
INPUTS = ".briefing-inputs"  # digest of what the pages were rendered from, written last
TEMPORARY_PREFIX = ".tmp-"
STAGING_PREFIX = ".briefing-staging-"  # one folder per run in docs/, for its temporary files
MARKER = "generator: briefing"  # first front-matter line (or comment) of every generated file
MARKED_HEAD_BYTES = 1024  # the marker is in a page's first line, a chart's first tag


@dataclass
class WriteReport:
    """What the write stage did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def write_if_changed(target: Path, data: bytes) -> bool:
    """Atomically write unless the file already holds exactly `data`; True when written."""
    if target.is_file() and target.read_bytes() == data:
        return False
    atomic_write(target, data)
    return True


def atomic_write(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary_file(target.parent, data, target.suffix)
    try:
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _temporary_file(folder: Path, data: bytes, suffix: str = "") -> str:
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=TEMPORARY_PREFIX, suffix=suffix)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    return temporary


@contextmanager
def docs_lock(docs_dir: Path) -> Iterator[None]:
    """Hold docs/ for one generation: a second run on the same folder waits until the first
    is done (the lock is the folder's own, so a killed run never leaves it taken)."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    handle = os.open(docs_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("%s: another generation is writing here; waiting for it to end", docs_dir)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def mark(path: str, text: str) -> str:
    """The file's text with the generator's marker: a front-matter line in Markdown, a
    comment in XML and SVG (JSON has no room for one)."""
    if path.endswith(".md"):
        if text.startswith("---\n"):
            return f"---\n{MARKER}\n{text[4:]}"
        return f"---\n{MARKER}\n---\n\n{text}"
    if path.endswith((".xml", ".svg")):
        # After the XML declaration, or inside the root element (an SVG still starts "<svg").
        end = text.index("?>") + 2 if text.startswith("<?xml") else text.index(">") + 1
        return f"{text[:end]}\n<!-- {MARKER} -->{text[end:]}"
    return text


def _read(target: Path, size: int | None = None) -> bytes:
    """A file's bytes (the first `size` of them), never read through a link."""
    handle = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(handle, "rb") as stream:
        return stream.read(size) if size is not None else stream.read()


def is_marked(target: Path) -> bool:
    """True when a file carries the generator's marker (briefs.json: when it has the shape
    the generator writes, a list of records with an id, a source and a URL)."""
    try:
        if target.suffix == ".json":
            records = json.loads(_read(target))
            return isinstance(records, list) and all(
                isinstance(record, dict) and {"id", "source", "url"} <= record.keys()
                for record in records
            )
        head = _read(target, MARKED_HEAD_BYTES)
    except (OSError, ValueError):
        return False
    if target.suffix == ".md":
        return head.startswith(f"---\n{MARKER}\n".encode())
    return f"<!-- {MARKER} -->".encode() in head


def read_manifest(docs_dir: Path) -> set[str] | None:
    """Paths the generator wrote last time; None when the manifest is missing or unusable."""
    path = docs_dir / MANIFEST
    try:
        paths = json.loads(_read(path))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("%s: unreadable manifest (%s)", path, error)
        return None
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        log.warning("%s: unreadable manifest (not a list of paths)", path)
        return None
    return {p for p in paths if is_generated(p)}  # a forged entry cannot reach other files


def _marked_files(docs_dir: Path) -> set[str]:
    """Files in the generated folders that carry the marker (found without following links)."""
    found: set[str] = set()
    for root_name in GENERATED_ROOTS:
        root = docs_dir / root_name
        if root.is_symlink():
            continue
        if root.is_file():
            candidates = [root]
        else:
            candidates = [
                Path(folder, name)
                for folder, _, names in os.walk(root)  # does not enter linked folders
                for name in names
            ]
        for candidate in candidates:
            if not candidate.is_symlink() and is_marked(candidate):
                found.add(candidate.relative_to(docs_dir).as_posix())
    return found


def owned_files(docs_dir: Path) -> set[str]:
    """What the generator may rewrite or delete: the manifest's paths or, when the manifest is
    missing or unusable, every file in the generated folders that carries the marker."""
    owned = read_manifest(docs_dir)
    if owned is not None:
        return owned
    recovered = _marked_files(docs_dir)
    if recovered:
        log.warning(
            "%s: no usable manifest; %d generated files recognised by their marker",
            docs_dir,
            len(recovered),
        )
    return recovered


class _Folders:
    """What each folder inside docs/ is (a real folder, missing, a link, a file), asked once."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self.known: dict[str, str | None] = {}

    def problem(self, path: str) -> str | None:
        """Why the generator may not write the docs path (None when it may): outside the
        generated folders, or through a link or a file where a folder should be."""
        parts = path.split("/")
        if not is_generated(path) or any(part in ("", ".") for part in parts):
            return "outside the generated folders of docs/"
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder not in self.known:
                self.known[folder] = _kind_problem(self.docs_dir / folder, folder=True)
            if self.known[folder]:
                return self.known[folder]
        return _kind_problem(self.docs_dir / path, folder=False)


def _kind_problem(path: Path, folder: bool) -> str | None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return f"{path} is a link (the generator never writes through one)"
    if folder and not stat.S_ISDIR(mode):
        return f"{path} is not a folder"
    if not folder and not stat.S_ISREG(mode):
        return f"{path} is not a regular file"
    return None


def up_to_date(docs_dir: Path, inputs_digest: str) -> list[str] | None:
    """The generated files, when docs/ was last rendered from these very inputs and every one
    of them is still there; None when the pages must be rendered again."""
    try:
        stamp = _read(docs_dir / INPUTS).decode("utf-8", "replace").strip()
    except OSError:
        return None
    owned = read_manifest(docs_dir) if stamp == inputs_digest else None
    if owned is None or not _all_files(docs_dir, owned):
        return None
    return sorted(owned)


def _all_files(docs_dir: Path, paths: Iterable[str]) -> bool:
    """Whether every path is a file in docs/: one folder listing per folder, not one system
    call per file (10,000 briefs share one folder)."""
    by_folder: dict[str, set[str]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        by_folder.setdefault(folder, set()).add(name)
    for folder, names in by_folder.items():
        try:
            with os.scandir(docs_dir / folder) as entries:
                files = {entry.name for entry in entries if entry.is_file()}
        except OSError:
            return False
        if not names <= files:
            return False
    return True


def _manifest(paths: set[str]) -> bytes:
    return (json.dumps(sorted(paths), indent=1) + "\n").encode()


class _Staging:
    """This run's folder for temporary files in docs/, so that nothing else is ever taken for
    a leftover; removed at the end (a killed run's folder is removed by the next run)."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self.folder: Path | None = None

    def stage(self, data: bytes) -> str:
        """A temporary file holding `data`, to be renamed into place."""
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(dir=self.docs_dir, prefix=STAGING_PREFIX))
        return _temporary_file(self.folder, data)

    def replace(self, target: Path, data: bytes) -> bool:
        """Atomically give `target` this content, unless it holds it already."""
        try:
            if _read(target) == data:
                return False
        except OSError:
            pass
        os.replace(self.stage(data), target)
        return True

    def close(self) -> None:
        """Remove this run's folder and whatever is still in it."""
        if self.folder is not None:
            _remove_staging_folder(self.folder)


def _remove_staging_folder(folder: Path) -> None:
    """Delete a staging folder's temporary files, then the folder (links are left alone)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(TEMPORARY_PREFIX) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
    with suppress(OSError):  # not empty: something not ours is in it
        folder.rmdir()


def remove_killed_runs_files(docs_dir: Path) -> None:
    """Delete the staging folders a killed run left in docs/ (only real folders of ours)."""
    with os.scandir(docs_dir) as entries:
        for entry in entries:
            if entry.name.startswith(STAGING_PREFIX) and entry.is_dir(follow_symlinks=False):
                _remove_staging_folder(Path(entry.path))


def _remove_emptied_folders(docs_dir: Path, deleted: list[str]) -> None:
    """Remove the folders that deleting these pages left empty, below their generated root
    (a folder a person made is left alone: it is not above a page the generator deleted)."""
    above = {
        "/".join(parts[:depth])
        for parts in (path.split("/") for path in deleted)
        for depth in range(2, len(parts))
    }
    for folder in sorted(above, key=lambda f: f.count("/"), reverse=True):
        path = docs_dir / folder
        with suppress(OSError):  # not empty, not a folder, gone: leave it
            if stat.S_ISDIR(os.lstat(path).st_mode):
                path.rmdir()


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """Size, modification time (ns) and inode of a regular file; None for anything else."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_size, status.st_mtime_ns, status.st_ino


def write_pages(
    docs_dir: Path,
    pages: dict[str, str],
    inputs_digest: str = "",
    unrendered: Iterable[str] = (),
) -> WriteReport:
    """Make docs/ hold exactly `pages` in the generated subtrees, touching nothing else.

    `unrendered` pages were not rendered because their file is already right (see
    render.memo): they are kept as they are, if this run still owns them and may write there.
    """
    report = WriteReport()
    docs_dir.mkdir(parents=True, exist_ok=True)
    remove_killed_runs_files(docs_dir)
    owned = owned_files(docs_dir)
    folders = _Folders(docs_dir)
    staging = _Staging(docs_dir)
    kept: set[str] = set()
    staged: list[tuple[str, Path, str]] = []  # (page, target, temporary file with its text)
    try:
        for path in sorted(unrendered):
            problem = folders.problem(path) or (None if path in owned else "not generated here")
            if problem:
                log.warning("%s: refused: %s", path, problem)
                report.refused.append(path)
                continue
            kept.add(path)
            report.unchanged.append(path)
        for path, text in sorted(pages.items()):
            target = docs_dir / path
            problem = folders.problem(path)
            if problem:
                log.warning("%s: refused: %s", path, problem)
                report.refused.append(path)
                continue
            data = mark(path, text).encode("utf-8")
            exists = os.path.lexists(target)
            if exists and path not in owned and not is_marked(target):
                log.warning("%s: not overwritten: a page written by hand is there", target)
                report.refused.append(path)
                continue
            kept.add(path)
            if exists and _read(target) == data:
                report.unchanged.append(path)
            else:
                staged.append((path, target, staging.stage(data)))
        stale = [
            path
            for path in sorted(owned - kept)
            if folders.problem(path) is None and os.path.isfile(docs_dir / path)
        ]
        if staged or stale:
            # From the first rename on, the pages are no longer those the stamp describes.
            staging.replace(docs_dir / INPUTS, b"\n")
        # Every page about to appear is owned before it appears, so that a run killed from
        # here on leaves no page the next run would take for hand-written.
        staging.replace(docs_dir / MANIFEST, _manifest(owned | kept))
        # The slow part (rendering, writing) is done: pages now change within a few
        # milliseconds of each other, so a killed run rarely leaves a page linking to one
        # not yet there.
        for path, target, temporary in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)
            report.written.append(path)
        for path in stale:
            (docs_dir / path).unlink()
            report.deleted.append(path)
        _remove_emptied_folders(docs_dir, report.deleted)
        # Rewriting an unchanged manifest would wake `briefing serve`'s watcher into a loop.
        staging.replace(docs_dir / MANIFEST, _manifest(kept))
        # Recorded only when everything was written, so a refused page is reported again.
        stamp = inputs_digest if not report.refused else ""
        staging.replace(docs_dir / INPUTS, (stamp + "\n").encode())
    finally:
        staging.close()
    return report

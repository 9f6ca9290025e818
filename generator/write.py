"""Write stage: the only stage that touches docs/. Atomic, and never touches hand-written pages.

A manifest lists the files the generator wrote. Only those may be rewritten or deleted: a file
that is not in the manifest belongs to a person, even inside a generated folder.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.render.paths import GENERATED_ROOTS, is_generated

log = logging.getLogger("generator")

MANIFEST = ".briefing-manifest.json"
TEMPORARY_PREFIX = ".tmp-"
INPUTS = ".briefing-inputs"  # digest of what the pages were rendered from, written last


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
    temporary = _stage(target, data)
    try:
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_manifest(docs_dir: Path) -> set[str]:
    """Paths the generator wrote last time (empty when there is no usable manifest)."""
    path = docs_dir / MANIFEST
    if not path.exists():
        return set()
    try:
        return {p for p in json.loads(path.read_text(encoding="utf-8")) if is_generated(p)}
    except (ValueError, TypeError, OSError) as error:
        log.warning("%s: unreadable manifest, treated as empty: %s", path, error)
        return set()


def _inside(docs_dir: Path, target: Path) -> bool:
    root = docs_dir.resolve()
    return target.parent.resolve().is_relative_to(root) and not target.is_symlink()


def _remove_empty_dirs(docs_dir: Path) -> None:
    for root_name in GENERATED_ROOTS:
        root = docs_dir / root_name
        if not root.is_dir():
            continue
        for folder in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def up_to_date(docs_dir: Path, inputs_digest: str) -> list[str] | None:
    """The generated files, when docs/ was last rendered from these very inputs and every
    one of them is still there; None when the pages must be rendered again."""
    stamp = docs_dir / INPUTS
    if not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != inputs_digest:
        return None
    owned = sorted(read_manifest(docs_dir))
    return owned if all((docs_dir / path).is_file() for path in owned) else None


def _stage(target: Path, data: bytes) -> str:
    """Write `data` to a temporary file beside `target`; its name, for renaming later."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=TEMPORARY_PREFIX, suffix=target.suffix
    )
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    return temporary


def _remove_leftovers(docs_dir: Path) -> None:
    """Delete the temporary files of a run that was killed (docs/ itself and generated folders)."""
    patterns = [TEMPORARY_PREFIX + "*"] + [
        f"{root}/**/{TEMPORARY_PREFIX}*" for root in GENERATED_ROOTS
    ]
    for pattern in patterns:
        for leftover in docs_dir.glob(pattern):
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()


def _manifest(paths: set[str]) -> bytes:
    return (json.dumps(sorted(paths), indent=1) + "\n").encode()


def write_pages(docs_dir: Path, pages: dict[str, str], inputs_digest: str = "") -> WriteReport:
    """Make docs/ hold exactly `pages` in the generated subtrees, touching nothing else."""
    report = WriteReport()
    owned = read_manifest(docs_dir)
    kept: set[str] = set()
    staged: list[tuple[str, Path, str]] = []  # (page, target, temporary file with its text)
    _remove_leftovers(docs_dir)
    for path, text in sorted(pages.items()):
        target = docs_dir / path
        if not is_generated(path) or not _inside(docs_dir, target):
            log.warning("%s: refused: outside the generated folders of docs/", path)
            report.refused.append(path)
            continue
        data = text.encode("utf-8")
        if target.exists() and path not in owned:
            log.warning("%s: not overwritten: a page written by hand is there", target)
            report.refused.append(path)
            continue
        kept.add(path)
        if target.is_file() and target.read_bytes() == data:
            report.unchanged.append(path)
        else:
            staged.append((path, target, _stage(target, data)))
    # Every page about to appear is owned before it appears, so that a run killed from here on
    # leaves no page the next run would take for hand-written.
    write_if_changed(docs_dir / MANIFEST, _manifest(owned | kept))
    # The slow part (rendering, writing) is done: pages now change within a few milliseconds
    # of each other, so a killed run rarely leaves a new page linking to one not yet there.
    for path, target, temporary in staged:
        os.replace(temporary, target)
        report.written.append(path)
    for path in sorted(owned - kept):
        target = docs_dir / path
        if target.is_file() and _inside(docs_dir, target):
            target.unlink()
            report.deleted.append(path)
    # Rewriting an unchanged manifest would wake `briefing serve`'s watcher into a loop.
    write_if_changed(docs_dir / MANIFEST, _manifest(kept))
    _remove_empty_dirs(docs_dir)
    # Recorded only when everything was written, so a refused page is reported again.
    stamp = inputs_digest if inputs_digest and not report.refused else ""
    write_if_changed(docs_dir / INPUTS, (stamp + "\n").encode())
    return report

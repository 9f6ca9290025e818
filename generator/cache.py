"""Caches under .cache/briefing/, so that an unchanged seed costs nothing.

- The seed index: what each seed file read as (a digest of its text and overrides), by the
  file's size, modification time and inode, so an unchanged file is not read, decoded or
  checked for mojibake again; when those differ but the bytes hash the same (a fresh clone),
  the file is not decoded again either.
- The extraction cache: briefs by a key that covers the seed's text, its overrides, its id, and
  the version of the generator's code and data files: editing any of them invalidates it.
- The linked cache: the linked briefs of the last run and what it logged, by the keys of all
  its extractions, so that a run over unchanged seeds neither loads extractions nor links.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from generator.knowledge import data_version
from generator.model import Brief, Problem, Source
from generator.write import atomic_write

log = logging.getLogger("generator")

CACHE_ROOT = Path(".cache/briefing")  # under the project root: extractions and rendered PDFs
CACHE_FILE = CACHE_ROOT / "extractions.pickle"
SEED_INDEX_FILE = CACHE_ROOT / "seeds.pickle"
LINKED_FILE = CACHE_ROOT / "linked.pickle"


@cache
def code_version() -> str:
    """A digest of the generator's Python sources and data files."""
    digest = hashlib.sha256(data_version().encode())
    package = resources.files("generator")
    for path in sorted(Path(str(package)).rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_digest(source: Source) -> str:
    """A digest of what a seed's extraction reads of it: its path, text and overrides."""
    digest = hashlib.sha256()
    for part in (source.path, source.text, json.dumps(source.overrides, default=str)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def entry_key(content: str, brief_id: str) -> str:
    """The cache key of one seed's extraction, from its content digest and id."""
    return hashlib.sha256(f"{code_version()}\0{brief_id}\0{content}".encode()).hexdigest()


def _load(path: Path, what: str) -> object:
    """A pickled cache file's content, or None when it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        return pickle.loads(path.read_bytes())
    except Exception as error:  # a stale or broken cache is only a slower run
        log.info("%s: %s cache ignored (%s)", path, what, error)
        return None


def _save(path: Path, content: object) -> None:
    atomic_write(path, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))


class ExtractionCache:
    """Briefs by key, loaded from and saved to one file under the project root."""

    def __init__(self, root: Path) -> None:
        self.path = root / CACHE_FILE
        self.entries: dict[str, Brief] = {}
        self.used: dict[str, Brief] = {}
        loaded = _load(self.path, "extraction")
        if isinstance(loaded, dict):
            self.entries = loaded

    def get(self, key: str) -> Brief | None:
        """A cached brief, remembered as still in use."""
        brief = self.entries.get(key)
        if brief is not None:
            self.used[key] = brief
        return brief

    def put(self, key: str, brief: Brief) -> None:
        """Remember a fresh extraction."""
        self.used[key] = brief

    def save(self) -> None:
        """Keep exactly the entries this run used (removed seeds drop out)."""
        if self.used.keys() != self.entries.keys():
            _save(self.path, self.used)


@dataclass(frozen=True)
class SeedStamp:
    """What identifies one seed file's content on disk, and what it read as."""

    seed: tuple[int, int, int]  # size, modification time (ns), inode
    sidecar: tuple[int, int, int] | None  # the same of its .meta.yaml, None when it has none
    raw: str  # SHA-256 of the seed's bytes and its sidecar's
    content: str  # content_digest of the Source it read as
    encoding: str


class SeedIndex:
    """Seed stamps by shown path, loaded from and saved to one file under the project root."""

    def __init__(self, root: Path) -> None:
        self.path = root / SEED_INDEX_FILE
        loaded = _load(self.path, "seed index")
        self.entries: dict[str, SeedStamp] = loaded if isinstance(loaded, dict) else {}
        self.used: dict[str, SeedStamp] = {}

    def get(self, shown: str) -> SeedStamp | None:
        """The stamp of a seed when it was last read."""
        return self.entries.get(shown)

    def put(self, shown: str, stamp: SeedStamp) -> None:
        """Remember what a seed read as this run."""
        self.used[shown] = stamp

    def save(self) -> None:
        """Keep exactly the stamps of this run (removed seeds drop out)."""
        if self.used != self.entries:
            _save(self.path, self.used)


@dataclass(frozen=True)
class Linked:
    """A run's linked briefs, the seeds it skipped and what it logged while extracting and
    linking, valid for exactly these extraction keys."""

    keys: tuple[str, ...]
    briefs: list[Brief]
    problems: list[Problem]
    messages: tuple[tuple[int, str], ...]


def _keys_digest(keys: tuple[str, ...]) -> str:
    return hashlib.sha256("\0".join(keys).encode()).hexdigest()


def load_linked(root: Path, keys: tuple[str, ...]) -> Linked | None:
    """The linked briefs of a run over these very extractions, if the last run was one."""
    # The file holds the keys' digest beside the pickled briefs, so a run after an edit learns
    # the briefs are stale without unpickling them (0.3 s at 10,000 briefs).
    stored = _load(root / LINKED_FILE, "linked")
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _keys_digest(keys)):
        return None
    try:
        linked = pickle.loads(stored[1])
    except Exception as error:  # a broken cache is only a slower run
        log.info("%s: linked cache ignored (%s)", root / LINKED_FILE, error)
        return None
    return linked if isinstance(linked, Linked) and linked.keys == keys else None


def save_linked(root: Path, linked: Linked) -> None:
    """Keep this run's linked briefs for the next run."""
    payload = pickle.dumps(linked, protocol=pickle.HIGHEST_PROTOCOL)
    _save(root / LINKED_FILE, (_keys_digest(linked.keys), payload))


PAGES_FILE = CACHE_ROOT / "pages.pickle"
PageKeys = dict[str, tuple[str, tuple[int, int, int]]]  # page → (memo key, its file's signature)


def load_page_keys(root: Path) -> PageKeys:
    """The key each generated page was last written from, and its file's signature then."""
    loaded = _load(root / PAGES_FILE, "page")
    return loaded if isinstance(loaded, dict) else {}


def save_page_keys(root: Path, keys: PageKeys) -> None:
    """Remember which key each page now on disk was written from."""
    _save(root / PAGES_FILE, keys)

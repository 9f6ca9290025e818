"""Content-hash cache of extraction results, so an unchanged seed is not extracted again.

A key covers the seed's text, its overrides, its id, and the version of the generator's code
and data files: editing any of them invalidates the entry.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
from functools import cache
from importlib import resources
from pathlib import Path

from generator.knowledge import data_version
from generator.model import Brief, Source
from generator.write import atomic_write

log = logging.getLogger("generator")

CACHE_ROOT = Path(".cache/briefing")  # under the project root: extractions and rendered PDFs
CACHE_FILE = CACHE_ROOT / "extractions.pickle"


@cache
def code_version() -> str:
    """A digest of the generator's Python sources and data files."""
    digest = hashlib.sha256(data_version().encode())
    package = resources.files("generator")
    for path in sorted(Path(str(package)).rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def entry_key(source: Source, brief_id: str) -> str:
    """The cache key of one seed's extraction."""
    digest = hashlib.sha256(code_version().encode())
    for part in (brief_id, source.path, source.text, json.dumps(source.overrides, default=str)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class ExtractionCache:
    """Briefs by key, loaded from and saved to one file under the project root."""

    def __init__(self, root: Path) -> None:
        self.path = root / CACHE_FILE
        self.entries: dict[str, Brief] = {}
        self.used: dict[str, Brief] = {}
        if self.path.is_file():
            try:
                self.entries = pickle.loads(self.path.read_bytes())
            except Exception as error:  # a stale or broken cache is only a slower run
                log.info("%s: extraction cache ignored (%s)", self.path, error)

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
            atomic_write(self.path, pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))

"""Render only what changed: a page whose inputs are those it was last written from is kept.

A page's key is a digest of the function that renders it and of every argument it gets, with
each brief standing for the digest of its whole linked record (`brief_digests`). Render
functions read nothing else but the generator's code and data files, which `code_version`
covers, so an equal key means an equal page. The pipeline decides which keys it may trust
(the page's file must still be the one written from that key).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from generator.model import Brief

Reusable = Callable[[str, str], bool]  # (page path, key) → the page on disk has this key


def brief_digests(briefs: Iterable[Brief]) -> dict[str, str]:
    """Each brief's id → a digest of its whole record (text, facts, links, path)."""
    # repr, not pickle: a dataclass's repr depends only on its values, while pickle's bytes
    # also depend on which strings happen to be one object.
    return {
        brief.id: hashlib.sha256(repr(brief).encode("utf-8", "surrogatepass")).hexdigest()
        for brief in briefs
    }


class RenderAll:
    """Renders every page (no memo): for tests, checks and one-off renders."""

    kept: frozenset[str] = frozenset()

    def page(self, path: str, render: Callable[..., str | None], *args: Any) -> str | None:
        """The page rendered by `render(*args)`."""
        return render(*args)


class PageMemo:
    """Renders pages whose key is new; remembers every page's key and which were kept."""

    def __init__(self, version: str, digests: Mapping[str, str], reusable: Reusable) -> None:
        self.version = version  # the generator's code and data
        # what a brief adds to a key: its digest, tagged (made once, fed thousands of times)
        self.tokens = {brief_id: b"B" + d.encode() for brief_id, d in digests.items()}
        self.reusable = reusable
        self.keys: dict[str, str] = {}  # page path → key, for every page of this run
        self.kept: set[str] = set()  # pages not rendered: their file is already right

    def page(self, path: str, render: Callable[..., str | None], *args: Any) -> str | None:
        """The page rendered by `render(*args)`, or None when its file is already right."""
        key = self.key(render, args)
        self.keys[path] = key
        if self.reusable(path, key):
            self.kept.add(path)
            return None
        return render(*args)

    def key(self, render: Callable[..., Any], args: tuple[Any, ...]) -> str:
        """A digest of the render function and its arguments."""
        digest = hashlib.sha256(
            f"{self.version}\0{render.__module__}.{render.__qualname__}".encode()
        )
        self._feed(digest, args)
        return digest.hexdigest()

    def _feed(self, digest: Any, value: Any) -> None:
        """Add one value to the digest, by type, so that different values never meet."""
        if isinstance(value, Brief):
            digest.update(self.tokens[value.id])
        elif isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            digest.update(b"s%d:" % len(data) + data)
        elif value is None or isinstance(value, (bool, int, float)):
            digest.update(f"{type(value).__name__}:{value!r};".encode())
        elif isinstance(value, (list, tuple)):
            digest.update(b"(%d" % len(value))
            if all(type(item) is Brief for item in value):  # a page's list: one update for all
                digest.update(b"".join([self.tokens[item.id] for item in value]))
                return
            for item in value:
                self._feed(digest, item)
        elif isinstance(value, (set, frozenset)):
            self._feed_unordered(digest, b"{", list(value))
        elif isinstance(value, Mapping):  # in order: a page may list a mapping as it comes
            self._feed(digest, ("<", *value.items()))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            digest.update(f"D{type(value).__qualname__}".encode())
            for field in dataclasses.fields(value):
                self._feed(digest, getattr(value, field.name))
        else:
            digest.update(f"{type(value).__qualname__}:{value!r};".encode())

    def _feed_unordered(self, digest: Any, tag: bytes, items: list[Any]) -> None:
        parts = []  # a set's order changes from run to run; its items' digests, sorted, do not
        for item in items:
            part = hashlib.sha256()
            self._feed(part, item)
            parts.append(part.digest())
        digest.update(tag + b"%d" % len(parts) + b"".join(sorted(parts)))

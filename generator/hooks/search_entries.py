"""MkDocs hook: one short search entry for each page that gives `keywords` instead of its text.

Generated brief and listing pages set `search: {exclude: true}` (so Material's search plugin
does not index their full text, section by section) and `keywords` (title, places, sectors,
lead, and their accent-free forms). This hook adds those entries to Material's index after the
plugin has written it, so the index stays small at thousands of briefs while a search for a
title, place or sector word still finds the pages.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

_entries: list[dict[str, str]] = []


def on_pre_build(config):  # noqa: ARG001 - MkDocs hook signature
    """Start each build (and each rebuild under `serve`) with no entries."""
    _entries.clear()


def on_page_context(context, page, config, nav):  # noqa: ARG001 - MkDocs hook signature
    """Remember the keywords entry of a page left out of Material's indexing."""
    keywords = page.meta.get("keywords")
    search = page.meta.get("search")
    if isinstance(keywords, list) and isinstance(search, dict) and search.get("exclude"):
        words = " ".join(str(word) for word in keywords)
        # Titles are already escaped by the escape_meta hook; keywords are seed text.
        _entries.append(
            {"location": page.url, "title": str(page.title), "text": html.escape(words)}
        )
    return context


def on_post_build(config):
    """Append the entries to the index Material's search plugin wrote, in page order."""
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not _entries or not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["docs"].extend(sorted(_entries, key=lambda entry: entry["location"]))
    # Compact as Material writes it; non-ASCII kept as UTF-8 (half the size of \u escapes).
    index_file.write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )

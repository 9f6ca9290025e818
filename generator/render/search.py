"""Accent-free search: Material's search does not fold accents, so each page carries the
folded forms of its words ("Quảng Ninh" → "Quang Ninh") in a hidden block under its heading."""

from __future__ import annotations

import re

from generator.extract.places import fold

WORD = re.compile(r"[^\W\d_]+")
HEADING = re.compile(r"^# .*$", re.MULTILINE)


def folded_words(markdown: str) -> list[str]:
    """Words whose accent-free form differs from them, folded, first occurrence first."""
    words = dict.fromkeys(
        folded
        for word in WORD.findall(markdown)
        if (folded := fold(word)) != word and folded.isascii()
    )
    return list(words)


def with_search_aliases(markdown: str) -> str:
    """The page with a hidden block of folded words after its first heading."""
    words = folded_words(markdown)
    heading = HEADING.search(markdown)
    if not words or heading is None:
        return markdown
    block = f'\n\n<div class="search-fold" hidden>{" ".join(words)}</div>'
    return markdown[: heading.end()] + block + markdown[heading.end() :]

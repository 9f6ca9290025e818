"""Search: what each generated page gives the site's search index.

Material indexes the full text of a page, section by section: at thousands of briefs that makes
an index of tens of megabytes. Brief pages and the pages that list briefs are therefore left
out of Material's indexing and carry short `keywords` instead (title, places, sectors, lead),
which the `search_entries` hook adds to the index as one entry per page. The few overview pages
Material still indexes carry a hidden block of their words' folded forms. Both add the folded
forms because Material's search does not fold accents ("Quảng Ninh" → "Quang Ninh").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.text import fold

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


def keywords(items: Iterable[str]) -> list[str]:
    """Keywords of a page kept out of Material's indexing: the items, then folded words."""
    unique = list(dict.fromkeys(item for item in items if item))
    folded = folded_words(" ".join(unique))
    return unique + ([" ".join(folded)] if folded else [])


def search_meta(items: Iterable[str]) -> dict:
    """Front-matter fields that swap Material's full-text entry for a keywords entry."""
    return {"search": {"exclude": True}, "keywords": keywords(items)}

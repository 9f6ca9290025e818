"""Sectors of cooperation, from per-language keyword lists."""

from __future__ import annotations

import re
from functools import cache

from generator.knowledge import Sector, sectors
from generator.text import fold_char


def _latin(char: str) -> bool:
    return char.isalnum() and fold_char(char).isascii()


def keyword_pattern(keyword: str) -> str:
    """A keyword as a regex: word-bounded for Latin words, `*` for any ending."""
    stem = keyword.rstrip("*")
    start = r"(?<!\w)" if _latin(stem[0]) else ""
    bounded_end = r"(?!\w)" if _latin(stem[-1]) else ""
    end = r"\w*" if keyword.endswith("*") else bounded_end
    return start + re.escape(stem) + end


def _is_acronym(keyword: str) -> bool:
    return keyword.isupper() and keyword.isascii()


def _keywords(sector: Sector, language: str) -> tuple[str, ...]:
    # English acronyms also apply to any language: "AI", "ODA" and "JICA" are written as
    # such in Vietnamese and Indonesian news.
    own = sector.keywords.get(language, ())
    english = sector.keywords.get("en", ()) if language != "en" else ()
    return own + tuple(k for k in english if _is_acronym(k) and k not in own)


@cache
def _matchers(language: str) -> list[tuple[str, re.Pattern[str] | None, list[re.Pattern[str]]]]:
    """Per sector: its id, the pattern of its excluded phrases, and its keyword patterns."""
    matchers = []
    for sector in sectors().values():
        excluded = None
        if sector.excluded:
            phrases = sorted(sector.excluded, key=len, reverse=True)
            excluded = re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE)
        keywords = [
            re.compile(keyword_pattern(k), 0 if _is_acronym(k) else re.IGNORECASE)
            for k in _keywords(sector, language)
        ]
        matchers.append((sector.id, excluded, keywords))
    return matchers


def extract_sectors(paragraphs: list[str], language: str) -> tuple[str, ...]:
    """Sector ids whose keywords the text uses, in taxonomy order."""
    text = "\n".join(paragraphs)
    found = []
    for sector_id, excluded, keywords in _matchers(language):
        own_text = excluded.sub(" ", text) if excluded else text
        if any(pattern.search(own_text) for pattern in keywords):
            found.append(sector_id)
    return tuple(found)

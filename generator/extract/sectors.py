"""Sectors of cooperation, from per-language keyword lists."""

from __future__ import annotations

import re
from functools import cache

from generator.extract.places import fold_char
from generator.knowledge import Sector, load, sectors


def _latin(char: str) -> bool:
    return char.isalnum() and fold_char(char).isascii()


def keyword_pattern(keyword: str) -> str:
    """A keyword as a regex: word-bounded for Latin words, `*` for any ending."""
    stem = keyword.rstrip("*")
    start = r"(?<!\w)" if _latin(stem[0]) else ""
    if keyword.endswith("*"):
        end = r"\w*"
    else:
        end = r"(?!\w)" if _latin(stem[-1]) else ""
    return start + re.escape(stem) + end


def _is_acronym(keyword: str) -> bool:
    return keyword.isupper() and keyword.isascii()


@cache
def _patterns(language: str) -> dict[str, list[re.Pattern[str]]]:
    compiled: dict[str, list[re.Pattern[str]]] = {}
    for sector in sectors().values():
        compiled[sector.id] = [
            re.compile(keyword_pattern(k), 0 if _is_acronym(k) else re.IGNORECASE)
            for k in _keywords(sector, language)
        ]
    return compiled


def _keywords(sector: Sector, language: str) -> tuple[str, ...]:
    # English keywords also apply to any language: acronyms and English terms are common
    # in Vietnamese and Indonesian news ("AI", "ODA", "logistics").
    own = sector.keywords.get(language, ())
    english = sector.keywords.get("en", ()) if language != "en" else ()
    return own + tuple(k for k in english if _is_acronym(k))


@cache
def _ignore() -> re.Pattern[str]:
    phrases = sorted(load("sectors.yaml")["ignore"], key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE)


def extract_sectors(paragraphs: list[str], language: str) -> tuple[str, ...]:
    """Sector ids whose keywords the text uses, in taxonomy order."""
    text = _ignore().sub(" ", "\n".join(paragraphs))
    return tuple(
        sector_id
        for sector_id, patterns in _patterns(language).items()
        if any(pattern.search(text) for pattern in patterns)
    )

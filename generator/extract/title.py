"""Titles: the headline when the text has one, else a short title made from the lead."""

from __future__ import annotations

import re

from generator.extract.dates import find_dates, relative_day
from generator.extract.places import matcher
from generator.model import Document
from generator.text import shorten, word_count

TITLE_MAX_CHARS = 90
LEADIN_MAX_WORDS = 5  # "tại tỉnh Quảng Ninh", "di Quang Ninh": a place clause, not the news
SENTENCE_SPLIT = re.compile(r"(?<=[.!?。！？])\s+")
CLAUSE_SPLIT = re.compile(r"\s*[,，、]\s*")


def _is_leadin(clause: str, language: str) -> bool:
    """A leading clause that only gives the date or the place of the news."""
    if find_dates(clause, language):
        return True
    short = word_count(clause) <= LEADIN_MAX_WORDS
    return short and (
        relative_day(clause, language) is not None or bool(matcher().mentions(clause))
    )


def title_from_lead(lead: str, language: str) -> str:
    """A short title from the lead sentence, without its date and place clauses."""
    sentence = SENTENCE_SPLIT.split(lead.strip(), maxsplit=1)[0]
    # Clause starts, so the title keeps the text's own punctuation ("、" stays "、").
    starts = [0] + [match.end() for match in CLAUSE_SPLIT.finditer(sentence)]
    first = 0
    while first < len(starts) - 1:
        clause = CLAUSE_SPLIT.sub("", sentence[starts[first] : starts[first + 1]])
        if not _is_leadin(clause, language):
            break
        first += 1
    title = shorten(sentence[starts[first] :], TITLE_MAX_CHARS)
    return title[:1].upper() + title[1:]


def make_title(document: Document, language: str) -> tuple[str, bool]:
    """The title and whether it was generated (True) or found in the text (False)."""
    if document.headline:
        return document.headline, False
    for paragraph in document.paragraphs:
        if not paragraph.caption:
            return title_from_lead(paragraph.text, language), True
    return document.source.name, True

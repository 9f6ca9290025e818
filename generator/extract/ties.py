"""Formal ties (friendship agreements, memoranda) stated between two localities."""

from __future__ import annotations

import re

from generator.extract.places import classify, matcher
from generator.knowledge import gazetteer, load
from generator.model import Tie

SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


def _has_any(sentence: str, words: list[str]) -> bool:
    lowered = sentence.casefold()
    return any(word.casefold() in lowered for word in words)


def _kind(sentence: str, language: str) -> str | None:
    data = load("ties.yaml")
    if not _has_any(sentence, data["actions"].get(language, [])):
        return None
    for kind, words in data["kinds"].items():
        if _has_any(sentence, words.get(language, [])):
            return kind
    return None


def _most_precise(place_ids: set[str], country: str) -> list[str]:
    """The parties of one country in a sentence: a city stands for its locality, unless the
    locality is named too (then the city is only the venue)."""
    places = classify(place_ids, gazetteer())
    cities = [
        c
        for c in places.cities
        if c.startswith(country + "/") and gazetteer().places[c].parent not in place_ids
    ]
    parents = {gazetteer().places[c].parent for c in cities}
    localities = [p for p in places.localities if p.startswith(country + "/") and p not in parents]
    return sorted(cities + localities)


def extract_ties(paragraphs: list[str], language: str) -> tuple[Tie, ...]:
    """Every tie the text states, in reading order, without repeats."""
    ties: list[Tie] = []
    for paragraph in paragraphs:
        for sentence in SENTENCE_END.split(paragraph):
            kind = _kind(sentence, language)
            if kind is None:
                continue
            named = {mention.place_id for mention in matcher().mentions(sentence)}
            for vn_place in _most_precise(named, "vn"):
                for jp_place in _most_precise(named, "jp"):
                    tie = Tie(kind, vn_place, jp_place)
                    if tie not in ties:
                        ties.append(tie)
    return tuple(ties)

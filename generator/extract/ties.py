"""Formal ties (friendship agreements, memoranda) a text states between two localities.

A wrong tie is misinformation, so a tie needs, in one clause: a signing word, a word for the
kind of document, and exactly one party of each country (a clause that lists several on one
side pairs each with the single party of the other). The tie's year is the one written in
its clause, else the event's when it was made at the event; a year before the event's, or a
word like "since", makes it a tie that existed before.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from generator.extract.dates import written_years
from generator.extract.places import found_places, matcher
from generator.knowledge import after_merger, gazetteer, typed
from generator.model import Tie

CLAUSE_END = re.compile(r"(?<=[.!?。！？;；])\s*")


@cache
def _sub_clause() -> re.Pattern[str]:
    """Where a sentence's clauses part (see clause_conjunctions in ties.yaml)."""
    words = "|".join(map(re.escape, typed("ties.yaml").clause_conjunctions))
    return re.compile(rf"\s*[、，;；]\s*|\),\s+|\)\s+(?:{words})\s+")


def _bounded(words: list[str]) -> re.Pattern[str]:
    """Words as one pattern, with word edges where their script has them."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", word):
            parts.append(escaped)
        else:
            parts.append(rf"(?<!\w){escaped}(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else re.compile(r"(?!x)x")


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    data = typed("ties.yaml")
    return {
        **{kind: _bounded(words.get(language, [])) for kind, words in data.kinds.items()},
        "action": _bounded(data.actions.get(language, [])),
        "existing": _bounded(data.existing.get(language, [])),
        "both_sides": _bounded(data.both_sides.get(language, [])),
        "planned": _prefixes(data.planned.get(language, [])),
        "not_kind": _bounded(data.not_kinds),
        "not_action": _bounded(data.not_actions),
    }


def _prefixes(words: list[str]) -> re.Pattern[str]:
    """Words that may go on ("prévoi" for prévoit, prévoient)."""
    alternation = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alternation})" if words else r"(?!x)x", re.IGNORECASE)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def tie_kind(clause: str, language: str) -> str | None:
    """friendship or memorandum, when the clause states that a document was signed."""
    patterns = _patterns(language)
    if not patterns["action"].search(_blank(patterns["not_action"], clause)):
        return None
    words = _blank(patterns["not_kind"], clause)
    if patterns["memorandum"].search(words):
        return "memorandum"
    if patterns["friendship"].search(words):
        return "friendship"
    return "memorandum" if patterns["agreement"].search(words) else None


@cache
def _organisation() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = typed("ties.yaml")
    return re.compile(data.organisation_before), re.compile(data.organisation_after)


def _parties(clause: str, iso_date: str | None) -> dict[str, list[str]]:
    """The localities and cities of each country a clause names as parties (not in
    passing, not as an organisation's name)."""
    before, after = _organisation()
    places = gazetteer().places
    parties: dict[str, list[str]] = {"vn": [], "jp": []}
    for found in found_places(None, [clause], iso_date):
        place = places[found.place_id]
        if found.in_passing or place.kind == "region" or found.place_id in parties[place.country]:
            continue
        parties[place.country].append(found.place_id)
    return {
        country: _organisations_out(clause, ids, before, after) for country, ids in parties.items()
    }


ORGANISATION_REACH = 100  # characters before a name that can make it an organisation's


def _organisations_out(clause: str, ids: list[str], before, after) -> list[str]:
    """Parties named at least once in the clause not as an organisation's name, nor in
    brackets (an address)."""
    brackets = _Brackets(clause)
    as_party = {
        m.place_id
        for m in matcher().mentions(clause)
        if not before.search(clause[max(0, m.start - ORGANISATION_REACH) : m.start])
        and not after.match(clause[m.end : m.end + ORGANISATION_REACH])
        and not brackets.encloses(m.start)
    }
    places = gazetteer().places
    # A city's mention stands for its locality's too (cities are found with their parent).
    as_party |= {places[p].parent for p in as_party if places[p].kind == "city"}
    kept = [place_id for place_id in ids if place_id in as_party]
    return _without_parents(kept, clause)


class _Brackets:
    """Where a clause's brackets open and close, to tell an address or a gloss in brackets
    ("Kitanohana Hospital (Sapporo, Hokkaido)") in time proportional to the clause."""

    def __init__(self, clause: str) -> None:
        self.opens = [i for i, char in enumerate(clause) if char in "(（"]
        self.closes = [i for i, char in enumerate(clause) if char in ")）"]

    def encloses(self, start: int) -> bool:
        """More brackets open than closed before `start`."""
        return bisect.bisect(self.opens, start) > bisect.bisect(self.closes, start)


def _without_parents(ids: list[str], clause: str) -> list[str]:
    """A city and its own locality named together: the locality is the party and the city
    the venue ("Mie Prefecture … signed in Tsu"), unless the locality is the city's address
    ("福岡県北九州市", "Kitakyushu, Fukuoka")."""
    places = gazetteer().places
    cities = [i for i in ids if places[i].kind == "city" and places[i].parent in ids]
    addressed = {places[c].parent for c in cities if _written_together(c, places[c].parent, clause)}
    return [
        i for i in ids if i not in addressed and (i not in cities or places[i].parent in addressed)
    ]


def _written_together(city: str, parent: str, clause: str) -> bool:
    """The locality is written right before or after the city, as in an address."""
    spans = {m.place_id: m for m in matcher().mentions(clause)}
    a, b = spans.get(city), spans.get(parent)
    return (
        a is not None and b is not None and (0 <= a.start - b.end <= 2 or 0 <= b.start - a.end <= 3)
    )


def _year_and_time(clause: str, event_year: int | None, language: str) -> tuple[int | None, bool]:
    """The tie's year and whether it was made at the reported event."""
    years = [y for y in written_years(clause) if event_year is None or y <= event_year]
    year = max(years) if years else None
    earlier = year is not None and event_year is not None and year < event_year
    existing = earlier or bool(_patterns(language)["existing"].search(clause))
    if year is None and not existing:
        year = event_year
    return year, not existing


def _pairs(vn: list[str], jp: list[str]) -> list[tuple[str, str]]:
    """The parties' pairs when a clause names one of each country."""
    return [(vn[0], jp[0])] if len(vn) == 1 and len(jp) == 1 else []


def _as_of(place_id: str, iso_date: str | None, year: int | None) -> str:
    """A former province's tie made at an event after the 2025 merger is the province's it
    joined; one made before keeps the province that made it."""
    place = gazetteer().places[place_id]
    made_after = after_merger(iso_date) and (year is None or year > 2025)
    return place.merged_into if place.merged_into and made_after else place_id


class _Context:
    """What a text's ties are read against: its language, date and own localities."""

    def __init__(self, language: str, iso_date: str | None, about: tuple[str, ...]) -> None:
        self.language, self.iso_date = language, iso_date
        self.event_year = int(iso_date[:4]) if iso_date and not iso_date.startswith("--") else None
        self.about = {c: [p for p in about if p.startswith(c + "/")] for c in ("vn", "jp")}

    def tie(self, kind: str, vn: str, jp: str, clause: str) -> Tie:
        year, at_event = _year_and_time(clause, self.event_year, self.language)
        return Tie(
            kind, _as_of(vn, self.iso_date, year if not at_event else None), jp, year, at_event
        )


def _sentence_ties(sentence: str, context: _Context) -> list[Tie]:
    """Ties a sentence states: a pair in each clause that says it signed (a clause naming one
    side only takes the other from its sentence, when the sentence has just one), else one
    pair in the whole sentence, else "the two sides" of a text about one pair."""
    if _patterns(context.language)["planned"].search(sentence):
        return []  # planned, studied or hoped for: not signed
    whole = _parties(sentence, context.iso_date)
    ties = []
    for clause in _sub_clause().split(sentence):
        kind = tie_kind(clause, context.language)
        if kind is None:
            continue
        own = _parties(clause, context.iso_date)
        vn = own["vn"] or (whole["vn"] if len(whole["vn"]) == 1 else [])
        jp = own["jp"] or (whole["jp"] if len(whole["jp"]) == 1 else [])
        ties += [
            context.tie(kind, v, j, clause) for v, j in _pairs(vn, jp) if own["vn"] or own["jp"]
        ]
    kind = tie_kind(sentence, context.language)
    if ties or kind is None:
        return ties
    pairs = _pairs(whole["vn"], whole["jp"])
    unnamed = not pairs and not whole["vn"] and not whole["jp"]
    if unnamed and _patterns(context.language)["both_sides"].search(sentence):
        pairs = _pairs(context.about["vn"], context.about["jp"])
    return [context.tie(kind, v, j, sentence) for v, j in pairs]


def extract_ties(
    paragraphs: list[str],
    language: str,
    iso_date: str | None = None,
    about: tuple[str, ...] = (),
) -> tuple[Tie, ...]:
    """Every tie the text states, in reading order, without repeats (the first statement of
    a tie wins); `about`: the localities the text is about, for "the two sides signed"."""
    context = _Context(language, iso_date, about)
    ties: dict[tuple[str, str, str], Tie] = {}
    for paragraph in paragraphs:
        for sentence in CLAUSE_END.split(paragraph):
            for tie in _sentence_ties(sentence, context):
                ties.setdefault((tie.kind, tie.vn_place, tie.jp_place), tie)
    return tuple(ties.values())

"""Link stage: briefs about the same event, years shared between them, page paths."""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from generator.model import Brief, DateInfo
from generator.text import fold

log = logging.getLogger("generator")

SLUG_MAX_CHARS = 60
PLAIN_ID_MAX_CHARS = 80
NAME_HASH_CHARS = 16  # 64 bits of the file name's SHA-256
MAX_EVENT_DAYS = 31  # longer "ranges" are programmes, not one event
YEAR_SOURCES_TO_SHARE = ("text", "inferred", "override")
ANCHORS_SHARED = 0.3  # share of the smaller report's anchors the other must have
# A capitalised word inside a sentence (not its first word), and a number of three digits.
PROPER_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-Ỹ][\wÀ-ỹ]{3,}")
NUMBER = re.compile(r"\d[\d.,]{1,}\d")
# Names like 000_a121eda25e29c0ca.txt: lowercase letters and digits in groups joined by "_".
PLAIN_NAME = re.compile(r"(?:[a-z0-9]+_)*[a-z0-9]+\.txt", re.ASCII)


def slugify(text: str, max_chars: int = SLUG_MAX_CHARS) -> str:
    """Lowercase ASCII words joined by hyphens (đ → d, accents stripped)."""
    ascii_text = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_chars:
        cut = slug[:max_chars]
        whole_words = cut.rsplit("-", 1)[0]  # unless that loses most of it (one long "word")
        slug = whole_words if len(whole_words) > max_chars // 2 else cut.rstrip("-")
    return slug


def brief_id(name: str) -> str:
    """The id of a seed, from its file name alone (so no other seed can change it).

    A plain name (`000_a121eda25e29c0ca.txt`) gives its stem with "-" for "_"
    (`000-a121eda25e29c0ca`); any other name gives a slug of its stem, "--" and a hash of the
    whole name (`name with spaces.txt` → `name-with-spaces--72d7181f40c498e0`). Plain ids
    never hold "--", so the two kinds never meet, and names differing only by case, accents,
    suffix or punctuation get different ids. Ids are at most 80 characters long.
    """
    if PLAIN_NAME.fullmatch(name) and len(name) - len(".txt") <= PLAIN_ID_MAX_CHARS:
        return name.removesuffix(".txt").replace("_", "-")
    raw = os.fsencode(name)  # a name that is not UTF-8 arrives with surrogate escapes
    digest = hashlib.sha256(raw).hexdigest()[:NAME_HASH_CHARS]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    slug = slugify(stem.encode("utf-8", "ignore").decode("utf-8"), SLUG_MAX_CHARS) or "seed"
    return f"{slug}--{digest}"


def brief_ids(names: list[str]) -> dict[str, str]:
    """Each seed file name's id; a name whose id another name already has (a 64-bit hash
    collision, made on purpose) is left out with a warning, so no two seeds share a page."""
    ids: dict[str, str] = {}
    owner: dict[str, str] = {}
    for name in sorted(names):
        candidate = brief_id(name)
        if candidate in owner:
            log.warning("%s: skipped: its id %s is the id of %s", name, candidate, owner[candidate])
            continue
        owner[candidate] = name
        ids[name] = candidate
    return ids


def _event_days(info: DateInfo) -> list[tuple[int, int]]:
    """(month, day) of each day of the event, in a leap year when the year is unknown."""
    if info.start is None or info.start.day is None:
        return []
    start, end = info.start, info.end or info.start
    year = start.year or 2024
    first = datetime.date(year, start.month, start.day)
    last = datetime.date(end.year or year, end.month, end.day)
    span = min((last - first).days, MAX_EVENT_DAYS)
    days = (first + datetime.timedelta(days=n) for n in range(max(span, 0) + 1))
    return [(day.month, day.day) for day in days]


def find_related(briefs: list[Brief]) -> dict[str, tuple[str, ...]]:
    """For each brief id, the ids of other briefs about the same event: a day in common (in
    the same year, or one of them does not know its year), a locality in common, and their
    reports agree (`reports_agree`)."""
    # Compare only within buckets of one day, locality and year (plus the year-unknown
    # briefs against every year of their day and locality): this keeps linking near-linear.
    buckets: dict[tuple[tuple[int, int], str], dict[int | None, list[str]]] = defaultdict(dict)
    for brief in briefs:
        for day in _event_days(brief.date):
            for locality in brief.localities:
                by_year = buckets[day, locality]
                by_year.setdefault(brief.date.start.year, []).append(brief.id)
    reports: dict[str, Report] = {}  # made once per brief that has a partner, not per pair
    by_id = {brief.id: brief for brief in briefs}
    related: dict[str, set[str]] = defaultdict(set)
    checked: dict[tuple[str, str], bool] = {}
    for by_year in buckets.values():
        for year, group in by_year.items():
            # the same year; a brief that does not know its year goes with every year
            partners = group if year is not None else [i for ids in by_year.values() for i in ids]
            for a in group:
                for b in partners:
                    pair = (a, b) if a < b else (b, a)
                    if a == b or pair in checked:
                        continue
                    first = reports.get(a) or reports.setdefault(a, Report.of(by_id[a]))
                    second = reports.get(b) or reports.setdefault(b, Report.of(by_id[b]))
                    if checked.setdefault(pair, first.agrees_with(second)):
                        related[a].add(b)
                        related[b].add(a)
    return {brief_id: tuple(sorted(ids)) for brief_id, ids in related.items()}


def anchors(brief: Brief) -> frozenset[str]:
    """What two reports of one event share whatever their language: the places they are
    about, names written in Latin letters inside their title and lead, and numbers."""
    text = f"{brief.title} {brief.lead}"
    names = {fold(w).casefold() for w in PROPER_NAME.findall(text)}
    numbers = {re.sub(r"[.,]", "", n) for n in NUMBER.findall(text)}
    return frozenset(set(brief.localities) | set(brief.cities) | names | numbers)


@dataclass(frozen=True)
class Report:
    """What `reports_agree` compares of one brief, worked out once."""

    places: dict[str, frozenset[str]]  # its localities by country prefix ("jp/", "vn/")
    anchors: frozenset[str]

    @classmethod
    def of(cls, brief: Brief) -> Report:
        """The comparable parts of one brief."""
        places = {
            country: frozenset(p for p in brief.localities if p.startswith(country))
            for country in ("jp/", "vn/")
        }
        return cls(places, anchors(brief))

    def agrees_with(self, other: Report) -> bool:
        """See `reports_agree`."""
        for country, mine in self.places.items():
            theirs = other.places[country]
            if mine and theirs and not mine & theirs:
                return False  # Okayama's aid and Hiroshima's aid, on the same day, to Quảng Ninh
        ours, others = self.anchors, other.anchors
        shared = len(ours & others) / min(len(ours), len(others)) if ours and others else 0.0
        return shared >= ANCHORS_SHARED


def reports_agree(a: Brief, b: Brief) -> bool:
    """Two briefs of one day read as reports of one event: they share a locality of each
    country both name, and enough of their anchors."""
    return Report.of(a).agrees_with(Report.of(b))


def _shared_year(brief: Brief, others: list[Brief]) -> int | None:
    years = Counter(
        other.date.start.year
        for other in others
        if other.date.start
        and other.date.start.year
        and other.date.year_source in YEAR_SOURCES_TO_SHARE
    )
    if not years:
        return None
    # The most reported year wins; ties go to the earliest so the result is stable.
    return min(years, key=lambda year: (-years[year], year))


def fill_years(briefs: list[Brief]) -> list[Brief]:
    """A year known from a related brief fills a missing one (`year_source: related`)."""
    by_id = {brief.id: brief for brief in briefs}
    filled = []
    for brief in briefs:
        start = brief.date.start
        if start is not None and start.year is None and brief.related:
            year = _shared_year(brief, [by_id[i] for i in brief.related])
            if year is not None:
                end = brief.date.end.with_year(year) if brief.date.end else None
                brief = replace(
                    brief, date=DateInfo(start.with_year(year), end, "related", "related")
                )
        filled.append(brief)
    return filled


def assign_paths(briefs: list[Brief]) -> list[Brief]:
    """Page paths from ids alone: a brief's URL never moves when its extraction improves."""
    return [replace(brief, path=f"briefs/{brief.id}.md") for brief in briefs]


def _add_pinned(related: dict[str, tuple[str, ...]], briefs: list[Brief]) -> dict:
    """Editors' `related:` overrides, both ways; unknown ids are warned about."""
    known = {brief.id for brief in briefs}
    merged = {brief_id: set(ids) for brief_id, ids in related.items()}
    for brief in briefs:
        for other in brief.pinned_related:
            if other not in known or other == brief.id:
                log.warning("%s: override 'related' names unknown brief %r", brief.source, other)
                continue
            merged.setdefault(brief.id, set()).add(other)
            merged.setdefault(other, set()).add(brief.id)
    return {brief_id: tuple(sorted(ids)) for brief_id, ids in merged.items()}


def link(briefs: list[Brief]) -> list[Brief]:
    """Relate briefs about the same event, share years, and give every brief its page path."""
    related = _add_pinned(find_related(briefs), briefs)
    briefs = [replace(brief, related=related.get(brief.id, ())) for brief in briefs]
    briefs = fill_years(briefs)
    return sorted(assign_paths(briefs), key=lambda brief: brief.id)

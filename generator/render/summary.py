"""The summary that opens a locality or region page: what happened with the other country."""

from __future__ import annotations

from collections import Counter

from generator.knowledge import Place, gazetteer, label, sectors
from generator.model import Brief, Tie
from generator.render.chart import bar_chart
from generator.render.markdown import (
    date_text,
    escape,
    format_date,
    has_year,
    link,
    oldest_first,
)
from generator.render.paths import locality_page


def period(briefs: list[Brief]) -> str | None:
    """First and last event dates with a year (plain text), or None when no brief has one."""
    dated = sorted(b.date.start for b in briefs if has_year(b))
    if not dated:
        return None
    first, last = format_date(dated[0]), format_date(dated[-1])
    return first if first == last else f"{first} – {last}"


def without_year(briefs: list[Brief]) -> int:
    """How many of the briefs give no year for their event."""
    return sum(1 for brief in briefs if not has_year(brief))


def period_lines(briefs: list[Brief]) -> list[tuple[str, str]]:
    """The period covered and the count of briefs without a year, as (label, plain text)."""
    lines = [(label("period"), period(briefs) or label("period_unknown"))]
    if count := without_year(briefs):
        lines.append((label("without_year_count"), str(count)))
    return lines


def partner_counts(briefs: list[Brief], country: str) -> list[tuple[str, int]]:
    """Localities of the other country named with this one, most frequent first."""
    counts = Counter(
        other for brief in briefs for other in brief.localities if not other.startswith(country)
    )
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def partners(briefs: list[Brief], country: str, page: str) -> str:
    """Partner localities as links with their counts."""
    places = gazetteer().places
    return ", ".join(
        f"{link(places[pid].name, locality_page(pid), page)} ({count})"
        for pid, count in partner_counts(briefs, country)
    )


def sector_counts(briefs: list[Brief]) -> list[tuple[str, int]]:
    """Sector names with their numbers of briefs, most frequent first, then taxonomy order."""
    order = list(sectors())
    counts = Counter(s for brief in briefs for s in brief.sectors)
    ranked = sorted(counts, key=lambda s: (-counts[s], order.index(s)))
    return [(sectors()[s].name, counts[s]) for s in ranked]


def sector_chart(place: Place, briefs: list[Brief]) -> str | None:
    """The SVG bar chart of a place's sectors, or None when its briefs name none."""
    counts = sector_counts(briefs)
    if not counts:
        return None
    return bar_chart(label("sectors_chart").format(name=place.name), counts)


def place_label(place_id: str) -> str:
    """A city with its locality in brackets, or a locality's name."""
    places = gazetteer().places
    place = places[place_id]
    if place.kind == "city":
        return f"{place.name} ({places[place.parent].name})"
    return place.name


def tie_concerns(tie: Tie, place_ids: set[str]) -> bool:
    """True when one side of the tie is one of the places or a city inside one of them."""
    places = gazetteer().places
    sides = {tie.vn_place, tie.jp_place}
    sides |= {places[s].parent for s in sides if places[s].parent}
    return bool(sides & place_ids)


def tie_words(tie: Tie, brief: Brief) -> str:
    """The tie's kind and when it was made: at the reported event, or the year the text gives
    for an existing one (plain text)."""
    kind = label(f"tie_{tie.kind}")
    if tie.at_event:
        return label("tie_at_event").format(kind=kind, date=date_text(brief.date))
    if tie.year:
        return label("tie_since").format(kind=kind, year=tie.year)
    return label("tie_existing").format(kind=kind)


def tie_line(tie: Tie, brief: Brief, page: str) -> str:
    """One tie: the two places, its kind, when it was made and the brief reporting it."""
    names = f"{place_label(tie.vn_place)} – {place_label(tie.jp_place)}"
    return (
        f"{escape(names)}: {escape(tie_words(tie, brief))} ({link(brief.title, brief.path, page)})"
    )


def tie_year(tie: Tie, brief: Brief) -> int | None:
    """The year a tie was made: the event's when made there, else the year the text gives."""
    if tie.at_event:
        return brief.date.start.year if brief.date.start else None
    return tie.year


def ties(briefs: list[Brief], place_ids: set[str], page: str) -> list[str]:
    """Formal ties concerning the places, oldest first, those without a year last."""
    found = [
        (tie_year(tie, brief), brief, tie)
        for brief in sorted(briefs, key=oldest_first)
        for tie in brief.ties
        if tie_concerns(tie, place_ids)
    ]
    found.sort(key=lambda item: (item[0] is None, item[0] or 0))  # stable: brief order within
    return [tie_line(tie, brief, page) for _, brief, tie in found]


def event_timeline(briefs: list[Brief], page: str) -> str:
    """Events with a year in date order, oldest first (those without one are in the list of
    briefs below it, under their own note)."""
    lines = [
        f"- {escape(format_date(brief.date.start))}: {link(brief.title, brief.path, page)}"
        for brief in sorted(briefs, key=oldest_first)
        if has_year(brief)
    ]
    return "\n".join(lines)

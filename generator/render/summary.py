"""The summary that opens a locality or region page: what happened with the other country."""

from __future__ import annotations

from collections import Counter

from generator.knowledge import Place, gazetteer, label, sectors
from generator.model import Brief, Tie
from generator.render.chart import bar_chart
from generator.render.markdown import escape, format_date, link, newest_first
from generator.render.paths import locality_page


def period(briefs: list[Brief]) -> str:
    """First and last event dates with a year, and how many briefs have none (plain text)."""
    dated = sorted(b.date.start for b in briefs if b.date.start and b.date.start.year)
    text = ""
    if dated:
        first, last = format_date(dated[0]), format_date(dated[-1])
        text = first if first == last else f"{first} – {last}"
    undated = len(briefs) - len(dated)
    if undated:
        note = label("without_year").format(count=undated)
        text = f"{text} ({note})" if text else note
    return text


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


def tie_line(tie: Tie, brief: Brief, page: str) -> str:
    """One tie: the two places, its kind, the date and the brief reporting it."""
    date = format_date(brief.date.start) if brief.date.start else label("date_unknown")
    names = f"{place_label(tie.vn_place)} – {place_label(tie.jp_place)}"
    kind = label(f"tie_{tie.kind}")
    return (
        f"{escape(names)}: {escape(kind)}, {escape(date)} ({link(brief.title, brief.path, page)})"
    )


def ties(briefs: list[Brief], place_ids: set[str], page: str) -> list[str]:
    """Formal ties concerning the places, oldest first."""
    found = [
        (brief, tie)
        for brief in sorted(briefs, key=newest_first, reverse=True)
        for tie in brief.ties
        if tie_concerns(tie, place_ids)
    ]
    return [tie_line(tie, brief, page) for brief, tie in found]


def event_timeline(briefs: list[Brief], page: str) -> str:
    """Events in date order, oldest first, those without a year last."""
    lines = []
    for brief in sorted(briefs, key=newest_first, reverse=True):
        if brief.date.start is None:
            continue
        lines.append(
            f"- {escape(format_date(brief.date.start))}: {link(brief.title, brief.path, page)}"
        )
    return "\n".join(lines)

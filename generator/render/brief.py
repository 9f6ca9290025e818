"""The page of one brief: front matter, fact card and the cleaned full text."""

from __future__ import annotations

from typing import Any

from generator.knowledge import gazetteer, label, sectors
from generator.model import Brief
from generator.render import summary
from generator.render.markdown import (
    escape,
    format_date_info,
    front_matter,
    language_name,
    link,
    outlet_name,
)
from generator.render.pagefind import brief_block
from generator.render.paths import locality_page, region_page, sector_page

RELATED_SHOWN = 10  # a big event reported by dozens of outlets must not bury the brief
SAFE_URL_CHARS = set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'*+,;=%"
)


def brief_front_matter(brief: Brief) -> dict[str, Any]:
    """The front-matter contract other tools read, in a fixed key order."""
    return {
        "id": brief.id,
        "source": brief.source,
        "source_url": brief.source_url,
        "outlet": brief.outlet,
        "title": brief.title,
        "language": brief.language,
        "date": brief.date.date,
        "date_end": brief.date.date_end,
        "year_source": brief.date.year_source,
        "year_evidence": brief.date.year_evidence,
        "localities": list(brief.localities),
        "mentions": list(brief.mentions),
        "cities": list(brief.cities),
        "regions": list(brief.regions),
        "sectors": list(brief.sectors),
        "related": list(brief.related),
    }


def safe_url(url: str | None) -> str | None:
    """An http(s) address made only of URL characters, else None (shown as text, not linked)."""
    if url and url.startswith(("https://", "http://")) and set(url) <= SAFE_URL_CHARS:
        return url
    return None


def _place_links(place_ids: tuple[str, ...], page_of, page: str) -> str:
    places = gazetteer().places
    return ", ".join(link(places[pid].name, page_of(pid), page) for pid in place_ids)


def _city_list(brief: Brief) -> str:
    places = gazetteer().places
    items = []
    for city_id in brief.cities:
        city = places[city_id]
        parent = places[city.parent]
        items.append(
            f"{escape(city.name)} ({link(parent.name, locality_page(parent.id), brief.path)})"
        )
    return ", ".join(items)


def _related_list(brief: Brief, by_id: dict[str, Brief]) -> str:
    items = []
    for other_id in brief.related[:RELATED_SHOWN]:
        other = by_id[other_id]
        text = f"{language_name(other.language)}: {other.title}"
        items.append(link(text, other.path, brief.path))
    more = len(brief.related) - RELATED_SHOWN
    if more > 0:  # the front matter lists them all
        items.append(escape(label("and_more").format(count=more)))
    return "; ".join(items)


def _source_line(brief: Brief) -> str:
    url = safe_url(brief.source_url)
    if url:
        return f"[{escape(url)}]({url})"
    return escape(brief.source_url or "")


def _ties_line(brief: Brief) -> str:
    return "; ".join(
        escape(f"{summary.place_label(t.vn_place)} – {summary.place_label(t.jp_place)}: ")
        + escape(summary.tie_words(t, brief))
        for t in brief.ties
    )


def fact_card(brief: Brief, by_id: dict[str, Brief]) -> list[str]:
    """The fact card's items as Markdown list lines (the seed's path is left to briefs.json)."""
    page = brief.path
    rows = [
        (label("date"), format_date_info(brief.date)),
        (label("language"), escape(language_name(brief.language))),
        (label("outlet"), escape(outlet_name(brief) or "")),
        (label("source"), _source_line(brief)),
        (label("localities"), _place_links(brief.localities, locality_page, page)),
        (label("mentions"), _place_links(brief.mentions, locality_page, page)),
        (label("cities"), _city_list(brief)),
        (label("regions"), _place_links(brief.regions, region_page, page)),
        (
            label("sectors"),
            ", ".join(link(sectors()[s].name, sector_page(s), page) for s in brief.sectors),
        ),
        (label("formal_ties_card"), _ties_line(brief)),
        (label("also_reported_in"), _related_list(brief, by_id)),
    ]
    return [f"- **{escape(name)}:** {value}" for name, value in rows if value]


def render_brief(brief: Brief, by_id: dict[str, Brief]) -> str:
    """The whole Markdown page of a brief."""
    card = "\n".join("    " + line for line in fact_card(brief, by_id))
    parts = [
        front_matter(brief_front_matter(brief)),
        f"# {escape(brief.title)}",
        brief_block(brief),
        # The fact-card class keeps the card out of the search index (generator/site.py): its
        # facts are the block's filters and meta, and its titles of other briefs would match.
        f'!!! abstract fact-card "{label("fact_card")}"\n\n{card}',
    ]
    if brief.title_generated:
        parts.append(f"*{escape(label('title_generated'))}*")
    for paragraph in brief.paragraphs:
        text = escape(paragraph.text)
        parts.append(f"*{text}*" if paragraph.caption else text)
    return "\n\n".join(parts) + "\n"

"""The locality finder: localities grouped by country and region, with their counts of briefs
(a province's former provinces included), and a filter box that matches any of their names
with or without accents, in any script (docs/javascripts/finder.js does the filtering; without
it the lists still work).

Written as raw HTML so that each entry can carry its names for the filter; every text is
escaped here and every link made relative to the page (MkDocs does not touch raw HTML).
"""

from __future__ import annotations

import html

from generator.knowledge import Place, gazetteer, label
from generator.render.markdown import escape, html_href
from generator.render.paths import locality_page, region_page
from generator.render.tilemap import count_text, tile_maps


def japan_region_order() -> list[str]:
    """Japan's primary regions, north to south: in the order of their prefectures' ISO codes."""
    prefectures = sorted(gazetteer().localities("jp"), key=lambda p: p.iso or "")
    return list(dict.fromkeys(p.region for p in prefectures if p.region))


def socio_economic_regions() -> list[Place]:
    """Vietnam's six socio-economic regions, north to south (gazetteer order)."""
    return [
        p
        for p in gazetteer().places.values()
        if p.kind == "region" and p.country == "vn" and p.scheme == "socio-economic"
    ]


def region_of(locality: Place) -> Place | None:
    """A locality's region: its primary region in Japan, its socio-economic one in Vietnam."""
    places = gazetteer().places
    if locality.country == "jp":
        return places[locality.region] if locality.region else None
    return next((r for r in socio_economic_regions() if locality.id in r.members), None)


def current_localities(country: str) -> list[Place]:
    """A country's localities of today, in map order (Japan: ISO code; Vietnam: north to
    south by their tiles)."""
    if country == "jp":
        return sorted(gazetteer().localities("jp"), key=lambda p: p.iso or "")
    cells = tile_maps()["vn"].cells
    current = [p for p in gazetteer().localities("vn") if not p.merged_into]
    return sorted(current, key=lambda p: (cells[p.id][1], cells[p.id][0], p.id))


def region_groups(country: str) -> list[tuple[Place, list[Place]]]:
    """Each region of a country with its current localities, in map order."""
    places = gazetteer().places
    order = (
        [places[r] for r in japan_region_order()] if country == "jp" else socio_economic_regions()
    )
    localities = current_localities(country)
    return [(region, [p for p in localities if region_of(p) == region]) for region in order]


def _names(place: Place) -> list[str]:
    return list(dict.fromkeys([*place.names.values(), *place.aliases]))


def _entry(
    place: Place, counts: dict[str, int], own: dict[str, int], pages: set[str], page: str
) -> str:
    places = gazetteer().places
    formers = [places[f] for f in place.formed_from if f != place.id]
    names = _names(place) + [n for former in formers for n in _names(former)]
    href = html.escape(html_href(locality_page(place.id), page))
    parts = [f'<a href="{href}">{html.escape(place.name)}</a>']
    if place.country == "jp":
        parts.append(f'<span lang="ja">{html.escape(place.names.get("ja", ""))}</span>')
    parts.append(
        f'<span class="finder-count">{html.escape(count_text(counts.get(place.id, 0)))}</span>'
    )
    with_briefs = [f for f in formers if own.get(f.id)]
    if with_briefs:
        items = ", ".join(
            (
                f'<a href="{html.escape(html_href(locality_page(f.id), page))}">'
                f"{html.escape(f.name)}</a>"
                if f.id in pages
                else html.escape(f.name)
            )
            + f" ({own[f.id]})"
            for f in with_briefs
        )
        parts.append(
            f'<span class="finder-former">{html.escape(label("finder_former"))} {items}</span>'
        )
    return f'<li data-names="{html.escape(" ".join(names))}">{" ".join(parts)}</li>'


def _region_heading(region: Place, region_pages: set[str], page: str) -> str:
    name = html.escape(region.name)
    if region.id in region_pages:
        name = f'<a href="{html.escape(html_href(region_page(region.id), page))}">{name}</a>'
    other = region.names.get("ja" if region.country == "jp" else "vi", "")
    lang = "ja" if region.country == "jp" else "vi"
    return f'<h3>{name} <span lang="{lang}">{html.escape(other)}</span></h3>'


def finder_block(
    counts: dict[str, int],
    own: dict[str, int],
    pages: set[str],
    region_pages: set[str],
    page: str,
) -> list[str]:
    """The finder as page blocks: the filter box, then per country its regions' localities
    with briefs, and those without briefs folded away.

    `counts` are per current locality, former provinces included; `own` per locality id,
    former provinces too; `pages` the localities and `region_pages` the regions with a page.
    """
    placeholder = html.escape(label("finder_placeholder"))
    matches = html.escape(label("finder_matches"))
    none = html.escape(label("finder_no_match"))
    blocks = [
        f'<div class="finder-box" data-matches="{matches}" data-none="{none}" hidden>\n'
        f'<label for="finder-query">{html.escape(label("finder_label"))}</label>\n'
        f'<input id="finder-query" type="search" autocomplete="off" spellcheck="false" '
        f'placeholder="{placeholder}">\n'
        '<p class="finder-status" role="status" aria-live="polite"></p>\n</div>'
    ]
    for country, heading in (("vn", "vietnam"), ("jp", "japan")):
        sections = []
        without = []
        for region, localities in region_groups(country):
            listed = [p for p in localities if counts.get(p.id)]
            without += [p for p in localities if not counts.get(p.id)]
            if listed:
                entries = "\n".join(_entry(p, counts, own, pages, page) for p in listed)
                sections.append(
                    f'<section class="finder-region">{_region_heading(region, region_pages, page)}'
                    f"\n<ul>\n{entries}\n</ul>\n</section>"
                )
        if without:
            entries = "\n".join(_entry(p, counts, own, pages, page) for p in without)
            summary = label("finder_without").format(count=len(without))
            sections.append(
                f'<details class="finder-region finder-without"><summary>{html.escape(summary)}'
                f"</summary>\n<ul>\n{entries}\n</ul>\n</details>"
            )
        blocks.append(f"## {escape(label(heading))}")
        blocks.append('<div class="finder-country">\n' + "\n".join(sections) + "\n</div>")
    return blocks

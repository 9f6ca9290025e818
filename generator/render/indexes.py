"""Index pages: localities, regions and sectors, each with a page per entry that has briefs."""

from __future__ import annotations

import datetime
import html
import posixpath
from collections import defaultdict
from dataclasses import dataclass

from babel.dates import format_date as babel_format_date

from generator.knowledge import Place, gazetteer, label, sectors
from generator.model import Brief
from generator.render import summary
from generator.render.feeds import locality_feed, page_url, sector_feed
from generator.render.listing import brief_list, brief_table, feed_link, page
from generator.render.markdown import escape, link, table
from generator.render.paths import (
    LOCALITIES_INDEX,
    REGIONS_INDEX,
    SECTORS_INDEX,
    locality_page,
    region_page,
    sector_page,
)


@dataclass(frozen=True)
class Groups:
    """Briefs grouped once per render: by locality, region and sector."""

    by_locality: dict[str, list[Brief]]
    by_region: dict[str, list[Brief]]
    by_sector: dict[str, list[Brief]]


@dataclass(frozen=True)
class LocalityBriefs:
    """What a locality's page (and PDF) lists: its own briefs, and those of the former
    provinces merged into it in 2025, as history."""

    own: list[Brief]
    history: list[Brief]


def japan_region_order() -> list[str]:
    """Japan's primary regions, north to south: in the order of their prefectures' ISO codes."""
    prefectures = sorted(gazetteer().localities("jp"), key=lambda p: p.iso or "")
    return list(dict.fromkeys(p.region for p in prefectures if p.region))


def _by_key(briefs: list[Brief], keys_of) -> dict[str, list[Brief]]:
    grouped: dict[str, list[Brief]] = defaultdict(list)
    for brief in briefs:
        for key in keys_of(brief):
            grouped[key].append(brief)
    return grouped


def briefs_by_locality(briefs: list[Brief]) -> dict[str, list[Brief]]:
    """Briefs under each locality they name."""
    return _by_key(briefs, lambda brief: brief.localities)


def briefs_by_region(briefs: list[Brief]) -> dict[str, list[Brief]]:
    """Briefs under each region they name, or whose localities belong to it."""
    regions = gazetteer().regions()

    def keys(brief: Brief) -> set[str]:
        named = set(brief.regions)
        named |= {r.id for r in regions if set(r.members) & set(brief.localities)}
        return named

    return _by_key(briefs, keys)


def group_briefs(briefs: list[Brief]) -> Groups:
    """Every grouping the pages, feeds and PDFs need, computed once."""
    return Groups(briefs_by_locality(briefs), briefs_by_region(briefs), briefs_by_sector(briefs))


def locality_pages(by_locality: dict[str, list[Brief]]) -> dict[str, LocalityBriefs]:
    """The localities that get a page, by id: those with briefs, and the provinces that
    former provinces with briefs were merged into."""
    places = gazetteer().places
    with_pages = set(by_locality) | {
        places[p].merged_into for p in by_locality if places[p].merged_into
    }
    return {
        locality_id: LocalityBriefs(
            own=by_locality.get(locality_id, []),
            history=[
                brief
                for former in places[locality_id].formed_from
                if former != locality_id
                for brief in by_locality.get(former, [])
            ],
        )
        for locality_id in sorted(with_pages)
    }


def briefs_by_sector(briefs: list[Brief]) -> dict[str, list[Brief]]:
    """Briefs under each sector, and under the parent of each sub-sector."""
    taxonomy = sectors()

    def keys(brief: Brief) -> set[str]:
        found = set(brief.sectors)
        return found | {taxonomy[s].parent for s in found if taxonomy[s].parent}

    return _by_key(briefs, keys)


def _display_date(iso_date: str) -> str:
    return babel_format_date(datetime.date.fromisoformat(iso_date), "long", locale=label("locale"))


def _other_names(place: Place) -> str:
    names = dict.fromkeys(n for n in place.names.values() if n != place.name)
    return " · ".join(escape(name) for name in names)


def _count_cell(
    place: Place, count: int, page_path: str, target: str, has_page: bool | None = None
) -> list[str]:
    has_page = bool(count) if has_page is None else has_page
    name = link(place.name, target, page_path) if has_page else escape(place.name)
    return [name, _other_names(place), str(count)]


def localities_index(by_locality: dict[str, list[Brief]]) -> str:
    """Japan's prefectures by region and Vietnam's provinces, with counts and links."""
    places = gazetteer()
    header = [escape(label("localities")), escape(label("other_names")), escape(label("briefs"))]
    body = [escape(label("localities_intro")), f"## {escape(label('japan'))}"]

    def rows_for(listed: list[Place]) -> list[list[str]]:
        return [
            _count_cell(
                p,
                len(by_locality.get(p.id, [])),
                LOCALITIES_INDEX,
                locality_page(p.id),
                p.id in by_locality,
            )
            for p in listed
        ]

    for region_id in japan_region_order():
        region = places.places[region_id]
        members = [p for p in places.localities("jp") if p.region == region_id]
        body += [f"### {escape(region.name)}", table(header, rows_for(members))]
    vietnam = sorted(places.localities("vn"), key=lambda p: p.names["en"])
    for heading, former in ((label("vn_current"), False), (label("vn_former"), True)):
        listed = [p for p in vietnam if bool(p.merged_into) == former]
        body += [
            f"## {escape(label('vietnam'))}: {escape(heading)}",
            table(header, rows_for(listed)),
        ]
    return page(label("localities_index"), body)


def _place_notes(place: Place, page_path: str) -> list[str]:
    places = gazetteer().places
    kind = label(f"kind_{place.kind}")
    country = label("japan") if place.country == "jp" else label("vietnam")
    notes = [f"*{escape(country)} · {escape(kind)}" + (f" · {place.iso}*" if place.iso else "*")]
    if other := _other_names(place):
        notes.append(f"{escape(label('other_names'))}: {other}")
    if place.merged_into:
        parent = places[place.merged_into]
        text = label("merged_note").format(
            name=escape(place.name),
            parent=link(parent.name, locality_page(parent.id), page_path),
            date=escape(_display_date(place.merged_on)),
        )
        notes.append(f"!!! note\n\n    {text}")
    return notes


def _summary(place: Place, briefs: list[Brief], page_path: str, place_ids: set[str]) -> list[str]:
    other = "partners_vn" if place.country == "jp" else "partners_jp"
    items = [
        f"- **{escape(label('count_briefs'))}:** {len(briefs)}",
        f"- **{escape(label('period'))}:** {escape(summary.period(briefs))}",
    ]
    if partner_links := summary.partners(briefs, place.country, page_path):
        items.append(f"- **{escape(label(other))}:** {partner_links}")
    body = [f"## {escape(label('summary'))}", "\n".join(items)]
    if ties := summary.ties(briefs, place_ids, page_path):
        body += [f"### {escape(label('formal_ties'))}", "\n".join(f"- {t}" for t in ties)]
    if summary.sector_counts(briefs):
        alt = label("sectors_chart").format(name=place.name)
        body.append(f"![{escape(alt)}]({chart_file(place.id).rsplit('/', 1)[-1]})")
    if events := summary.event_timeline(briefs, page_path):
        body += [f"### {escape(label('events'))}", events]
    return body


def print_link(locality_id: str, page_path: str) -> str:
    """Raw link to the PDF that `briefing build` writes into the site (not a docs/ file, so
    MkDocs must not try to resolve it); relative to the page's directory URL."""
    href = posixpath.relpath(f"pdf/{locality_id}.pdf", page_url(page_path))
    return f'<a href="{html.escape(href)}" class="print-pdf">{escape(label("print_pdf"))}</a>'


def chart_file(place_id: str) -> str:
    """docs path of a place's sector chart, beside its page."""
    kind = "regions" if gazetteer().places[place_id].kind == "region" else "localities"
    return f"{kind}/{place_id}-sectors.svg"


def locality_page_text(place: Place, listed: LocalityBriefs, with_pages: set[str]) -> str:
    """One prefecture or province: names, status, summary, briefs, and its former provinces."""
    places = gazetteer().places
    target = locality_page(place.id)
    briefs, history = listed.own, listed.history
    body = _place_notes(place, target)
    feed = locality_feed(place.id) if briefs else None
    links = [print_link(place.id, target)] + ([feed_link(feed, target)] if feed else [])
    body.append(" · ".join(links))
    body += _summary(place, briefs + history, target, {place.id, *place.formed_from})
    body += [f"## {escape(label('briefs'))}", brief_list(briefs, target)]
    if len(place.formed_from) > 1:
        names = ", ".join(
            link(places[p].name, locality_page(p), target)
            if p in with_pages
            else escape(places[p].name)
            for p in place.formed_from
            if p != place.id
        )
        body += [f"## {escape(label('former_provinces'))}", names]
        if history:
            body += [f"## {escape(label('history'))}", brief_list(history, target)]
    return page(place.name, body, feed, keywords=list(place.aliases))


def region_page_text(region: Place, briefs: list[Brief], linked: set[str]) -> str:
    """One region: its members, a summary and the briefs that concern it."""
    target = region_page(region.id)
    places = gazetteer().places
    members = ", ".join(
        link(places[m].name, locality_page(m), target) if m in linked else escape(places[m].name)
        for m in region.members
    )
    body = _place_notes(region, target)[:2] + [f"**{escape(label('members'))}:** {members}"]
    body += _summary(region, briefs, target, {region.id, *region.members})
    body += [f"## {escape(label('briefs'))}", brief_list(briefs, target)]
    return page(region.name, body, keywords=list(region.aliases))


def regions_index(by_region: dict[str, list[Brief]]) -> str:
    """Every region with its count of briefs."""
    header = [escape(label("regions")), escape(label("other_names")), escape(label("briefs"))]
    rows = [
        _count_cell(r, len(by_region.get(r.id, [])), REGIONS_INDEX, region_page(r.id))
        for r in gazetteer().regions()
    ]
    return page(label("regions_index"), [escape(label("regions_intro")), table(header, rows)])


def sector_page_text(sector_id: str, briefs: list[Brief], linked: set[str]) -> str:
    """One sector: its place in the taxonomy and its briefs."""
    taxonomy = sectors()
    sector = taxonomy[sector_id]
    target = sector_page(sector_id)
    body = []
    if sector.parent:
        parent = taxonomy[sector.parent]
        parent_link = link(parent.name, sector_page(parent.id), target)
        body.append(f"**{escape(label('parent_sector'))}:** {parent_link}")
    children = [s for s in taxonomy.values() if s.parent == sector_id]
    if children:
        items = ", ".join(
            link(c.name, sector_page(c.id), target) if c.id in linked else escape(c.name)
            for c in children
        )
        body.append(f"**{escape(label('sub_sectors'))}:** {items}")
    body += [
        feed_link(sector_feed(sector_id), target),
        f"**{escape(label('count_briefs'))}:** {len(briefs)}",
        brief_table(briefs, target),
    ]
    return page(sector.name, body, sector_feed(sector_id), keywords=[])


def sectors_index(by_sector: dict[str, list[Brief]]) -> str:
    """Every sector with its count of briefs."""
    rows = []
    for sector in sectors().values():
        count = len(by_sector.get(sector.id, []))
        name = (
            link(sector.name, sector_page(sector.id), SECTORS_INDEX)
            if count
            else escape(sector.name)
        )
        rows.append([("↳ " if sector.parent else "") + name, str(count)])
    header = [escape(label("sectors")), escape(label("briefs"))]
    return page(label("sectors_index"), [escape(label("sectors_intro")), table(header, rows)])


def index_pages(groups: Groups) -> dict[str, str]:
    """Every locality, region and sector page with its chart, and their indexes."""
    places = gazetteer().places
    pages: dict[str, str] = {}
    localities = locality_pages(groups.by_locality)
    with_pages = set(localities)
    pages[LOCALITIES_INDEX] = localities_index(
        {pid: entry.own for pid, entry in localities.items()}
    )
    for locality_id, listed in localities.items():
        place = places[locality_id]
        pages[locality_page(locality_id)] = locality_page_text(place, listed, with_pages)
        if chart := summary.sector_chart(place, listed.own + listed.history):
            pages[chart_file(locality_id)] = chart
    by_region = groups.by_region
    pages[REGIONS_INDEX] = regions_index(by_region)
    for region_id, listed in by_region.items():
        pages[region_page(region_id)] = region_page_text(places[region_id], listed, with_pages)
        if chart := summary.sector_chart(places[region_id], listed):
            pages[chart_file(region_id)] = chart
    by_sector = groups.by_sector
    pages[SECTORS_INDEX] = sectors_index(by_sector)
    for sector_id, listed in by_sector.items():
        pages[sector_page(sector_id)] = sector_page_text(sector_id, listed, set(by_sector))
    return pages

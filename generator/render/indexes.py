"""Index pages: localities, regions and sectors, each with a page per entry that has briefs."""

from __future__ import annotations

import datetime
from collections import defaultdict

from babel.dates import format_date as babel_format_date

from generator.knowledge import Place, gazetteer, label, sectors
from generator.model import Brief
from generator.render.listing import brief_table, page
from generator.render.markdown import escape, link, table
from generator.render.paths import (
    LOCALITIES_INDEX,
    REGIONS_INDEX,
    SECTORS_INDEX,
    locality_page,
    region_page,
    sector_page,
)

JAPAN_REGION_ORDER = (
    "jp/hokkaido-region",
    "jp/tohoku",
    "jp/kanto",
    "jp/chubu",
    "jp/kansai",
    "jp/chugoku",
    "jp/shikoku",
    "jp/kyushu",
    "jp/okinawa-region",
)


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


def _count_cell(place: Place, count: int, page_path: str, target: str) -> list[str]:
    name = link(place.name, target, page_path) if count else escape(place.name)
    return [name, _other_names(place), str(count)]


def localities_index(by_locality: dict[str, list[Brief]]) -> str:
    """Japan's prefectures by region and Vietnam's provinces, with counts and links."""
    places = gazetteer()
    header = [escape(label("localities")), escape(label("other_names")), escape(label("briefs"))]
    body = [escape(label("localities_intro")), f"## {escape(label('japan'))}"]
    for region_id in JAPAN_REGION_ORDER:
        region = places.places[region_id]
        members = [p for p in places.localities("jp") if p.region == region_id]
        rows = [
            _count_cell(p, len(by_locality.get(p.id, [])), LOCALITIES_INDEX, locality_page(p.id))
            for p in members
        ]
        body += [f"### {escape(region.name)}", table(header, rows)]
    vietnam = sorted(places.localities("vn"), key=lambda p: p.names["en"])
    for heading, former in ((label("vn_current"), False), (label("vn_former"), True)):
        rows = [
            _count_cell(p, len(by_locality.get(p.id, [])), LOCALITIES_INDEX, locality_page(p.id))
            for p in vietnam
            if bool(p.merged_into) == former
        ]
        body += [f"## {escape(label('vietnam'))}: {escape(heading)}", table(header, rows)]
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
            name=place.name, parent=parent.name, date=_display_date(place.merged_on)
        )
        notes.append(f"!!! note\n\n    {escape(text)}")
    return notes


def locality_page_text(place: Place, briefs: list[Brief]) -> str:
    """One prefecture or province: its names, status and briefs."""
    target = locality_page(place.id)
    body = _place_notes(place, target)
    body += [f"**{escape(label('count_briefs'))}:** {len(briefs)}", brief_table(briefs, target)]
    return page(place.name, body)


def region_page_text(region: Place, briefs: list[Brief], linked: set[str]) -> str:
    """One region: its members and the briefs that concern it."""
    target = region_page(region.id)
    places = gazetteer().places
    members = ", ".join(
        link(places[m].name, locality_page(m), target) if m in linked else escape(places[m].name)
        for m in region.members
    )
    body = _place_notes(region, target)[:2] + [
        f"**{escape(label('members'))}:** {members}",
        f"**{escape(label('count_briefs'))}:** {len(briefs)}",
        brief_table(briefs, target),
    ]
    return page(region.name, body)


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
    body += [f"**{escape(label('count_briefs'))}:** {len(briefs)}", brief_table(briefs, target)]
    return page(sector.name, body)


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


def index_pages(briefs: list[Brief]) -> dict[str, str]:
    """Every locality, region and sector page, and their indexes."""
    places = gazetteer().places
    pages: dict[str, str] = {}
    by_locality = briefs_by_locality(briefs)
    pages[LOCALITIES_INDEX] = localities_index(by_locality)
    for locality_id, listed in by_locality.items():
        pages[locality_page(locality_id)] = locality_page_text(places[locality_id], listed)
    by_region = briefs_by_region(briefs)
    pages[REGIONS_INDEX] = regions_index(by_region)
    for region_id, listed in by_region.items():
        pages[region_page(region_id)] = region_page_text(
            places[region_id], listed, set(by_locality)
        )
    by_sector = briefs_by_sector(briefs)
    pages[SECTORS_INDEX] = sectors_index(by_sector)
    for sector_id, listed in by_sector.items():
        pages[sector_page(sector_id)] = sector_page_text(sector_id, listed, set(by_sector))
    return pages

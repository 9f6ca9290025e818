"""Index pages: localities, regions and sectors, each with a page per entry that has briefs."""

from __future__ import annotations

import datetime
import html
from collections import defaultdict
from dataclasses import dataclass, field

from babel.dates import format_date as babel_format_date

from generator.knowledge import Place, gazetteer, label, sectors
from generator.model import Brief
from generator.render import summary, tilemap
from generator.render.feeds import locality_feed, sector_feed
from generator.render.finder import finder_block
from generator.render.listing import brief_list, feed_link, page
from generator.render.markdown import escape, html_href, link, table
from generator.render.memo import PageMemo, RenderAll
from generator.render.paths import (
    LOCALITIES_INDEX,
    REGIONS_INDEX,
    SECTORS_INDEX,
    locality_page,
    pdf_path,
    region_page,
    sector_page,
)


@dataclass(frozen=True)
class Groups:
    """Briefs grouped once per render: by locality, region and sector."""

    by_locality: dict[str, list[Brief]]
    by_region: dict[str, list[Brief]]
    by_sector: dict[str, list[Brief]]
    by_mention: dict[str, list[Brief]] = field(default_factory=dict)


@dataclass(frozen=True)
class LocalityBriefs:
    """What a locality's page (and PDF) lists: its own briefs, and those of the former
    provinces merged into it in 2025, as history."""

    own: list[Brief]
    history: list[Brief]
    mentioned: list[Brief] = field(default_factory=list)  # named only in passing

    @property
    def about(self) -> list[Brief]:
        """The briefs the page is about: its own and its former provinces'."""
        return self.own + self.history


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


def briefs_by_mention(briefs: list[Brief]) -> dict[str, list[Brief]]:
    """Briefs under each locality they name only in passing."""
    return _by_key(briefs, lambda brief: brief.mentions)


def group_briefs(briefs: list[Brief]) -> Groups:
    """Every grouping the pages, feeds and PDFs need, computed once."""
    return Groups(
        briefs_by_locality(briefs),
        briefs_by_region(briefs),
        briefs_by_sector(briefs),
        briefs_by_mention(briefs),
    )


def locality_pages(
    by_locality: dict[str, list[Brief]], by_mention: dict[str, list[Brief]] | None = None
) -> dict[str, LocalityBriefs]:
    """The localities that get a page, by id: every prefecture and province of today (the
    map links them all), and the former provinces that briefs name."""
    places = gazetteer()
    by_mention = by_mention or {}
    current = {p.id for c in ("jp", "vn") for p in places.localities(c) if not p.merged_into}
    with_pages = current | set(by_locality) | set(by_mention)
    return {
        locality_id: LocalityBriefs(
            own=by_locality.get(locality_id, []),
            history=_history(locality_id, by_locality),
            mentioned=by_mention.get(locality_id, []),
        )
        for locality_id in sorted(with_pages)
    }


def _history(locality_id: str, by_locality: dict[str, list[Brief]]) -> list[Brief]:
    """Briefs on the former provinces merged into a locality, once each, except those that
    also name the locality itself (they are its own)."""
    seen = {brief.id for brief in by_locality.get(locality_id, [])}
    history = []
    for former in gazetteer().places[locality_id].formed_from:
        for brief in by_locality.get(former, []) if former != locality_id else []:
            if brief.id not in seen:
                seen.add(brief.id)
                history.append(brief)
    return history


def print_jobs_of(groups: Groups) -> dict[str, list[Brief]]:
    """What gets a printed brief: each locality page and region with briefs, by page id."""
    jobs = {lid: entry.about for lid, entry in locality_pages(groups.by_locality).items()}
    jobs = {lid: listed for lid, listed in jobs.items() if listed}
    jobs.update({rid: listed for rid, listed in sorted(groups.by_region.items())})
    return jobs


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


@dataclass(frozen=True)
class Finder:
    """What the map and the finder show: counts per current locality (former provinces
    included), per locality of any time, and which localities and regions have pages."""

    counts: dict[str, int]
    own: dict[str, int]
    pages: set[str]
    region_pages: set[str]

    def blocks(self, page_path: str) -> list[str]:
        """The maps, then the finder, as blocks of the page at page_path."""
        return [
            tilemap.maps_block(self.counts, page_path),
            *finder_block(self.counts, self.own, self.pages, self.region_pages, page_path),
        ]


def finder_of(localities: dict[str, LocalityBriefs], region_ids: set[str]) -> Finder:
    """The map's and finder's counts from the locality pages."""
    return Finder(
        counts={lid: len(entry.about) for lid, entry in localities.items()},
        own={lid: len(entry.own) for lid, entry in localities.items()},
        pages=set(localities),
        region_pages=region_ids,
    )


def localities_index(finder: Finder) -> str:
    """The maps of both countries and the finder: localities with briefs by region."""
    body = [escape(label("localities_intro")), *finder.blocks(LOCALITIES_INDEX)]
    return page(label("localities_index"), body, keywords=[], hide=("navigation",))


def _place_notes(place: Place, page_path: str, pages: set[str] = frozenset()) -> list[str]:
    places = gazetteer().places
    kind = label(f"kind_{place.kind}")
    if place.scheme:
        kind = label(f"kind_region_{place.scheme.replace('-', '_')}")
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
    formers = [places[f] for f in place.formed_from if f != place.id]
    if formers:
        text = label("formed_from_note").format(
            name=escape(place.name),
            date=escape(_display_date(formers[0].merged_on)),
            names=", ".join(
                link(f.name, locality_page(f.id), page_path) if f.id in pages else escape(f.name)
                for f in formers
            ),
        )
        notes.append(f"!!! note\n\n    {text}")
    return notes


def _summary(place: Place, briefs: list[Brief], page_path: str, place_ids: set[str]) -> list[str]:
    other = "partners_vn" if place.country == "jp" else "partners_jp"
    items = [f"- **{escape(label('count_briefs'))}:** {len(briefs)}"]
    items += [
        f"- **{escape(name)}:** {escape(text)}" for name, text in summary.period_lines(briefs)
    ]
    if place.kind != "region" and (
        partner_links := summary.partners(briefs, place.country, page_path)
    ):
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


def print_link(place_id: str, page_path: str) -> str:
    """Raw link to the PDF that `briefing build` writes into the site (not a docs/ file, so
    MkDocs must not try to resolve it); relative to the page's directory URL."""
    href = html_href(pdf_path(place_id), page_path)
    return f'<a href="{html.escape(href)}" class="print-pdf">{escape(label("print_pdf"))}</a>'


def chart_file(place_id: str) -> str:
    """docs path of a place's sector chart, beside its page."""
    kind = "regions" if gazetteer().places[place_id].kind == "region" else "localities"
    return f"{kind}/{place_id}-sectors.svg"


def _mentioned(listed: LocalityBriefs, target: str) -> list[str]:
    if not listed.mentioned:
        return []
    return [f"## {escape(label('also_mentioned_in'))}", brief_list(listed.mentioned, target)]


def locality_page_text(
    place: Place, listed: LocalityBriefs, with_pages: set[str], print_links: bool = False
) -> str:
    """One prefecture or province: names, status, summary, briefs, its former provinces, and
    the briefs that only mention it."""
    target = locality_page(place.id)
    briefs, history = listed.own, listed.history
    body = _place_notes(place, target, with_pages)
    feed = locality_feed(place.id) if briefs else None
    links = [print_link(place.id, target)] if print_links and listed.about else []
    links += [feed_link(feed, target)] if feed else []
    if links:
        body.append(" · ".join(links))
    if listed.about:
        body += _summary(place, listed.about, target, {place.id, *place.formed_from})
    body += [f"## {escape(label('briefs'))}", brief_list(briefs, target)]
    if history:
        body += [f"## {escape(label('history'))}", brief_list(history, target)]
    body += _mentioned(listed, target)
    return page(place.name, body, feed, keywords=list(place.aliases))


def region_page_text(
    region: Place, briefs: list[Brief], linked: set[str], print_links: bool = False
) -> str:
    """One region: its members, a summary and the briefs that concern it."""
    target = region_page(region.id)
    places = gazetteer().places
    members = ", ".join(
        link(places[m].name, locality_page(m), target) if m in linked else escape(places[m].name)
        for m in region.members
    )
    body = _place_notes(region, target)[:2] + [f"**{escape(label('members'))}:** {members}"]
    if print_links:
        body.append(print_link(region.id, target))
    body += _summary(region, briefs, target, {region.id, *region.members})
    body += [f"## {escape(label('briefs'))}", brief_list(briefs, target)]
    return page(region.name, body, keywords=list(region.aliases))


def region_sets() -> list[tuple[str, list[Place]]]:
    """Regions as the regions index groups them: Vietnam's socio-economic regions, its other
    named regions, then Japan's (each in gazetteer order)."""
    regions = [p for p in gazetteer().places.values() if p.kind == "region"]
    return [
        (label("vn_socio_economic"), [r for r in regions if r.country == "vn" and r.scheme]),
        (label("vn_named_regions"), [r for r in regions if r.country == "vn" and not r.scheme]),
        (label("jp_regions"), [r for r in regions if r.country == "jp"]),
    ]


def regions_index(by_region: dict[str, list[Brief]]) -> str:
    """Every region with its count of briefs, grouped by country and kind."""
    header = [escape(label("regions")), escape(label("other_names")), escape(label("briefs"))]
    body = [escape(label("regions_intro"))]
    for heading, regions in region_sets():
        rows = [
            _count_cell(r, len(by_region.get(r.id, [])), REGIONS_INDEX, region_page(r.id))
            for r in regions
        ]
        body += [f"## {escape(heading)}", table(header, rows)]
    return page(label("regions_index"), body)


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
        brief_list(briefs, target),
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


def index_pages(
    groups: Groups,
    finder: Finder,
    print_links: bool = False,
    memo: PageMemo | RenderAll | None = None,
) -> dict[str, str | None]:
    """Every locality, region and sector page with its chart, and their indexes (None for a
    page the memo kept)."""
    memo = memo or RenderAll()
    places = gazetteer().places
    pages: dict[str, str | None] = {}
    localities = locality_pages(groups.by_locality, groups.by_mention)
    with_pages = set(localities)
    pages[LOCALITIES_INDEX] = memo.page(LOCALITIES_INDEX, localities_index, finder)
    for locality_id, listed in localities.items():
        place = places[locality_id]
        path = locality_page(locality_id)
        pages[path] = memo.page(path, locality_page_text, place, listed, with_pages, print_links)
        _chart(pages, memo, chart_file(locality_id), place, listed.about)
    by_region = groups.by_region
    pages[REGIONS_INDEX] = memo.page(REGIONS_INDEX, regions_index, by_region)
    for region_id, listed in by_region.items():
        path = region_page(region_id)
        region = places[region_id]
        pages[path] = memo.page(path, region_page_text, region, listed, with_pages, print_links)
        _chart(pages, memo, chart_file(region_id), region, listed)
    by_sector = groups.by_sector
    pages[SECTORS_INDEX] = memo.page(SECTORS_INDEX, sectors_index, by_sector)
    for sector_id, listed in by_sector.items():
        path = sector_page(sector_id)
        pages[path] = memo.page(path, sector_page_text, sector_id, listed, set(by_sector))
    return pages


def _chart(
    pages: dict[str, str | None],
    memo: PageMemo | RenderAll,
    path: str,
    place: Place,
    briefs: list[Brief],
) -> None:
    """A place's sector chart, when its briefs name a sector."""
    chart = memo.page(path, summary.sector_chart, place, briefs)
    if chart is not None or path in memo.kept:
        pages[path] = chart

"""The partnerships page: Vietnamese × Japanese localities named together, and formal ties."""

from __future__ import annotations

from collections import defaultdict

from generator.knowledge import gazetteer, label
from generator.model import Brief
from generator.render import summary
from generator.render.listing import brief_list, page
from generator.render.markdown import escape, link, table
from generator.render.paths import PARTNERSHIPS, locality_page


def pair_page(vn_id: str, jp_id: str) -> str:
    """docs path of the page listing the briefs that name both localities."""
    return f"partnerships/{vn_id.split('/')[1]}--{jp_id.split('/')[1]}.md"


def pairs(briefs: list[Brief]) -> dict[tuple[str, str], list[Brief]]:
    """Briefs under each (Vietnamese, Japanese) pair of localities they name together."""
    grouped: dict[tuple[str, str], list[Brief]] = defaultdict(list)
    for brief in briefs:
        for vn_id in (x for x in brief.localities if x.startswith("vn/")):
            for jp_id in (x for x in brief.localities if x.startswith("jp/")):
                grouped[(vn_id, jp_id)].append(brief)
    return dict(sorted(grouped.items()))


def partnerships_page(grouped: dict[tuple[str, str], list[Brief]], briefs: list[Brief]) -> str:
    """The matrix of pairs (counts linking to pair pages) and the list of formal ties."""
    places = gazetteer().places
    vn_ids = sorted({vn for vn, _ in grouped}, key=lambda p: places[p].names["en"])
    jp_ids = sorted({jp for _, jp in grouped}, key=lambda p: places[p].names["en"])
    header = [""] + [link(places[j].name, locality_page(j), PARTNERSHIPS) for j in jp_ids]
    rows = []
    for vn_id in vn_ids:
        row = [link(places[vn_id].name, locality_page(vn_id), PARTNERSHIPS)]
        for jp_id in jp_ids:
            listed = grouped.get((vn_id, jp_id))
            row.append(
                link(str(len(listed)), pair_page(vn_id, jp_id), PARTNERSHIPS) if listed else ""
            )
        rows.append(row)
    body = [escape(label("partnerships_intro"))]
    body.append(table(header, rows) if rows else escape(label("no_briefs")))
    every_place = set(places)
    if ties := summary.ties(briefs, every_place, PARTNERSHIPS):
        body += [f"## {escape(label('formal_ties'))}", "\n".join(f"- {t}" for t in ties)]
    return page(label("partnerships"), body)


def partnership_pages(briefs: list[Brief]) -> dict[str, str]:
    """The partnerships page and one page per pair of localities."""
    places = gazetteer().places
    grouped = pairs(briefs)
    pages = {PARTNERSHIPS: partnerships_page(grouped, briefs)}
    for (vn_id, jp_id), listed in grouped.items():
        target = pair_page(vn_id, jp_id)
        title = label("pair_title").format(vn=places[vn_id].name, jp=places[jp_id].name)
        links = " · ".join(link(places[p].name, locality_page(p), target) for p in (vn_id, jp_id))
        # Pair pages repeat what the locality pages list; kept out of search so they do not
        # crowd out the locality pages.
        pages[target] = page(title, [links, brief_list(listed, target)], searchable=False)
    return pages

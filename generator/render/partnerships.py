"""The partnerships page: pairs of Vietnamese and Japanese localities named together, ranked,
then as a matrix of the localities that have partners, then the formal ties."""

from __future__ import annotations

import html
from collections import Counter, defaultdict

from generator.knowledge import gazetteer, label
from generator.model import Brief
from generator.render import summary
from generator.render.listing import brief_list, page
from generator.render.markdown import date_text, escape, html_href, link, newest_first
from generator.render.memo import PageMemo, RenderAll
from generator.render.paths import PARTNERSHIPS, locality_page
from generator.render.tilemap import count_text

# Matrix cells are shaded like the map: more briefs, darker.
CELL_SHADES = 4


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


def _pair_ties(vn_id: str, jp_id: str, listed: list[Brief]) -> list[tuple[Brief, object]]:
    return [
        (brief, tie)
        for brief in listed
        for tie in brief.ties
        if summary.tie_concerns(tie, {vn_id}) and summary.tie_concerns(tie, {jp_id})
    ]


def _latest(listed: list[Brief]) -> Brief:
    return sorted(listed, key=newest_first)[0]


def ranked(grouped: dict[tuple[str, str], list[Brief]]) -> list[tuple[str, str]]:
    """Pairs by number of briefs, then by latest event (newest first), then by name."""
    places = gazetteer().places

    def key(pair: tuple[str, str]) -> tuple:
        listed = grouped[pair]
        return (-len(listed), newest_first(_latest(listed)), *(places[p].name for p in pair))

    return sorted(grouped, key=key)


def ranked_list(grouped: dict[tuple[str, str], list[Brief]]) -> str:
    """Every pair as one numbered line: its briefs, latest date and formal ties."""
    places = gazetteer().places
    lines = []
    for vn_id, jp_id in ranked(grouped):
        listed = grouped[(vn_id, jp_id)]
        name = label("pair_title").format(vn=places[vn_id].name, jp=places[jp_id].name)
        latest = label("pair_latest").format(date=date_text(_latest(listed).date))
        details = [count_text(len(listed)), latest]
        if ties := _pair_ties(vn_id, jp_id, listed):
            details.append(
                "; ".join(
                    label("tie_" + tie.kind)
                    + (f" ({year})" if (year := summary.tie_year(tie, b)) else "")
                    for b, tie in ties
                )
            )
        lines.append(
            f"1. {link(name, pair_page(vn_id, jp_id), PARTNERSHIPS)} — "
            + escape(" · ".join(details))
        )
    return "\n".join(lines)


def _axis(grouped: dict[tuple[str, str], list[Brief]], side: int) -> list[str]:
    """One country's localities with partners, those with most briefs in pairs first."""
    places = gazetteer().places
    totals = Counter()
    for pair, listed in grouped.items():
        totals[pair[side]] += len(listed)
    return sorted(totals, key=lambda p: (-totals[p], places[p].name))


def matrix(grouped: dict[tuple[str, str], list[Brief]]) -> str:
    """The pair matrix as raw HTML: only localities with partners; the header row and the
    first column stay in view while it scrolls (site.css), each count links to its pair."""
    places = gazetteer().places
    vn_ids, jp_ids = _axis(grouped, 0), _axis(grouped, 1)
    largest = max(len(listed) for listed in grouped.values())

    def href(target: str) -> str:
        return html.escape(html_href(target, PARTNERSHIPS))

    head = "".join(
        f'<th scope="col"><a href="{href(locality_page(j))}">'
        f"<span>{html.escape(places[j].name)}</span></a></th>"
        for j in jp_ids
    )
    rows = []
    for vn_id in vn_ids:
        cells = []
        for jp_id in jp_ids:
            listed = grouped.get((vn_id, jp_id))
            if not listed:
                cells.append("<td></td>")
                continue
            shade = 1 + (CELL_SHADES - 1) * (len(listed) - 1) // max(largest - 1, 1)
            name = label("pair_title").format(vn=places[vn_id].name, jp=places[jp_id].name)
            title = html.escape(f"{name}: {count_text(len(listed))}")
            cells.append(
                f'<td class="shade-{shade}"><a href="{href(pair_page(vn_id, jp_id))}" '
                f'title="{title}" aria-label="{title}">{len(listed)}</a></td>'
            )
        partners = sum(1 for j in jp_ids if (vn_id, j) in grouped)
        rows.append(
            f'<tr><th scope="row"><a href="{href(locality_page(vn_id))}">'
            f"{html.escape(places[vn_id].name)}</a> "
            f'<span class="partner-count">({partners})</span></th>{"".join(cells)}</tr>'
        )
    caption = html.escape(label("matrix_caption"))
    corner = html.escape(label("matrix_corner"))
    return (
        f'<div class="pair-matrix" tabindex="0" role="region" aria-label="{caption}">\n'
        f'<table class="matrix">\n<caption>{caption}</caption>\n'
        f'<thead><tr><th scope="col" class="corner">{corner}</th>{head}</tr></thead>\n'
        f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>"
    )


def partnerships_page(grouped: dict[tuple[str, str], list[Brief]], briefs: list[Brief]) -> str:
    """Ranked pairs, the matrix of localities with partners, and the formal ties."""
    body = [escape(label("partnerships_intro"))]
    if not grouped:
        body.append(escape(label("no_briefs")))
        return page(label("partnerships"), body)
    body += [
        f"## {escape(label('pairs_ranked'))}",
        ranked_list(grouped),
        f"## {escape(label('pair_matrix'))}",
        escape(label("matrix_intro")),
        matrix(grouped),
    ]
    if ties := summary.ties(briefs, set(gazetteer().places), PARTNERSHIPS):
        body += [f"## {escape(label('formal_ties'))}", "\n".join(f"- {t}" for t in ties)]
    return page(label("partnerships"), body, hide=("navigation", "toc"))


def partnership_pages(
    briefs: list[Brief], memo: PageMemo | RenderAll | None = None
) -> dict[str, str | None]:
    """The partnerships page and one page per pair of localities (None for a page the memo
    kept)."""
    memo = memo or RenderAll()
    grouped = pairs(briefs)
    pages = {PARTNERSHIPS: memo.page(PARTNERSHIPS, partnerships_page, grouped, briefs)}
    for (vn_id, jp_id), listed in grouped.items():
        target = pair_page(vn_id, jp_id)
        pages[target] = memo.page(target, pair_page_text, vn_id, jp_id, listed)
    return pages


def pair_page_text(vn_id: str, jp_id: str, listed: list[Brief]) -> str:
    """The page of one pair of localities: links to both, and their briefs."""
    places = gazetteer().places
    target = pair_page(vn_id, jp_id)
    title = label("pair_title").format(vn=places[vn_id].name, jp=places[jp_id].name)
    links = " · ".join(link(places[p].name, locality_page(p), target) for p in (vn_id, jp_id))
    # Pair pages repeat what the locality pages list; kept out of search so they do not
    # crowd out the locality pages.
    return page(title, [links, brief_list(listed, target)], searchable=False)

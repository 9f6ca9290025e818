"""Render stage: every page of the site as Markdown text, in memory."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from generator.model import Brief
from generator.render.brief import RELATED_SHOWN, render_brief
from generator.render.feeds import feed_pages
from generator.render.indexes import finder_of, group_briefs, index_pages, locality_pages
from generator.render.memo import PageMemo, RenderAll
from generator.render.overview import home, timeline
from generator.render.partnerships import partnership_pages
from generator.render.paths import HOME, TIMELINE


def render_site(
    briefs: list[Brief],
    site_url: str = "",
    added: Mapping[str, datetime.datetime] | None = None,
    print_links: bool = False,
    memo: PageMemo | RenderAll | None = None,
) -> dict[str, str]:
    """Map of docs-relative path to content for every generated page, chart and feed.

    `added` gives when each seed (by path) was first committed, for the feeds of briefs
    without a year; `print_links` is set when the build makes the PDFs they lead to. With a
    `memo`, pages whose file is already right are left out (they are in `memo.kept`).
    """
    memo = memo or RenderAll()
    by_id = {brief.id: brief for brief in briefs}
    pages = {}
    for brief in briefs:
        shown = {other: by_id[other] for other in brief.related[:RELATED_SHOWN]}
        pages[brief.path] = memo.page(brief.path, render_brief, brief, shown)
    groups = group_briefs(briefs)
    finder = finder_of(locality_pages(groups.by_locality, groups.by_mention), set(groups.by_region))
    pages.update(index_pages(groups, finder, print_links, memo))
    pages.update(partnership_pages(briefs, memo))
    counts = {
        "localities": len(groups.by_locality),
        "regions": len(groups.by_region),
        "sectors": len(groups.by_sector),
    }
    pages.update(feed_pages(briefs, groups.by_locality, groups.by_sector, site_url, added, memo))
    pages[TIMELINE] = memo.page(TIMELINE, timeline, briefs)
    pages[HOME] = memo.page(HOME, home, briefs, counts, finder)
    return {path: text for path, text in sorted(pages.items()) if text is not None}

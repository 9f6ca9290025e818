"""The home page and the timeline."""

from __future__ import annotations

import html
from collections import defaultdict

from babel.dates import get_month_names

from generator.knowledge import label
from generator.model import Brief
from generator.render.feeds import ALL_FEED
from generator.render.indexes import Finder
from generator.render.listing import brief_list, brief_meta, feed_link, page
from generator.render.markdown import (
    escape,
    format_date,
    has_year,
    link,
    newest_first,
    short_date,
)
from generator.render.paths import (
    HOME,
    LOCALITIES_INDEX,
    PARTNERSHIPS,
    REGIONS_INDEX,
    SECTORS_INDEX,
    TIMELINE,
)

LATEST_ON_HOME = 10


def _month_name(month: int) -> str:
    return get_month_names("wide", "stand-alone", locale=label("locale"))[month]


def _timeline_entry(brief: Brief) -> str:
    return (
        f"- **{short_date(brief)}** · {link(brief.title, brief.path, TIMELINE)}"
        f' <span class="brief-meta">{brief_meta(brief, full=False)}</span>'
    )


def _month_heading(year: int, month: int | None) -> str:
    if month is None:
        return label("month_not_stated").format(year=year)
    return f"{_month_name(month)} {year}"


def timeline(briefs: list[Brief]) -> str:
    """Dated events by year and month, newest first; then, quietly, those whose year or whole
    date the texts do not state."""
    by_month: dict[tuple[int, int | None], list[Brief]] = defaultdict(list)
    for brief in sorted((b for b in briefs if has_year(b)), key=newest_first):
        by_month[(brief.date.start.year, brief.date.start.month)].append(brief)
    body = [escape(label("timeline_intro"))]
    current_year = None
    for (year, month), listed in by_month.items():
        if year != current_year:
            current_year = year
            body.append(f"## {year}")
        body.append(f"### {escape(_month_heading(year, month))}")
        body.append("\n".join(_timeline_entry(brief) for brief in listed))
    without = sorted((b for b in briefs if not has_year(b)), key=newest_first)
    if without:
        note = label("without_year_group").format(count=len(without))
        body += [
            f"## {escape(label('year_unknown_group'))}",
            f'<p class="quiet-group">{html.escape(note)}</p>',
            "\n".join(_timeline_entry(brief) for brief in without),
        ]
    return page(label("timeline"), body, keywords=[])


def _period(briefs: list[Brief]) -> str:
    dated = sorted(b.date.start for b in briefs if has_year(b))
    return f"{format_date(dated[0])} – {format_date(dated[-1])}" if dated else ""


def home(briefs: list[Brief], counts: dict[str, int], finder: Finder) -> str:
    """What the site is, the maps and the finder, the latest briefs, and links onwards."""
    links = [
        f"- {link(label('localities_index'), LOCALITIES_INDEX, HOME)}: {counts['localities']}",
        f"- {link(label('regions_index'), REGIONS_INDEX, HOME)}: {counts['regions']}",
        f"- {link(label('sectors_index'), SECTORS_INDEX, HOME)}: {counts['sectors']}",
        f"- {link(label('partnerships'), PARTNERSHIPS, HOME)}",
        f"- {link(label('timeline'), TIMELINE, HOME)}",
        f"- {feed_link(ALL_FEED, HOME)}",
    ]
    facts = f"**{escape(label('count_briefs'))}:** {len(briefs)}"
    if period := _period(briefs):
        facts += f" · **{escape(label('period'))}:** {escape(period)}"
    latest = sorted(briefs, key=newest_first)[:LATEST_ON_HOME]
    body = [
        escape(label("site_intro")),
        facts,
        *finder.blocks(HOME),
        f"## {escape(label('latest_briefs'))}",
        brief_list(latest, HOME),
        f"## {escape(label('more'))}",
        "\n".join(links),
    ]
    return page(label("site_title"), body, ALL_FEED, hide=("navigation",))

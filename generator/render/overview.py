"""The home page and the timeline."""

from __future__ import annotations

from collections import defaultdict

from babel.dates import get_month_names

from generator.knowledge import label
from generator.model import Brief
from generator.render.feeds import ALL_FEED
from generator.render.listing import brief_table, feed_link, page
from generator.render.markdown import escape, link, newest_first
from generator.render.paths import (
    HOME,
    LOCALITIES_INDEX,
    REGIONS_INDEX,
    SECTORS_INDEX,
    TIMELINE,
)

LATEST_ON_HOME = 10


def _month_name(month: int | None) -> str:
    if month is None:  # a date known to the year only (`date: 2024` in an override)
        return label("month_unknown_group")
    return get_month_names("wide", "stand-alone", locale=label("locale"))[month]


def _timeline_entry(brief: Brief) -> str:
    start = brief.date.start
    day = f"{start.day:02d}" if start and start.day else "··"
    return f"- {day} — {link(brief.title, brief.path, TIMELINE)}"


def timeline(briefs: list[Brief]) -> str:
    """Briefs by year and month, then those whose year or date is not stated."""
    groups: dict[tuple, list[Brief]] = defaultdict(list)
    for brief in sorted(briefs, key=newest_first):
        start = brief.date.start
        if start is None:
            groups[("undated",)].append(brief)
        elif start.year is None:
            groups[("year-unknown", start.month)].append(brief)
        else:
            groups[("dated", start.year, start.month)].append(brief)
    body = [escape(label("timeline_intro"))]
    current_year = None
    for key, listed in groups.items():
        if key[0] == "dated":
            if key[1] != current_year:
                current_year = key[1]
                body.append(f"## {current_year}")
            body.append(f"### {escape(_month_name(key[2]))} {key[1]}")
        elif key[0] == "year-unknown":
            if current_year != "year-unknown":
                current_year = "year-unknown"
                body.append(f"## {escape(label('year_unknown_group'))}")
            body.append(f"### {escape(_month_name(key[1]))}")
        else:
            body.append(f"## {escape(label('undated_group'))}")
        body.append("\n".join(_timeline_entry(brief) for brief in listed))
    return page(label("timeline"), body, keywords=[])


def home(briefs: list[Brief], counts: dict[str, int]) -> str:
    """What the site is, counts, links into the indexes, and the latest briefs."""
    links = [
        f"- {link(label('localities_index'), LOCALITIES_INDEX, HOME)}: {counts['localities']}",
        f"- {link(label('regions_index'), REGIONS_INDEX, HOME)}: {counts['regions']}",
        f"- {link(label('sectors_index'), SECTORS_INDEX, HOME)}: {counts['sectors']}",
        f"- {link(label('timeline'), TIMELINE, HOME)}",
        f"- {feed_link(ALL_FEED, HOME)}",
    ]
    latest = sorted(briefs, key=newest_first)[:LATEST_ON_HOME]
    body = [
        escape(label("site_intro")),
        f"**{escape(label('count_briefs'))}:** {len(briefs)}",
        "\n".join(links),
        f"## {escape(label('latest_briefs'))}",
        brief_table(latest, HOME),
    ]
    return page(label("site_title"), body, ALL_FEED)

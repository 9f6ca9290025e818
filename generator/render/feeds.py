"""Atom feeds (site, each locality, each sector) and briefs.json, made from the data only.

Every timestamp comes from the briefs' dates or, for a brief whose year is not known, from
when its seed was first committed (see entry_time), never from the clock, so the same seeds and
history give byte-identical feeds.
"""

from __future__ import annotations

import datetime
import json
import posixpath
from collections.abc import Mapping

from feedgen.feed import FeedGenerator

from generator.knowledge import gazetteer, label, sectors
from generator.model import Brief
from generator.render.brief import brief_front_matter
from generator.render.markdown import date_text, year_note
from generator.render.memo import PageMemo, RenderAll
from generator.text import shorten

FEED_ROOT = "feeds"
ALL_FEED = "feeds/all.xml"
BRIEFS_JSON = "briefs.json"
FEED_ENTRIES = 50
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
SUMMARY_MAX_CHARS = 400


def locality_feed(locality_id: str) -> str:
    """docs path of a locality's feed."""
    return f"{FEED_ROOT}/localities/{locality_id}.xml"


def sector_feed(sector_id: str) -> str:
    """docs path of a sector's feed."""
    return f"{FEED_ROOT}/sectors/{sector_id}.xml"


def page_url(docs_path: str) -> str:
    """Site-relative URL of a Markdown page (directory URLs)."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def entry_time(brief: Brief, added: Mapping[str, datetime.datetime]) -> datetime.datetime:
    """A feed entry's `updated`: the event date when its year is known (a month or year alone
    counts from its first day); otherwise when the seed was first committed (`added`, by seed
    path); otherwise 1970-01-01, so that a story of unknown age never comes out as new."""
    start = brief.date.start
    if start is not None and start.year is not None:
        return datetime.datetime(start.year, start.month or 1, start.day or 1, tzinfo=datetime.UTC)
    return added.get(brief.source, EPOCH)


def _href(target: str, feed_path: str, site_url: str) -> str:
    """Absolute when the site URL is known, else relative to the feed file."""
    if site_url:
        return site_url + target
    relative = posixpath.relpath(target or ".", posixpath.dirname(feed_path))
    return relative + "/" if target.endswith("/") or not target else relative


def atom_feed(
    feed_path: str,
    title: str,
    briefs: list[Brief],
    site_url: str,
    added: Mapping[str, datetime.datetime] | None = None,
) -> str:
    """An Atom feed of the briefs with the latest `updated` times (see entry_time), newest
    first; links are absolute when the site URL is known."""
    added = added or {}
    times = {brief.id: entry_time(brief, added) for brief in briefs}
    latest = sorted(briefs, key=lambda b: (-times[b.id].timestamp(), b.id))[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(f"urn:briefing:{feed_path}")
    feed.title(title)
    feed.updated(max((times[b.id] for b in latest), default=EPOCH))
    feed.link(href=_href(feed_path, feed_path, site_url), rel="self")
    feed.link(href=_href("", feed_path, site_url), rel="alternate")
    feed.generator("briefing")
    for brief in reversed(latest):  # feedgen prepends: add oldest first
        entry = feed.add_entry()
        entry.id(f"urn:briefing:brief:{brief.id}")
        entry.title(brief.title)
        entry.link(href=_href(page_url(brief.path), feed_path, site_url), rel="alternate")
        entry.updated(times[brief.id])
        note = year_note(brief.date)
        when = date_text(brief.date) + (f" ({note})" if note else "")
        entry.summary(f"{when}. {shorten(brief.lead, SUMMARY_MAX_CHARS)}")
        entry.author(name=label("site_title"))
    return feed.atom_str(pretty=True).decode("utf-8")


def briefs_json(briefs: list[Brief]) -> str:
    """Every brief's front matter, its URL and the formal ties it states, for other tools."""
    records = []
    for brief in sorted(briefs, key=lambda b: b.id):
        record = brief_front_matter(brief)
        record["url"] = page_url(brief.path)
        record["ties"] = [
            {
                "kind": t.kind,
                "vn": t.vn_place,
                "jp": t.jp_place,
                "year": t.year,
                "at_event": t.at_event,
            }
            for t in brief.ties
        ]
        records.append(json.dumps(record, ensure_ascii=False))
    # One record a line: readable and diffable, and json's C encoder does it (an indented dump
    # takes its pure-Python path, 1 s at 10,000 briefs, paid after every edit).
    return "[\n" + ",\n".join(records) + "\n]\n"


def feed_pages(
    briefs: list[Brief],
    by_locality: dict[str, list[Brief]],
    by_sector: dict[str, list[Brief]],
    site_url: str,
    added: Mapping[str, datetime.datetime] | None = None,
    memo: PageMemo | RenderAll | None = None,
) -> dict[str, str | None]:
    """The site feed, one per locality and sector with briefs, and briefs.json (None for a
    file the memo kept)."""
    memo = memo or RenderAll()
    added = added or {}
    places = gazetteer().places
    feeds = [(ALL_FEED, label("site_title"), briefs)]
    for locality_id, listed in sorted(by_locality.items()):
        title = f"{label('site_title')}: {places[locality_id].name}"
        feeds.append((locality_feed(locality_id), title, listed))
    for sector_id, listed in sorted(by_sector.items()):
        feeds.append(
            (sector_feed(sector_id), f"{label('site_title')}: {sectors()[sector_id].name}", listed)
        )
    pages: dict[str, str | None] = {}
    for path, title, listed in feeds:
        # Only the feed's own briefs' commit dates: they are all the feed reads of `added`.
        known = {b.source: added[b.source] for b in listed if b.source in added}
        pages[path] = memo.page(path, atom_feed, path, title, listed, site_url, known)
    pages[BRIEFS_JSON] = memo.page(BRIEFS_JSON, briefs_json, briefs)
    return pages

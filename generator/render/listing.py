"""Lists of briefs as they appear on index pages, and the frame of every generated page."""

from __future__ import annotations

import html

from generator.knowledge import gazetteer, label, sectors
from generator.model import Brief
from generator.render.markdown import (
    escape,
    front_matter,
    has_year,
    language_name,
    link,
    newest_first,
    outlet_name,
    short_date,
)
from generator.render.pagefind import names_block
from generator.text import shorten

LEAD_MAX_CHARS = 280


def brief_meta(brief: Brief, full: bool = True) -> str:
    """Places, then (full) sectors, language and outlet of a brief, on one line (escaped)."""
    places = gazetteer().places
    parts = [", ".join(places[p].name for p in brief.localities)]
    if full:
        parts += [
            ", ".join(sectors()[s].name for s in brief.sectors),
            language_name(brief.language),
            outlet_name(brief) or "",
        ]
    return " · ".join(escape(part) for part in parts if part)


def brief_block(brief: Brief, page_path: str) -> str:
    """One brief as one list item: date and title, then places and sectors, then its lead.

    Blank lines separate the item's paragraphs and the items, so that Markdown never folds a
    brief into the lead of the one before it.
    """
    parts = [
        f"- **{short_date(brief)}** · {link(brief.title, brief.path, page_path)}",
        f'    <span class="brief-meta">{brief_meta(brief)}</span>',
    ]
    if lead := shorten(brief.lead, LEAD_MAX_CHARS):
        parts.append(f"    {escape(lead)}")
    return "\n\n".join(parts)


def brief_list(briefs: list[Brief], page_path: str) -> str:
    """Briefs newest first, each one block; those without a year follow, under a quiet note."""
    if not briefs:
        return escape(label("no_briefs"))
    ordered = sorted(briefs, key=newest_first)
    dated = [brief for brief in ordered if has_year(brief)]
    undated = [brief for brief in ordered if not has_year(brief)]
    blocks = ["\n\n".join(brief_block(brief, page_path) for brief in dated)] if dated else []
    if undated:
        note = label("without_year_group").format(count=len(undated))
        blocks.append(f'<p class="quiet-group">{html.escape(note)}</p>')
        blocks.append("\n\n".join(brief_block(brief, page_path) for brief in undated))
    return "\n\n".join(blocks)


def page(
    title: str,
    body: list[str],
    feed: str | None = None,
    keywords: list[str] | None = None,
    searchable: bool = True,
    hide: tuple[str, ...] = (),
) -> str:
    """A generated page: title (and feed) in front matter, the heading, then the body blocks.

    Search finds the page by its heading, its text and its `keywords` (other names, hidden),
    not by the lists and tables of briefs it shows (each brief is found on its own page); with
    searchable=False, not at all. Front matter `search_scope` (summary or none) tells
    generator/hooks/search_page.py. `hide` lists Material's sidebars to leave out
    ("navigation", "toc") on pages that need the width.
    """
    scope = "summary" if searchable else "none"
    meta: dict = {"title": title, **({"feed": feed} if feed else {}), "search_scope": scope}
    if hide:
        meta["hide"] = list(hide)
    names = names_block(keywords or []) if searchable else ""
    blocks = [front_matter(meta), f"# {escape(title)}", *([names] if names else []), *body]
    return "\n\n".join(blocks) + "\n"


def feed_link(feed: str, page_path: str) -> str:
    """The visible link to a page's Atom feed."""
    return link(label("feed"), feed, page_path)

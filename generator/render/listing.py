"""Lists of briefs as they appear on index pages."""

from __future__ import annotations

from generator.knowledge import label, sectors
from generator.model import Brief
from generator.render.markdown import (
    escape,
    front_matter,
    language_name,
    link,
    newest_first,
    short_date,
    table,
)
from generator.render.pagefind import names_block
from generator.text import shorten


def brief_table(briefs: list[Brief], page: str) -> str:
    """Briefs newest first (undated last): date, title, language and sectors."""
    if not briefs:
        return escape(label("no_briefs"))
    rows = [
        [
            short_date(brief),
            link(brief.title, brief.path, page),
            escape(language_name(brief.language)),
            escape(", ".join(sectors()[s].name for s in brief.sectors)),
        ]
        for brief in sorted(briefs, key=newest_first)
    ]
    header = [label("date"), label("brief"), label("language"), label("sectors")]
    return table([escape(h) for h in header], rows)


LEAD_MAX_CHARS = 280


def brief_list(briefs: list[Brief], page_path: str) -> str:
    """Briefs newest first (undated last), each with its date, languages, sectors and lead."""
    if not briefs:
        return escape(label("no_briefs"))
    entries = []
    for brief in sorted(briefs, key=newest_first):
        details = [escape(language_name(brief.language))]
        if brief.sectors:
            details.append(escape(", ".join(sectors()[s].name for s in brief.sectors)))
        entries.append(
            f"- **{short_date(brief)}** — {link(brief.title, brief.path, page_path)}"
            f" · {' · '.join(details)}\n\n    {escape(shorten(brief.lead, LEAD_MAX_CHARS))}"
        )
    return "\n".join(entries)


def page(
    title: str,
    body: list[str],
    feed: str | None = None,
    keywords: list[str] | None = None,
    searchable: bool = True,
) -> str:
    """A generated page: title (and feed) in front matter, the heading, then the body blocks.

    Search finds the page by its heading, its text and its `keywords` (other names, hidden),
    not by the lists and tables of briefs it shows (each brief is found on its own page); with
    searchable=False, not at all. Front matter `search_scope` (summary or none) tells
    generator/hooks/search_page.py.
    """
    scope = "summary" if searchable else "none"
    meta: dict = {"title": title, **({"feed": feed} if feed else {}), "search_scope": scope}
    names = names_block(keywords or []) if searchable else ""
    blocks = [front_matter(meta), f"# {escape(title)}", *([names] if names else []), *body]
    return "\n\n".join(blocks) + "\n"


def feed_link(feed: str, page_path: str) -> str:
    """The visible link to a page's Atom feed."""
    return link(label("feed"), feed, page_path)

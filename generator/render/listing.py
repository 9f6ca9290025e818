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
from generator.render.search import search_meta, with_search_aliases
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

    With `keywords`, search finds the page by them (and its title) rather than by its full
    text; with searchable=False, search does not list the page at all.
    """
    meta: dict = {"title": title, **({"feed": feed} if feed else {})}
    if not searchable:
        meta["search"] = {"exclude": True}
    elif keywords is not None:
        meta.update(search_meta([title, *keywords]))
    text = "\n\n".join([front_matter(meta), f"# {escape(title)}", *body]) + "\n"
    return with_search_aliases(text) if searchable and keywords is None else text


def feed_link(feed: str, page_path: str) -> str:
    """The visible link to a page's Atom feed."""
    return link(label("feed"), feed, page_path)

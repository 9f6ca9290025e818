"""What the site's search (Pagefind) reads on a page besides its text: filters, meta, a sort key.

Pagefind indexes the text of each page's article in the page's own language (brief pages
declare theirs: generator/hooks/search_page.py). The generator adds, in a hidden block that
Pagefind reads but does not index as text (`data-pagefind-ignore`):

- filters a reader narrows results by: country, locality, sector, language and year;
- meta shown with each result (date, places), and meta searched but never shown: every name
  and alias of the places a brief is about (`names`, all scripts), of those it only mentions
  (`mentions`), of the place a listing page is the page of (`subject`), and the sector names.
  The search box ranks results with every word of the query first, then by the meta their
  match is in (subject, then title, names or sectors, then mentions), then by Pagefind's
  score;
- the event date as a sort key.

Every value is HTML-escaped here: Pagefind takes an element's text as the value, so nothing in
a value can become markup or another filter.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from generator.knowledge import gazetteer, label, sectors
from generator.model import Brief
from generator.render.markdown import format_date, language_name

# Meta fields: searched (Pagefind 1.5 searches meta) and weighted by the search box's script
# (overrides/assets/javascripts/search.js), shown or not as that script decides.
NAMES = "names"  # every name of the places a brief is about
MENTIONS = "mentions"  # every name of the places a brief only mentions
SUBJECT = "subject"  # every name of the place a listing page is the page of
UNDATED_SORT_KEY = "0000"  # Pagefind drops pages without the key from sorted results


def place_names(place_ids: Iterable[str]) -> list[str]:
    """Every name and alias of the places, in all scripts, each once, in a stable order."""
    places = gazetteer().places
    names: dict[str, None] = {}
    for place_id in place_ids:
        place = places[place_id]
        names.update(dict.fromkeys([*place.names.values(), *place.aliases]))
    return list(names)


def _element(tag: str, attribute: str, key: str, value: str) -> str:
    text = html.escape(" ".join(value.split()), quote=True)
    return f'<{tag} {attribute}="{key}">{text}</{tag}>' if text else ""


def _filter(key: str, value: str) -> str:
    return _element("span", "data-pagefind-filter", key, value)


def _meta(key: str, value: str) -> str:
    return _element("span", "data-pagefind-meta", key, value)


def hidden_block(parts: Iterable[str]) -> str:
    """A raw HTML block (one line) Pagefind reads for filters and meta, hidden from readers."""
    inner = "".join(part for part in parts if part)
    return f'<div class="search-data" data-pagefind-ignore hidden aria-hidden="true">{inner}</div>'


def _date_text(brief: Brief) -> str:
    start, end = brief.date.start, brief.date.end
    if start is None:
        return label("date_unknown")
    return format_date(start) + (f" – {format_date(end)}" if end else "")


def sort_key(brief: Brief) -> str:
    """The event date as text that sorts in time order (year unknown or undated sort last)."""
    start = brief.date.start
    if start is None:
        return UNDATED_SORT_KEY
    parts = [f"{start.year or 0:04d}"]
    if start.month:
        parts.append(f"{start.month:02d}")
        if start.day:
            parts.append(f"{start.day:02d}")
    return "-".join(parts)


def brief_block(brief: Brief) -> str:
    """The hidden block of a brief page: filters, meta and sort key from its front matter."""
    places = gazetteer().places
    countries = dict.fromkeys(places[p].country for p in brief.localities)
    country_names = {"jp": label("japan"), "vn": label("vietnam")}
    sector_names = [sectors()[s].name for s in brief.sectors]
    year = brief.date.start.year if brief.date.start else None
    parts = [
        *(_filter("country", country_names[c]) for c in countries),
        *(_filter("locality", places[p].name) for p in brief.localities),
        *(_filter("sector", name) for name in sector_names),
        _filter("language", language_name(brief.language)),
        _filter("year", str(year)) if year else "",
        _meta("date", _date_text(brief)),
        _meta("places", ", ".join(places[p].name for p in brief.localities)),
        _meta(NAMES, " ".join(place_names([*brief.localities, *brief.cities, *brief.regions]))),
        _meta(MENTIONS, " ".join(place_names(brief.mentions))),
        _meta("sectors", ", ".join(sector_names)),
        f'<span data-pagefind-sort="date">{sort_key(brief)}</span>',
    ]
    return hidden_block(parts)


def names_block(names: Iterable[str]) -> str:
    """The hidden block of a listing page: the other names of its subject (a place's page
    comes before the briefs about the place)."""
    unique = list(dict.fromkeys(name for name in names if name))
    return hidden_block([_meta(SUBJECT, " ".join(unique))]) if unique else ""

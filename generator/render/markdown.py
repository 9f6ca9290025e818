"""Markdown building blocks: escaping seed text, links, tables, dates, front matter."""

from __future__ import annotations

import datetime
import html
import posixpath
import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import yaml
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_interval, format_skeleton

from generator.knowledge import label
from generator.model import Brief, DateInfo, PartialDate

# Characters Python-Markdown lets a backslash escape (plus | for tables); escaping them keeps
# seed text literal: no emphasis, links, images, code or table cells can come out of it.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|])")
# "=" needs no escape (a setext underline needs a text line above it, and a paragraph is one
# line), and Python-Markdown would print the backslash of "\=".
BLOCK_START = re.compile(r"^(\d+)([.)])(\s)|^(-)")
# libyaml's emitter when PyYAML was built with it (several times faster, same YAML).
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LEAP_YEAR = 2024  # any leap year: formats without a year never show it


def escape(text: str) -> str:
    """Seed text as inert Markdown: HTML-escaped, Markdown syntax backslash-escaped."""
    text = MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))
    return BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}" if m[1] else f"\\{m[4]}", text)


def relative(target: str, page: str) -> str:
    """Link to docs page `target` from docs page `page` (both relative to docs/)."""
    return _relative_to_folder(target, posixpath.dirname(page) or ".")


@cache  # the same few folders link to the same pages many times over
def _relative_to_folder(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def link(text: str, target: str, page: str) -> str:
    """A Markdown link whose visible text is escaped."""
    return f"[{escape(text)}]({relative(target, page)})"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def front_matter(fields: dict[str, Any]) -> str:
    """YAML front matter, written by the YAML library (never by string formatting)."""
    dumped = yaml.dump(fields, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=4096)
    return f"---\n{dumped}---"


def _calendar_date(date: PartialDate) -> datetime.date:
    return datetime.date(date.year or LEAP_YEAR, date.month or 1, date.day or 1)


def _skeleton(date: PartialDate) -> str:
    if date.month is None:
        return "y"
    if date.day is None:
        return "yMMMM"
    return "yMMMMd" if date.year else "MMMMd"


@cache  # CLDR formatting is slow, and 10,000 briefs share a few thousand dates
def format_date(date: PartialDate) -> str:
    """A date at its known precision, in the interface language (CLDR formats)."""
    if date.year and date.month and date.day:  # Babel's yMMMMd skeleton falls back to MMM
        return babel_format_date(_calendar_date(date), "long", locale=label("locale"))
    return format_skeleton(_skeleton(date), _calendar_date(date), locale=label("locale"))


@cache
def format_date_info(info: DateInfo) -> str:
    """The event date or range, with a note on how the year is known."""
    if info.start is None:
        return escape(label("date_unknown"))
    if info.end:
        skeleton = _skeleton(info.start)
        text = format_interval(
            _calendar_date(info.start), _calendar_date(info.end), skeleton, locale=label("locale")
        )
    else:
        text = format_date(info.start)
    note = year_note(info)
    return escape(text) + (f" *({escape(note)})*" if note else "")


def year_note(info: DateInfo) -> str | None:
    """How the year of a date is known, in words (None when the text states it)."""
    if info.start is None or info.year_source == "text":
        return None
    if info.year_source == "inferred" and info.year_evidence:
        return label(f"year_evidence_{info.year_evidence.replace('-', '_')}")
    notes = {
        "none": "year_not_stated",
        "inferred": "year_source_inferred",
        "related": "year_source_related",
        "override": "year_source_override",
    }
    return label(notes[info.year_source]) if info.year_source in notes else None


@cache
def language_name(code: str) -> str:
    """The language's name in the interface language, from CLDR."""
    name = Locale.parse(label("locale")).languages.get(code)
    return name or code


def date_text(info: DateInfo) -> str:
    """A brief's date at its known precision, or "Date not stated" (plain text)."""
    return format_date(info.start) if info.start else label("date_unknown")


def short_date(brief: Brief) -> str:
    """The date of a brief in a listing (escaped)."""
    return escape(date_text(brief.date))


def has_year(brief: Brief) -> bool:
    """True when the brief's date includes a year."""
    return brief.date.start is not None and brief.date.start.year is not None


def newest_first(brief: Brief) -> tuple:
    """Sort key: briefs with a year newest first (a year or month alone after the dates inside
    it), then those without a year (by month and day, latest first), then undated, then id."""
    start = brief.date.start
    if start is None:
        return (2, 0, 0, 0, brief.id)
    if start.year is None:
        return (1, 0, -(start.month or 0), -(start.day or 0), brief.id)
    return (0, -start.year, -(start.month or 0), -(start.day or 0), brief.id)


def oldest_first(brief: Brief) -> tuple:
    """Sort key: briefs with a year oldest first (a year or month alone before the dates inside
    it), then those without a year (by month and day), then undated, then id."""
    start = brief.date.start
    if start is None:
        return (2, 0, 0, 0, brief.id)
    if start.year is None:
        return (1, 0, start.month or 0, start.day or 0, brief.id)
    return (0, start.year, start.month or 0, start.day or 0, brief.id)


def outlet_name(brief: Brief) -> str | None:
    """The publishing outlet: its name when the page shows it, else the source address's
    domain (without "www."), else None."""
    if brief.outlet:
        return brief.outlet
    host = urlsplit(brief.source_url or "").hostname if brief.source_url else None
    return host.removeprefix("www.") if host else None


def html_href(target: str, page: str) -> str:
    """URL of docs page `target` as written in raw HTML of docs page `page` (directory URLs:
    MkDocs does not rewrite links inside raw HTML)."""
    target_url, page_url = _directory_url(target), _directory_url(page)
    href = posixpath.relpath(target_url or ".", page_url or ".")
    if target.endswith(".md"):
        href = "./" if href == "." else href + "/"
    return href


def _directory_url(docs_path: str) -> str:
    """Site-relative URL of a docs file: pages as folders, other files as they are."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index").rstrip("/")
    return stem

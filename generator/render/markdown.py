"""Markdown building blocks: escaping seed text, links, tables, dates, front matter."""

from __future__ import annotations

import datetime
import html
import posixpath
import re
from functools import cache
from typing import Any

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


def format_date(date: PartialDate) -> str:
    """A date at its known precision, in the interface language (CLDR formats)."""
    if date.year and date.month and date.day:  # Babel's yMMMMd skeleton falls back to MMM
        return babel_format_date(_calendar_date(date), "long", locale=label("locale"))
    return format_skeleton(_skeleton(date), _calendar_date(date), locale=label("locale"))


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
    notes = {
        "none": label("year_not_stated"),
        "inferred": label("year_source_inferred"),
        "related": label("year_source_related"),
        "override": label("year_source_override"),
    }
    note = notes.get(info.year_source)
    return escape(text) + (f" *({escape(note)})*" if note else "")


@cache
def language_name(code: str) -> str:
    """The language's name in the interface language, from CLDR."""
    name = Locale.parse(label("locale")).languages.get(code)
    return name or code


def short_date(brief: Brief) -> str:
    """The date column of a listing."""
    if brief.date.start is None:
        return "—"
    return escape(format_date(brief.date.start))


def newest_first(brief: Brief) -> tuple:
    """Sort key: dated briefs newest first, then year-unknown ones, then undated, then by id."""
    start = brief.date.start
    if start is None:
        return (2, 0, 0, 0, brief.id)
    if start.year is None:
        return (1, 0, -(start.month or 0), -(start.day or 0), brief.id)
    return (0, -start.year, -(start.month or 0), -(start.day or 0), brief.id)

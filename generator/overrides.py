"""Editors' corrections: fields a seed's front matter or its NAME.meta.yaml sidecar sets.

    ---
    date: 2025-11-25          # YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (date_end likewise)
    title: A better headline
    language: vi
    localities: {add: [jp/gunma], remove: [vn/ha-noi]}   # or a list: replaces them all
    sectors: [tourism]                                   # or {add: [...], remove: [...]}
    related: [004-63392cce298afa7e]
    source_url: https://example.org/news/1   # where the article was published
    outlet: Nhân Dân                         # the publishing site's name
    ---

Overrides win over extraction and are validated: a bad value is a warning naming the file,
the field and the valid values, and that field is ignored.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import replace
from typing import Any

import yaml

from generator.extract.language import SUPPORTED
from generator.knowledge import gazetteer, sectors
from generator.model import Brief, DateInfo, PartialDate

log = logging.getLogger("generator")

FIELDS = (
    "date",
    "date_end",
    "title",
    "language",
    "localities",
    "sectors",
    "related",
    "source_url",
    "outlet",
)
DATE_FORMS = re.compile(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


class OverrideError(ValueError):
    """An override value that cannot be used; the message says why and what is valid."""


def split_front_matter(text: str, shown: str) -> tuple[dict[str, Any], str]:
    """Overrides from a leading YAML block, and the article text after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = parse_overrides(match.group(1), shown)
    if fields is None:  # not an override block: keep it as article text
        return {}, text
    return fields, text[match.end() :]


def parse_overrides(yaml_text: str, shown: str) -> dict[str, Any] | None:
    """A mapping of known override fields, or None (with a warning) when the YAML is unusable."""
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as error:
        reason = str(error).splitlines()[0]
        log.warning("%s: overrides ignored: not valid YAML (%s)", shown, reason)
        return None
    if not isinstance(data, dict):
        log.warning("%s: overrides ignored: expected fields such as 'date:' and 'title:'", shown)
        return None
    unknown = sorted(str(key) for key in data if key not in FIELDS)
    if unknown:
        log.warning(
            "%s: unknown override field(s) %s ignored; valid: %s",
            shown,
            ", ".join(unknown),
            ", ".join(FIELDS),
        )
    return {key: value for key, value in data.items() if key in FIELDS}


def parse_date(value: Any) -> PartialDate:
    """An ISO date at any supported precision."""
    match = DATE_FORMS.match(str(value).strip())
    if not match:
        raise OverrideError(f"{value!r} is not YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")
    year, month, day, bare_month, bare_day = match.groups()
    if bare_month:
        return PartialDate(None, int(bare_month), int(bare_day))
    date = PartialDate(int(year), int(month) if month else None, int(day) if day else None)
    if date.month and not 1 <= date.month <= 12 or date.day and not 1 <= date.day <= 31:
        raise OverrideError(f"{value!r} is not a calendar date")
    return date


def _check_ids(ids: Any, valid: list[str], what: str) -> list[str]:
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise OverrideError(f"{what} must be a list of ids")
    for item in ids:
        if item not in valid:
            close = difflib.get_close_matches(item, valid, n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise OverrideError(f"unknown {what} {item!r}{hint}; valid: {', '.join(valid)}")
    return ids


def edit_ids(current: tuple[str, ...], value: Any, valid: list[str], what: str) -> tuple[str, ...]:
    """A list replaces the ids; {add: [...], remove: [...]} edits them."""
    if isinstance(value, dict):
        unknown = set(value) - {"add", "remove"}
        if unknown:
            raise OverrideError(f"{what}: use a list, or 'add:' and 'remove:'")
        added = _check_ids(value.get("add") or [], valid, what)
        removed = set(_check_ids(value.get("remove") or [], valid, what))
        return tuple(sorted((set(current) | set(added)) - removed))
    return tuple(sorted(set(_check_ids(value, valid, what))))


def _apply_one(brief: Brief, field: str, value: Any) -> Brief:
    places = gazetteer().places
    if field == "date":
        return replace(brief, date=DateInfo(parse_date(value), brief.date.end, "override"))
    if field == "date_end":
        return replace(brief, date=replace(brief.date, end=parse_date(value)))
    if field == "title":
        if not isinstance(value, str) or not value.strip():
            raise OverrideError("title must be text")
        return replace(brief, title=" ".join(value.split()), title_generated=False)
    if field == "language":
        if value not in SUPPORTED:
            raise OverrideError(f"unknown language {value!r}; valid: {', '.join(SUPPORTED)}")
        return replace(brief, language=value, language_share=1.0)  # settled by a person
    if field == "localities":
        valid = sorted(p.id for p in places.values() if p.is_locality)
        localities = edit_ids(brief.localities, value, valid, "locality")
        cities = tuple(c for c in brief.cities if places[c].parent in localities)
        return replace(brief, localities=localities, cities=cities)
    if field == "sectors":
        order = list(sectors())
        chosen = edit_ids(brief.sectors, value, order, "sector")
        return replace(brief, sectors=tuple(sorted(chosen, key=order.index)))
    if field == "source_url":
        if not isinstance(value, str) or not value.strip().startswith(("https://", "http://")):
            raise OverrideError("source_url must be an http:// or https:// address")
        return replace(brief, source_url=value.strip())
    if field == "outlet":
        if not isinstance(value, str) or not value.strip():
            raise OverrideError("outlet must be text")
        return replace(brief, outlet=" ".join(value.split()))
    return brief  # `related` is applied by the link stage, which knows every brief


def apply_overrides(brief: Brief, overrides: dict[str, Any], shown: str) -> Brief:
    """The brief with every valid override applied; invalid ones are warned about and skipped."""
    for field in FIELDS:
        if field not in overrides:
            continue
        try:
            brief = _apply_one(brief, field, overrides[field])
        except OverrideError as error:
            log.warning("%s: override '%s' ignored: %s", shown, field, error)
    return brief


def suggestion(brief: Brief, reason: str) -> str:
    """The override an editor would write to settle a reason of `needs_human`."""
    if reason == "year not stated" and brief.date.start:
        fix = f"date: 'YYYY-{brief.date.start.month:02d}-{brief.date.start.day:02d}'"
        if end := brief.date.end:
            fix += f"  date_end: 'YYYY-{end.month:02d}-{end.day:02d}'"
        return fix
    if reason == "no date found":
        return "date: 'YYYY-MM-DD'"
    if reason == "no locality found":
        return "localities: {add: [vn/<province>, jp/<prefecture>]}"
    if reason == "language uncertain":
        return f"language: {brief.language}   # or another of {', '.join(SUPPORTED)}"
    if reason == "language not recognised":
        return f"language: <one of {', '.join(SUPPORTED)}>"
    return ""

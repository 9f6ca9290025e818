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
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import yaml

from generator.extract.language import SUPPORTED
from generator.knowledge import gazetteer, sectors
from generator.model import FIRST_YEAR, LAST_YEAR, Brief, DateInfo, PartialDate

log = logging.getLogger("generator")

DATE_FORMS = re.compile(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))$", re.ASCII)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
MAX_OVERRIDE_CHARS = 64 * 1024  # a few fields; more is not an editor's correction
MAX_DEPTH = 8  # {add: [...]} is three levels deep; deeper nesting is never a valid value
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class OverrideError(ValueError):
    """An override value that cannot be used; the message says why and what is valid."""


class UnsafeYAML(yaml.YAMLError):
    """YAML that parses but could blow up: aliases (a few bytes expand to gigabytes), or
    nesting deeper than any override needs (PyYAML composes recursively)."""


class OverrideLoader(yaml.SafeLoader):
    """Safe YAML without aliases or deep nesting; dates stay text (checked by `parse_date`,
    so `2025-02-29` is a warning, not a crash of the YAML library)."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != TIMESTAMP_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        """Compose one node, refusing aliases and nesting past MAX_DEPTH."""
        if self.check_event(yaml.AliasEvent):
            raise UnsafeYAML("aliases (*name) are not allowed")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise UnsafeYAML(f"nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def split_front_matter(text: str, shown: str) -> tuple[dict[str, Any], str]:
    """Overrides from a leading YAML block, and the article text after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = parse_overrides(match.group(1), shown)
    if fields is None:  # not an override block: keep it as article text
        return {}, text
    return fields, text[match.end() :]


def _load(yaml_text: str) -> Any:
    loader = OverrideLoader(yaml_text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def parse_overrides(yaml_text: str, shown: str) -> dict[str, Any] | None:
    """A mapping of known override fields, or None (with a warning) when the YAML is unusable."""
    if len(yaml_text) > MAX_OVERRIDE_CHARS:
        log.warning("%s: overrides ignored: longer than %d characters", shown, MAX_OVERRIDE_CHARS)
        return None
    try:
        data = _load(yaml_text)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        # An explicit tag (!!timestamp 2025-02-30, !!int x) fails in its constructor.
        reason = (str(error).splitlines() or [type(error).__name__])[0]
        log.warning("%s: overrides ignored: not valid YAML (%s)", shown, reason)
        return None
    if not isinstance(data, dict):
        log.warning("%s: overrides ignored: expected fields such as 'date:' and 'title:'", shown)
        return None
    unknown = sorted(str(key) for key in data if key not in APPLY)
    if unknown:
        log.warning(
            "%s: unknown override field(s) %s ignored; valid: %s",
            shown,
            ", ".join(unknown),
            ", ".join(APPLY),
        )
    return {key: value for key, value in data.items() if key in APPLY}


def parse_date(value: Any) -> PartialDate:
    """An ISO date at any supported precision that exists in the calendar."""
    match = DATE_FORMS.match(str(value).strip()) if isinstance(value, str | int) else None
    if not match:
        raise OverrideError(f"{value!r} is not YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")
    year, month, day, bare_month, bare_day = match.groups()
    if bare_month:
        date = PartialDate(None, int(bare_month), int(bare_day))
    else:
        date = PartialDate(int(year), int(month) if month else None, int(day) if day else None)
    if not date.is_valid():
        raise OverrideError(
            f"{value!r} is not a calendar date between {FIRST_YEAR} and {LAST_YEAR}"
        )
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
        unknown = set(map(str, value)) - {"add", "remove"}
        if unknown:
            raise OverrideError(f"{what}: use a list, or 'add:' and 'remove:'")
        added = _check_ids(value.get("add") or [], valid, what)
        removed = set(_check_ids(value.get("remove") or [], valid, what))
        return tuple(sorted((set(current) | set(added)) - removed))
    return tuple(sorted(set(_check_ids(value, valid, what))))


def _date(brief: Brief, value: Any) -> Brief:
    # The extracted end belonged to the extracted start: a range is restated with date_end.
    return replace(brief, date=DateInfo(parse_date(value), None, "override"))


def _date_end(brief: Brief, value: Any) -> Brief:
    start, end = brief.date.start, parse_date(value)
    if start is None:
        raise OverrideError("no start date: set 'date' too")
    if start.year and end.year is None:  # --MM-DD after a dated start: the same year
        end = end.with_year(start.year)
        if not end.is_valid():
            raise OverrideError(f"{value!r} is not a calendar date in {start.year}")
    info = replace(brief.date, end=end)
    if info.end_before_start():
        raise OverrideError(f"{value!r} is before the date {info.date}")
    return replace(brief, date=info)


def _title(brief: Brief, value: Any) -> Brief:
    if not isinstance(value, str) or not value.strip():
        raise OverrideError("title must be text")
    return replace(brief, title=" ".join(value.split()), title_generated=False)


def _language(brief: Brief, value: Any) -> Brief:
    if not isinstance(value, str) or value not in SUPPORTED:
        raise OverrideError(f"unknown language {value!r}; valid: {', '.join(SUPPORTED)}")
    return replace(brief, language=value, language_share=1.0)  # settled by a person


def _localities(brief: Brief, value: Any) -> Brief:
    places = gazetteer().places
    valid = sorted(p.id for p in places.values() if p.is_locality)
    localities = edit_ids(brief.localities, value, valid, "locality")
    cities = tuple(c for c in brief.cities if places[c].parent in localities)
    return replace(brief, localities=localities, cities=cities)


def _sectors(brief: Brief, value: Any) -> Brief:
    order = list(sectors())
    chosen = edit_ids(brief.sectors, value, order, "sector")
    return replace(brief, sectors=tuple(sorted(chosen, key=order.index)))


def _related(brief: Brief, value: Any) -> Brief:
    # Only the link stage knows every brief: it checks the ids and links both ways.
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise OverrideError("must be a list of brief ids")
    return replace(brief, pinned_related=tuple(value))


def _source_url(brief: Brief, value: Any) -> Brief:
    if not isinstance(value, str) or not value.strip().startswith(("https://", "http://")):
        raise OverrideError("source_url must be an http:// or https:// address")
    return replace(brief, source_url=value.strip())


def _outlet(brief: Brief, value: Any) -> Brief:
    if not isinstance(value, str) or not value.strip():
        raise OverrideError("outlet must be text")
    return replace(brief, outlet=" ".join(value.split()))


# Each field's parser and validator, in the order they apply (date before date_end).
APPLY: dict[str, Callable[[Brief, Any], Brief]] = {
    "date": _date,
    "date_end": _date_end,
    "title": _title,
    "language": _language,
    "localities": _localities,
    "sectors": _sectors,
    "related": _related,
    "source_url": _source_url,
    "outlet": _outlet,
}


def apply_overrides(brief: Brief, overrides: dict[str, Any], shown: str) -> Brief:
    """The brief with every valid override applied; invalid ones are warned about and skipped."""
    for field, apply in APPLY.items():
        if field not in overrides:
            continue
        try:
            brief = apply(brief, overrides[field])
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

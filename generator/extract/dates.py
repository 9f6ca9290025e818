"""Event dates: per-language patterns, month names from CLDR (Babel), never the clock."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_month_names

from generator.knowledge import load
from generator.model import DateInfo, PartialDate

FAR_AHEAD_MONTHS = 2  # an event this far after the publication stamp belongs to the year before


@dataclass(frozen=True)
class DateMention:
    """A date written in the text."""

    start: int
    end: int
    date: PartialDate
    date_end: PartialDate | None
    day_level: bool
    stamp: bool


@cache
def _cldr_month_names(language: str) -> dict[str, int]:
    """Month names and abbreviations (CLDR) of a language, as written, to month numbers."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                months = get_month_names(width, context, locale=language)
            except (ValueError, LookupError):
                continue
            for number, name in months.items():
                names[name.rstrip(".")] = number
    return names


@cache
def month_numbers(language: str) -> dict[str, int]:
    """Month names folded to lower case, to month numbers (for reading a match)."""
    return {name.casefold(): number for name, number in _cldr_month_names(language).items()}


def _month_alternation(language: str) -> str:
    # Case-sensitive, as CLDR writes them: English "May" is a month, the modal "may" is not.
    # A capitalised form is also allowed, for names that begin a sentence ("Novembre").
    names = sorted(_cldr_month_names(language), key=len, reverse=True)
    forms = dict.fromkeys(form for name in names for form in (name, name[:1].upper() + name[1:]))
    return "|".join(re.escape(form) for form in forms)


@cache
def _compiled(language: str) -> dict[str, list[re.Pattern[str]]]:
    data = load("dates.yaml")
    months = _month_alternation(language) if language in data["day_patterns"] else ""

    def compile_all(patterns: list[str]) -> list[re.Pattern[str]]:
        return [re.compile(p.replace("{MONTH}", months)) for p in patterns]

    return {
        "day": compile_all(data["day_patterns"].get(language, []) + data["common_day_patterns"]),
        "month": compile_all(data["month_patterns"].get(language, [])),
    }


def _number(match: re.Match[str], group: str, language: str) -> int | None:
    value = match.groupdict().get(group)
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return month_numbers(language).get(value.casefold().rstrip("."))


def _year(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("era"):
        era_start = load("dates.yaml")["eras"][groups["era"]]
        return era_start + (1 if groups["ey"] == "元" else int(groups["ey"])) - 1
    return None


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    # Without a year, 29 February must stay possible: check against a leap year.
    return 1 <= day <= calendar.monthrange(year or 2024, month)[1]


def _is_stamp(text: str, start: int, end: int) -> bool:
    data = load("dates.yaml")
    window = data["stamp_window"]
    near = text[max(0, start - window) : start] + " " + text[end : end + window]
    return re.search(data["stamp_time"], near) is not None


def _day_mention(text: str, match: re.Match[str], language: str) -> DateMention | None:
    year = _year(match)
    month = _number(match, "m", language) or _number(match, "mn", language)
    day = _number(match, "d", language)
    if not _valid(year, month, day):
        return None
    end_day = _number(match, "d2", language)
    end_month = _number(match, "m2", language) or _number(match, "mn2", language) or month
    date_end = None
    if end_day is not None:
        if not _valid(year, end_month, end_day) or (end_month, end_day) <= (month, day):
            return None
        date_end = PartialDate(year, end_month, end_day)
    return DateMention(
        match.start(),
        match.end(),
        PartialDate(year, month, day),
        date_end,
        day_level=True,
        stamp=_is_stamp(text, match.start(), match.end()),
    )


def _non_overlapping(mentions: list[DateMention]) -> list[DateMention]:
    """Longest mention first at each place; later overlapping ones are dropped."""
    chosen: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen


def find_dates(text: str, language: str) -> list[DateMention]:
    """Every day-level and month-level date written in the text, in reading order."""
    patterns = _compiled(language)
    mentions = [
        mention
        for pattern in patterns["day"]
        for match in pattern.finditer(text)
        if (mention := _day_mention(text, match, language))
    ]
    for pattern in patterns["month"]:
        for match in pattern.finditer(text):
            month = _number(match, "m", language) or _number(match, "mn", language)
            year = _year(match)
            if _valid(year, month, None):
                date = PartialDate(year, month, None)
                mentions.append(DateMention(match.start(), match.end(), date, None, False, False))
    return _non_overlapping(mentions)


def _year_from_stamp(event: PartialDate, stamp: PartialDate) -> int:
    assert stamp.year is not None and event.month is not None and stamp.month is not None
    months_ahead = (event.month - stamp.month) % 12
    if event.month > stamp.month and months_ahead > FAR_AHEAD_MONTHS:
        return stamp.year - 1
    return stamp.year


def relative_day(text: str, language: str) -> int | None:
    """Offset in days of the first relative day word in the text ("hôm qua": -1), if any."""
    for word, offset in load("dates.yaml")["relative_days"].get(language, {}).items():
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            return offset
    return None


def _relative_date(text: str, language: str, stamp: PartialDate) -> PartialDate | None:
    offset = relative_day(text, language)
    if offset is None:
        return None
    assert stamp.year and stamp.month and stamp.day
    day = datetime.date(stamp.year, stamp.month, stamp.day) + datetime.timedelta(days=offset)
    return PartialDate(day.year, day.month, day.day)


def _with_year(info: DateInfo, year: int, evidence: str) -> DateInfo:
    assert info.start is not None
    end = info.end.with_year(year) if info.end else None
    return DateInfo(info.start.with_year(year), end, "inferred", evidence)


def choose_date(mentions: list[DateMention], text: str, language: str) -> DateInfo:
    """The event date: the first day-level date that is not a publication stamp.

    A missing year comes from the publication stamp, else from the latest year of the
    other dates in the text (both marked `inferred`); never from the clock.
    """
    stamps = [m.date for m in mentions if m.stamp and m.date.year]
    events = [m for m in mentions if m.day_level and not m.stamp]
    if not events:
        relative = _relative_date(text, language, stamps[0]) if stamps else None
        return DateInfo(relative, None, "inferred", "stamp") if relative else DateInfo()
    event = events[0]
    info = DateInfo(event.date, event.date_end, "text" if event.date.year else "none")
    if event.date.year:
        return info
    if stamps:
        return _with_year(info, _year_from_stamp(event.date, stamps[0]), "stamp")
    other_years = [m.date.year for m in mentions if m is not event and m.date.year]
    if other_years:
        return _with_year(info, max(other_years), "other-date")
    return info


def extract_date(paragraphs: list[str], language: str) -> DateInfo:
    """The event date of a document's paragraphs."""
    text = "\n".join(paragraphs)
    return choose_date(find_dates(text, language), text, language)

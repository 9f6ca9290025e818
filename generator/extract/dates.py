"""Event dates: per-language patterns, month and weekday names from CLDR (Babel), never the
clock.

The event date is the first day (or, failing one, month) the headline or text gives that is
not history (a date years before the page's time) and not the date of a report about the
event. A year the text leaves out is taken, in this order of trust, from a year in the
headline's event name, the page's publication stamp, an anniversary, the weekday written
with the date, an event name or "this year (2024)" in the text, and last from a date line in
the page's header. Each inferred year records its evidence (`DateInfo.year_evidence`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from functools import cache

from babel.dates import get_day_names, get_month_names

from generator.knowledge import typed
from generator.model import FIRST_YEAR, LAST_YEAR, DateInfo, PartialDate

FAR_AHEAD_MONTHS = 2  # an event this far after the publication stamp belongs to the year before
ERA_REACH = 120  # characters from an era year to the dates of the programme it names
HISTORY_YEARS = 2  # a dated event this many years before the page's time is history
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)  # the years the site dates events in
LANGUAGES = ("vi", "en", "fr", "id", "de", "ja", "zh", "ko")
YEAR_WORD = re.compile(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/-]|\.\d|\s*[年년])")
# A sentence ends at a full stop that no digit stands before ("50. Jahrestag" goes on).
SENTENCE = re.compile(r"(?:[^.!?。！？\n]|(?<=\d)\.)+[.!?。！？]?")


@dataclass(frozen=True)
class DateSources:
    """The parts of a cleaned page that dates are read from."""

    headline: str | None
    paragraphs: tuple[str, ...]
    stamps: tuple[str, ...] = ()  # the article's publication and update stamps
    page_dates: tuple[str, ...] = ()  # date lines of the page's header (the day it was read)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text."""

    start: int
    end: int
    date: PartialDate
    date_end: PartialDate | None
    day_level: bool
    weekday: int | None = None  # 0 = Monday, when the text writes one beside the date
    from_stamp: bool = False  # a day whose month and year come from the stamp ("29일")


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
    data = typed("dates.yaml")
    months = _month_alternation(language) if language in data.day_patterns else ""

    def compile_all(patterns: list[str]) -> list[re.Pattern[str]]:
        return [re.compile(p.replace("{MONTH}", months)) for p in patterns]

    return {
        "day": compile_all(data.day_patterns.get(language, []) + data.common_day_patterns),
        "month": compile_all(data.month_patterns.get(language, [])),
        "day_only": compile_all(data.day_only.get(language, [])),
        "anniversary": compile_all(data.anniversaries.get(language, [])),
        "this_year": compile_all(data.this_year.get(language, [])),
    }


@cache
def _weekdays(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Weekday names: wide ones anywhere, abbreviated ones inside brackets only."""

    def alternation(width: str) -> str:
        names = {n: i for i, n in get_day_names(width, locale=language).items()}
        return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))

    wide = re.compile(rf"(?i)(?<!\w)(?:{alternation('wide')})(?!\w)")
    short = re.compile(rf"(?i)[(（]\s*(?:{alternation('abbreviated')})\.?\s*(?:曜日|요일)?\s*[)）]")
    return wide, short


def _weekday_number(name: str, language: str) -> int | None:
    name = name.strip("()（） .").removesuffix("曜日").removesuffix("요일").casefold()
    for width in ("wide", "abbreviated"):
        for number, day in get_day_names(width, locale=language).items():
            if day.rstrip(".").casefold() == name:
                return number
    return None


def _weekday_near(text: str, start: int, end: int, language: str) -> int | None:
    """The weekday written just before or after a date ("Rabu (21/12)", "11月14日(金)")."""
    reach = typed("dates.yaml").weekday_reach
    wide, short = _weekdays(language)
    after = text[end : end + reach]
    if match := short.search(text, start, end + reach):  # "7월 12일(화)부터 15일(금)": the first
        return _weekday_number(match.group(), language)
    before = text[max(0, start - reach) : start]
    for window in (before, after):
        found = [m.group() for m in wide.finditer(window)]
        if found:
            return _weekday_number(found[-1] if window is before else found[0], language)
    return None


def _number(match: re.Match[str], group: str, language: str) -> int | None:
    value = match.groupdict().get(group)
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return month_numbers(language).get(value.casefold().rstrip("."))


def era_year(era: str, year: str) -> int:
    """The Gregorian year of a Japanese era year ("令和", "元" → 2019)."""
    return typed("dates.yaml").eras[era] + (1 if year == "元" else int(year)) - 1


def _year(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("era"):
        return era_year(groups["era"], groups["ey"])
    return None


def _day_mention(text: str, match: re.Match[str], language: str) -> DateMention | None:
    year = _year(match)
    month = _number(match, "m", language) or _number(match, "mn", language)
    day = _number(match, "d", language)
    start = PartialDate(year, month, day)
    if month is None or not start.is_valid():
        return None
    end_day = _number(match, "d2", language)
    end_month = _number(match, "m2", language) or _number(match, "mn2", language) or month
    date_end = None
    if end_day is not None:
        date_end = PartialDate(year, end_month, end_day)
        if not date_end.is_valid() or (end_month, end_day) <= (month, day):
            return None
    weekday = _weekday_near(text, match.start(), match.end(), language)
    return DateMention(match.start(), match.end(), start, date_end, True, weekday)


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
    mentions, impossible = [], []
    for pattern in patterns["day"]:
        for match in pattern.finditer(text):
            if mention := _day_mention(text, match, language):
                mentions.append(mention)
            else:
                impossible.append((match.start(), match.end()))  # "30 February", "29/2/2025"
    for pattern in patterns["month"]:
        for match in pattern.finditer(text):
            month = _number(match, "m", language) or _number(match, "mn", language)
            date = PartialDate(_year(match), month, None)
            inside = any(s < match.end() and match.start() < e for s, e in impossible)
            if month is not None and date.is_valid() and not inside:
                mentions.append(DateMention(match.start(), match.end(), date, None, False))
    return _non_overlapping(mentions)


def parse_stamp(line: str) -> PartialDate | None:
    """The date a stamp line gives (any supported language), at the precision it has."""
    found = [m for language in LANGUAGES for m in find_dates(line, language) if m.day_level]
    dated = sorted(found, key=lambda m: (m.date.year is None, m.start))
    return dated[0].date if dated else None


def relative_day(text: str, language: str) -> int | None:
    """Offset in days of the first relative day word in the text ("hôm qua": -1), if any."""
    found = _relative_words(text, language)
    return found[0][1] if found else None


def _relative_words(text: str, language: str) -> list[tuple[int, int]]:
    """(position, offset in days) of each relative day word, in reading order."""
    words = typed("dates.yaml").relative_days.get(language, {})
    found = [
        (match.start(), offset)
        for word, offset in words.items()
        for match in re.finditer(_bounded(word), text, re.IGNORECASE)
    ]
    return sorted(found)


def _bounded(word: str) -> str:
    """A word as a pattern with word edges where its script has them (not in CJK or Hangul,
    whose words run into the next: 航线昨天正式, 어제는)."""
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]", word):
        return re.escape(word)
    return rf"(?<!\w){re.escape(word)}(?!\w)"


# --- years -------------------------------------------------------------------------------


def written_years(text: str) -> list[int]:
    """Years the text writes: four-digit years, years of dates, and Japanese era years."""
    years = [int(y) for y in YEAR_WORD.findall(text)]
    years += [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*[年년]", text)]
    # Eras in Latin letters count only beside a programme's dates (elsewhere a word of a name).
    years += [year for _, year in era_mentions(text, latin=False)]
    return [y for y in years if y in YEARS]


def era_mentions(text: str, latin: bool = True) -> list[tuple[int, int]]:
    """(position, Gregorian year) of each Japanese era year the text writes ("令和6年",
    "令和元年度", and with `latin` "Reiwa 6")."""
    eras = "|".join(typed("dates.yaml").eras)
    found = [
        (m.start(), era_year(m[1], m[2]))
        for m in re.finditer(rf"({eras})\s*(\d{{1,2}}|元)\s*年", text)
    ]
    if latin:
        firsts = typed("dates.yaml").latin_eras
        names = "|".join(map(re.escape, firsts))
        for match in re.finditer(rf"(?<!\w)({names})\s+(\d{{1,2}})(?!\d)", text):
            found.append((match.start(), firsts[match[1]] + int(match[2]) - 1))
    return sorted((at, year) for at, year in found if year in YEARS)


def event_name_years(text: str) -> list[int]:
    """Years that belong to an event's name: after a capitalised word, a closing quote or a
    CJK character ("EXPO 2025", "Journées de Hô Chi Minh-Ville à Osaka 2017", "越南节2017")."""
    not_names = set(typed("dates.yaml").not_event_names)
    months = {name.casefold() for lang in LANGUAGES for name in month_numbers(lang)}
    found = []
    for match in YEAR_WORD.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3』」”’\"']\s?$", before):
            found.append(int(match.group(1)))
            continue
        word = re.search(r"([^\s(（]+)\s$", before)
        if word is None:
            continue
        token = word.group(1).strip("\"'“”‘’,")
        if (
            token[:1].isupper()
            and token not in not_names
            and token.casefold().rstrip(".") not in months
            and not token[:1].isdigit()
        ):
            found.append(int(match.group(1)))
    return found


def anniversary_years(text: str, language: str) -> list[int]:
    """Years an anniversary names: the founding year plus the count ("50th anniversary of
    diplomatic relations" → 1973 + 50), when the sentence tells the founding year."""
    bases = typed("dates.yaml").anniversary_bases
    found = []
    for sentence in SENTENCE.findall(text):
        for pattern in _compiled(language)["anniversary"]:
            for match in pattern.finditer(sentence):
                count = int(match.group("n"))
                base = next((b.year for b in bases if any(w in sentence for w in b.words)), None)
                if base is None:
                    written = [y for y in written_years(sentence) if y + count in YEARS]
                    base = min(written) if written else None
                if base is not None and 0 < count < 200:
                    found.append(base + count)
    return found


def this_year(text: str, language: str) -> list[int]:
    """Years the text calls "this year" ("năm nay (2024)", "今年(2025年)")."""
    return [int(m.group("y")) for p in _compiled(language)["this_year"] for m in p.finditer(text)]


def _one(years: list[int]) -> int | None:
    distinct = set(years)
    return distinct.pop() if len(distinct) == 1 else None


def year_from_stamp(event: PartialDate, stamp: PartialDate) -> int:
    """The year of an event that a stamp of that day reports: the stamp's, or the year
    before when the event's month is too far after the stamp's."""
    assert stamp.year is not None and event.month is not None and stamp.month is not None
    months_ahead = (event.month - stamp.month) % 12
    if event.month > stamp.month and months_ahead > FAR_AHEAD_MONTHS:
        return stamp.year - 1
    return stamp.year


def weekday_year(date: PartialDate, weekday: int, allowed: set[int]) -> int | None:
    """The one allowed year in which the date falls on the weekday, if exactly one does."""
    assert date.month is not None and date.day is not None
    fits = [
        year
        for year in sorted(allowed)
        if date.with_year(year).is_valid()
        and datetime.date(year, date.month, date.day).weekday() == weekday
    ]
    return fits[0] if len(fits) == 1 else None


# --- choosing the event date -------------------------------------------------------------


@dataclass(frozen=True)
class Clues:
    """What a page tells about time besides its event date."""

    stamp: PartialDate | None  # the publication stamp (the earliest full one)
    page_date: PartialDate | None  # a date line of the page's header
    headline_event_years: list[int]
    event_years: list[int]
    anniversary: list[int]
    this_year: list[int]
    written: list[int]
    months: set[tuple[int | None, int | None]]  # (month, year) of month-level mentions
    # (position, year) of Japanese era years ("令和6年度", "Reiwa 6")
    eras: list[tuple[int, int]] = field(default_factory=list)


def _full(date: PartialDate | None) -> bool:
    return date is not None and None not in (date.year, date.month, date.day)


def _clues(sources: DateSources, text: str, language: str) -> Clues:
    parsed = [d for d in map(parse_stamp, sources.stamps) if d is not None]
    stamps = [d for d in parsed if _full(d)]
    pages = [d for d in map(parse_stamp, sources.page_dates) if _full(d)]
    clues = Clues(
        stamp=min(stamps) if stamps else None,
        page_date=min(pages) if pages else None,
        headline_event_years=event_name_years(sources.headline or ""),
        event_years=event_name_years(text),
        anniversary=anniversary_years(text, language),
        this_year=this_year(text, language),
        written=written_years(text) + [d.year for d in stamps + pages if d.year],
        months={(m.date.month, m.date.year) for m in find_dates(text, language) if not m.day_level},
        eras=era_mentions(text),
    )
    partial = [d for d in parsed if d.year is None and d.day is not None]
    year = _reference_year(clues)
    if clues.stamp is None and partial and year is not None:
        # A stamp without its year ("9月24日 19時02分"), dated by the page's other clues.
        return replace(clues, stamp=min(partial).with_year(year))
    return clues


def _reference_year(clues: Clues) -> int | None:
    """The page's time, as far as the page tells it."""
    for year in (
        clues.stamp.year if clues.stamp else None,
        _one(clues.headline_event_years),
        _one(clues.anniversary),
        clues.page_date.year if clues.page_date else None,
    ):
        if year is not None:
            return year
    return None


def _is_report(text: str, mention: DateMention, language: str) -> bool:
    data = typed("dates.yaml")
    patterns = [
        data.report_after_any,
        *([data.report_after[language]] if language in data.report_after else []),
    ]
    return any(re.match(pattern, text[mention.end :]) for pattern in patterns)


def _day_only(text: str, language: str, reference: PartialDate) -> list[DateMention]:
    """Days written without their month ("25日", "지난달 29일"), dated by the reference."""
    shifts = typed("dates.yaml").relative_months.get(language, {})
    found = []
    for pattern in _compiled(language)["day_only"]:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 6) : match.start()]
            shift = next((s for word, s in shifts.items() if before.rstrip().endswith(word)), 0)
            day = int(match.group("d"))
            assert reference.month is not None and reference.year is not None
            month_index = reference.year * 12 + reference.month - 1 + shift
            if shift == 0 and reference.day is not None and day > reference.day:
                month_index -= 1  # the 29th read on the 3rd is last month's
            date = PartialDate(month_index // 12, month_index % 12 + 1, day)
            if date.is_valid():
                found.append(
                    DateMention(match.start(), match.end(), date, None, True, from_stamp=True)
                )
    return found


def _shifted(day: PartialDate, offset: int) -> PartialDate:
    assert day.year and day.month and day.day
    moved = datetime.date(day.year, day.month, day.day) + datetime.timedelta(days=offset)
    return PartialDate(moved.year, moved.month, moved.day)


def _weekday_before(text: str, language: str, reference: PartialDate) -> PartialDate | None:
    """A weekday named alone ("on Tuesday", "am Montag"): that day in the week before the
    reference."""
    wide, _ = _weekdays(language)
    match = wide.search(text)
    if match is None:
        return None
    weekday = _weekday_number(match.group(), language)
    assert reference.year and reference.month and reference.day
    ref_day = datetime.date(reference.year, reference.month, reference.day)
    if weekday is None:
        return None
    return _shifted(reference, -((ref_day.weekday() - weekday) % 7))


def _infer_year(mention: DateMention, clues: Clues) -> tuple[int, str] | None:
    """The event's year and how it is known, or None when the page does not tell it."""
    date = mention.date
    choices: list[tuple[int | None, str]] = [(_one(clues.headline_event_years), "event-name")]
    if clues.stamp is not None:
        year = year_from_stamp(date, clues.stamp)
        if (date.month, date.day or 1) > (clues.stamp.month, clues.stamp.day or 1):
            # After the stamp: an announced event, or one of the year before; other clues
            # for the year before decide.
            others = [*clues.anniversary, *clues.event_years, *clues.this_year]
            year = year - 1 if year - 1 in others else year
        choices.append((year, "stamp"))
    choices.append((_one(clues.anniversary), "anniversary"))
    if mention.weekday is not None and date.day is not None:
        allowed = {y + d for y in clues.written + clues.anniversary for d in (-1, 0, 1)}
        choices.append((weekday_year(date, mention.weekday, allowed), "weekday"))
    same_month = [year for month, year in clues.months if month == date.month and year]
    choices += [
        (_one(clues.event_years), "event-name"),
        # A programme's fiscal year just before its dates ("令和6年度 … 8月18日から"); an era
        # year elsewhere may be history ("平成30年7月豪雨").
        (_one([y for at, y in clues.eras if 0 <= mention.start - at <= ERA_REACH]), "era"),
        (_one(clues.this_year), "other-date"),
        (_one(same_month), "other-date"),  # "on March 30 … The March 2025 launch"
        (_recent_months_year(date, clues), "other-date"),
    ]
    if clues.page_date is not None:
        choices.append((year_from_stamp(date, clues.page_date), "stamp"))
    for year, evidence in choices:
        if year is not None and date.with_year(year).is_valid() and _weekday_agrees(mention, year):
            return year, evidence
    return None


def _recent_months_year(date: PartialDate, clues: Clues) -> int | None:
    """The year of the latest months the text tells of ("in April 2025 … at the summit
    (October 2025)"), when the event's month comes after them all: the event follows them
    in that year."""
    dated = [(year, month) for month, year in clues.months if year and month]
    if not dated or date.month is None:
        return None
    latest = max(year for year, _ in dated)
    months = [month for year, month in dated if year == latest]
    return latest if all(month <= date.month for month in months) else None


def _weekday_agrees(mention: DateMention, year: int) -> bool:
    date = mention.date
    if mention.weekday is None or date.day is None or date.month is None:
        return True
    return datetime.date(year, date.month, date.day).weekday() == mention.weekday


def _with_year(mention: DateMention, year: int, evidence: str) -> DateInfo:
    end = mention.date_end.with_year(year) if mention.date_end else None
    if end is not None and end < mention.date.with_year(year):
        end = mention.date_end.with_year(year + 1)  # a range across the new year
    return DateInfo(mention.date.with_year(year), end, "inferred", evidence)


def _event_mentions(text: str, language: str, clues: Clues) -> tuple[list, PartialDate | None]:
    """Candidate event dates in reading order, and the reference they are read against
    (a report's date line, else the publication stamp)."""
    mentions = find_dates(text, language)
    written = [m for m in mentions if m.day_level and _is_report(text, m, language)]
    reference = clues.stamp
    if written and reference is not None:
        report = written[0].date  # a dateline: the report's own day serves as its stamp
        reference = report.with_year(report.year or year_from_stamp(report, reference))
    if reference is not None:
        taken = [(m.start, m.end) for m in mentions]
        day_only = [
            m
            for m in _day_only(text, language, reference)
            if not any(s <= m.start < e or m.start <= s < m.end for s, e in taken)
        ]
        mentions = sorted(mentions + day_only, key=lambda m: m.start)
    reports = [m for m in mentions if m.day_level and _is_report(text, m, language)]
    if reports and not written and reference is not None:
        reference = reports[0].date  # "25일 … 따르면" read against the stamp: the report's day
    history = _reference_year(clues)
    candidates = [
        m
        for m in mentions
        if m not in reports
        and not (history and m.date.year and m.date.year < history - HISTORY_YEARS)
        and not _long_after(m.date, reference)
    ]
    return candidates, reference


def _long_after(date: PartialDate, reference: PartialDate | None) -> bool:
    """A dated day months after the page's stamp is a plan, not the reported event."""
    if reference is None or date.year is None or date.month is None:
        return False
    assert reference.year is not None and reference.month is not None
    months = (date.year - reference.year) * 12 + date.month - reference.month
    return months > FAR_AHEAD_MONTHS


def choose_date(sources: DateSources, language: str) -> DateInfo:
    """The event date of a cleaned page (see the module's docstring)."""
    text = "\n".join([sources.headline or "", *sources.paragraphs])
    clues = _clues(sources, text, language)
    candidates, reference = _event_mentions(text, language, clues)
    day_level = [m for m in candidates if m.day_level]
    lead = (
        len(sources.headline or "") + 1 + len(sources.paragraphs[0] if sources.paragraphs else "")
    )
    lead_months = [m for m in candidates if not m.day_level and m.date.year and m.start < lead]
    relative = _relative_words(text, language)
    lead_day = [m for m in day_level if m.start < lead]
    if reference is not None and relative and relative[0][0] < lead and not lead_day:
        # "Chiều qua, …" in the lead, and no date there: its days elsewhere are background.
        return DateInfo(_shifted(reference, relative[0][1]), None, "inferred", "stamp")
    if day_level:
        mention = day_level[0]
    elif lead_months:
        mention = lead_months[0]  # the text gives its event only a month ("2015年11月から")
    elif reference is not None:
        if relative:
            return DateInfo(_shifted(reference, relative[0][1]), None, "inferred", "stamp")
        day = _weekday_before(text, language, reference)
        return DateInfo(day or reference, None, "inferred", "stamp")
    elif dated_months := [m for m in candidates if m.date.year]:
        mention = dated_months[0]  # the text gives its event only a month
    else:
        return DateInfo()
    if mention.from_stamp:
        return DateInfo(mention.date, mention.date_end, "inferred", "stamp")
    if mention.date.year is not None:
        return DateInfo(mention.date, mention.date_end, "text")
    inferred = _infer_year(mention, clues)
    if inferred is None:
        return DateInfo(mention.date, mention.date_end, "none")
    return _with_year(mention, *inferred)


def extract_date(sources: DateSources, language: str) -> DateInfo:
    """The event date of a document."""
    return choose_date(sources, language)

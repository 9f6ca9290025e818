"""The nouns of the pipeline: plain dataclasses passed from stage to stage."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from functools import total_ordering
from pathlib import Path
from typing import Any

# Years a date may have: news of the cooperation, with room for history and plans. Past 2106
# the build's timestamps (gzip headers, SOURCE_DATE_EPOCH) overflow; 0 is no year at all.
FIRST_YEAR = 1900
LAST_YEAR = 2100
LEAP_YEAR = 2024  # a year-less date may be 29 February


@dataclass(frozen=True)
class Source:
    """A seed file as read from disk."""

    path: str  # as shown to people and written to front matter, e.g. seeds/000_x.txt
    name: str  # file name
    text: str
    encoding: str
    overrides: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Seed:
    """A seed file found in the seed folder: what it reads as, and its text when it was read."""

    file: Path  # where it is on disk
    path: str  # as shown to people (Source.path)
    name: str  # file name
    content: str  # digest of its path, text and overrides (cache.content_digest)
    source: Source | None = None  # None: unchanged since it was last read, so not read again


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of cleaned article text."""

    text: str
    caption: bool = False


@dataclass(frozen=True)
class Document:
    """A seed after cleaning: headline, body paragraphs and source address."""

    source: Source
    headline: str | None
    paragraphs: tuple[Paragraph, ...]
    source_url: str | None
    stamps: tuple[str, ...] = ()  # publication date lines: a year source, not article text
    page_dates: tuple[str, ...] = ()  # date lines of the page's header: the day it was read
    outlet: str | None = None  # the publishing site's name or domain, when the page shows it


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to some precision: any of year, month and day may be missing.

    Dates order by year, month and day, a missing part first: year-less dates before dated
    ones, and 2024 before 2024-01 before 2024-01-01.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order() < other._order()

    def _order(self) -> tuple[int, ...]:
        return tuple(-1 if part is None else part for part in (self.year, self.month, self.day))

    def iso(self) -> str:
        """ISO 8601 at the known precision: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int) -> PartialDate:
        """The same date in the given year."""
        return PartialDate(year, self.month, self.day)

    def is_valid(self) -> bool:
        """True when the date exists in the calendar, in a year the site supports, with a form
        front matter can hold: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD."""
        if self.year is not None and not FIRST_YEAR <= self.year <= LAST_YEAR:
            return False
        if self.month is None:
            return self.year is not None and self.day is None
        if not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return self.year is not None
        return 1 <= self.day <= calendar.monthrange(self.year or LEAP_YEAR, self.month)[1]

    def bounds(self, year: int | None = None) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        """The first and last (year, month, day) the date may stand for; a year-less date is
        read in `year` (or any leap year)."""
        known = self.year or year or LEAP_YEAR
        first = (known, self.month or 1, self.day or 1)
        month = self.month or 12
        last = (known, month, self.day or calendar.monthrange(known, month)[1])
        return first, last


@dataclass(frozen=True)
class DateInfo:
    """The event date of a brief, with how its year is known."""

    start: PartialDate | None = None
    end: PartialDate | None = None
    year_source: str = "none"
    # How an inferred year is known: stamp | weekday | anniversary | event-name | era |
    # other-date | related (None when the year is written with the date, or unknown).
    year_evidence: str | None = None

    @property
    def date(self) -> str | None:
        """Front-matter form of the start date."""
        return self.start.iso() if self.start else None

    @property
    def date_end(self) -> str | None:
        """Front-matter form of the end date."""
        return self.end.iso() if self.end else None

    def end_before_start(self) -> bool:
        """True when the end date lies before the start (a year-less side takes the other's)."""
        if self.start is None or self.end is None:
            return False
        year = self.start.year or self.end.year
        return self.end.bounds(year)[1] < self.start.bounds(year)[0]


@dataclass(frozen=True)
class Tie:
    """A formal tie the text states between a Vietnamese and a Japanese place."""

    kind: str  # friendship | memorandum
    vn_place: str  # a locality or city id
    jp_place: str
    year: int | None = None  # the year the tie was made, as the text gives it
    at_event: bool = True  # made at the reported event (False: it existed before)


@dataclass(frozen=True)
class Extraction:
    """What the extract stage found in one document."""

    language: str
    date: DateInfo
    localities: tuple[str, ...]
    cities: tuple[str, ...]
    regions: tuple[str, ...]
    sectors: tuple[str, ...]
    title: str
    title_generated: bool
    ties: tuple[Tie, ...] = ()
    language_share: float = 1.0  # share of the text in the main language
    mentions: tuple[str, ...] = ()  # localities only named in passing


@dataclass(frozen=True)
class Brief:
    """One article ready to render: front-matter fields plus the cleaned text."""

    id: str
    source: str
    source_url: str | None
    title: str
    title_generated: bool
    language: str
    date: DateInfo
    localities: tuple[str, ...]
    cities: tuple[str, ...]
    regions: tuple[str, ...]
    sectors: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    ties: tuple[Tie, ...] = ()
    related: tuple[str, ...] = ()
    pinned_related: tuple[str, ...] = ()  # set by an editor's `related:` override
    language_share: float = 1.0
    path: str = ""  # page path inside docs/, set by the link stage
    mentions: tuple[str, ...] = ()  # localities only named in passing, not what it is about
    outlet: str | None = None  # the publishing site's name or domain

    @property
    def lead(self) -> str:
        """The first body paragraph, used in listings."""
        for paragraph in self.paragraphs:
            if not paragraph.caption:
                return paragraph.text
        return ""


@dataclass(frozen=True)
class Problem:
    """Something in a seed that needs a human."""

    source: str
    message: str

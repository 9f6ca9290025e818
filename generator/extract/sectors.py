"""Sectors of cooperation, from per-language keyword lists weighed by where they stand."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from generator.knowledge import Sector, sectors, typed
from generator.schema import compile_pattern
from generator.text import fold_char, sentences


def _latin(char: str) -> bool:
    return char.isalnum() and fold_char(char).isascii()


def keyword_pattern(keyword: str) -> str:
    """A keyword as a regex: word-bounded for Latin words, `*` for any ending or beginning."""
    stem = keyword.strip("*")
    bounded_start = r"(?<!\w)" if _latin(stem[0]) else ""
    bounded_end = r"(?!\w)" if _latin(stem[-1]) else ""
    start = r"\w*" if keyword.startswith("*") else bounded_start
    end = r"\w*" if keyword.endswith("*") else bounded_end
    return start + re.escape(stem) + end


def _is_acronym(keyword: str) -> bool:
    return keyword.isupper() and keyword.isascii()


def _keywords(sector: Sector, language: str) -> tuple[str, ...]:
    # English acronyms also apply to any language: "AI", "ODA" and "JICA" are written as
    # such in Vietnamese and Indonesian news.
    own = sector.keywords.get(language, ())
    english = sector.keywords.get("en", ()) if language != "en" else ()
    return own + tuple(k for k in english if _is_acronym(k) and k not in own)


@dataclass(frozen=True)
class _Matcher:
    """One sector's keywords in one language, and the phrases blanked out before them."""

    sector: str
    excluded: re.Pattern[str] | None
    keywords: re.Pattern[str] | None

    def count(self, text: str) -> int:
        """How many times the text uses the sector's keywords."""
        if self.keywords is None:
            return 0
        own_text = self.excluded.sub(" ", text) if self.excluded else text
        return sum(1 for _ in self.keywords.finditer(own_text))


def _alternatives(words: list[str]) -> str:
    # Longest first, so that "nuôi trồng thủy sản" is one use and not also "thủy sản".
    return "|".join(sorted(words, key=len, reverse=True))


def _phrase_pattern(phrase: str) -> str:
    # Pages write the apostrophe both ways: "l'Agriculture" and "l’Agriculture".
    return "['’]".join(re.escape(part) for part in re.split("['’]", phrase))


def _blanking(phrases: list[str] | tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    if not phrases:
        return None
    return re.compile(_alternatives([_phrase_pattern(p) for p in phrases]), flags)


@cache
def _institutions(language: str) -> re.Pattern[str] | None:
    """Names of ministries and departments in the language, as written, which no sector may
    match in."""
    return _blanking(typed("sectors.yaml").institutions.get(language, []), 0)


@cache
def _matchers(language: str) -> list[_Matcher]:
    """Per sector, in taxonomy order: its keyword and exclusion patterns for the language."""
    matchers = []
    for sector in sectors().values():
        words = _keywords(sector, language)
        # Acronyms are matched as written ("AI", not "ai"); the rest ignores case.
        patterns = [
            f"(?-i:{keyword_pattern(k)})" if _is_acronym(k) else keyword_pattern(k) for k in words
        ]
        keywords = re.compile(_alternatives(patterns), re.IGNORECASE) if patterns else None
        matchers.append(_Matcher(sector.id, _blanking(sector.excluded, re.I), keywords))
    return matchers


def _without_institutions(texts: list[str], language: str) -> list[str]:
    institutions = _institutions(language)
    return [institutions.sub(" ", text) for text in texts] if institutions else texts


def _words(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(_alternatives([keyword_pattern(w) for w in words]), re.IGNORECASE)


@cache
def _field_words(language: str) -> re.Pattern[str] | None:
    return _words(typed("sectors.yaml").field_words.get(language, []))


@cache
def _cooperation_words(language: str) -> re.Pattern[str] | None:
    return _words(typed("sectors.yaml").cooperation_words.get(language, []))


CLAUSE_END = re.compile(r"(?<=[;；])\s*")


def in_cooperation_clauses(texts: list[str], language: str) -> set[str]:
    """Sectors named in a clause that speaks of cooperation (agreeing, supporting,
    promoting, exchanging); a semicolon ends a clause, so that condolences and a request
    for support in one sentence stay apart."""
    cooperation = _cooperation_words(language)
    if cooperation is None:
        return set()
    return {
        m.sector
        for text in texts
        for sentence in sentences(text)
        for clause in CLAUSE_END.split(sentence)
        if cooperation.search(clause)
        for m in _matchers(language)
        if m.count(clause)
    }


@cache
def _frames(language: str) -> dict[str, re.Pattern[str]]:
    """Per sector: its keywords inside the language's cooperation frames ("cooperation in
    {kw}", "{kw}分野"), blanked phrases aside."""
    frames = typed("sectors.yaml").cooperation_frames.get(language, [])
    compiled = {}
    for matcher in _matchers(language):
        if frames and matcher.keywords is not None:
            keywords = f"(?:{matcher.keywords.pattern})"
            pattern = "|".join(f"(?:{frame.replace('{kw}', keywords)})" for frame in frames)
            where = f"cooperation_frames.{language}"
            compiled[matcher.sector] = compile_pattern(pattern, "sectors.yaml", where, re.I)
    return compiled


def named_as_fields(texts: list[str], language: str) -> set[str]:
    """Sectors the text names as fields of cooperation: as the object of a cooperation frame
    ("hợp tác nguồn nhân lực"), or in a sentence that lists fields, naming several sectors or
    fewer beside a word for "field" ("lĩnh vực", "分野", "domaines")."""
    evidence = typed("sectors.yaml").evidence
    field_word = _field_words(language)
    frames = _frames(language)
    fields: set[str] = set()
    for text in texts:
        for sentence in sentences(text):
            named = {m.sector for m in _matchers(language) if m.count(sentence)}
            with_field_word = field_word is not None and field_word.search(sentence)
            if len(named) >= evidence.listed_sectors or (
                with_field_word and len(named) >= evidence.listed_with_field_word
            ):
                fields |= named
            fields |= {sector for sector in named if frames[sector].search(sentence)}
    return fields


def extract_sectors(
    headline: str | None, body: list[str], captions: list[str], language: str
) -> tuple[str, ...]:
    """Sector ids the article is about, in taxonomy order: those the text names as fields of
    cooperation, and those whose keywords' weight by where they stand (headline, lead, the
    rest of the text and captions) reaches what `evidence` needs."""
    evidence = typed("sectors.yaml").evidence
    headline, *body = _without_institutions([headline or "", *body], language)
    captions = _without_institutions(captions, language)
    lead, rest = (body[0], body[1:] + captions) if body else ("", captions)
    fields = named_as_fields(body, language)
    cooperation = in_cooperation_clauses(body, language)
    found = []
    for matcher in _matchers(language):
        weight = evidence.headline * (matcher.count(headline) > 0)
        weight += evidence.cooperation * (matcher.sector in cooperation)
        weight += evidence.lead * (matcher.count(lead) > 0)
        weight += evidence.body * sum(matcher.count(text) for text in rest)
        if weight >= evidence.needed or matcher.sector in fields:
            found.append(matcher.sector)
    return tuple(found)

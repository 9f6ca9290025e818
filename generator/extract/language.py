"""Language detection, per paragraph, limited to the languages the site supports."""

from __future__ import annotations

from collections import Counter
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = {
    "vi": Language.VIETNAMESE,
    "ja": Language.JAPANESE,
    "en": Language.ENGLISH,
    "fr": Language.FRENCH,
    "id": Language.INDONESIAN,
    "zh": Language.CHINESE,
    "ko": Language.KOREAN,
    "de": Language.GERMAN,
}
CODES = {language: code for code, language in SUPPORTED.items()}
# Detection works on a sample, so that its time per document is bounded: lingua's time grows
# with the square of a word's length (76 s on one 400 KB "word"), and a few thousand
# characters from a few dozen paragraphs tell a language as well as the whole text.
SAMPLE_CHARS = 2000  # of each paragraph looked at
MAX_PARAGRAPHS = 40  # looked at, spread evenly through the text


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*SUPPORTED.values()).build()


def paragraph_language(text: str) -> str | None:
    """ISO 639-1 code of one paragraph, or None when it has no recognisable words."""
    language = _detector().detect_language_of(text)
    return CODES[language] if language else None


def sample(text: str) -> str:
    """The start of a paragraph, at most SAMPLE_CHARS long, cut at a space when there is one."""
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text[:SAMPLE_CHARS]
    space = cut.rfind(" ")
    return cut[:space] if space > SAMPLE_CHARS // 2 else cut


def spread(paragraphs: list[str], count: int = MAX_PARAGRAPHS) -> list[str]:
    """At most `count` paragraphs, evenly spaced from first to last."""
    if len(paragraphs) <= count:
        return paragraphs
    step = len(paragraphs) / count
    return [paragraphs[int(index * step)] for index in range(count)]


def language_votes(paragraphs: list[str]) -> tuple[str, float]:
    """The main language and the share of the text's characters written in it.

    Voting by paragraph, weighted by length, keeps short captions or quotes in another
    language from deciding (an English article with Vietnamese captions is English). Each
    paragraph is told by a sample of its start, and a long text by some of its paragraphs.
    """
    weights: Counter[str] = Counter()
    for text in spread(paragraphs):
        code = paragraph_language(sample(text))
        if code:
            weights[code] += len(text)
    if not weights:
        return "und", 0.0
    # Ties are broken by code so that the result never depends on dictionary order.
    main = max(sorted(weights), key=lambda code: weights[code])
    return main, weights[main] / sum(weights.values())


def detect_language(paragraphs: list[str]) -> str:
    """The main language of the text (ISO 639-1), or "und" when none is recognised."""
    return language_votes(paragraphs)[0]

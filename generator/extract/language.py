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


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*SUPPORTED.values()).build()


def paragraph_language(text: str) -> str | None:
    """ISO 639-1 code of one paragraph, or None when it has no recognisable words."""
    language = _detector().detect_language_of(text)
    return CODES[language] if language else None


def language_votes(paragraphs: list[str]) -> tuple[str, float]:
    """The main language and the share of the text's characters written in it.

    Voting by paragraph, weighted by length, keeps short captions or quotes in another
    language from deciding (an English article with Vietnamese captions is English).
    """
    weights: Counter[str] = Counter()
    for text in paragraphs:
        code = paragraph_language(text)
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

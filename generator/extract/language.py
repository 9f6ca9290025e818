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


def detect_language(paragraphs: list[str]) -> str:
    """The main language: the one most characters of the text are written in.

    Voting by paragraph, weighted by length, keeps short captions or quotes in another
    language from deciding (an English article with Vietnamese captions is English).
    """
    weights: Counter[str] = Counter()
    for text in paragraphs:
        code = paragraph_language(text)
        if code:
            weights[code] += len(text)
    if not weights:
        return "und"
    # Ties are broken by code so that the result never depends on dictionary order.
    return max(sorted(weights), key=lambda code: weights[code])

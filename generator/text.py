"""Small text helpers shared by stages."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def word_count(text: str) -> int:
    """Words in a text, counting two CJK characters as a word (they have no spaces)."""
    return len(text.split()) + len(CJK.findall(text)) // 2


def shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary and mark the cut with an ellipsis."""
    text = text.strip().rstrip(".,;:。．、，")
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–") + "…"


@cache
def fold_char(char: str) -> str:
    """A Latin letter without its diacritics (đ → d); any other character unchanged."""
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() and base.isalpha() else char


def fold(text: str) -> str:
    """Fold every character; the result has the same length as the input."""
    if text.isascii():  # nothing to fold, and most text in most languages is
        return text
    return "".join(map(fold_char, text))


VIETNAMESE_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


@cache
def without_tone(char: str) -> str:
    """A Vietnamese vowel without its tone mark, its other marks kept (ế → ê, ạ → a)."""
    kept = "".join(c for c in unicodedata.normalize("NFD", char) if c not in VIETNAMESE_TONES)
    return unicodedata.normalize("NFC", kept)

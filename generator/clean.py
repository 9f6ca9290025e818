"""Clean stage: strip page furniture, find the headline and the source address."""

from __future__ import annotations

import re
from functools import cache

from generator.knowledge import load
from generator.model import Document, Paragraph, Source
from generator.text import word_count

HEADLINE_MAX_CHARS = 200
SENTENCE_END = (".", "。", ":", ";", "…", "．")
# "Uno", "News", "Thời sự": site and section names above the headline are short in words and
# in characters (a Japanese headline has no spaces, but it is long).
HEAD_FURNITURE_MAX_WORDS = 2
HEAD_FURNITURE_MAX_CHARS = 16


@cache
def _rules() -> dict[str, list[re.Pattern[str]]]:
    data = load("boilerplate.yaml")
    menu = "|".join(re.escape(word) for word in data["menu_words"])
    return {
        "drop": [re.compile(p) for p in data["drop_lines"]]
        + [re.compile(rf"(?i)(?:(?:{menu})\s*[|/·•]?\s*)+")],
        "trailing": [re.compile(p) for p in data["trailing_noise"]],
        "caption": [re.compile(p) for p in data["caption_patterns"]],
        "source_url": [re.compile(p) for p in data["source_url_patterns"]],
        "related": [re.compile(p) for p in data["related_headers"]],
    }


def _is_furniture(line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern in _rules()["drop"])


def is_stamp_line(line: str) -> bool:
    """A publication stamp: a short line with a clock time and a date."""
    rule = load("boilerplate.yaml")["stamp_line"]
    return (
        len(line) <= rule["max_chars"]
        and re.search(rule["time"], line) is not None
        and re.search(rule["date"], re.sub(rule["time"], " ", line)) is not None
    )


def _is_related_header(line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern in _rules()["related"])


def _drop_related_blocks(lines: list[str]) -> list[str]:
    """Drop "Related news" headers and the article headlines listed under them."""
    kept: list[str] = []
    in_block = False
    for line in lines:
        if _is_related_header(line):
            in_block = True
            continue
        if in_block and not line.endswith(SENTENCE_END):
            continue  # a headline of another article
        in_block = False
        kept.append(line)
    return kept


def _strip_trailing_noise(line: str) -> str:
    for pattern in _rules()["trailing"]:
        line = pattern.sub("", line)
    return line


def _source_url(line: str) -> str | None:
    for pattern in _rules()["source_url"]:
        match = pattern.fullmatch(line)
        if match:
            return match.group("url")
    return None


def is_caption(line: str) -> bool:
    """A photo caption: a line that ends with a photo credit."""
    return any(pattern.search(line) for pattern in _rules()["caption"])


def _lines(text: str) -> list[str]:
    """Non-empty lines with inner whitespace collapsed."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _drop_head_furniture(lines: list[str]) -> list[str]:
    """Drop site and section names that stand alone above the headline."""
    start = 0
    while (
        start < len(lines) - 1
        and word_count(lines[start]) <= HEAD_FURNITURE_MAX_WORDS
        and len(lines[start]) <= HEAD_FURNITURE_MAX_CHARS
        and not lines[start].endswith(SENTENCE_END)
    ):
        start += 1
    return lines[start:]


def looks_like_headline(line: str, rest: list[str]) -> bool:
    """A first line that is short, not a sentence, and followed by body text."""
    return (
        bool(rest)
        and len(line) <= HEADLINE_MAX_CHARS
        and not line.endswith(SENTENCE_END)
        and not is_caption(line)
        and (len(line.split()) >= 3 or len(line) >= 6)
    )


def clean(source: Source) -> Document:
    """Turn a seed's raw text into a headline, body paragraphs and a source address."""
    lines = _lines(source.text)
    urls = [url for line in lines if (url := _source_url(line))]
    stamps = tuple(line for line in lines if is_stamp_line(line))
    text_lines = [line for line in lines if not _source_url(line) and line not in stamps]
    kept: list[str] = []
    seen: set[str] = set()
    for raw_line in _drop_related_blocks(text_lines):
        line = _strip_trailing_noise(raw_line).strip()
        if not line or _is_furniture(line):
            continue
        key = line.casefold()
        if key in seen:  # pages repeat the lead and captions; keep the first occurrence
            continue
        seen.add(key)
        kept.append(line)
    kept = _drop_head_furniture(kept)
    headline = None
    if kept and looks_like_headline(kept[0], kept[1:]):
        headline, kept = kept[0], kept[1:]
    paragraphs = tuple(Paragraph(line, caption=is_caption(line)) for line in kept)
    return Document(source, headline, paragraphs, urls[0] if urls else None, stamps)

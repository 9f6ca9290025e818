"""Clean stage: strip page furniture, find the headline, the stamps and the source address.

A saved page reads top to bottom as: furniture (site name, menus, widgets, breadcrumb), the
headline, meta lines (stamp, byline, counters, captions), the text, then more furniture
(tags, related links, footer). The clean stage classifies each line by general shape and
data (generator/data/boilerplate.yaml), finds where the text begins, and chooses the headline
among the lines standing just before it: the first one that reads like a headline and shares
its words with the text (a site's slogan does not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_day_names, get_month_names

from generator.knowledge import typed
from generator.model import Document, Paragraph, Source
from generator.schema import compile_pattern
from generator.text import fold, word_count

HEADLINE_MAX_CHARS = 250
SENTENCE_END = (".", "。", "!", "?", "！", "？", "…", "．")
LATIN_LONG_WORDS = 20  # a line this long (or CJK_LONG_CHARS) is a paragraph of text
CJK_LONG_CHARS = 50
ZONE_LINES = 16  # lines looked at above the text's first paragraph for its headline
STAMP_REACH = 3  # a headline's stamp stands within this many lines after it
OVERLAP_MIN = 0.34  # share of a headline's words that its text repeats
STEM = 5  # letters of a Latin word compared between a headline and its text
LANGUAGES = ("vi", "en", "fr", "id", "de", "ja", "zh", "ko")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Bars separate menu items with or without spaces; a middle dot or a bullet only between
# spaces (日·越 is one word).
MENU_SEPARATOR = re.compile(r"\s*\|\s*|\s+[·•]\s+|\s*\u3000\s*|\s{2,}")
BREADCRUMB_SEPARATOR = re.compile(r"\s+(?:>|›|»|/)\s+")
# The end of a line that names the site, as a page's title does: "Headline | Site",
# "标题 - 站名", "見出し｜紙名".
SITE_SUFFIX = re.compile(r"\s*(?:[|｜]|\s[-–—]\s)\s*(?P<site>[^|｜]{2,40})$")
MASTHEAD_LINES = 3  # the page's first lines, where its name stands


@dataclass(frozen=True)
class Line:
    """One line of a saved page and what it is."""

    text: str
    kind: str  # text | structural | meta | stamp | caption | source | related


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    return compile_pattern(pattern, "boilerplate.yaml", where)


@cache
def _rules() -> dict[str, list[re.Pattern[str]]]:
    data = typed("boilerplate.yaml")
    menu = "|".join(re.escape(word) for word in data.menu_words)
    return {
        "structural": [_compile(p, "structural") for p in data.structural]
        + [re.compile(rf"(?i)(?:(?:{menu})\s*[|/·]?\s*)+")],
        "meta": [_compile(p, "meta") for p in data.meta],
        "trailing": [_compile(p, "trailing_noise") for p in data.trailing_noise],
        "caption": [_compile(p, "caption_patterns") for p in data.caption_patterns],
        "source_url": [_compile(p, "source_url_patterns") for p in data.source_url_patterns],
        "related": [_compile(p, "related_headers") for p in data.related_headers],
        "outlet": [_compile(p, "outlet_patterns") for p in data.outlet_patterns],
    }


@cache
def _glue() -> re.Pattern[str]:
    return _compile(typed("boilerplate.yaml").caption_glue, "caption_glue")


@cache
def _languages() -> frozenset[str]:
    return frozenset(name.casefold() for name in typed("boilerplate.yaml").language_names)


@cache
def _breadcrumb_start() -> re.Pattern[str]:
    starts = sorted(typed("boilerplate.yaml").breadcrumb_starts, key=len, reverse=True)
    return re.compile("(?i)^(?:" + "|".join(map(re.escape, starts)) + r")\s*[:：]?\s*(?:>|›|»|/)")


def _names(getter) -> list[str]:
    names = {
        name.rstrip(".")
        for language in LANGUAGES
        for width in ("wide", "abbreviated")
        for name in getter(width, locale=language).values()
    }
    return sorted((n for n in names if n), key=len, reverse=True)


@cache
def _calendar_words() -> re.Pattern[str]:
    """Month and weekday names of every supported language (CLDR), as whole words."""
    words = "|".join(map(re.escape, _names(get_day_names) + _names(get_month_names)))
    return re.compile(rf"(?i)(?<!\w)(?:{words})\.?(?!\w)")


@cache
def _month_dates() -> re.Pattern[str]:
    """A day number beside a month name ("12 novembre", "December 11", "12. März")."""
    months = "|".join(map(re.escape, _names(get_month_names)))
    return re.compile(
        rf"(?i)(?<!\w)(?:\d{{1,2}}\.?\s*(?:{months})|(?:{months})\.?\s*\d{{1,2}})(?!\w)"
    )


@cache
def _stamp_words() -> re.Pattern[str]:
    words = sorted(typed("boilerplate.yaml").stamp_words, key=len, reverse=True)
    # Word edges hold for words written with spaces; CJK words stand inside runs of text.
    bounded = [
        rf"(?<!\w){re.escape(w)}(?!\w)" if not CJK.search(w) else re.escape(w) for w in words
    ]
    return re.compile("(?i)" + "|".join(bounded))


DATE_FORMS = re.compile(
    r"\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?"
    r"|\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}"
    r"|(?:令和|平成|昭和)\s*(?:\d{1,2}|元)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일"
    r"|\d{1,2}\s*[/.]\s*\d{1,2}\s*[(（]"
    r"|(?<![\d./-])\d{1,2}[-/.]\d{1,2}(?=\s+\d{1,2}:\d{2})"
)


def is_stamp_line(line: str) -> bool:
    """A publication or update stamp: a short line with a date and a clock time, or a date
    and a stamp word, or nothing but a date (with its weekday)."""
    rule = typed("boilerplate.yaml").stamp_line
    if len(line) > rule.max_chars or line.endswith("。"):
        return False
    has_time = re.search(rule.time, line) is not None
    without_time = re.sub(rule.time, " ", line)
    dated = DATE_FORMS.search(line) or _month_dates().search(without_time)
    if not dated:
        return False
    if has_time or _stamp_words().search(line):
        return True
    rest = _calendar_words().sub(" ", DATE_FORMS.sub(" ", without_time))
    rest = re.sub(r"[\d\W_]+", " ", rest)
    return len(rest.split()) <= 1 and len(CJK.findall(rest)) <= 2


def is_caption(line: str) -> bool:
    """A photo caption: a line that ends with a photo credit, or is written like one."""
    return any(pattern.search(line) for pattern in _rules()["caption"])


def _is_menu(line: str) -> bool:
    """Three or more short items separated by bars, bullets or wide gaps (menus, tickers)."""
    items = [item for item in MENU_SEPARATOR.split(line) if item]
    if len(items) < 3 or line.rstrip().endswith((".", "。")):
        return False
    return all(len(re.findall(r"\w+", item)) <= 5 and len(item) <= 40 for item in items)


def _is_field_row(line: str) -> bool:
    """A row of labelled fields ("Source: … | Author: … | Views: 1,288", "来源：… 作者：…")."""
    fields = re.findall(r"(?:^|\s|\|)[^\s:：|]{1,12}\s?[:：]\s*\S", line)
    return len(fields) >= 2 and len(line) <= 120 and not line.endswith(SENTENCE_END)


def _is_language_switch(line: str) -> bool:
    items = {item.casefold() for item in MENU_SEPARATOR.split(line) if item}
    items |= {item.casefold() for item in line.split()}
    return len(items & _languages()) >= 2 and word_count(line) <= 20


def _is_breadcrumb(line: str) -> bool:
    if _breadcrumb_start().match(line):
        return True
    parts = BREADCRUMB_SEPARATOR.split(line)
    if len(parts) == 2 and re.search(r"\s[>›»]\s", line):  # a section and its subsection
        return all(word_count(part) <= 4 and len(part) <= 30 for part in parts)
    return len(parts) >= 3 and all(len(part) <= 40 for part in parts[:-1])


def _is_link_list(line: str, patterns: list[re.Pattern[str]]) -> bool:
    return any(pattern.fullmatch(line) for pattern in patterns)


def line_kind(line: str) -> str:
    """What a line of a saved page is: text, structural or meta furniture, a stamp, a
    caption, a source address or the header of a related-articles block."""
    rules = _rules()
    if not re.search(r"[^\W_]", line):
        return "structural"  # ".", "***", "|": nothing to read
    if any(pattern.fullmatch(line) for pattern in rules["source_url"]):
        return "source"
    if _is_link_list(line, rules["related"]):
        return "related"
    if is_stamp_line(line):
        return "stamp"
    if _is_link_list(line, rules["meta"]) or _is_field_row(line):
        return "meta"
    if _is_menu(line) and re.search(r"\S[:：]", line):
        return "meta"  # menu-shaped, with a labelled field: a byline row, not navigation
    if (
        _is_link_list(line, rules["structural"])
        or _is_language_switch(line)
        or _is_breadcrumb(line)
        or _is_menu(line)
    ):
        return "structural"
    if is_caption(line):
        return "caption"
    return "text"


def split_glued(line: str) -> list[str]:
    """A line cut where copy-and-paste glued a photo credit to the next block's first word."""
    parts, start = [], 0
    for match in _glue().finditer(line):
        parts.append(line[start : match.end()].strip())
        start = match.end()
    parts.append(line[start:].strip())
    return [part for part in parts if part]


def _lines(text: str) -> list[Line]:
    """Non-empty lines, classified as written (wide gaps separate menu items), then with
    inner whitespace collapsed; glued captions cut apart."""
    lines = []
    for raw in text.split("\n"):
        for part in split_glued(raw) if raw.strip() else []:
            if tidy := _strip_trailing_noise(" ".join(part.split())):
                lines.append(Line(tidy, line_kind(part.strip())))
    return lines


def is_long(text: str) -> bool:
    """A paragraph of text by its length alone."""
    return len(text.split()) >= LATIN_LONG_WORDS or len(CJK.findall(text)) >= CJK_LONG_CHARS


def _opens_text(text: str) -> bool:
    """Long and ending a sentence, or very long: the text's first paragraph (a long headline
    or a menu does not end with a full stop)."""
    words, cjk = len(text.split()), len(CJK.findall(text))
    very_long = words >= 3 * LATIN_LONG_WORDS or cjk >= 3 * CJK_LONG_CHARS
    return very_long or is_long(text) and text.endswith(SENTENCE_END)


def _is_sentence(text: str) -> bool:
    return text.endswith(SENTENCE_END) and (word_count(text) >= 4 or len(text) >= 12)


def is_paragraph(text: str) -> bool:
    """A paragraph of text: long, or a whole sentence."""
    return is_long(text) or _is_sentence(text)


def headline_shape(text: str) -> bool:
    """Reads like a headline: a few words to a few lines, not all capitals, not a label."""
    letters = [c for c in text if c.isalpha() and c.isascii()]
    shouting = len(letters) >= 4 and all(c.isupper() for c in letters)
    cjk = len(CJK.findall(text))
    long_enough = (len(re.findall(r"[^\W\d_]+", text)) >= 5) if cjk < 4 else cjk >= 10
    sentences = len(re.findall(r"[.!?。！？](?:\s|$)", text))
    return (
        long_enough
        and not re.search(r"[|•]", text)
        and len(text) <= HEADLINE_MAX_CHARS
        and not shouting
        and not text.endswith((":", "：", ",", ".", "。", "．"))
        and sentences <= 1
    )


def _tokens(text: str) -> set[str]:
    """Words of three letters or more, folded, and pairs of CJK characters."""
    # Five-letter stems: "japanischer" and "Japan", "Vietnams" and "Vietnam" share theirs.
    latin = re.findall(r"[^\W\d_]+", fold(text).casefold())
    words = {w[:STEM] for w in latin if len(w) >= 3 and not CJK.search(w)}
    for run in re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+", text):
        words |= {run[i : i + 2] for i in range(len(run) - 1)} or {run}
    return words


def overlap(candidate: str, text: str) -> float:
    """Share of a candidate headline's words that the text repeats."""
    words = _tokens(candidate)
    return len(words & _tokens(text)) / len(words) if words else 0.0


def _body_start(lines: list[Line]) -> int | None:
    """The first long paragraph (a slogan or a site name may end with a full stop), or in a
    page without one the first whole sentence."""
    for test in (_opens_text, is_paragraph):
        for index, line in enumerate(lines):
            if line.kind == "text" and test(line.text):
                return index
    return None


def _candidates(lines: list[Line], start: int) -> list[int]:
    """Indexes of headline-shaped text lines above the text's first paragraph, below the
    last navigation line, that share enough of their words with the text."""
    following = " ".join([line.text for line in lines[start:] if line.kind == "text"][:4])
    first = max(0, start - ZONE_LINES)
    # Navigation between a line and the text means the line belongs to the page's header.
    structural = [i for i in range(first, start) if lines[i].kind in ("structural", "related")]
    first = max([first, *(i + 1 for i in structural)])
    return [
        index
        for index in range(first, start)
        if lines[index].kind == "text"
        and headline_shape(lines[index].text)
        and overlap(lines[index].text, following) >= OVERLAP_MIN
    ]


def _stamp_follows(lines: list[Line], index: int, start: int) -> bool:
    """The article's stamp stands within the few lines after a line: no navigation between
    them, nor between the stamp and the text (a date line in a page's header is not it)."""
    for at in range(index + 1, min(start, index + 1 + STAMP_REACH)):
        if lines[at].kind in ("structural", "related"):
            return False
        if lines[at].kind == "stamp":
            return all(line.kind != "structural" for line in lines[at + 1 : start])
    return False


def _nearest_text_above(lines: list[Line], start: int) -> int | None:
    """The text line right above the text's first paragraph, across stamps, meta lines and
    captions only (a headline its text hardly repeats, as in short wire items)."""
    for index in range(start - 1, -1, -1):
        if lines[index].kind == "text":
            return index
        if lines[index].kind not in ("stamp", "meta", "caption"):
            return None
    return None


def choose_headline(lines: list[Line]) -> tuple[int | None, int]:
    """The headline's index (None when the page has none) and where the text begins.

    Candidates that stand next to each other form a block (a headline and its subtitle, or
    an unmarked photo caption and the headline). The block a stamp follows wins, else the
    one nearest the text; in a block, the line a stamp follows, else the first line.
    """
    start = _body_start(lines)
    if start is None:
        return None, len(lines)
    blocks: list[list[int]] = []
    for index in _candidates(lines, start):
        if blocks and index - blocks[-1][-1] <= 1:
            blocks[-1].append(index)
        else:
            blocks.append([index])
    if not blocks:
        nearest = _nearest_text_above(lines, start)
        shaped = nearest is not None and headline_shape(lines[nearest].text)
        return (nearest if shaped else None), start
    stamped = [b for b in blocks if any(_stamp_follows(lines, i, start) for i in b)]
    block = (stamped or blocks)[-1]
    return next((i for i in block if _stamp_follows(lines, i, start)), block[0]), start


def _drop_related_blocks(lines: list[Line]) -> list[Line]:
    """Drop "Related news" headers and the article headlines listed under them."""
    kept: list[Line] = []
    in_block = False
    for line in lines:
        if line.kind == "related":
            in_block = True
            continue
        if in_block and line.kind != "text" or in_block and not _is_sentence(line.text):
            continue  # a headline of another article, or furniture around it
        in_block = False
        kept.append(line)
    return kept


def _strip_trailing_noise(text: str) -> str:
    for pattern in _rules()["trailing"]:
        text = pattern.sub("", text)
    return text.strip()


def _without_tail(lines: list[Line]) -> list[Line]:
    """The text without what follows its last paragraph: after the last long paragraph, only
    whole sentences stay (a short closing paragraph), across meta lines and captions, up to
    the first line that is neither."""
    last = max((i for i, line in enumerate(lines) if is_long(line.text)), default=-1)
    end = index = last + 1
    while index < len(lines):
        line = lines[index]
        if (
            line.kind == "text"
            and not _continues(line.text)
            or line.kind in ("structural", "related")
        ):
            break
        index += 1
        if line.kind == "text":
            end = index
    return lines[:end]


def _continues(text: str) -> bool:
    """A line that goes on with the text: a sentence, or a long clause that copy-and-paste
    broke after a comma."""
    return (
        _is_sentence(text)
        or text.endswith((",", "，", "、"))
        and (word_count(text) >= 8 or len(CJK.findall(text)) >= 20)
    )


def _body(lines: list[Line], headline: str | None) -> list[Paragraph]:
    kept: list[Paragraph] = []
    seen = {headline.casefold()} if headline else set()
    for line in _without_tail(_drop_related_blocks(lines)):
        if line.kind not in ("text", "caption"):
            continue
        text = line.text
        key = text.casefold()
        if not text or key in seen:  # pages repeat the lead, captions and the headline
            continue
        seen.add(key)
        kept.append(Paragraph(text, caption=line.kind == "caption"))
    return kept


def _source_url(lines: list[Line]) -> str | None:
    for line in lines:
        if line.kind == "source":
            for pattern in _rules()["source_url"]:
                if match := pattern.fullmatch(line.text):
                    return match.group("url")
    return None


def find_outlet(lines: list[str]) -> str | None:
    """The outlet a page names: its copyright holder, else the agency of its dateline, else
    the source it credits (patterns in order of preference)."""
    for pattern in _rules()["outlet"]:
        for line in lines:
            if match := pattern.match(line):
                groups = match.groupdict()
                name = _tidy_outlet(groups.get("agency") or groups.get("outlet") or "")
                if name:
                    return name
    return None


def _tidy_outlet(name: str) -> str:
    """An outlet's name without copyright words, years and company suffixes."""
    noise = _compile(typed("boilerplate.yaml").outlet_noise, "outlet_noise")
    for _ in range(3):  # "© Copyright 2008 Viet Nam Daily Co., Ltd."
        name = noise.sub(" ", name).strip(" -–.,|")
    return " ".join(name.split())


def split_headline_caption(text: str) -> tuple[str, str] | None:
    """A headline and the photo caption copy-and-paste glued after it, or None.

    The caption is a sentence: it begins with a capital glued to the headline's last letter
    ("… tiếng NhậtLãnh đạo …"), or a capital that follows a lower-case word of a
    sentence-case headline ("… technologies vertes Le vice-président …"), or whose next word
    is in lower case after a headline in title case ("… Binh Duong Para penari …").
    """
    for at in range(1, len(text) - 1):  # glued without a space: "… tiếng NhậtLãnh đạo …"
        before, letter, after = text[at - 1], text[at], text[at + 1]
        glued = before.islower() and letter.isupper() and after.islower()
        if glued and text[at:].count(" ") >= 3 and headline_shape(text[:at]):
            return text[:at], text[at:]
    words = text.split()
    for cut in range(1, len(words) - 3):
        head, tail = " ".join(words[:cut]), words[cut:]
        if not (tail[0][:1].isupper() and headline_shape(head)):
            continue
        title_case = all(w[:1].isupper() or not w[:1].isalpha() for w in words[:cut])
        sentence_break = words[cut - 1][-1:].islower() and not title_case
        if sentence_break or title_case and tail[1][:1].islower():
            return head, " ".join(tail)
    return None


def _glued_headline(lines: list[Line], start: int) -> tuple[int, str, str] | None:
    """A caption line above the text that carries the headline glued before it."""
    for index in range(start - 1, max(-1, start - 1 - STAMP_REACH), -1):
        if lines[index].kind == "caption" and (parts := split_headline_caption(lines[index].text)):
            return index, *parts
        if lines[index].kind == "structural":
            return None
    return None


def _stamps(lines: list[Line], top: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The article's stamps, and the date lines of the page's header (above navigation that
    stands above the headline: the day the page was read, not the day it was published)."""
    article, page = [], []
    for index, line in enumerate(lines):
        if line.kind == "stamp":
            header = index < top and any(
                other.kind == "structural" for other in lines[index + 1 : top]
            )
            (page if header else article).append(line.text)
    return tuple(article), tuple(page)


def _dates_inside_are_text(lines: list[Line], start: int) -> list[Line]:
    """A date-and-time line between paragraphs of the text is part of it (a press release's
    schedule), not a publication stamp."""
    last = max((i for i, line in enumerate(lines) if is_long(line.text)), default=-1)
    return [
        Line(line.text, "text")
        if line.kind == "stamp" and start < index < last and not _stamp_words().search(line.text)
        else line
        for index, line in enumerate(lines)
    ]


def _is_site_name(suffix: str, names: set[str]) -> bool:
    suffix = fold(suffix).casefold()
    return any(name == suffix or name.startswith(suffix + " ") for name in names)


def without_site_name(lines: list[Line], outlet: str | None) -> list[Line]:
    """Lines with the site's name cut off their end ("Headline | Site", as a page's title
    reads), the site being named by the page's masthead (its first lines) or its outlet."""
    masthead = [line.text for line in lines[:MASTHEAD_LINES] if line.kind == "text"]
    names = {fold(name).casefold() for name in [*masthead, *([outlet] if outlet else [])]}
    tidied = []
    for line in lines:
        match = SITE_SUFFIX.search(line.text)
        if match and match.start() > 0 and _is_site_name(match["site"], names):
            text = line.text[: match.start()]
            line = Line(text, line_kind(text))
        tidied.append(line)
    return tidied


def _unwrapped(headline: str) -> str:
    """A headline without the brackets some sites set around it (【…】)."""
    if headline.startswith("【") and headline.endswith("】") and headline.count("【") == 1:
        return headline[1:-1].strip()
    return headline


def clean(source: Source) -> Document:
    """Turn a seed's raw text into a headline, body paragraphs, stamps and a source address."""
    lines = _lines(source.text)
    outlet = find_outlet([line.text for line in lines])  # once, before any line is cut
    lines = without_site_name(lines, outlet)
    headline_at, start = choose_headline(lines)
    lines = _dates_inside_are_text(lines, start)
    headline, first = None, start  # the text's lines begin at `first`
    if headline_at is not None:
        headline, first = _unwrapped(lines[headline_at].text), headline_at + 1
    elif glued := _glued_headline(lines, start):
        first, headline, caption = glued  # the caption stays, as the text's first block
        lines[first] = Line(caption, "caption")
    paragraphs = _body(_from_first_sentence(lines[first:]), headline)
    stamps, page_dates = _stamps(lines, first - 1 if headline is not None else start)
    return Document(
        source=source,
        headline=headline,
        paragraphs=tuple(paragraphs),
        source_url=_source_url(lines),
        stamps=stamps,
        page_dates=page_dates,
        outlet=outlet,
    )


def _from_first_sentence(lines: list[Line]) -> list[Line]:
    """The lines from the text's first sentence on; before it, only a subtitle or a caption
    stays (bylines, labels and stamps between a headline and its text go)."""
    lead = next(
        (i for i, line in enumerate(lines) if line.kind == "text" and is_paragraph(line.text)),
        len(lines),
    )
    before = [
        line
        for line in lines[:lead]
        if line.kind == "caption" or line.kind == "text" and headline_shape(line.text)
    ]
    return before + lines[lead:]

"""Places: gazetteer names found in text, with the traps of real news avoided.

Matching runs on a folded copy of the text (Latin letters without diacritics, same length,
so offsets carry over), longest name first, case-sensitive. A match must also be compatible
with the name as written: the text may drop diacritics ("Yen Bai", "Yên Bai" for Yên Bái)
but never carry different ones ("Vĩnh" is not "Vinh").

Word edges hold in every script: a Latin name is not matched inside a longer Latin word, a
katakana name inside longer katakana, a Hangul name inside a longer Hangul word (Korean
particles after it are allowed). Chinese characters have no word edges, so a short
Chinese-character or Hangul name counts only with its qualifier (群馬県, 老街省, 후에시) unless
the data marks it safe.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from generator.knowledge import Gazetteer, gazetteer, typed
from generator.schema import PlaceRules

LATIN_EDGE = r"A-Za-z0-9"
KATAKANA_EDGE = r"\u30a1-\u30fa\u30fc-\u30ff"  # katakana without the ・ separator
HANGUL = r"\uac00-\ud7a3"
SHORT_NAME_CHARS = 2  # Chinese-character and Hangul names this short need a qualifier


@dataclass(frozen=True)
class Alias:
    """One written form of a place's name."""

    text: str
    place_id: str
    needs_qualifier: bool


@dataclass(frozen=True)
class Mention:
    """A place named in the text."""

    place_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Places:
    """Places of a document, as the front matter lists them."""

    localities: tuple[str, ...]
    cities: tuple[str, ...]
    regions: tuple[str, ...]
    mentions: tuple[str, ...] = ()


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


def compatible(written: str, name: str) -> bool:
    """True when `written` is `name` with some diacritics dropped, and none changed."""
    return len(written) == len(name) and all(
        w == n or w == fold_char(n) for w, n in zip(written, name, strict=True)
    )


def script(char: str) -> str:
    """The script of a character, as far as word edges go: latin, katakana, hangul, han or
    other."""
    if re.match(f"[{LATIN_EDGE}]", fold_char(char)):
        return "latin"
    if re.match(f"[{KATAKANA_EDGE}]", char):
        return "katakana"
    if re.match(f"[{HANGUL}]", char):
        return "hangul"
    if "\u4e00" <= char <= "\u9fff" or char == "\u3005":
        return "han"
    return "other"


# Characters that may not stand right before or after a name of a script. Hangul's end edge
# is checked after matching, because Korean particles follow names.
EDGES = {"latin": LATIN_EDGE, "katakana": KATAKANA_EDGE, "hangul": HANGUL}


def _edge(char: str) -> str | None:
    return EDGES.get(script(char))


_END = ""  # trie key marking that an alias ends at this node


def _trie_pattern(node: dict) -> str:
    """A trie as a regex: one branch per next character, so that matching at a position
    follows the text instead of trying every alias; longer names are tried before an end."""
    branches = [
        re.escape(char) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if _END in node:
        edge = node[_END]
        branches.append(f"(?![{edge}])" if edge else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def alias_pattern(aliases: dict[str, str]) -> str:
    """One regex for every folded alias (mapped to a name as written): the leftmost, longest
    alias, never inside a longer word of its own script (a Latin name is not matched in a
    longer Latin word, a katakana name not in a longer katakana word, a Hangul name not after
    Hangul)."""
    tries: dict[str, dict] = {}
    for folded, written in aliases.items():
        node = tries.setdefault(_edge(written[0]) or "", {})
        for char in folded:
            node = node.setdefault(char, {})
        end = _edge(written[-1]) or ""
        node[_END] = "" if end == HANGUL else end
    return "|".join(
        (f"(?<![{edge}])" if edge else "") + _trie_pattern(trie)
        for edge, trie in sorted(tries.items())
    )


def _words(words: list[str], left: str = r"(?<![\w])", right: str = r"(?![\w])") -> str:
    return (
        left + "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")" + right
    )


class PlaceMatcher:
    """Finds gazetteer names in text."""

    def __init__(self, places: Gazetteer, rules: PlaceRules) -> None:
        self.places = places
        safe = set(rules.safe_short_names)
        self.aliases: dict[str, list[Alias]] = {}
        for place in sorted(places.places.values(), key=lambda p: p.id):
            for text in place.aliases:
                short = script(text[0]) in ("han", "hangul") and len(text) <= SHORT_NAME_CHARS
                self._add(Alias(text, place.id, short and text not in safe))
            for text in place.needs_qualifier:
                self._add(Alias(text, place.id, True))
        self.pattern = re.compile(
            alias_pattern({folded: aliases[0].text for folded, aliases in self.aliases.items()})
        )
        self.before = {
            kind: re.compile(_words(words.before)) for kind, words in rules.qualifiers.items()
        }
        self.after = {
            kind: re.compile(r"[ -]?" + _words(words.after, left="", right=r"(?![A-Za-z])"))
            for kind, words in rules.qualifiers.items()
        }
        self.short_after = {
            kind: re.compile(_words(words, left="", right=""))
            for kind, words in rules.short_name_qualifiers.items()
        }
        self.window_before = rules.window_before
        self.parent_window = rules.parent_window
        particles = _words(rules.korean_particles, left="", right="") + "*"
        suffixes = _words(rules.short_name_qualifiers["hangul"], left="", right="")
        self.hangul_tail = re.compile(f"{suffixes}?{particles}")
        self.blocked = re.compile("|".join(map(re.escape, rules.blocked_phrases)))
        self.surnames = frozenset(rules.vietnamese_surnames)
        self.person_suffix = re.compile(
            r"[ -]?" + _words(rules.person_suffixes, left="", right=r"(?![A-Za-z])")
        )

    def _add(self, alias: Alias) -> None:
        self.aliases.setdefault(fold(alias.text), []).append(alias)

    def _kind(self, place_id: str) -> str:
        kind = self.places.places[place_id].kind
        return kind if kind in ("city", "region") else "locality"

    def _qualified(self, alias: Alias, text: str, start: int, end: int) -> bool:
        first = script(alias.text[0])
        if first in self.short_after and len(alias.text) <= SHORT_NAME_CHARS:
            return bool(self.short_after[first].match(text, end))
        kind = self._kind(alias.place_id)
        before = text[max(0, start - self.window_before) : start]
        if self.before[kind].search(before) or self.after[kind].match(text, end):
            return True
        place = self.places.places[alias.place_id]
        return not place.curated and self._parent_near(place.parent, text, start, end)

    def _parent_near(self, parent: str | None, text: str, start: int, end: int) -> bool:
        """True when the place's locality is named close before or after it."""
        window = self.parent_window
        around = (text[max(0, start - window) : start], text[end : end + window])
        return any(m.place_id == parent for part in around for m in self._found(part))

    def _inside_person_name(self, text: str, start: int) -> bool:
        """True after a run of capitalised words that begins with a family name."""
        words = text[max(0, start - 40) : start].split(" ")[:-1]
        run: list[str] = []
        for word in reversed(words):
            if not word or not word[0].isupper() or not word.isalpha():
                break
            run.append(word)
        return any(word in self.surnames for word in run)

    def _hangul_end(self, text: str, end: int) -> bool:
        """After a Hangul name, up to the word's end: nothing, or a qualifier (현, 성, 시...)
        and particles, or particles (후쿠오카현과, 하노이에서는, 꽝닌성의)."""
        rest = re.match(f"[{HANGUL}]*", text[end:]).group()
        return not rest or self.hangul_tail.fullmatch(rest) is not None

    def _blocked(self, text: str, start: int, end: int) -> bool:
        window = text[max(0, start - 8) : end + 8]
        offset = max(0, start - 8)
        return any(
            m.start() + offset < end and m.end() + offset > start
            for m in self.blocked.finditer(window)
        )

    def _accept(self, alias: Alias, text: str, start: int, end: int) -> bool:
        if not compatible(text[start:end], alias.text):
            return False
        if script(alias.text[-1]) == "hangul" and not self._hangul_end(text, end):
            return False
        if alias.needs_qualifier and not self._qualified(alias, text, start, end):
            return False
        if self.person_suffix.match(text, end) or self._blocked(text, start, end):
            return False  # "Kumamoto-san", "熊本氏"; 天津市
        return not (script(alias.text[0]) == "latin" and self._inside_person_name(text, start))

    def _specificity(self, alias: Alias, text: str, start: int, end: int) -> int:
        """How precisely the text points at this place: its locality named beside it (3), a
        qualifier beside a form that needs one (2), a curated form (1), a generated one (0)."""
        place = self.places.places[alias.place_id]
        if place.kind == "city" and self._parent_near(place.parent, text, start, end):
            return 3
        return 2 if alias.needs_qualifier else int(place.curated)

    def _choose(self, candidates: list[Alias], text: str, start: int, end: int) -> str | None:
        """The place a written form stands for here, or None when the text does not say which
        (two towns of one name in different prefectures, and neither prefecture named)."""
        accepted = [a for a in candidates if self._accept(a, text, start, end)]
        if len(accepted) <= 1:
            return accepted[0].place_id if accepted else None
        scored = [(self._specificity(a, text, start, end), a.place_id) for a in accepted]
        best = max(score for score, _ in scored)
        winners = sorted({place_id for score, place_id in scored if score == best})
        return winners[0] if len(winners) == 1 else None

    def _found(self, text: str) -> list[Mention]:
        """Names that count on their own (no qualifier needed), for context checks."""
        return [
            Mention(alias.place_id, match.start(), match.end())
            for match in self.pattern.finditer(fold(text))
            for alias in self.aliases[match.group()][:1]
            if not alias.needs_qualifier
            and compatible(text[match.start() : match.end()], alias.text)
        ]

    def mentions(self, text: str) -> list[Mention]:
        """Every place named in the text, in reading order."""
        found = []
        for match in self.pattern.finditer(fold(text)):
            place_id = self._choose(self.aliases[match.group()], text, match.start(), match.end())
            if place_id is not None:
                found.append(Mention(place_id, match.start(), match.end()))
        return found


@cache
def matcher() -> PlaceMatcher:
    """The matcher over the project's gazetteer (built once per run)."""
    return PlaceMatcher(gazetteer(), typed("place_rules.yaml"))


def classify(place_ids: set[str], places: Gazetteer, iso_date: str | None = None) -> Places:
    """Sort named places into localities, cities and regions; a city adds its locality (as
    it was on the event's date: Vietnamese provinces merged on 1 July 2025)."""
    localities, cities, regions = set(), set(), set()
    for place_id in place_ids:
        place = places.places[place_id]
        if place.kind == "city":
            cities.add(place_id)
            localities.add(places.parent_on(place_id, iso_date))
        elif place.kind == "region":
            regions.add(place_id)
        else:
            localities.add(place_id)
    return Places(tuple(sorted(localities)), tuple(sorted(cities)), tuple(sorted(regions)))


def extract_places(paragraphs: list[str], iso_date: str | None = None) -> Places:
    """Localities, cities and regions named in a document's paragraphs."""
    found = {m.place_id for text in paragraphs for m in matcher().mentions(text)}
    return classify(found, gazetteer(), iso_date)

"""Places: gazetteer names found in text, with the traps of real news avoided.

Matching runs on a folded copy of the text (Latin letters without diacritics, same length,
so offsets carry over), longest name first, case-sensitive. A match must also be compatible
with the name as written: the text may drop diacritics ("Yen Bai", "Yên Bai" for Yên Bái)
but never carry different ones ("Vĩnh" is not "Vinh").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from generator.knowledge import Gazetteer, gazetteer, load

LATIN_EDGE = r"A-Za-z0-9"
KATAKANA_EDGE = r"\u30a0-\u30ff"


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


def _edge(char: str) -> str | None:
    if re.match(f"[{LATIN_EDGE}]", fold_char(char)):
        return LATIN_EDGE
    if re.match(f"[{KATAKANA_EDGE}]", char):
        return KATAKANA_EDGE
    return None


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
    longer Latin word, a katakana name not in a longer katakana word)."""
    tries: dict[str, dict] = {}
    for folded, written in aliases.items():
        node = tries.setdefault(_edge(written[0]) or "", {})
        for char in folded:
            node = node.setdefault(char, {})
        node[_END] = _edge(written[-1]) or ""
    return "|".join(
        (f"(?<![{edge}])" if edge else "") + _trie_pattern(trie)
        for edge, trie in sorted(tries.items())
    )


class PlaceMatcher:
    """Finds gazetteer names in text."""

    def __init__(self, places: Gazetteer, rules: dict) -> None:
        self.places = places
        self.aliases: dict[str, list[Alias]] = {}
        for place in sorted(places.places.values(), key=lambda p: p.id):
            for text in place.aliases:
                self._add(Alias(text, place.id, False))
            for text in place.needs_qualifier:
                self._add(Alias(text, place.id, True))
        self.pattern = re.compile(
            alias_pattern({folded: aliases[0].text for folded, aliases in self.aliases.items()})
        )
        qualifiers = rules["qualifiers"]
        self.before = re.compile(
            r"(?<![\w])(?:"
            + "|".join(re.escape(q) for q in sorted(qualifiers["before"], key=len, reverse=True))
            + r")(?![\w])"
        )
        self.after = re.compile(
            r"\s?(?:" + "|".join(re.escape(q) for q in qualifiers["after"]) + r")"
        )
        self.window_before = qualifiers["window_before"]
        self.surnames = frozenset(rules["vietnamese_surnames"])
        suffixes = sorted(rules["person_suffixes"], key=len, reverse=True)
        self.person_suffix = re.compile(
            r"[ -]?(?:" + "|".join(re.escape(s) for s in suffixes) + r")(?![A-Za-z])"
        )

    def _add(self, alias: Alias) -> None:
        self.aliases.setdefault(fold(alias.text), []).append(alias)

    def _qualified(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - self.window_before) : start]
        return bool(self.before.search(before) or self.after.match(text, end))

    def _inside_person_name(self, text: str, start: int) -> bool:
        """True after a run of capitalised words that begins with a family name."""
        words = text[max(0, start - 40) : start].split(" ")[:-1]
        run: list[str] = []
        for word in reversed(words):
            if not word or not word[0].isupper() or not word.isalpha():
                break
            run.append(word)
        return any(word in self.surnames for word in run)

    def _accept(self, alias: Alias, text: str, start: int, end: int) -> bool:
        if not compatible(text[start:end], alias.text):
            return False
        if alias.needs_qualifier and not self._qualified(text, start, end):
            return False
        if self.person_suffix.match(text, end):  # "Kumamoto-san", "熊本氏": a person
            return False
        return not (_edge(alias.text[0]) == LATIN_EDGE and self._inside_person_name(text, start))

    def mentions(self, text: str) -> list[Mention]:
        """Every place named in the text, in reading order."""
        found = []
        for match in self.pattern.finditer(fold(text)):
            for alias in self.aliases[match.group()]:
                if self._accept(alias, text, match.start(), match.end()):
                    found.append(Mention(alias.place_id, match.start(), match.end()))
                    break
        return found


@cache
def matcher() -> PlaceMatcher:
    """The matcher over the project's gazetteer (built once per run)."""
    return PlaceMatcher(gazetteer(), load("place_rules.yaml"))


def classify(place_ids: set[str], places: Gazetteer) -> Places:
    """Sort named places into localities, cities and regions; a city adds its parent."""
    localities, cities, regions = set(), set(), set()
    for place_id in place_ids:
        place = places.places[place_id]
        if place.kind == "city":
            cities.add(place_id)
            localities.add(place.parent)
        elif place.kind == "region":
            regions.add(place_id)
        else:
            localities.add(place_id)
    return Places(tuple(sorted(localities)), tuple(sorted(cities)), tuple(sorted(regions)))


def extract_places(paragraphs: list[str]) -> Places:
    """Localities, cities and regions named in a document's paragraphs."""
    found = {m.place_id for text in paragraphs for m in matcher().mentions(text)}
    return classify(found, gazetteer())

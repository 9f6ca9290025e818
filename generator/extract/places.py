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
from dataclasses import dataclass
from functools import cache, lru_cache

from generator.knowledge import Gazetteer, after_merger, gazetteer, typed
from generator.schema import PlaceRules
from generator.text import fold, fold_char, sentences, without_tone

LATIN_EDGE = r"A-Za-z0-9"
KATAKANA_EDGE = r"\u30a1-\u30fa\u30fc-\u30ff"  # katakana without the ・ separator
HANGUL = r"\uac00-\ud7a3"
SHORT_NAME_CHARS = 2  # Chinese-character and Hangul names this short need a qualifier
DOMINANT = 5  # a town this many times bigger than its namesakes is the one meant


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


def compatible(written: str, name: str) -> bool:
    """True when `written` is `name` with some diacritics dropped, and none changed ("Huê"
    and "Hue" are Huế; "Vĩnh" is not "Vinh")."""
    return len(written) == len(name) and all(
        w in (n, fold_char(n), without_tone(n)) for w, n in zip(written, name, strict=True)
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
            (writing, kind): re.compile(_words(words, left="", right=""))
            for writing, kinds in rules.short_name_qualifiers.items()
            for kind, words in kinds.items()
        }
        self.window_before = rules.window_before
        self.parent_window = rules.parent_window
        particles = _words(rules.korean_particles, left="", right="") + "*"
        hangul = {w for words in rules.short_name_qualifiers["hangul"].values() for w in words}
        suffixes = _words(sorted(hangul), left="", right="")
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
        first, kind = script(alias.text[0]), self._kind(alias.place_id)
        if (first, kind) in self.short_after and len(alias.text) <= SHORT_NAME_CHARS:
            return bool(self.short_after[first, kind].match(text, end))
        before = text[max(0, start - self.window_before) : start]
        if self.after[kind].match(text, end) or self._qualifier_before(kind, before):
            return True
        place = self.places.places[alias.place_id]
        return not place.curated and self._parent_near(place.parent, text, start, end)

    def _qualifier_before(self, kind: str, before: str) -> bool:
        """A qualifier word stands before the name with no other place between them
        ("tỉnh Nara", "préfecture japonaise de Nara"; not "Thành phố Hồ Chí Minh và Osaka")."""
        qualifiers = list(self.before[kind].finditer(before))
        between = before[qualifiers[-1].end() :] if qualifiers else ""
        return bool(qualifiers) and self.pattern.search(fold(between)) is None

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

    def _accept(
        self, alias: Alias, text: str, start: int, end: int, established: frozenset[str]
    ) -> bool:
        if not compatible(text[start:end], alias.text):
            return False
        if script(alias.text[-1]) == "hangul" and not self._hangul_end(text, end):
            return False
        # A surname-like name the page has already shown to be a place counts bare too.
        known = alias.place_id in established and script(alias.text[0]) == "latin"
        if alias.needs_qualifier and not known and not self._qualified(alias, text, start, end):
            return False
        if self.person_suffix.match(text, end) or self._blocked(text, start, end):
            return False  # "Kumamoto-san", "熊本氏"; 天津市
        return not (script(alias.text[0]) == "latin" and self._inside_person_name(text, start))

    def _specificity(
        self, alias: Alias, text: str, start: int, end: int, established: frozenset[str]
    ) -> int:
        """How precisely the text points at this place: its locality named beside it or
        elsewhere on the page (3), a qualifier beside a form that needs one (2), a curated
        form (1), a generated one (0)."""
        place = self.places.places[alias.place_id]
        if place.kind == "city" and (
            place.parent in established or self._parent_near(place.parent, text, start, end)
        ):
            return 3
        return 2 if alias.needs_qualifier else int(place.curated)

    def _choose(
        self,
        candidates: list[Alias],
        text: str,
        start: int,
        end: int,
        established: frozenset[str] = frozenset(),
    ) -> str | None:
        """The place a written form stands for here, or None when the text does not say which
        (two towns of one name in different prefectures, and neither prefecture named)."""
        accepted = [a for a in candidates if self._accept(a, text, start, end, established)]
        if len(accepted) <= 1:
            return accepted[0].place_id if accepted else None
        scored = [
            (self._specificity(a, text, start, end, established), a.place_id) for a in accepted
        ]
        best = max(score for score, _ in scored)
        winners = sorted({place_id for score, place_id in scored if score == best})
        return winners[0] if len(winners) == 1 else self._dominant(winners)

    def _dominant(self, place_ids: list[str]) -> str | None:
        """Of towns of one name, the one so much bigger than the others that a reader means
        it (Toyota in Aichi), if there is one."""
        if any(self.places.places[p].kind != "city" for p in place_ids):
            return None
        by_size = sorted(place_ids, key=lambda p: -self.places.places[p].population)
        sizes = [self.places.places[p].population for p in by_size]
        return by_size[0] if sizes[0] >= DOMINANT * max(sizes[1], 1) else None

    def _found(self, text: str) -> list[Mention]:
        """Names that count on their own (no qualifier needed), for context checks."""
        return [
            Mention(alias.place_id, match.start(), match.end())
            for match in self.pattern.finditer(fold(text))
            for alias in self.aliases[match.group()][:1]
            if not alias.needs_qualifier
            and compatible(text[match.start() : match.end()], alias.text)
        ]

    def mentions(self, text: str, established: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
        """Every place named in the text, in reading order (`established`: places the page
        names elsewhere with a qualifier, whose surname-like names then count bare)."""
        return self._mentions(text, established)

    # Ties and sectors look at the same clauses again (a clause's parties, its spans, its
    # fields): each text is matched once.
    @lru_cache(maxsize=4096)  # noqa: B019 - one matcher per run, kept for the whole run
    def _mentions(self, text: str, established: frozenset[str]) -> tuple[Mention, ...]:
        found = []
        for match in self.pattern.finditer(fold(text)):
            aliases = self.aliases[match.group()]
            place_id = self._choose(aliases, text, match.start(), match.end(), established)
            if place_id is not None:
                found.append(Mention(place_id, match.start(), match.end()))
        return tuple(found)


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


# --- what a brief is about, and what it only mentions ------------------------------------

FEW_PARAGRAPHS = 3  # in a text this short, a place its lead names is what it is about


@dataclass(frozen=True)
class Found:
    """One mention of a place in a page: where, and how it is named."""

    place_id: str
    paragraph: int  # 0: the headline, 1: the lead
    in_passing: bool  # in a list of places, or a place near the event's


@dataclass
class Evidence:
    """How a page names one place."""

    headline: bool = False
    lead: bool = False
    strong: int = 0  # mentions not in passing
    any: int = 0


@cache
def _contexts() -> dict[str, list[re.Pattern[str]]]:
    rules = typed("place_rules.yaml").contexts
    return {
        "institution_before": [re.compile(p) for p in rules.institution_before],
        "institution_after": [re.compile(p) for p in rules.institution_after],
        "person_before": [re.compile(p) for p in rules.person_before],
        "given_name": [re.compile(rules.given_name_after)],
        "dateline": [re.compile(rules.dateline_after)],
        "nearby_before": [re.compile(p) for p in rules.nearby_before],
        "nearby_after": [re.compile(p) for p in rules.nearby_after],
    }


def _context(text: str, mention: Mention, language_of_name: str) -> str:
    """ "drop" (an institution's seat, a person, a dateline), "passing" (near the event's
    place) or "plain"."""
    rules, places = _contexts(), gazetteer().places
    before, after = text[max(0, mention.start - 60) : mention.start], text[mention.end :]
    if any(p.search(before) for p in rules["institution_before"]) or any(
        p.match(after) for p in rules["institution_after"]
    ):
        return "drop"
    if any(p.search(before) for p in rules["person_before"]):
        return "drop"
    if (
        language_of_name == "latin"
        and places[mention.place_id].country == "jp"
        and rules["given_name"][0].match(after)
        and not matcher().mentions(after[:20].split(",")[0])
    ):
        return "drop"  # "Yamaguchi Taku", a person
    if mention.start < 40 and rules["dateline"][0].match(after):
        return "drop"
    if any(p.search(before) for p in rules["nearby_before"]) or any(
        p.match(after) for p in rules["nearby_after"]
    ):
        return "passing"
    return "plain"


def _locality(place_id: str, iso_date: str | None) -> str | None:
    place = gazetteer().places[place_id]
    if place.kind == "city":
        return gazetteer().parent_on(place_id, iso_date)
    return place_id if place.is_locality else None


def found_places(
    headline: str | None, paragraphs: list[str], iso_date: str | None = None
) -> list[Found]:
    """Every place a page names (not as an institution's seat, a person or a dateline), in
    reading order, marked when named in passing (in a list, or near the event's place)."""
    texts = [headline or "", *paragraphs]
    first = {m.place_id for text in texts for m in matcher().mentions(text)}
    established = frozenset(first)
    limit = typed("place_rules.yaml").contexts.list_places
    found: list[Found] = []
    for index, text in enumerate(texts):
        for sentence in sentences(text):
            mentions = [
                (m, context)
                for m in matcher().mentions(sentence, established)
                if (context := _context(sentence, m, script(sentence[m.start]))) != "drop"
            ]
            per_country: dict[str, set[str]] = {}
            for m, _ in mentions:
                if (locality := _locality(m.place_id, iso_date)) is not None:
                    per_country.setdefault(locality[:2], set()).add(locality)
            listed = {c for c, members in per_country.items() if len(members) >= limit}
            for m, context in mentions:
                # A list in the headline or lead names the event's parties ("in the
                # prefectures of Kumamoto, Fukuoka, Okayama"); further on, partners in passing.
                in_list = (
                    index > 1
                    and m.place_id[:2] in listed
                    and gazetteer().places[m.place_id].kind != "region"
                )
                found.append(Found(m.place_id, index, context == "passing" or in_list))
    return found


def _evidence(found: list[Found], iso_date: str | None) -> dict[str, Evidence]:
    """How the page names each place; a city's mentions count for its locality too."""
    evidence: dict[str, Evidence] = {}
    for mention in found:
        ids = {mention.place_id}
        if gazetteer().places[mention.place_id].kind == "city":
            ids.add(gazetteer().parent_on(mention.place_id, iso_date))
        for place_id in ids:
            item = evidence.setdefault(place_id, Evidence())
            item.any += 1
            if not mention.in_passing:
                item.strong += 1
                item.headline |= mention.paragraph == 0
                item.lead |= mention.paragraph == 1
    return evidence


def is_about(item: Evidence, paragraphs: int) -> bool:
    """A place a page is about: in its headline, in its lead and again, or named three
    times, not in passing; in a text of a few paragraphs, named at all not in passing."""
    short = paragraphs <= FEW_PARAGRAPHS and item.strong >= 1
    return item.headline or item.lead and item.strong >= 2 or item.strong >= 3 or short


def _outlet_places(outlet: str | None) -> set[str]:
    """Localities and cities a publisher's name is (a prefecture's or a city's own site)."""
    if not outlet:
        return set()
    return {m.place_id for m in matcher().mentions(outlet)}


def extract_places(
    paragraphs: list[str],
    iso_date: str | None = None,
    headline: str | None = None,
    outlet: str | None = None,
) -> Places:
    """Localities a page is about, cities and regions it names, and localities it only
    mentions (named in passing, or former provinces in a text after their merger)."""
    places = gazetteer()
    found = found_places(headline, paragraphs, iso_date)
    evidence = _evidence(found, iso_date)
    own = _outlet_places(outlet)
    about = {
        place_id
        for place_id, item in evidence.items()
        if is_about(item, len(paragraphs)) or place_id in own and item.strong
    }
    named = set(evidence)
    localities: set[str] = set()
    mentioned: set[str] = set()
    for place_id in named:
        place = places.places[place_id]
        if place.kind == "region":
            continue
        locality = _locality(place_id, iso_date)
        if locality is None:
            continue
        (localities if place_id in about else mentioned).add(locality)
    localities, mentioned = _after_merger(localities, mentioned, iso_date)
    cities = {p for p in named if places.places[p].kind == "city"}
    regions = {p for p in named if places.places[p].kind == "region"}
    return Places(
        tuple(sorted(localities)),
        tuple(sorted(cities)),
        tuple(sorted(regions)),
        tuple(sorted(mentioned - localities)),
    )


def _after_merger(
    localities: set[str], mentioned: set[str], iso_date: str | None
) -> tuple[set[str], set[str]]:
    """In a text dated after 1 July 2025, a former province is only mentioned; the province
    it joined is what the text is about."""
    if not after_merger(iso_date):
        return localities, mentioned
    places = gazetteer().places
    former = {p for p in localities if places[p].merged_into}
    joined = {places[p].merged_into for p in former}
    return (localities - former) | joined, mentioned | former


def with_tie_parties(places: Places, ties: tuple, iso_date: str | None) -> Places:
    """The parties to a tie signed at the event are what the text is about."""
    parties = set()
    for tie in ties:
        if tie.at_event:
            for place_id in (tie.vn_place, tie.jp_place):
                parties.add(_locality(place_id, iso_date) or place_id)
    if not parties - set(places.localities):
        return places
    localities, mentioned = _after_merger(
        set(places.localities) | parties, set(places.mentions) - parties, iso_date
    )
    return Places(
        tuple(sorted(localities)),
        places.cities,
        places.regions,
        tuple(sorted(mentioned - localities)),
    )

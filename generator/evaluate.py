"""Score extraction against annotations (tests/pages/README.md describes their form).

    python -m generator.evaluate [--corpus DIR] [--annotations FILE_OR_DIR] [--verbose]

Prints precision, recall and F1 for localities, mentions, cities, regions, sectors and formal
ties (items an annotation marks optional count neither way; a place filed as a locality that
the annotation lists as only mentioned counts against precision; an annotation without
`mentions` files every named place as a locality, and is compared with both tiers together),
language accuracy, titles,
date classes (exact, year left out, wrong, invented, missed), sectors per brief, and how much
page furniture is left in the briefs' text.
"""

from __future__ import annotations

import argparse
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.knowledge import Place, gazetteer
from generator.model import Brief
from generator.pipeline import collect
from generator.text import fold

DEFAULT_CORPUS = Path("seeds")
FIELDS = ("localities", "mentions", "cities", "regions", "sectors", "ties")
DEFAULT_ANNOTATIONS = Path("tests/gold_seeds.yaml")
DATE_CLASSES = ("exact", "year left out", "wrong", "invented", "missed")
TieKey = tuple[str, str, str]  # (kind, Vietnamese place id, Japanese place id)


def _names(place: Place) -> set[str]:
    return {fold(name).casefold() for name in (*place.names.values(), place.name)}


def _unknown(name: str) -> str:
    """An id for a name the gazetteer does not know: it can only be missed, never found."""
    return f"?{name}"


def place_id(name: str, country: str | None = None) -> str:
    """The id of a prefecture, province or region as annotations name it ("Đắk Lắk")."""
    matches = [
        place.id
        for place in gazetteer().places.values()
        if place.kind != "city"
        and (country is None or place.country == country)
        and fold(name).casefold() in _names(place)
    ]
    if len(matches) > 1:
        raise ValueError(f"annotation names {name!r}, which matches {matches}")
    return matches[0] if matches else _unknown(name)


def _city(name: str, parents: set[str] | None, country: str | None = None) -> str | None:
    """The id of a city by name, under one of `parents` (curated first, then most populous)."""
    found = [
        place
        for place in gazetteer().cities()
        if (parents is None or place.parent in parents)
        and (country is None or place.country == country)
        and fold(name).casefold() in _names(place)
    ]
    found.sort(key=lambda p: (not p.curated, -p.population, p.id))
    return found[0].id if found else None


def city_id(annotation: str) -> str:
    """The id of a city annotated as "Buôn Ma Thuột (Đắk Lắk)"; the parent may be the
    province the city belonged to, or the one it belongs to since 1 July 2025."""
    city, parent = annotation.rstrip(")").rsplit(" (", 1)
    parent_id = place_id(parent)
    formers = {p.id for p in gazetteer().places.values() if p.merged_into == parent_id}
    return _city(city, {parent_id, *formers}) or _unknown(annotation)


def party_id(name: str, country: str) -> str:
    """A tie's party: a locality, or a city named alone ("Kitakyushu")."""
    locality = place_id(name, country)
    if not locality.startswith("?"):
        return locality
    return _city(name, None, country) or locality


@dataclass(frozen=True)
class Expected:
    """One annotated document, with names resolved to ids."""

    file: str
    language: str
    date: str | None
    date_end: str | None
    year: str
    title: str | None  # None: the text has no headline, the title must be generated
    localities: frozenset[str]
    mentions: frozenset[str] | None  # None: not annotated (older corpora), not scored
    cities: frozenset[str]
    regions: frozenset[str]
    optional_places: frozenset[str]
    sectors: frozenset[str]
    optional_sectors: frozenset[str]
    ties: dict[TieKey, tuple[int | None, bool]] | None = None  # None: not annotated
    furniture: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)  # YAML reads 2025-11-25 as a date


def _ties(annotation: dict[str, Any]) -> dict[TieKey, tuple[int | None, bool]] | None:
    if "ties" not in annotation:
        return None
    return {
        (tie["kind"], party_id(tie["vn"], "vn"), party_id(tie["jp"], "jp")): (
            tie.get("year"),
            bool(tie.get("at_event", True)),
        )
        for tie in annotation.get("ties") or []
    }


def expected(annotation: dict[str, Any]) -> Expected:
    """Resolve an annotation's names to gazetteer ids."""
    full_date = annotation.get("full_date") if annotation["year"] == "related" else None
    return Expected(
        file=annotation["file"],
        language=annotation["language"],
        date=_iso(full_date or annotation.get("date")),
        date_end=_iso(annotation.get("date_end")),
        year=annotation["year"],
        title=annotation.get("title"),
        localities=frozenset(
            [place_id(n, "vn") for n in annotation["vn"]]
            + [place_id(n, "jp") for n in annotation["jp"]]
        ),
        mentions=frozenset(place_id(n) for n in annotation["mentions"] or [])
        if "mentions" in annotation
        else None,
        cities=frozenset(city_id(c) for c in annotation["cities"]),
        regions=frozenset(place_id(n) for n in annotation["regions"]),
        optional_places=frozenset(place_id(n) for n in annotation.get("optional") or []),
        sectors=frozenset(annotation["sectors"]),
        optional_sectors=frozenset(annotation.get("optional_sectors") or []),
        ties=_ties(annotation),
        furniture=tuple(annotation.get("furniture") or ()),
        keep=tuple(annotation.get("keep") or ()),
    )


def annotation_files(path: Path) -> list[Path]:
    """An annotation file, or every annotations*.yaml of a folder."""
    return sorted(path.glob("annotations*.yaml")) if path.is_dir() else [path]


def load_annotations(path: Path) -> list[Expected]:
    """Every annotation of a file or folder."""
    return [
        expected(a)
        for file in annotation_files(path)
        for a in yaml.safe_load(file.read_text(encoding="utf-8"))
    ]


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    documents: int = 0  # documents whose annotation covers this field

    def add(self, found: set, wanted: frozenset, optional: frozenset) -> None:
        """Count one document (optional items count neither way)."""
        self.documents += 1
        self.tp += len(found & wanted)
        self.fp += len(found - wanted - optional)
        self.fn += len(wanted - found)

    @property
    def precision(self) -> float:
        """Share of found items that were wanted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of wanted items that were found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Every figure the scorer prints."""

    documents: int = 0
    fields: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in FIELDS})
    language_correct: int = 0
    headlines: int = 0  # documents whose text has a headline
    headline_correct: int = 0
    generated_correct: int = 0  # documents without a headline that got a generated title
    dates: Counter = field(default_factory=Counter)  # date class → documents
    knowable_dates: int = 0  # documents whose annotation gives a date
    exact_knowable: int = 0
    tie_years_right: int = 0
    tie_times_right: int = 0
    sectors_found: int = 0
    furniture_lines: int = 0
    furniture_left: int = 0
    furniture_in_captions: int = 0  # furniture kept as a marked photo caption
    keep_phrases: int = 0
    keep_lost: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def language_accuracy(self) -> float:
        """Share of documents whose language is right."""
        return self.language_correct / self.documents if self.documents else 1.0

    @property
    def title_accuracy(self) -> float:
        """Share of documents whose headline is found, or generated when there is none."""
        right = self.headline_correct + self.generated_correct
        return right / self.documents if self.documents else 1.0

    @property
    def headline_accuracy(self) -> float:
        """Share of documents with a headline whose title is that headline."""
        return self.headline_correct / self.headlines if self.headlines else 1.0

    @property
    def date_accuracy(self) -> float:
        """Share of documents whose date and end date are exactly right."""
        return self.dates["exact"] / self.documents if self.documents else 1.0

    @property
    def knowable_date_accuracy(self) -> float:
        """Share of documents with a knowable date whose date is exactly right."""
        return self.exact_knowable / self.knowable_dates if self.knowable_dates else 1.0

    @property
    def invented_years(self) -> int:
        """Documents given a year that the text does not state."""
        return self.dates["invented"]

    @property
    def sectors_per_brief(self) -> float:
        """Mean number of sectors a brief carries."""
        return self.sectors_found / self.documents if self.documents else 0.0


def _has_year(iso_date: str | None) -> bool:
    return bool(iso_date) and not iso_date.startswith("--")


def _month_day(iso_date: str | None) -> str | None:
    return iso_date[-5:] if iso_date and len(iso_date) in (7, 10) else None


def date_class(found: tuple[str | None, str | None], wanted: tuple[str | None, str | None]) -> str:
    """exact, year left out (day and month right, the knowable year missing), invented (a
    year the text does not state), missed (no date where one is knowable) or wrong."""
    if found == wanted:
        return "exact"
    (date, _), (gold, _) = found, wanted
    if gold is None:
        return "invented" if _has_year(date) else "wrong"
    if date is None:
        return "missed"
    if _has_year(date) and not _has_year(gold):
        return "invented" if _month_day(date) == _month_day(gold) else "wrong"
    if not _has_year(date) and _has_year(gold) and _month_day(date) == _month_day(gold):
        return "year left out"
    return "wrong"


def normal_title(text: str) -> str:
    """A title as compared: spaces collapsed, final stops and ellipses off, case folded."""
    return " ".join(text.split()).strip(" .。…").casefold()


def _score_places(scores: Scores, brief: Brief, gold: Expected) -> None:
    places = gazetteer().places
    regions = frozenset(
        p for p in gold.optional_places if p in places and places[p].kind == "region"
    )
    found_ties = {(t.kind, t.vn_place, t.jp_place) for t in brief.ties}
    # Annotations without `mentions` (the five seeds' and the short corpus's) file every place
    # a text names as a locality: they are compared with both tiers together.
    filed = set(brief.localities) | (set(brief.mentions) if gold.mentions is None else set())
    checks = {
        "localities": (filed, gold.localities, gold.optional_places),
        "cities": (set(brief.cities), gold.cities, frozenset()),
        "regions": (set(brief.regions), gold.regions, regions),
        "sectors": (set(brief.sectors), gold.sectors, gold.optional_sectors),
    }
    if gold.mentions is not None:
        optional = gold.optional_places | gold.localities
        checks["mentions"] = (set(brief.mentions), gold.mentions, optional)
    if gold.ties is not None:
        checks["ties"] = (found_ties, frozenset(gold.ties), frozenset())
    for name, (found, wanted, optional) in checks.items():
        scores.fields[name].add(found, wanted, optional)
        wrong = (found - wanted - optional) | (wanted - found)
        if wrong:
            extra, missing = sorted(found - wanted - optional), sorted(wanted - found)
            scores.errors.append(f"{gold.file}: {name}: extra {extra} missing {missing}")
    for tie in brief.ties:
        detail = (gold.ties or {}).get((tie.kind, tie.vn_place, tie.jp_place))
        if detail is not None:
            scores.tie_years_right += tie.year == detail[0]
            scores.tie_times_right += tie.at_event == detail[1]


def left_in(furniture: str, paragraphs: list[str]) -> bool:
    """Furniture is left when it is a paragraph, or glued to a paragraph's start or end (a
    site's name inside a dateline, "(Hanoi=Agency)", is the text's own)."""
    return any(
        p == furniture or p.startswith(furniture) or p.endswith(furniture) for p in paragraphs
    )


def _score_text(scores: Scores, brief: Brief, gold: Expected) -> None:
    paragraphs = [" ".join(p.text.split()) for p in brief.paragraphs if not p.caption]
    captions = [" ".join(p.text.split()) for p in brief.paragraphs if p.caption]
    everything = " ".join([" ".join(brief.title.split()), *paragraphs, *captions])
    for line in gold.furniture:
        scores.furniture_lines += 1
        if left_in(" ".join(line.split()), paragraphs):
            scores.furniture_left += 1
            scores.errors.append(f"{gold.file}: furniture left: {line!r}")
        elif left_in(" ".join(line.split()), captions):
            scores.furniture_in_captions += 1
            scores.errors.append(f"{gold.file}: furniture kept as a caption: {line!r}")
    for phrase in gold.keep:
        scores.keep_phrases += 1
        if " ".join(phrase.split()) not in everything:
            scores.keep_lost += 1
            scores.errors.append(f"{gold.file}: text lost: {phrase!r}")


def score_document(scores: Scores, brief: Brief, gold: Expected) -> None:
    """Add one document's comparison to the scores."""
    scores.documents += 1
    _score_places(scores, brief, gold)
    _score_text(scores, brief, gold)
    scores.sectors_found += len(brief.sectors)
    if brief.language == gold.language:
        scores.language_correct += 1
    else:
        scores.errors.append(f"{gold.file}: language {brief.language} want {gold.language}")
    kind = date_class((brief.date.date, brief.date.date_end), (gold.date, gold.date_end))
    scores.dates[kind] += 1
    scores.knowable_dates += gold.date is not None
    scores.exact_knowable += gold.date is not None and kind == "exact"
    if kind != "exact":
        scores.errors.append(
            f"{gold.file}: date {kind}: {brief.date.date}..{brief.date.date_end} "
            f"({brief.date.year_source}/{brief.date.year_evidence}) "
            f"want {gold.date}..{gold.date_end} ({gold.year})"
        )
    if gold.title is None:
        scores.generated_correct += brief.title_generated
        right = brief.title_generated
    else:
        scores.headlines += 1
        right = not brief.title_generated and normal_title(brief.title) == normal_title(gold.title)
        scores.headline_correct += right
    if not right:
        scores.errors.append(f"{gold.file}: title {brief.title!r} want {gold.title!r}")


def evaluate(corpus: Path, annotations: Path) -> Scores:
    """Run the pipeline on a corpus folder and score it against its annotations."""
    golds = load_annotations(annotations)
    # Always extract afresh: a score must measure the extractor, not a cache.
    briefs = {Path(b.source).name: b for b in collect(corpus, corpus, use_cache=False).briefs}
    scores = Scores()
    for gold in golds:
        if gold.file not in briefs:
            raise ValueError(f"{corpus / gold.file}: annotated but not turned into a brief")
        score_document(scores, briefs[gold.file], gold)
    return scores


def report(scores: Scores) -> str:
    """The scores as a small table."""
    lines = [f"documents: {scores.documents}", "field        precision  recall   F1"]
    for name, counts in scores.fields.items():
        if counts.documents:
            lines.append(
                f"{name:<12} {counts.precision:9.3f} {counts.recall:7.3f} {counts.f1:6.3f}"
            )
        else:
            lines.append(f"{name:<12} (not annotated)")
    lines += [
        f"language accuracy: {scores.language_accuracy:.3f}",
        f"titles: headline found in {scores.headline_correct} of {scores.headlines}; "
        f"generated where none in {scores.generated_correct} of "
        f"{scores.documents - scores.headlines}",
        f"title accuracy: {scores.title_accuracy:.3f}",
        "dates: "
        + ", ".join(f"{kind} {scores.dates[kind]}" for kind in DATE_CLASSES)
        + f" (knowable in {scores.knowable_dates} of {scores.documents})",
        f"date accuracy: {scores.date_accuracy:.3f}; where knowable: "
        f"{scores.knowable_date_accuracy:.3f}",
        f"invented years: {scores.invented_years}",
        f"sectors per brief: {scores.sectors_per_brief:.2f}",
        f"ties matched: {scores.fields['ties'].tp}; their year right {scores.tie_years_right}, "
        f"signed-at-event right {scores.tie_times_right}",
        f"furniture left: {scores.furniture_left} of {scores.furniture_lines} lines "
        f"(and {scores.furniture_in_captions} kept as photo captions); "
        f"article text lost: {scores.keep_lost} of {scores.keep_phrases} phrases",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the scores of a corpus."""
    parser = argparse.ArgumentParser(prog="python -m generator.evaluate", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s")
    scores = evaluate(args.corpus, args.annotations)
    print(report(scores))
    if args.verbose:
        print("\n".join(scores.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

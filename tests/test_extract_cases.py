"""Per-language cases for the extractors, including the traps of real news."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.dates import extract_date
from generator.extract.language import detect_language
from generator.extract.places import _edge, alias_pattern, extract_places
from generator.extract.sectors import extract_sectors

PLACE_CASES = [
    # (text, expected localities, expected cities)
    ("東京都と群馬県の代表団", {"jp/tokyo", "jp/gunma"}, set()),
    ("京都府の知事", {"jp/kyoto"}, set()),
    ("A delegation from Sagamihara visited", {"jp/kanagawa"}, {"jp/kanagawa/sagamihara"}),
    ("Ông bày tỏ vinh dự khi được tham dự", set(), set()),
    ("Việt Nam định hướng phát triển", set(), set()),
    ("Cục trưởng Nguyễn Hoàng Long An toàn phát biểu", set(), set()),
    ("Đoàn công tác tỉnh Long An thăm Nhật Bản", {"vn/long-an"}, set()),
    ("Mr. Yamaguchi met the delegation", set(), set()),
    ("Governor of Yamaguchi Prefecture", {"jp/yamaguchi"}, set()),
    ("the Mie delegation", set(), set()),
    ("tỉnh Mie và tỉnh Nara", {"jp/mie", "jp/nara"}, set()),
    ("三重県と奈良県", {"jp/mie", "jp/nara"}, set()),
    ("Chủ tịch Hồ Chí Minh từng nói", set(), set()),
    ("tại Thành phố Hồ Chí Minh", {"vn/ho-chi-minh"}, set()),
    ("Festival di Kota Ho Chi Minh", {"vn/ho-chi-minh"}, set()),
    ("les provinces de Bac Liêu et Yên Bai", {"vn/bac-lieu", "vn/yen-bai"}, set()),
    ("Yen Bai and Dak Lak provinces", {"vn/yen-bai", "vn/dak-lak"}, set()),
    ("Vĩnh Long và Vinh", {"vn/vinh-long", "vn/nghe-an"}, {"vn/nghe-an/vinh"}),
    ("thành phố Buôn Ma Thuột", {"vn/dak-lak"}, {"vn/dak-lak/buon-ma-thuot"}),
    ("クアンニン省の代表", {"vn/quang-ninh"}, set()),
    ("广宁省与群马县", {"vn/quang-ninh", "jp/gunma"}, set()),
    ("꽝닌성과 군마현", {"vn/quang-ninh", "jp/gunma"}, set()),
    ("Saga Prefecture and Kumamoto", {"jp/saga", "jp/kumamoto"}, set()),
    ("the saga of Japan", set(), set()),
    ("Ông Kumamoto-san phát biểu tại hội nghị", set(), set()),
    ("熊本氏は会議で発言した", set(), set()),
    ("熊本県の知事は会議で発言した", {"jp/kumamoto"}, set()),
    ("Mr Sandwich of Osaka Sangyo", {"jp/osaka"}, set()),
]


@pytest.mark.parametrize(("text", "localities", "cities"), PLACE_CASES)
def test_places(text: str, localities: set[str], cities: set[str]) -> None:
    found = extract_places([text])
    assert set(found.localities) == localities
    assert set(found.cities) == cities


def test_regions_are_named_not_inferred_from_members() -> None:
    assert extract_places(["Fukuoka, Saga và Nagasaki"]).regions == ()
    assert extract_places(["các tỉnh Tây Nguyên"]).regions == ("vn/tay-nguyen",)
    assert extract_places(["Forum in the Kansai region"]).regions == ("jp/kansai",)


DATE_CASES = [
    # (language, text, date, date_end, year_source)
    ("vi", "Ngày 7/10, tại Đắk Lắk", "--10-07", None, "none"),
    ("vi", "Sáng 25/11/2025, tỉnh Quảng Ninh", "2025-11-25", None, "text"),
    ("vi", "từ ngày 24-25/11", "--11-24", "--11-25", "none"),
    ("vi", "Ngày 7 tháng 10 năm 2024, đoàn", "2024-10-07", None, "text"),
    ("vi", "15:01 | 13/09/2024 GMT+7\nNgày 12/9, đoàn công tác", "2024-09-12", None, "inferred"),
    ("vi", "42/69 cặp quan hệ", None, None, "none"),
    ("en", "On November 2, 2023, the ministry", "2023-11-02", None, "text"),
    ("en", "On 2 November the ministry", "--11-02", None, "none"),
    ("en", "from 4 to 8 November 2024", "2024-11-04", "2024-11-08", "text"),
    ("en", "You may 2 visit", None, None, "none"),
    ("fr", "a eu lieu du 4 à 8 novembre dans", "--11-04", "--11-08", "none"),
    ("fr", "le 1er décembre 2025", "2025-12-01", None, "text"),
    (
        "id",
        "Pada tanggal 25 November, di Quang Ninh. Pada bulan April 2025",
        "2025-11-25",
        None,
        "inferred",
    ),
    ("id", "pada 3 Agustus 2024", "2024-08-03", None, "text"),
    ("de", "Am 25. November 2025 trafen sich", "2025-11-25", None, "text"),
    ("de", "vom 4. bis 8. November", "--11-04", "--11-08", "none"),
    ("ja", "2025年11月25日、群馬県知事は", "2025-11-25", None, "text"),
    ("ja", "令和6年3月1日に締結", "2024-03-01", None, "text"),
    ("ja", "平成28年5月10日", "2016-05-10", None, "text"),
    ("ja", "11月24～25日に開催", "--11-24", "--11-25", "none"),
    ("zh", "11月25日，广宁省", "--11-25", None, "none"),
    ("ko", "2025년 11월 25일 꽝닌성에서", "2025-11-25", None, "text"),
    ("en", "30 February is not a date", None, None, "none"),
    ("vi", "Ngày 29/2, hội nghị", "--02-29", None, "none"),
]


@pytest.mark.parametrize(("language", "text", "date", "date_end", "year_source"), DATE_CASES)
def test_dates(language: str, text: str, date, date_end, year_source: str) -> None:
    info = extract_date([text], language)
    assert (info.date, info.date_end, info.year_source) == (date, date_end, year_source)


def test_relative_date_resolves_against_the_publication_stamp() -> None:
    info = extract_date(["10:30 | 14/09/2024", "Tối qua, đoàn công tác tỉnh Gunma đã đến"], "vi")
    assert (info.date, info.year_source) == ("2024-09-13", "inferred")


def test_a_year_is_never_taken_from_the_clock() -> None:
    assert extract_date(["On 2 November the ministry met"], "en").date == "--11-02"


SECTOR_CASES = [
    ("fr", "la Chambre de Commerce et d'Industrie de Tokyo", set()),
    (
        "fr",
        "coopération dans le commerce et l'industrie manufacturière",
        {"trade", "manufacturing"},
    ),
    ("vi", "hợp tác trong lĩnh vực nông nghiệp và du lịch", {"agriculture", "tourism"}),
    ("vi", "cải thiện môi trường đầu tư", {"investment"}),
    ("en", "cooperation in semiconductors and AI", {"semiconductors", "ai"}),
    ("en", "the importance of trust", set()),
    ("id", "transformasi digital dan semikonduktor", {"digital-transformation", "semiconductors"}),
    ("ja", "介護人材の受け入れ", {"healthcare", "labour"}),
    ("de", "Zusammenarbeit im Tourismus und bei erneuerbaren Energien", {"tourism", "energy"}),
    ("ko", "관광 및 교육 협력", {"tourism", "education-training"}),
    ("zh", "在农业和旅游领域合作", {"agriculture", "tourism"}),
    ("en", "signed a JICA project on ODA", {"development-cooperation"}),
]


@pytest.mark.parametrize(("language", "text", "expected"), SECTOR_CASES)
def test_sectors(language: str, text: str, expected: set[str]) -> None:
    assert set(extract_sectors([text], language)) == expected


LANGUAGE_CASES = [
    ("vi", ["Ngày 25/11, tại tỉnh Quảng Ninh, Bộ trưởng đã tiếp đoàn công tác."]),
    ("ja", ["群馬県の知事は、ベトナムとの協力を強化する考えを示した。"]),
    ("en", ["The governor met the delegation to discuss cooperation.", "Toàn cảnh hội nghị."]),
    ("fr", ["Le gouverneur a rencontré la délégation vietnamienne."]),
    ("id", ["Gubernur menerima delegasi dari Vietnam untuk membahas kerja sama."]),
    ("zh", ["群马县知事会见了越南代表团，双方讨论了合作。"]),
    ("ko", ["군마현 지사는 베트남 대표단을 만나 협력을 논의했다."]),
    ("de", ["Der Gouverneur der Präfektur traf sich am Montag mit der Delegation aus Vietnam."]),
]


@pytest.mark.parametrize(("language", "paragraphs"), LANGUAGE_CASES)
def test_language(language: str, paragraphs: list[str]) -> None:
    assert detect_language(paragraphs) == language


def _one_alternative_per_alias(aliases: dict[str, str]) -> re.Pattern:
    """The plain form of the place pattern: every alias on its own, longest first."""

    def bounded(folded: str, written: str) -> str:
        pattern = re.escape(folded)
        if edge := _edge(written[0]):
            pattern = f"(?<![{edge}]){pattern}"
        if edge := _edge(written[-1]):
            pattern = f"{pattern}(?![{edge}])"
        return pattern

    longest_first = sorted(aliases, key=lambda folded: (-len(folded), folded))
    return re.compile("|".join(bounded(folded, aliases[folded]) for folded in longest_first))


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(st.text(alphabet="abABアイ県 -", min_size=1, max_size=4), min_size=1),
    text=st.text(alphabet="abAB1アイ県 -", max_size=40),
)
def test_trie_pattern_matches_what_one_alternative_per_alias_matches(
    names: list[str], text: str
) -> None:
    """The trie-shaped place pattern finds the same leftmost-longest names, word edges included."""
    aliases = {name: name for name in names}
    expected = [(m.start(), m.group()) for m in _one_alternative_per_alias(aliases).finditer(text)]
    found = [(m.start(), m.group()) for m in re.finditer(alias_pattern(aliases), text)]
    assert found == expected

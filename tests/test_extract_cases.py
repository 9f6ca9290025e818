"""Per-language cases for the extractors, including the traps of real news."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.dates import DateSources, extract_date
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
    ("Mr Sandwich of Osaka Sangyo", set(), set()),  # a company's name, not Osaka
    ("Delegates of Osaka Prefecture met Mr Sandwich", {"jp/osaka"}, set()),
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
    ("vi", "Sáng 27-9, tại thành phố Osaka", "--09-27", None, "none"),
    ("vi", "diễn ra từ ngày 2 đến 6/12/2025 tại Tokyo", "2025-12-02", "2025-12-06", "text"),
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
    ("ja", "2024年6月12日から13日にかけて訪問した", "2024-06-12", "2024-06-13", "text"),
    ("zh", "11月25日，广宁省", "--11-25", None, "none"),
    ("ko", "2025년 11월 25일 꽝닌성에서", "2025-11-25", None, "text"),
    ("ko", "7월 12일(화)부터 15일(금)까지 연수단이", "--07-12", "--07-15", "none"),
    ("en", "30 February is not a date", None, None, "none"),
    ("vi", "Ngày 29/2, hội nghị", "--02-29", None, "none"),
    ("en", "It opened on 29 February 2025, said the organisers", None, None, "none"),
]


def _sources(*paragraphs: str, stamps: tuple[str, ...] = (), headline: str | None = None):
    return DateSources(headline, paragraphs, stamps)


@pytest.mark.parametrize(("language", "text", "date", "date_end", "year_source"), DATE_CASES)
def test_dates(language: str, text: str, date, date_end, year_source: str) -> None:
    info = extract_date(_sources(text), language)
    assert (info.date, info.date_end, info.year_source) == (date, date_end, year_source)


YEAR_EVIDENCE_CASES = [
    # (language, stamps, headline, text, date, evidence)
    ("vi", ("15:01 | 13/09/2024 GMT+7",), None, "Ngày 12/9, đoàn công tác", "2024-09-12", "stamp"),
    ("vi", ("03/01/2025 08:00",), None, "Ngày 28/12, đoàn công tác", "2024-12-28", "stamp"),
    ("vi", ("10:30 | 14/09/2024",), None, "Tối qua, đoàn tỉnh Gunma", "2024-09-13", "stamp"),
    ("vi", ("24/02/2020 17:45",), None, "Chiều nay 24/2, lãnh đạo tỉnh", "2020-02-24", "stamp"),
    (
        "ko",
        ("입력 2024.11.03 09:12",),
        None,
        "3일 매체에 따르면 양측은 지난달 29일 협약을 체결했다.",
        "2024-10-29",
        "stamp",
    ),
    (
        "zh",
        ("发布时间：2019-03-28 10:00",),
        None,
        "河内3月28日电 岘港航线昨天正式开通。",
        "2019-03-27",
        "stamp",
    ),
    (
        "en",
        ("Updated: 24-11-2022 10:23 IST",),
        None,
        "The two provinces signed on Tuesday.",
        "2022-11-22",
        "stamp",
    ),
    (
        "id",
        (),
        None,
        "Delegasi tiba pada Rabu (21/12). MoU ditandatangani pada 2021.",
        "2022-12-21",
        "weekday",
    ),
    (
        "fr",
        (),
        None,
        "reçu mercredi 8 octobre une délégation. En 2013, les deux",
        "2014-10-08",
        "weekday",
    ),
    (
        "en",
        (),
        None,
        "On 23 September, the festival marked the 50th anniversary of diplomatic relations.",
        "2023-09-23",
        "anniversary",
    ),
    (
        "en",
        (),
        "Da Nang brings its cuisine to EXPO 2025 Osaka",
        "The week ran from August 21 to 23.",
        "2025-08-21",
        "event-name",
    ),
    ("ja", (), None, "10月8日、商談会を開いた。今年(2025年)は", "2025-10-08", "other-date"),
    (
        "id",
        (),
        None,
        "Program Pertukaran Pemuda Tahun Fiskal Reiwa 6 berlangsung dari 18 hingga 24 Agustus.",
        "2024-08-18",
        "era",
    ),
    (
        "ko",
        (),
        None,
        "양국이 외교관계를 수립한 지 50주년을 맞아 10월 18일 회담을 열었다.",
        "2023-10-18",
        "anniversary",
    ),
    (
        "en",
        ("Posted: Aug 6",),
        None,
        "On August 5, students visited. The agreement dates from 2019.",
        "--08-05",
        None,
    ),
]


@pytest.mark.parametrize(
    ("language", "stamps", "headline", "text", "date", "evidence"), YEAR_EVIDENCE_CASES
)
def test_a_missing_year_comes_with_its_evidence(
    language: str, stamps: tuple, headline: str | None, text: str, date: str, evidence
) -> None:
    info = extract_date(_sources(text, stamps=stamps, headline=headline), language)
    assert (info.date, info.year_evidence) == (date, evidence)


def test_a_relative_day_in_the_lead_beats_a_date_further_on() -> None:
    sources = _sources(
        "Chiều qua, lãnh đạo thành phố tiếp đoàn tỉnh Chiba.",
        "Đây là đoàn đầu tiên kể từ khi ba địa phương hợp nhất (1/7/2025).",
        stamps=("Thứ Sáu, 22/8/2025, 06:45 (GMT+7)",),
    )
    info = extract_date(sources, "vi")
    assert (info.date, info.year_evidence) == ("2025-08-21", "stamp")


def test_history_and_plans_are_not_the_event() -> None:
    text = (
        "Relations were established on 21 September 1973. On 23 September the festival "
        "celebrated their 50th anniversary; EXPO runs from 13 April 2026 to 13 October 2026."
    )
    assert extract_date(_sources(text), "en").date == "2023-09-23"


def test_the_page_header_date_is_the_weakest_clue() -> None:
    page_dated = DateSources(
        "Khai mạc Lễ hội giao lưu văn hóa Hội An - Nhật Bản 2013",
        ("Tối 16/8, tại khu phố cổ, lễ hội khai mạc.",),
        page_dates=("Thứ Sáu, 13/9/2024",),
    )
    assert extract_date(page_dated, "vi").date == "2013-08-16"


def test_a_year_is_never_taken_from_the_clock() -> None:
    assert extract_date(_sources("On 2 November the ministry met"), "en").date == "--11-02"


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
    # Words in another sense, and names of institutions, are no sector.
    ("en", "Vietnam's business climate keeps improving", set()),
    ("ko", "양자 회담에서 두 지역은 관광 협력을 논의했다", {"tourism"}),
    ("de", "Beide Seiten wollen die Freundschaft weiter pflegen", set()),
    ("de", "Ausbildung von Pflegekräften", {"education-training", "healthcare"}),
    ("vi", "đại diện Sở Y tế và Sở Văn hóa, Thể thao và Du lịch", set()),
    ("vi", "đào tạo cán bộ y tế", {"education-training", "healthcare"}),
    ("zh", "越南农业与农村发展厅副厅长", set()),
    ("fr", "le climat des affaires et l’environnement", {"environment"}),
    ("de", "Obstexporte nach Japan", {"agriculture", "trade"}),
]


@pytest.mark.parametrize(("language", "text", "expected"), SECTOR_CASES)
def test_a_headline_names_its_sectors(language: str, text: str, expected: set[str]) -> None:
    assert set(extract_sectors(text, [], [], language)) == expected


def test_a_sector_named_once_in_passing_is_not_filed() -> None:
    lead = "The governor of Aichi met the mayor of Da Nang on Monday."
    passing = "The mayor, who once worked in tourism, thanked the guests."
    assert extract_sectors("Aichi and Da Nang meet", [lead, passing], [], "en") == ()
    # Named again and again, it is what the text is about.
    again = [lead, passing, "Tourism is growing.", "Tourist numbers doubled."]
    assert extract_sectors("Aichi and Da Nang meet", again, [], "en") == ("tourism",)


def test_the_lead_needs_one_more_word_of_its_sector() -> None:
    lead = "A delegation of Kumamoto semiconductor firms visited Bac Ninh."
    later = "The firms toured a chip packaging plant."
    assert extract_sectors("A visit", [lead, "They met officials."], [], "en") == ()
    assert extract_sectors("A visit", [lead, later], [], "en") == ("semiconductors",)


def test_a_sector_in_a_sentence_about_cooperation_is_a_field_of_it() -> None:
    text = ["The two sides met in Hue.", "They agreed to promote exchanges in healthcare."]
    assert extract_sectors("A meeting", text, [], "en") == ("healthcare",)


def test_every_field_a_sentence_lists_is_filed() -> None:
    text = [
        "Hội thảo diễn ra tại Buôn Ma Thuột.",
        "Doanh nghiệp quan tâm nhiều lĩnh vực như nông nghiệp, năng lượng tái tạo và du lịch.",
    ]
    assert extract_sectors("Hội thảo", text, [], "vi") == ("agriculture", "energy", "tourism")


def test_a_sector_as_the_object_of_cooperation_is_filed() -> None:
    text = ["Hội thảo diễn ra tại Đắk Lắk.", "Hai bên đẩy mạnh hợp tác nguồn nhân lực."]
    assert extract_sectors("Hội thảo", text, [], "vi") == ("labour",)


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

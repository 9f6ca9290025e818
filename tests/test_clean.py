"""The clean stage: page furniture goes, the article stays."""

from __future__ import annotations

import pytest

from generator.clean import clean, line_kind, split_glued
from generator.model import Source


def cleaned(text: str):
    return clean(Source(path="seeds/x.txt", name="x.txt", text=text, encoding="utf-8"))


ARTICLE = """VnExpress
Thời sự
Trang chủ / Thế giới / Nhật Bản
Hà Nội 28°C Mây rải rác
Gunma và Quảng Ninh thúc đẩy hợp tác du lịch
Ngày 3/4, đoàn công tác tỉnh Gunma đã làm việc với tỉnh Quảng Ninh về hợp tác du lịch.
Toàn cảnh buổi làm việc. (Ảnh: TTXVN)
Hai bên thống nhất tăng cường trao đổi đoàn và quảng bá du lịch.
Ngày 3/4, đoàn công tác tỉnh Gunma đã làm việc với tỉnh Quảng Ninh về hợp tác du lịch.
Tin liên quan
Yamanashi tìm kiếm lao động Việt Nam
Đoàn doanh nghiệp Fukuoka thăm Cần Thơ
Bình luận (3)
Chia sẻ
Địa chỉ: 123 Phố Huế, Hà Nội
Điện thoại: 024 1234 5678
Giấy phép số 123/GP-BTTTT
Copy link
Source: https://example.vn/gunma-quang-ninh.html
"""


def test_furniture_is_dropped_and_the_article_kept() -> None:
    document = cleaned(ARTICLE)
    assert document.headline == "Gunma và Quảng Ninh thúc đẩy hợp tác du lịch"
    assert [p.text for p in document.paragraphs] == [
        "Ngày 3/4, đoàn công tác tỉnh Gunma đã làm việc với tỉnh Quảng Ninh về hợp tác du lịch.",
        "Toàn cảnh buổi làm việc. (Ảnh: TTXVN)",
        "Hai bên thống nhất tăng cường trao đổi đoàn và quảng bá du lịch.",
    ]
    assert document.paragraphs[1].caption
    assert document.source_url == "https://example.vn/gunma-quang-ninh.html"


def test_a_text_without_headline_has_none() -> None:
    document = cleaned("Ngày 25/11, tại tỉnh Quảng Ninh, Bộ trưởng đã tiếp đoàn.\n\nHai bên...\n")
    assert document.headline is None


def test_trailing_copy_and_comment_boxes_go() -> None:
    document = cleaned(
        "A headline about Gunma\nThe governor met the delegation. Copy.\n"
        "Leave a Reply\nYour email address will not be published. Required fields are marked *"
    )
    assert [p.text for p in document.paragraphs] == ["The governor met the delegation."]


def test_read_also_lines_go_but_the_article_after_them_stays() -> None:
    first = "Le gouverneur de Kumamoto a reçu une délégation de la province de Yên Bai hier."
    second = "Les deux parties ont signé un mémorandum de coopération dans le tourisme."
    document = cleaned(
        f"Kumamoto accueille une délégation de Yên Bai\n{first}\nLire aussi : Autre article\n"
        f"{second}"
    )
    assert [p.text for p in document.paragraphs] == [first, second]


LEAD_EN = (
    "The northern province of Phu Tho and Japan's Tochigi prefecture on October 14 signed a "
    "memorandum on training care workers, the first such document between the two localities."
)


def test_the_headline_stands_below_the_page_furniture() -> None:
    page = "\n".join(
        [
            "Skip to main content",
            "NORTHERN WIRE",
            "The nation's news, in English",
            "Wednesday, 15/10/2025",
            "Hanoi 24°C  Cloudy",
            "Home  Politics  Business  Society  Culture  Sports",
            "Sign in | Subscribe",
            "Home > Society > Labour",
            "Phu Tho and Tochigi sign memorandum on care worker training",
            "October 15, 2025 | 09:12 (GMT+7)",
            "By Minh Anh",
            "Views: 1,234",
            LEAD_EN,
            "Both sides agreed to review the programme every year.",
            "Tags: Phu Tho, Tochigi, labour",
            "Share on Facebook Share on X",
            "© 2025 Northern Wire. All rights reserved.",
        ]
    )
    document = cleaned(page)
    assert document.headline == "Phu Tho and Tochigi sign memorandum on care worker training"
    assert [p.text for p in document.paragraphs] == [
        LEAD_EN,
        "Both sides agreed to review the programme every year.",
    ]
    assert document.stamps == ("October 15, 2025 | 09:12 (GMT+7)",)
    assert document.page_dates == ("Wednesday, 15/10/2025",)  # the header's: the day it was read
    assert document.outlet == "Northern Wire"


def test_a_slogan_above_the_menu_is_not_the_headline() -> None:
    page = (
        "Cơ quan của Đảng bộ, chính quyền và nhân dân tỉnh Quảng Nam\n"
        "Thứ Sáu, 13/9/2024\n"
        "Trang chủ   Thời sự   Kinh tế   Văn hóa - Du lịch   Xã hội\n"
        "Văn hóa - Du lịch\n"
        "Khai mạc lễ hội giao lưu văn hóa Hội An - Nhật Bản lần thứ 11\n"
        "Lượt xem: 3.417\n"
        "Tối 16/8, tại khu phố cổ, UBND thành phố Hội An phối hợp với các đối tác Nhật Bản "
        "khai mạc lễ hội giao lưu văn hóa Hội An - Nhật Bản với nhiều hoạt động nghệ thuật.\n"
    )
    headline = cleaned(page).headline
    assert headline == "Khai mạc lễ hội giao lưu văn hóa Hội An - Nhật Bản lần thứ 11"


def test_a_subtitle_follows_the_headline_and_stays_as_text() -> None:
    page = (
        "뉴스 홈 > 경제 > 농수산\n"
        "베트남 안장성, 日 가고시마와 양식 협력 MOU…메기 수출길 넓힌다\n"
        "'가고시마 수산 상담회' 참가…바이어 상담 40여 건\n"
        "베트남 메콩델타의 대표적인 메기 양식지인 안장성이 일본 가고시마현과 양식 기술 협력에 "
        "나섰다. 양측은 사료 관리와 질병 예방 기술을 공유하기로 했다.\n"
    )
    document = cleaned(page)
    assert document.headline == "베트남 안장성, 日 가고시마와 양식 협력 MOU…메기 수출길 넓힌다"
    assert document.paragraphs[0].text == "'가고시마 수산 상담회' 참가…바이어 상담 40여 건"


def test_an_unmarked_caption_above_the_headline_is_not_taken_for_it() -> None:
    page = (
        "Tạp chí điện tử\n"
        "Thị trường | Doanh nghiệp | Đầu tư | Xuất nhập khẩu\n"
        "Cá ngừ đại dương được đưa lên bờ tại cảng cá trước phiên đấu giá sáng sớm\n"
        "Cá ngừ Phú Yên tìm đường sang thị trường tỉnh Miyagi của Nhật Bản\n"
        "Đăng: 22/11/2025 08:30\n"
        "Sáng 21/11, tỉnh Đắk Lắk tổ chức hội nghị kết nối giao thương cá ngừ đại dương với "
        "các doanh nghiệp tỉnh Miyagi, mở hướng xuất khẩu mới cho ngư dân Phú Yên cũ.\n"
    )
    headline = cleaned(page).headline
    assert headline == "Cá ngừ Phú Yên tìm đường sang thị trường tỉnh Miyagi của Nhật Bản"


def test_a_caption_glued_to_the_headline_is_cut_off() -> None:
    page = (
        "Économie\n"
        "Da Nang et Hiroshima renforcent leur coopération dans les technologies vertes "
        "Le vice-président de Da Nang et le vice-gouverneur de Hiroshima lors de la "
        "signature. Photo : NDEL\n"
        "Un forum de promotion des investissements réunissant des entreprises de Hiroshima et "
        "de Da Nang s'est tenu le 14 novembre dans la ville du Centre.\n"
    )
    document = cleaned(page)
    assert document.headline == (
        "Da Nang et Hiroshima renforcent leur coopération dans les technologies vertes"
    )
    assert document.paragraphs[0].caption
    assert document.paragraphs[0].text.startswith("Le vice-président de Da Nang")


def test_a_page_that_starts_with_its_text_has_no_headline() -> None:
    page = "Du lịch\n.\n" + LEAD_EN + "\nComments (0)\n"
    document = cleaned(page)
    assert document.headline is None
    assert [p.text for p in document.paragraphs] == [LEAD_EN]


@pytest.mark.parametrize(
    "line",
    [
        "Cập nhật: 15:01, 13/09/2024",
        "Thứ Năm, 16/10/2025",
        "Updated: 24-11-2021 10:23 IST",
        "Publié le 08/10/2025 à 14h30, mis à jour le 09/10/2025 à 08h12",
        "Rabu, 21 Desember 2022 14:05 WIB",
        "Stand: 12.03.2024, 14:30 Uhr",
        "Aktualisiert am 11.11.2024",
        "更新日:2022年7月27日",
        "令和07年08月20日",
        "发布时间：2024-11-25 10:32",
        "입력 2024.11.03 09:12 수정 2024.11.03 10:40",
        "Wednesday, December 11, 2024 20:15",
        "입력 11.08(금) 09:40",
        "5/14 6:00 (最終更新 5/14 9:12)",
    ],
)
def test_publication_stamps_are_recognised(line: str) -> None:
    assert line_kind(line) == "stamp"


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 12/3/2024, tỉnh Bắc Ninh và tỉnh Saitama đã ký biên bản ghi nhớ hợp tác.",
        "Lesezeit 3 Min.",
        "两天时间里，大批日本民众在11月25日前来参观。",
    ],
)
def test_sentences_with_dates_are_not_stamps(line: str) -> None:
    assert line_kind(line) != "stamp"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Lượt xem: 4.026", "meta"),
        ("Dilihat 1.234 kali", "meta"),
        ("Cỡ chữ A A A", "meta"),
        ("aA aA", "meta"),
        ("Logo", "structural"),
        ("Tải ứng dụng Đời Sống: App Store | Google Play", "structural"),
        ("We use cookies to improve your experience. Accept", "structural"),
        ("haerin@example.co.kr", "meta"),
        ("최해린 기자 haerin@example.co.kr", "meta"),
        ("Tin mới: Giá vàng giảm • Metro số 2 chạy thử", "structural"),
        ("ページの先頭です。", "structural"),
        ("Tiếng Việt | English | 日本語", "structural"),
        ("Trang chủ > Kinh tế > Đầu tư", "structural"),
        ("来源：东盟商讯网 作者：陈嘉怡 点击：1288", "meta"),
        ("Von Jens Hartwig | Hanoi", "meta"),
        ("Chuyên gia Nhật Bản hướng dẫn bác sĩ. Ảnh: N.H", "caption"),
        ("Officials at the ceremony in Utsunomiya (second from left)", "caption"),
        ("Tin liên quan", "related"),
        ("By the end of 2024, both provinces will exchange trainees.", "text"),
        ("Next year the two prefectures will open offices in Hanoi.", "text"),
    ],
)
def test_lines_are_classified_by_shape(line: str, kind: str) -> None:
    assert line_kind(line) == kind


def test_a_caption_glued_to_the_next_block_is_cut_apart() -> None:
    assert split_glued("Toàn cảnh hội thảo. Ảnh: Thu HàCần Thơ hợp tác với Hokkaido") == [
        "Toàn cảnh hội thảo. Ảnh: Thu Hà",
        "Cần Thơ hợp tác với Hokkaido",
    ]


def test_a_date_line_inside_the_text_is_text() -> None:
    page = (
        "Gifu Prefecture to receive a delegation from Dong Nai province on August 22\n"
        + LEAD_EN
        + "\n22 August 2025 14:30 to 14:50\n"
        + LEAD_EN.replace("October 14", "October 15")
        + "\n"
    )
    document = cleaned(page)
    assert "22 August 2025 14:30 to 14:50" in [p.text for p in document.paragraphs]
    assert document.stamps == ()


def test_the_site_s_name_after_a_headline_is_cut_off() -> None:
    page = "\n".join(
        [
            "Mekong Morning Post",
            "Menu News Business Travel Life",
            "Gunma and Quang Ninh agree on tourism promotion | Mekong Morning Post",
            "By Staff Sep 25, 04:12 pm GMT+7",
            "Gunma Prefecture and Quang Ninh Province agreed on Monday to promote tourism "
            "between the two localities and to open a joint office in Ha Long next year.",
        ]
    )
    assert cleaned(page).headline == "Gunma and Quang Ninh agree on tourism promotion"


def test_a_page_id_or_a_share_row_below_the_headline_does_not_hide_it() -> None:
    for between in ("Page ID 1234567", "Lưu bài Chia sẻ Bình luận", "가 가 가 인쇄 스크랩"):
        page = "\n".join(
            [
                "Home > International > Asia",
                "Tottori and Ninh Binh sign a memorandum on exchange",
                "Last updated: January 9, 2026",
                between,
                "On December 16, Tottori Prefecture and Ninh Binh Province signed a memorandum "
                "on exchange and cooperation at the prefectural office in Tottori City.",
            ]
        )
        assert cleaned(page).headline == "Tottori and Ninh Binh sign a memorandum on exchange"


def test_a_two_part_breadcrumb_and_bracketed_headline() -> None:
    assert line_kind("Đầu tư › Hợp tác quốc tế") == "structural"
    page = "\n".join(
        [
            "当前位置：首页 > 越南动态",
            "【高平省与日本岩手县探讨地质公园合作】",
            "更新时间：2024-12-02 10:05",
            "【字体：大 中 小】【打印本页】【关闭窗口】",
            "据越南媒体报道，2024年11月16日，越南高平省人民委员会与日本岩手县代表团在高平市举行工作"
            "会谈，双方就地质公园的保护与旅游开发交换了意见，并同意加强交流。",
        ]
    )
    document = cleaned(page)
    assert document.headline == "高平省与日本岩手县探讨地质公园合作"
    assert all("打印本页" not in p.text for p in document.paragraphs)


def test_a_headline_glued_to_a_caption_without_a_space_is_cut_off() -> None:
    page = "\n".join(
        [
            "Đối ngoại",
            "Hợp tác hữu nghị Thái Nguyên - Shiga: Từ búp chè đến lớp học tiếng NhậtLãnh đạo "
            "hai tỉnh trồng cây lưu niệm tại đồi chè. Ảnh: Hải Yến",
            "Đăng lúc: 19/04 - 21:05",
            "Từ ngày 16 đến 19/4, đoàn đại biểu tỉnh Shiga đã thăm và làm việc tại tỉnh Thái "
            "Nguyên, nhìn lại mười năm hợp tác giữa hai địa phương.",
        ]
    )
    document = cleaned(page)
    assert document.headline == (
        "Hợp tác hữu nghị Thái Nguyên - Shiga: Từ búp chè đến lớp học tiếng Nhật"
    )
    assert document.paragraphs[0].text.startswith("Lãnh đạo hai tỉnh")

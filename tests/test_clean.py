"""The clean stage: page furniture goes, the article stays."""

from __future__ import annotations

from generator.clean import clean
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
    document = cleaned(
        "Titre de l'article sur Kumamoto\nPremier paragraphe.\nLire aussi : Autre article\n"
        "Deuxième paragraphe."
    )
    assert [p.text for p in document.paragraphs] == ["Premier paragraphe.", "Deuxième paragraphe."]

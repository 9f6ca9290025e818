"""A corpus of bad seeds: broken encodings, odd files and names, markup attacks, collisions.

Each entry is (file name, content, expectation). Content is bytes, or a callable that makes the
file itself (symlinks, folders, big files). The expectation is ("skip", reason) or
("brief", checks), checks being fields the brief must have.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

ART_VI = (
    "Gunma và Quảng Ninh thúc đẩy hợp tác du lịch\n"
    "Ngày 3/4/2024, đoàn công tác tỉnh Gunma đã làm việc với tỉnh Quảng Ninh về hợp tác du lịch.\n"
    "Hai bên thống nhất tăng cường giao lưu văn hóa và đào tạo nguồn nhân lực.\n"
)
ART_FR = (
    "La préfecture de Kumamoto signe un mémorandum avec la province de Yên Bai\n"
    "Le 5 mars 2024, la préfecture de Kumamoto a signé un mémorandum de coopération économique "
    "avec la province de Yên Bai, au Vietnam, dans le tourisme et l'agriculture.\n"
)
ART_FR_LATIN = ART_FR.replace("Yên Bai", "Yen Bai")  # encodable in cp1252 and Latin-1
ART_JA = (
    "群馬県とクアンニン省が友好交流協定\n"
    "2024年4月3日、群馬県とベトナムのクアンニン省は観光と農業の分野で協力することで合意した。\n"
)
VI_BRIEF = {"localities": ("jp/gunma", "vn/quang-ninh"), "language": "vi", "date": "2024-04-03"}
VI_TITLE = "Gunma và Quảng Ninh thúc đẩy hợp tác du lịch"
FR_BRIEF = {"localities": ("jp/kumamoto", "vn/yen-bai"), "language": "fr", "date": "2024-03-05"}
JA_BRIEF = {"localities": ("jp/gunma", "vn/quang-ninh"), "language": "ja", "date": "2024-04-03"}

Maker = Callable[[Path], None]


def big_file(path: Path) -> None:
    path.write_bytes(ART_VI.encode() + b"x" * (20 * 1024 * 1024))


def link_outside(path: Path) -> None:
    outside = path.parent.parent / "outside.txt"
    outside.write_text(ART_VI, encoding="utf-8")
    os.symlink(outside, path)


def folder(path: Path) -> None:
    path.mkdir()


# fmt: off
HOSTILE: list[tuple[str, bytes | Maker, tuple]] = [  # noqa: E501 - one seed a line
    ("utf8-bom.txt", b"\xef\xbb\xbf" + ART_VI.encode(), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    ("utf16-le.txt", ART_VI.encode("utf-16"), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    ("utf16-be.txt", b"\xfe\xff" + ART_VI.encode("utf-16-be"), ("brief", VI_BRIEF)),
    (
        "cp1252.txt",
        ART_FR_LATIN.encode("cp1252"),
        ("brief", {**FR_BRIEF, "title": ART_FR_LATIN.split("\n")[0]}),
    ),
    ("latin1.txt", ART_FR_LATIN.encode("latin-1"), ("brief", FR_BRIEF)),
    (
        "shift-jis.txt",
        ART_JA.encode("shift_jis"),
        ("brief", {**JA_BRIEF, "title": "群馬県とクアンニン省が友好交流協定"}),
    ),
    (
        "mojibake.txt",
        ART_FR.encode().decode("cp1252", "replace").encode(),
        ("brief", {**FR_BRIEF, "title": ART_FR.split("\n")[0]}),
    ),
    (
        "nfd.txt",
        unicodedata.normalize("NFD", ART_VI).encode(),
        ("brief", {**VI_BRIEF, "title": VI_TITLE}),
    ),
    ("crlf.txt", ART_VI.replace("\n", "\r\n").encode(), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    (
        "lone-cr.txt",
        ART_VI.replace("\n", "\r").encode(),
        ("brief", {**VI_BRIEF, "title": VI_TITLE}),
    ),
    (
        "controls.txt",
        ("\x07\x1b[31m" + ART_VI.replace("Gunma và", "Gunma\u202e và\u200f")).encode(),
        ("brief", {**VI_BRIEF, "title": "[31m" + VI_TITLE}),
    ),
    ("empty.txt", b"", ("skip", "empty file")),
    ("whitespace.txt", b"  \n\t\r\n  ", ("skip", "empty file")),
    ("binary.txt", bytes(range(256)) * 4, ("skip", "binary file (contains NUL bytes)")),
    (
        "nul-byte.txt",
        ART_VI.encode().replace(b"Hai", b"H\x00ai"),
        ("skip", "binary file (contains NUL bytes)"),
    ),
    ("huge.txt", big_file, ("skip", "larger than 5 MB")),
    ("folder.txt", folder, ("skip", "not a regular file")),
    ("outside-link.txt", link_outside, ("skip", "a link to a file outside the seed folder")),
    ("name with spaces.txt", ART_VI.encode(), ("brief", {"id": "name-with-spaces"})),
    ("weird..name.txt", ART_VI.encode(), ("brief", {"id": "weird-name"})),
    ("ベトナム記事.txt", ART_JA.encode(), ("brief", JA_BRIEF)),
    (
        "script.txt",
        ("<script>alert(1)</script> " + ART_VI).encode(),
        ("brief", {"title": f"<script>alert(1)</script> {VI_TITLE}"}),
    ),
    (
        "img-onerror.txt",
        ("Ảnh <img src=x onerror=alert(1)>\n" + ART_VI).encode(),
        ("brief", VI_BRIEF),
    ),
    (
        "js-link.txt",
        ("[bấm](javascript:alert(1)) tin Gunma\n" + ART_VI).encode(),
        ("brief", VI_BRIEF),
    ),
    (
        "attr-list.txt",
        (
            'Tin Gunma {: onclick="alert(1)" }\n' + ART_VI + "{: .x onmouseover=alert(2) }\n"
        ).encode(),
        ("brief", VI_BRIEF),
    ),
    (
        "entities.txt",
        ("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;img&#x3E; " + ART_VI).encode(),
        ("brief", {"title": f"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;img&#x3E; {VI_TITLE}"}),  # noqa: E501
    ),
    (
        "jinja.txt",
        ("Tin {{ config.site_name }} {% include 'x' %} " + ART_VI).encode(),
        ("brief", {"title": f"Tin {{{{ config.site_name }}}} {{% include 'x' %}} {VI_TITLE}"}),
    ),
    (
        "yaml-front.txt",
        ("---\nfoo: bar\ntitle: Tiêu đề của biên tập viên\n---\n" + ART_VI).encode(),
        ("brief", {**VI_BRIEF, "title": "Tiêu đề của biên tập viên"}),
    ),
    (
        "yaml-tag.txt",
        ("---\n!!python/object/apply:os.system ['echo pwned']\n---\n" + ART_VI).encode(),
        ("brief", VI_BRIEF),
    ),
    (
        "punctuation-title.txt",
        ("!!!???...---\n" + ART_VI.split("\n", 1)[1]).encode(),
        ("brief", VI_BRIEF),
    ),
    ("same-a.txt", ART_VI.encode(), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    ("same-b.txt", ART_VI.encode(), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    (
        "source-js.txt",
        (ART_VI + "Source: javascript:alert(1)\n").encode(),
        ("brief", {"source_url": None}),
    ),
    (
        "long-line.txt",
        (VI_TITLE + "\n" + "Gunma " * 20000 + "\n").encode(),
        ("brief", {"title": VI_TITLE}),
    ),
]
# fmt: on


def write_corpus(seeds: Path) -> None:
    """Create every hostile seed in a folder."""
    seeds.mkdir(parents=True, exist_ok=True)
    for name, content, _ in HOSTILE:
        path = seeds / name
        if callable(content):
            content(path)
        else:
            path.write_bytes(content)

"""One-off seeding of generator/data/gazetteer.yaml from pycountry plus curated tables.

The YAML file is the source of truth once written: curate it by hand afterwards. This script
is kept so that the origin of every name is visible (ISO 3166-2 codes and the Japanese and
Chinese names come from pycountry; the rest is typed from official romanisations).
Run: python tools/seed_gazetteer.py > generator/data/gazetteer.yaml
"""

from __future__ import annotations

import gettext
import sys
import unicodedata

import pycountry
import yaml

MERGER_DATE = "2025-07-01"

# slug: (macron form, hiragana reading with suffix, Korean, primary region)
JP = {
    "hokkaido": ("Hokkaidō", "ほっかいどう", "홋카이도", "hokkaido-region"),
    "aomori": ("", "あおもりけん", "아오모리현", "tohoku"),
    "iwate": ("", "いわてけん", "이와테현", "tohoku"),
    "miyagi": ("", "みやぎけん", "미야기현", "tohoku"),
    "akita": ("", "あきたけん", "아키타현", "tohoku"),
    "yamagata": ("", "やまがたけん", "야마가타현", "tohoku"),
    "fukushima": ("", "ふくしまけん", "후쿠시마현", "tohoku"),
    "ibaraki": ("", "いばらきけん", "이바라키현", "kanto"),
    "tochigi": ("", "とちぎけん", "도치기현", "kanto"),
    "gunma": ("", "ぐんまけん", "군마현", "kanto"),
    "saitama": ("", "さいたまけん", "사이타마현", "kanto"),
    "chiba": ("", "ちばけん", "지바현", "kanto"),
    "tokyo": ("Tōkyō", "とうきょうと", "도쿄도", "kanto"),
    "kanagawa": ("", "かながわけん", "가나가와현", "kanto"),
    "niigata": ("", "にいがたけん", "니가타현", "chubu"),
    "toyama": ("", "とやまけん", "도야마현", "chubu"),
    "ishikawa": ("", "いしかわけん", "이시카와현", "chubu"),
    "fukui": ("", "ふくいけん", "후쿠이현", "chubu"),
    "yamanashi": ("", "やまなしけん", "야마나시현", "chubu"),
    "nagano": ("", "ながのけん", "나가노현", "chubu"),
    "gifu": ("", "ぎふけん", "기후현", "chubu"),
    "shizuoka": ("", "しずおかけん", "시즈오카현", "chubu"),
    "aichi": ("", "あいちけん", "아이치현", "chubu"),
    "mie": ("", "みえけん", "미에현", "kansai"),
    "shiga": ("", "しがけん", "시가현", "kansai"),
    "kyoto": ("Kyōto", "きょうとふ", "교토부", "kansai"),
    "osaka": ("Ōsaka", "おおさかふ", "오사카부", "kansai"),
    "hyogo": ("Hyōgo", "ひょうごけん", "효고현", "kansai"),
    "nara": ("", "ならけん", "나라현", "kansai"),
    "wakayama": ("", "わかやまけん", "와카야마현", "kansai"),
    "tottori": ("", "とっとりけん", "돗토리현", "chugoku"),
    "shimane": ("", "しまねけん", "시마네현", "chugoku"),
    "okayama": ("", "おかやまけん", "오카야마현", "chugoku"),
    "hiroshima": ("", "ひろしまけん", "히로시마현", "chugoku"),
    "yamaguchi": ("", "やまぐちけん", "야마구치현", "chugoku"),
    "tokushima": ("", "とくしまけん", "도쿠시마현", "shikoku"),
    "kagawa": ("", "かがわけん", "가가와현", "shikoku"),
    "ehime": ("", "えひめけん", "에히메현", "shikoku"),
    "kochi": ("Kōchi", "こうちけん", "고치현", "shikoku"),
    "fukuoka": ("", "ふくおかけん", "후쿠오카현", "kyushu"),
    "saga": ("", "さがけん", "사가현", "kyushu"),
    "nagasaki": ("", "ながさきけん", "나가사키현", "kyushu"),
    "kumamoto": ("", "くまもとけん", "구마모토현", "kyushu"),
    "oita": ("Ōita", "おおいたけん", "오이타현", "kyushu"),
    "miyazaki": ("", "みやざきけん", "미야자키현", "kyushu"),
    "kagoshima": ("", "かごしまけん", "가고시마현", "kyushu"),
    "okinawa": ("", "おきなわけん", "오키나와현", "okinawa-region"),
}
# Prefecture names that are also common words or surnames: a bare mention needs a qualifier.
JP_NEEDS_QUALIFIER = {"mie", "nara", "saga", "fukushima", "yamaguchi", "miyazaki", "ishikawa"}
JP_SUFFIX = {
    "tokyo": ("都", "Metropolis", "to"),
    "kyoto": ("府", "Prefecture", "fu"),
    "osaka": ("府", "Prefecture", "fu"),
    "hokkaido": ("", "Prefecture", ""),
}

# slug: (ISO code, Vietnamese name, merged into (slug) or "", katakana, Chinese, Korean, extra)
VN = {
    "ha-noi": ("VN-HN", "Hà Nội", "", "ハノイ", "河内", "하노이", ["Hanoi", "Hanoï", "TP Hà Nội"]),
    "ho-chi-minh": (
        "VN-SG",
        "Hồ Chí Minh",
        "",
        "ホーチミン",
        "胡志明市",
        "호찌민",
        [
            "Ho Chi Minh City",
            "HCMC",
            "TP.HCM",
            "TP HCM",
            "TPHCM",
            "Sài Gòn",
            "Saigon",
            "Hô-Chi-Minh-Ville",
            "Kota Ho Chi Minh",
            "Hồ Chí Minh City",
            "Thành phố Hồ Chí Minh",
            "TP Hồ Chí Minh",
            "TP. Hồ Chí Minh",
            "ホーチミン市",
            "호찌민시",
            "胡志明",
        ],
    ),
    "hai-phong": ("VN-HP", "Hải Phòng", "", "ハイフォン", "海防", "하이퐁", ["Haiphong"]),
    "da-nang": ("VN-DN", "Đà Nẵng", "", "ダナン", "岘港", "다낭", ["Danang"]),
    "can-tho": ("VN-CT", "Cần Thơ", "", "カントー", "芹苴", "껀터", []),
    "hue": (
        "VN-26",
        "Huế",
        "",
        "フエ",
        "顺化",
        "후에",
        [
            "Thừa Thiên Huế",
            "Thừa Thiên - Huế",
            "Thừa Thiên-Huế",
            "承天顺化省",
            "トゥアティエン・フエ",
        ],
    ),
    "lai-chau": ("VN-01", "Lai Châu", "", "ライチャウ", "莱州省", "라이쩌우", []),
    "lao-cai": ("VN-02", "Lào Cai", "", "ラオカイ", "老街", "라오까이", []),
    "ha-giang": ("VN-03", "Hà Giang", "tuyen-quang", "ハザン", "河江", "하장", ["ハジアン"]),
    "cao-bang": ("VN-04", "Cao Bằng", "", "カオバン", "高平", "까오방", []),
    "son-la": ("VN-05", "Sơn La", "", "ソンラ", "山罗", "선라", []),
    "yen-bai": ("VN-06", "Yên Bái", "lao-cai", "イエンバイ", "安沛", "옌바이", ["イェンバイ"]),
    "tuyen-quang": (
        "VN-07",
        "Tuyên Quang",
        "",
        "トゥエンクアン",
        "宣光",
        "뚜옌꽝",
        ["トゥエンクァン"],
    ),
    "lang-son": ("VN-09", "Lạng Sơn", "", "ランソン", "谅山", "랑선", []),
    "quang-ninh": ("VN-13", "Quảng Ninh", "", "クアンニン", "广宁", "꽝닌", ["クァンニン"]),
    "hoa-binh": ("VN-14", "Hòa Bình", "phu-tho", "ホアビン", "和平省", "호아빈", ["Hoà Bình"]),
    "ninh-binh": ("VN-18", "Ninh Bình", "", "ニンビン", "宁平", "닌빈", []),
    "thai-binh": ("VN-20", "Thái Bình", "hung-yen", "タイビン", "太平省", "타이빈", []),
    "thanh-hoa": (
        "VN-21",
        "Thanh Hóa",
        "",
        "タインホア",
        "清化",
        "타인호아",
        ["Thanh Hoá", "タンホア"],
    ),
    "nghe-an": ("VN-22", "Nghệ An", "", "ゲアン", "义安", "응에안", ["ゲーアン"]),
    "ha-tinh": ("VN-23", "Hà Tĩnh", "", "ハティン", "河静", "하띤", []),
    "quang-binh": (
        "VN-24",
        "Quảng Bình",
        "quang-tri",
        "クアンビン",
        "广平",
        "꽝빈",
        ["クァンビン"],
    ),
    "quang-tri": ("VN-25", "Quảng Trị", "", "クアンチ", "广治", "꽝찌", ["クァンチ"]),
    "quang-nam": ("VN-27", "Quảng Nam", "da-nang", "クアンナム", "广南", "꽝남", ["クァンナム"]),
    "kon-tum": ("VN-28", "Kon Tum", "quang-ngai", "コントゥム", "昆嵩", "꼰뚬", ["Kontum"]),
    "quang-ngai": ("VN-29", "Quảng Ngãi", "", "クアンガイ", "广义", "꽝응아이", ["クァンガイ"]),
    "gia-lai": ("VN-30", "Gia Lai", "", "ザライ", "嘉莱", "잘라이", ["ジアライ"]),
    "binh-dinh": ("VN-31", "Bình Định", "gia-lai", "ビンディン", "平定", "빈딘", []),
    "phu-yen": ("VN-32", "Phú Yên", "dak-lak", "フーイエン", "富安", "푸옌", ["フーイェン"]),
    "dak-lak": (
        "VN-33",
        "Đắk Lắk",
        "",
        "ダクラク",
        "多乐",
        "닥락",
        ["Daklak", "Dak Lak", "Đăk Lăk", "Đắc Lắk"],
    ),
    "khanh-hoa": ("VN-34", "Khánh Hòa", "", "カインホア", "庆和", "카인호아", ["Khánh Hoà"]),
    "lam-dong": ("VN-35", "Lâm Đồng", "", "ラムドン", "林同", "럼동", []),
    "ninh-thuan": ("VN-36", "Ninh Thuận", "khanh-hoa", "ニントゥアン", "宁顺", "닌투언", []),
    "tay-ninh": ("VN-37", "Tây Ninh", "", "タイニン", "西宁省", "떠이닌", ["テイニン"]),
    "dong-nai": ("VN-39", "Đồng Nai", "", "ドンナイ", "同奈", "동나이", []),
    "binh-thuan": ("VN-40", "Bình Thuận", "lam-dong", "ビントゥアン", "平顺", "빈투언", []),
    "long-an": ("VN-41", "Long An", "tay-ninh", "ロンアン", "隆安", "롱안", []),
    "ba-ria-vung-tau": (
        "VN-43",
        "Bà Rịa - Vũng Tàu",
        "ho-chi-minh",
        "バリア・ブンタウ",
        "巴地头顿",
        "바리아붕따우",
        ["Bà Rịa–Vũng Tàu", "Bà Rịa-Vũng Tàu", "BR-VT"],
    ),
    "an-giang": ("VN-44", "An Giang", "", "アンザン", "安江", "안장", []),
    "dong-thap": ("VN-45", "Đồng Tháp", "", "ドンタップ", "同塔", "동탑", ["ドンタプ"]),
    "tien-giang": (
        "VN-46",
        "Tiền Giang",
        "dong-thap",
        "ティエンザン",
        "前江",
        "띠엔장",
        ["ティエンジアン"],
    ),
    "kien-giang": ("VN-47", "Kiên Giang", "an-giang", "キエンザン", "坚江", "끼엔장", []),
    "vinh-long": ("VN-49", "Vĩnh Long", "", "ヴィンロン", "永隆", "빈롱", ["ビンロン"]),
    "ben-tre": ("VN-50", "Bến Tre", "vinh-long", "ベンチェ", "槟知", "벤째", []),
    "tra-vinh": ("VN-51", "Trà Vinh", "vinh-long", "チャビン", "茶荣", "짜빈", []),
    "soc-trang": ("VN-52", "Sóc Trăng", "can-tho", "ソクチャン", "朔庄", "속짱", []),
    "bac-kan": (
        "VN-53",
        "Bắc Kạn",
        "thai-nguyen",
        "バックカン",
        "北𣴓",
        "박깐",
        ["Bắc Cạn", "バクカン"],
    ),
    "bac-giang": ("VN-54", "Bắc Giang", "bac-ninh", "バクザン", "北江省", "박장", ["バクジアン"]),
    "bac-lieu": ("VN-55", "Bạc Liêu", "ca-mau", "バクリエウ", "薄辽", "박리에우", ["バクリュウ"]),
    "bac-ninh": ("VN-56", "Bắc Ninh", "", "バクニン", "北宁", "박닌", []),
    "binh-duong": (
        "VN-57",
        "Bình Dương",
        "ho-chi-minh",
        "ビンズオン",
        "平阳省",
        "빈즈엉",
        ["ビンドゥオン"],
    ),
    "binh-phuoc": ("VN-58", "Bình Phước", "dong-nai", "ビンフオック", "平福", "빈프억", []),
    "ca-mau": ("VN-59", "Cà Mau", "", "カマウ", "金瓯", "까마우", []),
    "hai-duong": ("VN-61", "Hải Dương", "hai-phong", "ハイズオン", "海阳省", "하이즈엉", []),
    "ha-nam": ("VN-63", "Hà Nam", "ninh-binh", "ハナム", "越南河南省", "하남성", []),
    "hung-yen": ("VN-66", "Hưng Yên", "", "フンイエン", "兴安省", "흥옌", ["フンイェン"]),
    "nam-dinh": ("VN-67", "Nam Định", "ninh-binh", "ナムディン", "南定", "남딘", []),
    "phu-tho": ("VN-68", "Phú Thọ", "", "フート", "富寿", "푸토", []),
    "thai-nguyen": ("VN-69", "Thái Nguyên", "", "タイグエン", "太原省", "타이응우옌", []),
    "vinh-phuc": ("VN-70", "Vĩnh Phúc", "phu-tho", "ヴィンフック", "永福", "빈푹", ["ビンフック"]),
    "dien-bien": ("VN-71", "Điện Biên", "", "ディエンビエン", "奠边", "디엔비엔", []),
    "dak-nong": ("VN-72", "Đắk Nông", "lam-dong", "ダクノン", "得农", "닥농", ["Đăk Nông"]),
    "hau-giang": ("VN-73", "Hậu Giang", "can-tho", "ハウザン", "后江", "허우장", []),
}
# Bare names that are also common words or people's names: they need a qualifier nearby.
VN_NEEDS_QUALIFIER = {
    "ho-chi-minh": ["Hồ Chí Minh", "Ho Chi Minh", "ホーチミン", "胡志明", "호찌민"]
}

# Prefectural capitals: (prefecture slug, romaji, kanji without 市). A capital named like its
# prefecture is only recognised with "City", "市" or "thành phố"; the bare name is the prefecture.
JP_CAPITALS = [
    ("hokkaido", "Sapporo", "札幌"),
    ("aomori", "Aomori", "青森"),
    ("iwate", "Morioka", "盛岡"),
    ("miyagi", "Sendai", "仙台"),
    ("akita", "Akita", "秋田"),
    ("yamagata", "Yamagata", "山形"),
    ("fukushima", "Fukushima", "福島"),
    ("ibaraki", "Mito", "水戸"),
    ("tochigi", "Utsunomiya", "宇都宮"),
    ("gunma", "Maebashi", "前橋"),
    ("saitama", "Saitama", "さいたま"),
    ("chiba", "Chiba", "千葉"),
    ("tokyo", "Shinjuku", "新宿"),
    ("kanagawa", "Yokohama", "横浜"),
    ("niigata", "Niigata", "新潟"),
    ("toyama", "Toyama", "富山"),
    ("ishikawa", "Kanazawa", "金沢"),
    ("fukui", "Fukui", "福井"),
    ("yamanashi", "Kofu", "甲府"),
    ("nagano", "Nagano", "長野"),
    ("gifu", "Gifu", "岐阜"),
    ("shizuoka", "Shizuoka", "静岡"),
    ("aichi", "Nagoya", "名古屋"),
    ("mie", "Tsu", "津"),
    ("shiga", "Otsu", "大津"),
    ("kyoto", "Kyoto", "京都"),
    ("osaka", "Osaka", "大阪"),
    ("hyogo", "Kobe", "神戸"),
    ("nara", "Nara", "奈良"),
    ("wakayama", "Wakayama", "和歌山"),
    ("tottori", "Tottori", "鳥取"),
    ("shimane", "Matsue", "松江"),
    ("okayama", "Okayama", "岡山"),
    ("hiroshima", "Hiroshima", "広島"),
    ("yamaguchi", "Yamaguchi", "山口"),
    ("tokushima", "Tokushima", "徳島"),
    ("kagawa", "Takamatsu", "高松"),
    ("ehime", "Matsuyama", "松山"),
    ("kochi", "Kochi", "高知"),
    ("fukuoka", "Fukuoka", "福岡"),
    ("saga", "Saga", "佐賀"),
    ("nagasaki", "Nagasaki", "長崎"),
    ("kumamoto", "Kumamoto", "熊本"),
    ("oita", "Oita", "大分"),
    ("miyazaki", "Miyazaki", "宮崎"),
    ("kagoshima", "Kagoshima", "鹿児島"),
    ("okinawa", "Naha", "那覇"),
]
# Other Japanese designated cities (政令指定都市) and cities often in the news.
JP_OTHER_CITIES = [
    ("kanagawa", "Kawasaki", "川崎"),
    ("kanagawa", "Sagamihara", "相模原"),
    ("shizuoka", "Hamamatsu", "浜松"),
    ("osaka", "Sakai", "堺"),
    ("fukuoka", "Kitakyushu", "北九州"),
    ("okayama", "Mimasaka", "美作"),
]
# Vietnamese provincial capitals (before 2025): (province slug, name).
VN_CAPITALS = [
    ("ha-giang", "Hà Giang"),
    ("cao-bang", "Cao Bằng"),
    ("lao-cai", "Lào Cai"),
    ("lai-chau", "Lai Châu"),
    ("dien-bien", "Điện Biên Phủ"),
    ("son-la", "Sơn La"),
    ("yen-bai", "Yên Bái"),
    ("tuyen-quang", "Tuyên Quang"),
    ("bac-kan", "Bắc Kạn"),
    ("thai-nguyen", "Thái Nguyên"),
    ("lang-son", "Lạng Sơn"),
    ("quang-ninh", "Hạ Long"),
    ("bac-giang", "Bắc Giang"),
    ("bac-ninh", "Bắc Ninh"),
    ("hai-duong", "Hải Dương"),
    ("hung-yen", "Hưng Yên"),
    ("thai-binh", "Thái Bình"),
    ("ha-nam", "Phủ Lý"),
    ("nam-dinh", "Nam Định"),
    ("ninh-binh", "Ninh Bình"),
    ("hoa-binh", "Hòa Bình"),
    ("phu-tho", "Việt Trì"),
    ("vinh-phuc", "Vĩnh Yên"),
    ("thanh-hoa", "Thanh Hóa"),
    ("nghe-an", "Vinh"),
    ("ha-tinh", "Hà Tĩnh"),
    ("quang-binh", "Đồng Hới"),
    ("quang-tri", "Đông Hà"),
    ("quang-nam", "Tam Kỳ"),
    ("quang-ngai", "Quảng Ngãi"),
    ("binh-dinh", "Quy Nhơn"),
    ("phu-yen", "Tuy Hòa"),
    ("khanh-hoa", "Nha Trang"),
    ("ninh-thuan", "Phan Rang–Tháp Chàm"),
    ("binh-thuan", "Phan Thiết"),
    ("kon-tum", "Kon Tum"),
    ("gia-lai", "Pleiku"),
    ("dak-lak", "Buôn Ma Thuột"),
    ("dak-nong", "Gia Nghĩa"),
    ("lam-dong", "Đà Lạt"),
    ("binh-phuoc", "Đồng Xoài"),
    ("tay-ninh", "Tây Ninh"),
    ("binh-duong", "Thủ Dầu Một"),
    ("dong-nai", "Biên Hòa"),
    ("ba-ria-vung-tau", "Bà Rịa"),
    ("long-an", "Tân An"),
    ("tien-giang", "Mỹ Tho"),
    ("ben-tre", "Bến Tre"),
    ("tra-vinh", "Trà Vinh"),
    ("vinh-long", "Vĩnh Long"),
    ("dong-thap", "Cao Lãnh"),
    ("an-giang", "Long Xuyên"),
    ("kien-giang", "Rạch Giá"),
    ("hau-giang", "Vị Thanh"),
    ("soc-trang", "Sóc Trăng"),
    ("bac-lieu", "Bạc Liêu"),
    ("ca-mau", "Cà Mau"),
]
# Extra written forms of some cities (Japanese and other scripts, old names).
CITY_EXTRA = {
    "buon-ma-thuot": [
        "Buôn Mê Thuột",
        "Ban Mê Thuột",
        "Buon Me Thuot",
        "Ban Me Thuot",
        "バンメトート",
    ],
    "ha-long": ["Halong", "ハロン", "下龙", "하롱"],
    "nha-trang": ["ニャチャン", "芽庄", "나트랑"],
    "da-lat": ["Dalat", "ダラット", "大叻", "달랏"],
    "sapporo": ["삿포로"],
    "sendai": ["센다이"],
    "yokohama": ["横滨", "요코하마"],
    "nagoya": ["나고야"],
    "kobe": ["Kōbe", "神户", "고베"],
    "kitakyushu": ["Kitakyūshū", "기타큐슈"],
    "kanazawa": ["가나자와"],
    "naha": ["나하"],
    "matsuyama": ["마쓰야마"],
    "hamamatsu": ["하마마쓰"],
    "sakai": ["사카이"],
    "kawasaki": ["가와사키"],
}
# Cities that are not capitals but are often named: (parent, slug, name, aliases).
EXTRA_CITIES = [
    ("vn/quang-ninh", "mong-cai", "Móng Cái", []),
    ("vn/quang-ninh", "uong-bi", "Uông Bí", []),
    ("vn/ba-ria-vung-tau", "vung-tau", "Vũng Tàu", ["ブンタウ"]),
    ("vn/lao-cai", "sa-pa", "Sa Pa", ["Sapa"]),
    ("vn/quang-nam", "hoi-an", "Hội An", ["ホイアン", "会安", "호이안"]),
    ("vn/thanh-hoa", "sam-son", "Sầm Sơn", []),
    ("vn/kien-giang", "phu-quoc", "Phú Quốc", ["フーコック", "富国岛", "푸꾸옥"]),
    ("vn/bac-ninh", "tu-son", "Từ Sơn", []),
    ("vn/ninh-binh", "hoa-lu", "Hoa Lư", []),
]


# id: (name, aliases, members, needs-qualifier aliases)
REGIONS = {
    "vn/tay-nguyen": (
        "Tây Nguyên",
        [
            "Tay Nguyen",
            "Central Highlands",
            "Hauts plateaux du Centre",
            "Hauts Plateaux du Centre",
            "Dataran Tinggi Tengah",
            "Zentrales Hochland",
            "中部高原",
            "西原",
            "중부 고원",
            "떠이응우옌",
        ],
        ["kon-tum", "gia-lai", "dak-lak", "dak-nong", "lam-dong"],
    ),
    "vn/mekong-delta": (
        "Đồng bằng sông Cửu Long",
        [
            "ĐBSCL",
            "Mekong Delta",
            "delta du Mékong",
            "Delta du Mékong",
            "Delta Mekong",
            "Mekongdelta",
            "メコンデルタ",
            "湄公河三角洲",
            "메콩델타",
            "Đồng bằng Sông Cửu Long",
            "miền Tây Nam Bộ",
        ],
        [
            "long-an",
            "tien-giang",
            "ben-tre",
            "tra-vinh",
            "vinh-long",
            "dong-thap",
            "an-giang",
            "kien-giang",
            "can-tho",
            "hau-giang",
            "soc-trang",
            "bac-lieu",
            "ca-mau",
        ],
    ),
    "vn/northwest": (
        "Tây Bắc",
        [
            "Northwest Vietnam",
            "Nord-Ouest du Vietnam",
            "vùng Tây Bắc",
            "ベトナム北西部",
            "越南西北",
            "서북부",
        ],
        ["lai-chau", "dien-bien", "son-la", "hoa-binh", "lao-cai", "yen-bai"],
    ),
    "vn/central": (
        "Miền Trung",
        [
            "miền Trung",
            "Central Vietnam",
            "central Vietnam",
            "Centre du Vietnam",
            "centre du Vietnam",
            "Vietnam Tengah",
            "Zentralvietnam",
            "ベトナム中部",
            "越南中部",
            "베트남 중부",
        ],
        [
            "thanh-hoa",
            "nghe-an",
            "ha-tinh",
            "quang-binh",
            "quang-tri",
            "hue",
            "da-nang",
            "quang-nam",
            "quang-ngai",
            "binh-dinh",
            "phu-yen",
            "khanh-hoa",
            "ninh-thuan",
            "binh-thuan",
        ],
    ),
    "jp/hokkaido-region": ("Hokkaido region", [], ["hokkaido"]),
    "jp/tohoku": (
        "Tohoku",
        ["Tōhoku", "東北地方", "東北", "东北地区", "도호쿠"],
        ["aomori", "iwate", "miyagi", "akita", "yamagata", "fukushima"],
    ),
    "jp/kanto": (
        "Kanto",
        ["Kantō", "関東地方", "関東", "关东", "간토"],
        ["ibaraki", "tochigi", "gunma", "saitama", "chiba", "tokyo", "kanagawa"],
    ),
    "jp/chubu": (
        "Chubu",
        ["Chūbu", "中部地方", "中部地区", "주부"],
        [
            "niigata",
            "toyama",
            "ishikawa",
            "fukui",
            "yamanashi",
            "nagano",
            "gifu",
            "shizuoka",
            "aichi",
        ],
    ),
    "jp/hokuriku": (
        "Hokuriku",
        ["北陸", "北陆", "호쿠리쿠"],
        ["niigata", "toyama", "ishikawa", "fukui"],
    ),
    "jp/kansai": (
        "Kansai",
        ["Kinki", "関西", "近畿", "关西", "近畿地方", "간사이", "긴키"],
        ["mie", "shiga", "kyoto", "osaka", "hyogo", "nara", "wakayama"],
    ),
    "jp/chugoku": (
        "Chugoku",
        ["Chūgoku", "中国地方", "주고쿠"],
        ["tottori", "shimane", "okayama", "hiroshima", "yamaguchi"],
    ),
    "jp/shikoku": ("Shikoku", ["四国", "시코쿠"], ["tokushima", "kagawa", "ehime", "kochi"]),
    "jp/kyushu": (
        "Kyushu",
        ["Kyūshū", "Kyushu-Okinawa", "九州", "규슈"],
        ["fukuoka", "saga", "nagasaki", "kumamoto", "oita", "miyazaki", "kagoshima"],
    ),
    "jp/okinawa-region": ("Okinawa region", [], ["okinawa"]),
}
PRIMARY_VN_REGION = {}  # Vietnamese provinces are listed alphabetically, not by region.


def fold(text: str) -> str:
    """Strip diacritics and fold đ to d, keeping only ASCII letters."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def unique(names: list[str], exclude: set[str] = frozenset()) -> list[str]:
    """Names in first-seen order without repeats or excluded ones."""
    seen: list[str] = []
    for name in names:
        if name and name not in seen and name not in exclude:
            seen.append(name)
    return seen


def japan() -> list[dict]:
    """All 47 prefectures with names in every supported script."""
    ja = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ja"])
    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    places = []
    for sub in sorted(pycountry.subdivisions.get(country_code="JP"), key=lambda s: s.code):
        slug = sub.name.lower()
        macron, kana, korean, region = JP[slug]
        kanji = ja.gettext(sub.name)
        suffix_kanji, suffix_en, suffix_ro = JP_SUFFIX.get(slug, ("県", "Prefecture", "ken"))
        full_kanji = kanji + suffix_kanji
        romaji = [sub.name, macron]
        # Qualifier words (province, 県, tỉnh...) are data of their own: only spellings here.
        qualified = [
            f"{sub.name}-{suffix_ro}" if suffix_ro else "",
            f"{macron}-{suffix_ro}" if macron and suffix_ro else "",
        ]
        needs_qualifier = slug in JP_NEEDS_QUALIFIER
        names = unique([full_kanji, kanji, zh.gettext(sub.name), korean, kana] + qualified)
        if needs_qualifier:
            names = unique([full_kanji, zh.gettext(sub.name), korean, kana] + qualified)
        place = {
            "id": f"jp/{slug}",
            "kind": "prefecture",
            "iso": sub.code,
            "name": {
                "en": sub.name,
                "ja": full_kanji,
                "vi": sub.name,
                "zh": zh.gettext(sub.name),
                "ko": korean,
            },
            "region": f"jp/{region}",
            "aliases": unique(names + ([] if needs_qualifier else romaji)),
        }
        if needs_qualifier:
            place["needs_qualifier"] = unique(romaji + [kanji])
        places.append(place)
    return places


def vietnam() -> list[dict]:
    """All 63 provinces of before 2025-07-01 and the 34 after, linked by the merger."""
    places = []
    formed_from: dict[str, list[str]] = {}
    for slug, row in VN.items():
        if row[2]:
            formed_from.setdefault(row[2], [row[2]]).append(slug)
    for slug, (iso, name, merged_into, kata, zh, ko, extra) in sorted(VN.items()):
        kind = "municipality" if iso[3:].isalpha() or slug == "hue" else "province"
        bare = [name, fold(name)]
        cjk = [
            kata + ("市" if kind == "municipality" else "省"),
            kata,
            zh,
            zh if zh.endswith(("省", "市")) else zh + ("市" if kind == "municipality" else "省"),
            ko + ("시" if kind == "municipality" else "성"),
            ko,
        ]
        qualified_only = VN_NEEDS_QUALIFIER.get(slug, [])
        aliases = unique(bare + extra + cjk, exclude=set(qualified_only))
        place = {
            "id": f"vn/{slug}",
            "kind": kind,
            "iso": iso,
            "name": {"en": fold(name), "vi": name, "ja": cjk[0], "zh": cjk[3], "ko": cjk[4]},
            "aliases": aliases,
        }
        if qualified_only:
            place["needs_qualifier"] = qualified_only
        if merged_into:
            place["merged_into"] = f"vn/{merged_into}"
            place["merged_on"] = MERGER_DATE
        if slug in formed_from:
            place["formed_from"] = [f"vn/{s}" for s in sorted(formed_from[slug])]
            place["formed_on"] = MERGER_DATE
        places.append(place)
    return places


def _city(parent: str, slug: str, name: str, aliases: list[str], bare: bool) -> dict:
    """A city entry; `bare` when its plain name does not collide with a locality's."""
    folded = fold(name)
    names = ([name, folded] if bare else []) + aliases + CITY_EXTRA.get(slug, [])
    return {
        "id": f"{parent}/{slug}",
        "kind": "city",
        "parent": parent,
        "name": {"en": folded, "vi": name},
        "aliases": unique(names),
    }


def cities() -> list[dict]:
    """Capitals of every prefecture and province, designated cities, and cities in the news."""
    locality_names = {fold(row[1]) for row in VN.values()} | {k.title() for k in JP}
    rows = []
    for prefecture, romaji, kanji in JP_CAPITALS + JP_OTHER_CITIES:
        bare = romaji not in locality_names and len(romaji) > 3
        slug = romaji.lower() + ("" if bare else "-city")
        qualified = [f"{romaji} City", f"{kanji}市", f"thành phố {romaji}", f"ville de {romaji}"]
        plain = [kanji] if bare and len(kanji) > 1 else []
        rows.append(_city(f"jp/{prefecture}", slug, romaji, qualified + plain, bare))
    for province, name in VN_CAPITALS:
        bare = fold(name) not in locality_names
        slug = fold(name).lower().replace(" ", "-").replace("–", "-")
        slug += "" if bare else "-city"
        qualified = [
            f"thành phố {name}",
            f"Thành phố {name}",
            f"TP {name}",
            f"TP. {name}",
            f"{fold(name)} City",
            f"{fold(name)} city",
        ]
        rows.append(_city(f"vn/{province}", slug, name, qualified, bare))
    for parent, slug, name, aliases in EXTRA_CITIES:
        rows.append(_city(parent, slug, name, [f"thành phố {name}"] + aliases, True))
    return sorted(rows, key=lambda r: r["id"])


def regions() -> list[dict]:
    """Named regions with their member localities."""
    rows = []
    for region_id, (name, aliases, members) in REGIONS.items():
        country = region_id.split("/")[0]
        rows.append(
            {
                "id": region_id,
                "kind": "region",
                "name": {"en": fold(name), "vi": name},
                "members": [f"{country}/{m}" for m in members],
                "aliases": unique([name, fold(name)] + aliases) if aliases else [],
            }
        )
    return rows


def main() -> None:
    """Print the seeded gazetteer as YAML."""
    data = {"places": japan() + vietnam() + cities() + regions()}
    sys.stdout.write(
        "# Gazetteer: every place the extractor knows. Curated by hand; seeded once by\n"
        "# tools/seed_gazetteer.py from pycountry (ISO 3166-2, ja and zh names).\n"
    )
    yaml.safe_dump(
        data, sys.stdout, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )


if __name__ == "__main__":
    main()

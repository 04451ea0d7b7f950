"""住所: prefecture / municipality / town / block number / building.

A place named on its own (東京都内の店舗, 大阪市で開催) is not an address; a block
number (1-2-3, 三丁目5番2号, 123番地) or an address label is what makes it one.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer

PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)  # fmt: skip

_PREF = "(?:" + "|".join(PREFECTURES) + ")"
#: the characters prefectures end in: a text without any names none
_PREF_ENDS = ("都", "道", "府", "県")
_K = r"[一-龥々〆ヶケヵァ-ヴー]"  # kanji and katakana
_KH = r"[一-龥々〆ヶケヵァ-ヴーぁ-ゖ]"  # plus hiragana (つくば市), only after a prefecture
_MUNI_K = _K + r"{1,7}?(?:市|区|郡|町|村)"
_MUNI_KH = _KH + r"{1,7}?(?:市|区|郡|町|村)"
_TOWN = _KH + r"{0,12}?"
_KNUM = r"[一二三四五六七八九十]{1,3}"
_KNUM_LONG = r"[〇一二三四五六七八九十百千]{1,7}"  # 四百六十一番地
_BLOCK = (
    r"(?:\d{1,4}丁目(?:\d{1,4}番地?(?:\d{1,4}号?)?|\d{1,4}(?:-\d{1,4})?)?"
    r"|" + _KNUM + r"丁目(?:\d{1,4}(?:番地?|-)(?:\d{1,4}号?)?)?"
    r"|\d{1,5}番地?(?:の?\d{1,4}号?)?"
    r"|" + _KNUM_LONG + r"番地(?:の?[〇一二三四五六七八九十\d]{1,4}号?)?"
    r"|\d{1,2}条[東西南北]?(?:\d{1,2}丁目)?(?:\d{1,4}(?:-\d{1,4})?)?"
    r"|\d{1,4}-\d{1,4}(?:-\d{1,4})?)"
)
#: what every _BLOCK holds (丁目, 番地, or a digit before 番 / 条 / -): the patterns with a
#: block look for it first (most texts with a 市 or 県 have none, and their scans cost the most)
_BLOCK_CUE = r"丁目|番地|\d[番条-]"
_NOT_A_LABEL = r"(?![ ]?(?:電話|TEL|Tel|tel|FAX|Fax|携帯|メール|連絡|〒|生年|誕生|勤務|氏名|担当))"
_BUILDING = (
    r"(?:" + _NOT_A_LABEL + r"[ ]?[一-龥々ヶケァ-ヴーA-Za-z・]{1,20}?[ ]?"
    r"(?:\d{1,4}(?:号室|階|F)?|\d{1,3}-\d{1,4}))?"
)
_LABEL = r"(?:現住所|住所|所在地|送付先|お届け先|住)?"
_END = r"(?![\d])"
_SP = r"[ ]?"  # 鹿児島県 霧島市 鍛冶ケ沢9-21-17: components are often spaced


class JpAddressRecognizer(JapanesePatternRecognizer):
    ENTITY = "ADDRESS"
    PATTERNS = [
        Pattern(
            "prefecture_block",
            _PREF + _SP + r"(?:" + _MUNI_KH + _SP + r"){0,2}" + _TOWN + _BLOCK + _BUILDING + _END,
            0.85,
        ),
        Pattern(
            "municipality_block",
            _LABEL
            + "(?P<v>(?:"
            + _MUNI_K
            + _SP
            + r"){1,2}"
            + _TOWN
            + _BLOCK
            + _BUILDING
            + ")"
            + _END,
            0.6,
        ),
        Pattern("prefecture_municipality", _PREF + _MUNI_KH + _TOWN + r"(?![一-龥ァ-ヴ])", 0.3),
    ]
    STDLIB_RE = ("prefecture_block", "municipality_block", "prefecture_municipality")
    NEEDS_ANY = {
        "prefecture_block": _PREF_ENDS, "prefecture_municipality": _PREF_ENDS,
        "municipality_block": ("市", "区", "郡", "町", "村"),
    }  # fmt: skip
    REQUIRES = {"prefecture_block": _BLOCK_CUE, "municipality_block": _BLOCK_CUE}
    # the block's cue starts within 4 + 1 + 2 * 9 + 12 + 7 (a prefecture or label, a space,
    # two municipalities with a space, a town, the block's digits before it) of the start
    ANCHORS = {"prefecture_block": (_BLOCK_CUE, 48), "municipality_block": (_BLOCK_CUE, 48)}
    CONTEXT = [
        "住所", "所在地", "送付先", "お届け先", "在住", "居住", "address", "jusho", "addr",
        "現住所", "連絡先",
    ]  # fmt: skip
    CONTEXT_WINDOW = (16, 4)
    # a prefecture and city alone are an address only under a label, never a company's seat
    NEGATIVE_CONTEXT = ("法人番号", "本社", "本店", "取引先", "会場", "開催", "支店", "工場")

"""勤務先: a company name, but only where it is someone's workplace.

A company name alone is not personal data (partner lists, product makers); next to an
employment word (勤務, 在籍, 勤務先, 会社名 ...) it is the person's employer.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.recognizers.pattern_base import JapanesePatternRecognizer

_LEGAL = r"(?:株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|\(同\))"
_NAME = r"[一-龥々〆ヵヶァ-ヴーA-Za-z0-9&・.]{1,24}"
# Labels that may be glued to the name with no particle in between (勤務先吉田電気株式会社).
_LABELS = r"(?:勤務先|会社名|所属先|所属|勤務|在籍|職場|就業先|勤め先)"


# Words that end a company name's run of characters but are not part of it (…水産所属).
_TRAILING_WORDS = ("所属", "勤務", "在籍", "入社", "退社", "退職", "勤め")


class JpEmployerRecognizer(JapanesePatternRecognizer):
    ENTITY = "EMPLOYER"
    PATTERNS = [
        Pattern(
            "company_after_employment_label",
            r"(?:勤務先|会社名|前職|勤め先|就業先|所属先?)[ ]?[:：は][ ]?(?P<v>"
            r"[一-龥々ァ-ヴーA-Za-z][一-龥々ァ-ヴーA-Za-z0-9&・.\-]{1,23})"
            r"(?=[ 、。,，()（）/／\n]|$)",
            0.3,
        ),
        Pattern(
            "company_legal_prefix",
            r"(?<![一-龥ァ-ヴーA-Za-z0-9])" + _LABELS + r"?(?P<v>" + _LEGAL + _NAME + r")",
            0.25,
        ),
        Pattern(
            "company_legal_suffix",
            r"(?<![一-龥ァ-ヴーA-Za-z0-9&・])" + _LABELS + r"?(?P<v>" + _NAME + "?" + _LEGAL + r")",
            0.25,
        ),
    ]
    CONTEXT = [
        "勤務", "在籍", "勤め", "会社名", "所属", "就職", "入社", "職場", "就業", "employer",
        "company", "kinmusaki", "workplace", "勤務先", "勤続", "転職", "前職", "退社", "退職",
        "mobile", "営業部", "経理課", "総務部", "人事部", "カスタマーサポート", "サポートセンター",
        "--",
    ]  # fmt: skip
    NEGATIVE_CONTEXT = (
        "取引先", "仕入先", "販売元", "発売元", "製造元", "協力会社", "主催", "協賛", "委託先",
        "提携", "お取引", "メーカー", "販売店", "代理店", "ご利用", "運営", "発行元", "発送元",
        "出荷元", "法人番号", "商号", "仕入", "納入", "外注",
    )  # fmt: skip

    def adjust_span(self, text: str, start: int, end: int) -> tuple[int, int]:
        value = text[start:end]
        for word in _TRAILING_WORDS:
            if value.endswith(word) and len(value) > len(word) + 2:
                return start, end - len(word)
        return start, end

    CONTEXT_WINDOW = (24, 12)
    #: an e-mail signature puts the department or "Mobile:" on the next line
    CONTEXT_AFTER_CROSSES_LINES = True

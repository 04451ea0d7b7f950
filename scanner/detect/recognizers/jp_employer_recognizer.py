"""勤務先: a company name, but only where it is someone's workplace.

A company name alone is not personal data (partner lists, product makers); next to an
employment word (勤務, 在籍, 勤務先, 会社名 ...) or in an e-mail signature it is the
person's employer.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer

_LEGAL = (
    r"(?:株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人"
    r"|公益財団法人|学校法人|医療法人(?:社団|財団)?|社会福祉法人|特定非営利活動法人|NPO法人"
    r"|\(株\)|\(有\)|\(同\))"
)
_FIRST = r"[一-龥々〆ヵヶァ-ヴーA-Za-z0-9&]"
_NAME = _FIRST + r"[一-龥々〆ヵヶァ-ヴーA-Za-z0-9&・.]{0,23}"
# after a legal prefix a name may be in hiragana too (株式会社ひかりフーズ)
_NAME_AFTER_PREFIX = (
    r"[一-龥々〆ヵヶァ-ヴーぁ-ゖA-Za-z0-9&][一-龥々〆ヵヶァ-ヴーぁ-ゖA-Za-z0-9&・.]{0,23}"
)
_ENGLISH = (
    r"[A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,4},? "
    r"(?:Co\., ?Ltd\.|Inc\.|Corporation|Corp\.|K\.K\.)"
)
# Labels that may be glued to the name with no particle in between (勤務先吉田電気株式会社).
_LABELS = r"(?:勤務先|会社名|所属先|所属|勤務|在籍|職場|就業先|勤め先|現職|前職)"
_LABEL_SEP = r"[ ]?(?:[:：]|は)[ ]?"

# Where a run of name characters ran past the name (…水産所属, …エンジニアリング様訪問,
# 株式会社しらかば通信の高橋): cut there.
_CUT = re.compile(
    r"(?:所属|勤務|在籍|入社|退社|退職|勤め|様|御中|殿|さん|(?<![ぁ-ゖ])[のにでをがへと])"
)
# A label followed by a department, a job status or nothing is no employer.
_NOT_AN_EMPLOYER = re.compile(
    r"(?:.*(?:部|課|室|係|センター|チーム|本部|グループ)|無職|自営業?|学生|主婦|主夫|なし|無し"
    r"|未定|退職|年金受給|パート|アルバイト)"
)


class JpEmployerRecognizer(JapanesePatternRecognizer):
    ENTITY = "EMPLOYER"
    PATTERNS = [
        Pattern(
            "company_after_employment_label",
            r"(?:勤務先|会社名|前職|現職|勤め先|就業先|所属先?|employer)"
            + _LABEL_SEP
            + r"(?P<v>[一-龥々ァ-ヴーA-Za-z][一-龥々ァ-ヴーA-Za-z0-9&・.\-]{1,23})"
            r"(?=[ 、。,，()/\n]|$)",
            0.3,
        ),
        Pattern(
            "company_legal_prefix",
            r"(?<![一-龥ァ-ヴーA-Za-z0-9])"
            + _LABELS
            + r"?(?P<v>"
            + _LEGAL
            + _NAME_AFTER_PREFIX
            + r")",
            0.25,
        ),
        Pattern(
            "company_legal_suffix",
            r"(?<![一-龥ァ-ヴーA-Za-z0-9&・])" + _LABELS + r"?(?P<v>" + _NAME + "?" + _LEGAL + r")",
            0.25,
        ),
        Pattern("company_english", r"(?<![A-Za-z])" + _ENGLISH, 0.3),
    ]
    STDLIB_RE = ("company_legal_suffix", "company_after_employment_label")
    REQUIRES = {"company_legal_prefix": _LEGAL, "company_legal_suffix": _LEGAL}
    # the legal form starts after at most a label (3) and a name (24) in a suffix match,
    # after a label in a prefix match
    ANCHORS = {"company_legal_prefix": (_LEGAL, 8), "company_legal_suffix": (_LEGAL, 32)}
    NEEDS_ANY = {"company_english": ("Co.", "Inc.", "Corporation", "Corp.", "K.K.")}
    CONTEXT = [
        "勤務", "在籍", "勤め", "会社名", "所属", "就職", "入社", "職場", "就業", "employer",
        "company", "kinmusaki", "workplace", "勤務先", "勤続", "転職", "前職", "退社", "退職",
        "現職", "mobile", "営業部", "経理課", "総務部", "人事部", "カスタマーサポート",
        "サポートセンター", "お問い合わせ先", "--", "━━", "──", "部 ", "部\n",
    ]  # fmt: skip
    NEGATIVE_CONTEXT = (
        "取引先", "仕入先", "販売元", "発売元", "製造元", "協力会社", "主催", "協賛", "委託先",
        "提携", "お取引", "メーカー", "販売店", "代理店", "ご利用", "運営", "発行元", "発送元",
        "出荷元", "法人番号", "商号", "仕入", "納入", "外注",
    )  # fmt: skip
    CONTEXT_WINDOW = (24, 12)
    #: an e-mail signature puts the department or "Mobile:" on the next line
    CONTEXT_AFTER_CROSSES_LINES = True

    def adjust_span(self, text: str, start: int, end: int) -> tuple[int, int]:
        value = text[start:end]
        # keep the legal form: cut only in what follows it
        legal = re.match(_LEGAL, value)
        offset = legal.end() + 1 if legal else 2
        cut = _CUT.search(value, offset)
        if cut:
            end = start + cut.start()
        return start, end

    def invalidate_result(self, pattern_text: str) -> bool:
        return _NOT_AN_EMPLOYER.fullmatch(pattern_text) is not None or len(pattern_text) < 2

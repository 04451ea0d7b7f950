"""健康診断結果: blood pressure, BMI, γ-GTP, HbA1c, 判定 (要再検査) of a person.

A leaflet says 血圧が140/90mmHg以上の方は; a 健康診断 table keyed by employee says
``E001,山田太郎,128/82,…`` with 血圧 in its header. Labelled values need a person cue;
bare values count only in a cell whose CSV header names the test (``cell_*``).
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.special_care_base import SpecialCareRecognizer, alternatives

_BP = r"[0-9]{2,3}[ ]?/[ ]?[0-9]{2,3}(?:[ ]?mmHg)?"
_NUMBER = r"[0-9]{1,4}(?:\.[0-9]{1,2})?(?:[ ]?(?:mg/dl|mg/dL|IU/L|U/L|%|kg|cm))?"
_TESTS = alternatives(
    "BMI γ-GTP γ-GT γGTP ガンマGTP GGT HbA1c AST ALT GOT GPT 中性脂肪 LDLコレステロール"
    " HDLコレステロール LDL-C HDL-C 総コレステロール 空腹時血糖 血糖値 血糖 尿酸 尿酸値"
    " クレアチニン"
    " eGFR 腹囲 ヘモグロビン"
)
_JUDGEMENT = alternatives(
    "要再検査 要精密検査 要精検 要治療 要医療 要経過観察 要観察 要受診 要二次検査"
)
_HEALTH_CHECK = alternatives("健康診断 定期健康診断 健診 人間ドック 特定健診 ストレスチェック")


class JpSpecialCareHealthCheckRecognizer(SpecialCareRecognizer):
    ENTITY = "SPECIAL_CARE_HEALTH_CHECK"
    TRIGGERS = (
        "血圧 BMI GTP GGT HbA1c AST ALT GOT GPT 脂肪 コレステロール LDL HDL 血糖 尿酸 クレアチニン"
        " eGFR 腹囲 ヘモグロビン 健診 健康診断 ドック ストレスチェック 要再 要精 要治療 要医療"
        " 要経過 要観察 要受診 要二次"
    )
    PATTERNS = [
        Pattern(
            "blood_pressure",
            r"(?:血圧|最高血圧|最低血圧|収縮期血圧|拡張期血圧)[ \t]*[:：は]?[ \t]*"
            r"(?P<v>" + _BP + r"|[0-9]{2,3}(?:[ ]?mmHg)?)(?![0-9])",
            0.3,
        ),
        Pattern(
            "test_value",
            r"(?<![A-Za-z])" + _TESTS + r"[ \t]*[:：は]?[ \t]*(?P<v>" + _NUMBER + r")(?![0-9])",
            0.3,
        ),
        Pattern(
            "result_label",
            _HEALTH_CHECK + r"(?:の)?(?:結果|判定|総合判定)[ \t]*[:：は][ \t]*"
            r"(?P<v>[^\s、。,，()（）]{1,20})",
            0.3,
        ),
        Pattern("judgement", r"(?P<v>" + _JUDGEMENT + r")", 0.3),
        Pattern("cell_value", r"(?<![0-9./])(?P<v>" + _BP + "|" + _NUMBER + r")(?![0-9./])", 0.3),
        Pattern("cell_grade", r"(?<![A-Za-z])(?P<v>[A-E][1-2]?)(?:判定)?(?![A-Za-z0-9])", 0.3),
    ]
    STDLIB_RE = ("cell_value", "blood_pressure")
    HEADER_LABELS = (
        "血圧", "bmi", "gtp", "ggt", "hba1c", "ast", "alt", "got", "gpt", "中性脂肪",
        "コレステロール",
        "血糖", "尿酸", "判定", "所見", "健診", "kenshin", "腹囲",
    )  # fmt: skip
    NEGATIVE_CONTEXT = ("基準値", "基準範囲", "正常値", "目安", "以上の方", "未満の方")

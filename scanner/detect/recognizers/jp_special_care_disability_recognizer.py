"""障害: disability certificates (障害者手帳, 療育手帳), grades (等級) and kinds of a person.

障害 also means an outage (システム障害, 通信障害): only the named kinds of disability
count, and a leaflet's お持ちの方 or 割引 is about nobody.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.special_care_base import (
    FIELD_VALUE,
    LABEL_SEP,
    SpecialCareRecognizer,
    alternatives,
)

_CERTIFICATE = alternatives(
    "障害者手帳 身体障害者手帳 精神障害者保健福祉手帳 療育手帳 愛の手帳 みどりの手帳 障がい者手帳"
    " 身体障がい者手帳"
)
_GRADE = r"(?:[1-7１-７一二三四五六七]級|[1-3１-３]種|A1|A2|B1|B2|A|B|最重度|重度|中度|軽度)"
_KINDS = alternatives(
    "身体障害 知的障害 精神障害 発達障害 視覚障害 聴覚障害 言語障害 肢体不自由 内部障害 学習障害"
    " 身体障がい 知的障がい 精神障がい 発達障がい 視覚障がい 聴覚障がい 高次脳機能障害"
    " 自閉症スペクトラム"
    " ADHD 注意欠如多動症"
)


class JpSpecialCareDisabilityRecognizer(SpecialCareRecognizer):
    ENTITY = "SPECIAL_CARE_DISABILITY"
    TRIGGERS = "障害 障がい 手帳 肢体不自由 ADHD 注意欠如 自閉症"
    STDLIB_RE = ("kind", "certificate_grade", "certificate_held", "employment")
    PATTERNS = [
        Pattern(
            "certificate_grade",
            r"(?P<v>" + _CERTIFICATE + r"[ \t]*[（(]?[ \t]*(?:[:：][ \t]*)?" + _GRADE + r")",
            0.5,
        ),
        Pattern(
            "certificate_held",
            r"(?P<v>"
            + _CERTIFICATE
            + r")(?:[ \t]*[:：][ \t]*(?:あり|有|所持|交付済)|を所持|を持って"
            r"|の交付を受け|所持)",
            0.3,
        ),
        Pattern(
            "grade_label",
            r"(?:障害等級|障がい等級|障害の程度|障害程度|障害支援区分|障害区分|障害名|障害の種類|障害内容)"
            + LABEL_SEP
            + r"(?P<v>"
            + FIELD_VALUE
            + r")",
            0.5,
        ),
        Pattern(
            "kind",
            r"(?P<v>" + _KINDS + r")(?:があ|を持|と診断|のため|により|の手帳|[(（][0-9]級)",
            0.3,
        ),
        Pattern(
            "employment", r"(?P<v>障害者雇用(?:枠)?)(?:で|にて|として)(?:採用|入社|雇用|勤務)", 0.3
        ),
    ]
    NEGATIVE_CONTEXT = (
        "システム障害", "通信障害", "障害対応", "障害発生", "障害報告", "障害情報", "サーバー",
        "障害者差別解消法", "障害者総合支援法",
    )  # fmt: skip

"""人種・社会的身分: race, ethnicity, and 本籍 or 出身 as social status of a person.

Nationality alone is a legal status, not race (国籍 is left out). 本籍 is included:
collecting it in hiring is what the Ministry of Health, Labour and Welfare warns about,
because it leads to 社会的身分. Always beside a person.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.special_care_base import (
    FIELD_VALUE,
    LABEL_SEP,
    SpecialCareRecognizer,
    alternatives,
)

_LABELS = alternatives("人種 民族 出身民族 本籍 本籍地 出自 門地 社会的身分 出身地区")
_GROUPS = alternatives(
    "アイヌ民族 アイヌ 琉球民族 被差別部落 部落出身 同和地区 在日韓国人 在日朝鮮人 在日コリアン"
)


class JpSpecialCareRaceRecognizer(SpecialCareRecognizer):
    ENTITY = "SPECIAL_CARE_RACE"
    TRIGGERS = "人種 民族 本籍 出自 門地 社会的身分 出身 部落 同和 在日 アイヌ 琉球"
    STDLIB_RE = ("group_phrase",)
    PATTERNS = [
        Pattern("status_label", _LABELS + LABEL_SEP + r"(?P<v>" + FIELD_VALUE + r")", 0.3),
        Pattern(
            "group_phrase",
            r"(?P<v>" + _GROUPS + r")(?:の出身|出身|であ|です|の血|にルーツ|の家系)",
            0.3,
        ),
    ]
    NEGATIVE_CONTEXT = ("文化", "博物館", "歴史", "民族衣装", "民族音楽", "料理", "観光", "問題の")

"""犯罪歴・犯罪被害: a person's criminal record, arrests, sentences, or being a crime victim.

Labelled fields (前科：, 逮捕歴：) are personal by themselves; an arrest or sentence
phrase needs a person cue, because a crime-prevention notice or a statistics page uses
the same words about nobody. 賞罰 なし, the standard line of a résumé, says nothing.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.special_care_base import (
    FIELD_VALUE,
    LABEL_SEP,
    SpecialCareRecognizer,
    alternatives,
)

_LABELS = alternatives("前科 前歴 逮捕歴 犯罪歴 補導歴 服役歴 犯歴 前科前歴 刑事処分歴 非行歴")
_CRIMES = (
    r"(?:窃盗|万引き|詐欺|横領|傷害|暴行|強盗|恐喝|脅迫|殺人|放火|住居侵入|器物損壊|痴漢|盗撮"
    r"|覚醒剤取締法違反|覚せい剤取締法違反|大麻取締法違反|道路交通法違反|酒気帯び運転|飲酒運転"
    r"|ひき逃げ|迷惑防止条例違反|公務執行妨害|業務上横領|背任|贈賄|収賄)"
)
_OUTCOMES = (
    r"(?:罪で|容疑で|の疑いで|により|で)"
    r"(?:逮捕|起訴|書類送検|有罪|服役|実刑|罰金|検挙|補導|略式命令)"
)
_SENTENCES = (
    r"(?:懲役|禁錮|禁固|罰金)[0-9０-９一二三四五六七八九十百]+(?:年|か月|ヶ月|カ月|万円)"
    r"(?:[ ]?執行猶予[0-9０-９一二三四五六七八九十]+年)?"
)
#: ... said in prose: 前科がある, 逮捕歴あり, 前科二犯
_HAS_RECORD = r"(?:が|も)?(?:ある|あり|あった|持ち|[0-9０-９一二三四五六七八九十]+犯)"
_VICTIM = alternatives(
    "犯罪被害者 被害届 DV被害 ストーカー被害 性犯罪被害 詐欺被害 暴行被害 いじめ被害 虐待被害"
)


class JpSpecialCareCriminalRecognizer(SpecialCareRecognizer):
    ENTITY = "SPECIAL_CARE_CRIMINAL"
    TRIGGERS = (
        "前科 前歴 逮捕 犯罪 補導 服役 犯歴 刑事 非行 起訴 送検 有罪 実刑 罰金 検挙 略式 懲役 禁錮"
        " 禁固 被害"
    )
    STDLIB_RE = ("crime_outcome", "victim", "sentence")
    # what every match holds, looked for first: a label's 歴 or 前科, an outcome, a
    # punishment, a 被害
    NEEDS_ANY = {
        "record_label": ("歴", "前科"), "record_prose": ("歴", "前科"),
        "crime_outcome": (
            "逮捕", "起訴", "書類送検", "有罪", "服役", "実刑", "罰金", "検挙", "補導", "略式命令",
        ),
        "sentence": ("懲役", "禁錮", "禁固", "罰金"), "victim": ("被害",),
    }  # fmt: skip
    PATTERNS = [
        Pattern("record_label", _LABELS + LABEL_SEP + r"(?P<v>" + FIELD_VALUE + r")", 0.5),
        Pattern("crime_outcome", r"(?P<v>" + _CRIMES + _OUTCOMES + r")", 0.3),
        # 山田さんは前科がある, 逮捕歴あり, 前科二犯: a record said in prose (a person cue decides)
        Pattern("record_prose", r"(?P<v>" + _LABELS + _HAS_RECORD + r")", 0.3),
        Pattern("sentence", r"(?P<v>" + _SENTENCES + r")", 0.3),
        Pattern(
            "victim",
            r"(?P<v>"
            + _VICTIM
            + r")(?:を提出|を出|に遭|にあ|を受け|の相談|として|である|に関する相談)",
            0.3,
        ),
    ]
    NEGATIVE_CONTEXT = ("防犯", "注意喚起", "件数", "相談窓口", "刑法", "犯罪白書", "啓発")

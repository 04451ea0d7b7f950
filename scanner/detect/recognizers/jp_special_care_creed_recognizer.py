"""信条: a person's religion, sect, faith or political party support.

A field (信仰：, 宗派：, 支持政党：) needs a person cue, as does a phrase (浄土真宗の檀家,
キリスト教を信仰); a tour guide, a history text or a 宗教法人 as a customer is about
nobody's creed.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.special_care_base import (
    FIELD_VALUE,
    LABEL_SEP,
    SpecialCareRecognizer,
    alternatives,
)

_LABEL_WORDS = "信仰 信仰宗教 宗教 宗派 信教 宗旨 支持政党 所属政党 政治信条 思想信条 信条"
_RELIGION_WORDS = (
    "仏教 キリスト教 イスラム教 イスラーム ヒンドゥー教 ユダヤ教 神道 カトリック プロテスタント"
    " 浄土真宗 浄土宗 真言宗 天台宗 日蓮宗 曹洞宗 臨済宗 創価学会 天理教 立正佼成会 エホバの証人"
    " モルモン教 統一教会 幸福の科学 真如苑 霊友会 ものみの塔 正教会"
)
_PARTY_WORDS = (
    "自民党 自由民主党 立憲民主党 公明党 共産党 日本共産党 日本維新の会 維新の会 国民民主党 社民党"
    " 社会民主党 れいわ新選組 参政党"
)
_LABELS = alternatives(_LABEL_WORDS)
_RELIGIONS = alternatives(_RELIGION_WORDS)
_PARTIES = alternatives(_PARTY_WORDS)


class JpSpecialCareCreedRecognizer(SpecialCareRecognizer):
    ENTITY = "SPECIAL_CARE_CREED"
    TRIGGERS = " ".join((_LABEL_WORDS, _RELIGION_WORDS, _PARTY_WORDS))
    STDLIB_RE = ("faith_phrase", "party_support", "creed_label_loose")
    # what every match holds, looked for first: a label's colon, a word of each ending
    NEEDS_ANY = {
        "creed_label": (":", "："),
        "faith_phrase": ("信", "檀家", "徒で", "の会員"),
        "party_support": ("支持", "党員", "に投票", "後援会"),
    }  # fmt: skip
    PATTERNS = [
        Pattern("creed_label", _LABELS + r"[ \t]*[:：][ \t]*(?P<v>" + FIELD_VALUE + r")", 0.3),
        Pattern("creed_label_loose", _LABELS + LABEL_SEP + r"(?P<v>" + _RELIGIONS + r")", 0.3),
        Pattern(
            "faith_phrase",
            r"(?P<v>"
            + _RELIGIONS
            + r")(?:の信者|を信仰|に入信|の信徒|の檀家|徒で|徒です|の会員|を信じ)",
            0.3,
        ),
        Pattern(
            "party_support",
            r"(?P<v>" + _PARTIES + r")(?:を支持|の支持者|の党員|党員|に投票|の後援会)",
            0.3,
        ),
    ]
    NEGATIVE_CONTEXT = (
        "宗教法人",
        "拝観",
        "参拝",
        "寺院",
        "教科書",
        "選挙結果",
        "議席",
        "世論調査",
    )

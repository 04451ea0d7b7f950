"""病歴: medical history, diagnoses, medication, hospital visits, ICD-10 codes of a person.

Strong labels of a patient record (既往歴, 病歴, 持病 ...) are personal by themselves; a
diagnosis phrase (糖尿病と診断, 高血圧で通院中) or a plain label (診断名, 服薬) counts only
with a person cue, and an ICD-10 code only after an ICD label and beside a person (a
disease master table holds the same codes about nobody).
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.special_care_base import (
    FIELD_VALUE,
    LABEL_SEP,
    SpecialCareRecognizer,
    alternatives,
)

_STRONG = alternatives("既往歴 既往症 病歴 現病歴 持病 治療歴 入院歴 通院歴 手術歴 服薬歴 罹患歴")
_PLAIN = alternatives(
    "診断名 傷病名 病名 主病名 疾患名 服薬 服用薬 内服薬 処方薬 通院先 通院 治療中の病気 症状 主訴"
    " アレルギー 診断 病状 受診理由 休職理由 療養理由"
)
_DISEASE = (
    r"(?:そううつ病|うつ病|てんかん|ぜんそく|がん|[一-龥ァ-ヴー0-9ⅠⅡ]{0,10}(?:病|症|炎|癌|がん|ガン|腫瘍|疾患|喘息|ぜんそく|ヘルニア|骨折"
    r"|障害|梗塞|不全|潰瘍|結石|感染|リウマチ|ウイルス陽性|陽性))"
)
_DIAGNOSED = (
    r"(?:と診断|で通院|にて通院|の治療中|で治療中|を治療中|で入院|にて入院|を患|の持病|の既往"
    r"|で休職|のため休職|で手術|の手術|の薬を服用|の薬を飲|の薬を処方|を服用|の投薬|で療養)"
)
_ICD = r"[A-TV-Z][0-9]{2}(?:\.[0-9]{1,2})?"


class JpSpecialCareMedicalRecognizer(SpecialCareRecognizer):
    ENTITY = "SPECIAL_CARE_MEDICAL"
    TRIGGERS = (
        "歴 症 病 診断 服 薬 通院 治療 入院 手術 ICD 主訴 アレルギー 患 休職 療養 傷病 疾患 処方"
        " 癌 がん ガン 腫瘍 炎 喘息 ぜんそく ヘルニア 骨折 障害 梗塞 不全 潰瘍 結石 感染 リウマチ"
        " 陽性 てんかん"
    )
    PATTERNS = [
        Pattern("strong_label", _STRONG + LABEL_SEP + r"(?P<v>" + FIELD_VALUE + r")", 0.5),
        Pattern("plain_label", _PLAIN + r"[ \t]*[:：][ \t]*(?P<v>" + FIELD_VALUE + r")", 0.3),
        Pattern("diagnosis_phrase", r"(?P<v>" + _DISEASE + r")" + _DIAGNOSED, 0.3),
        Pattern(
            "icd10_code",
            r"(?:ICD-?10|ICD|傷病コード|病名コード)[ \t]*(?:コード)?[ \t]*[:：]?[ \t]*"
            r"(?P<v>" + _ICD + r")(?![A-Za-z0-9])",
            0.3,
        ),
        Pattern("cell_value", r"(?<=^|[,\t])(?P<v>[^,\t\n]{2,40})(?=[,\t\n]|$)", 0.3),
    ]
    STDLIB_RE = ("diagnosis_phrase",)
    REQUIRES = {"diagnosis_phrase": _DIAGNOSED}
    ANCHORS = {"diagnosis_phrase": (_DIAGNOSED, 20)}  # (after a disease of at most 16)
    # what every match holds, looked for first: a strong label's 歴 or the two without,
    # a plain label's colon, a word of each
    # _DIAGNOSED (の薬を for 飲 / 服用 / 処方), an ICD label
    NEEDS_ANY = {
        "strong_label": ("歴", "既往症", "持病"),
        "plain_label": (":", "："),
        "diagnosis_phrase": (
            "診断", "通院", "治療中", "入院", "患", "持病", "既往", "休職", "手術", "服用",
            "の薬を", "投薬", "療養",
        ),
        "icd10_code": ("ICD", "傷病コード", "病名コード"),
    }  # fmt: skip
    HEADER_LABELS = (
        "既往歴", "病歴", "傷病名", "病名", "診断名", "疾患", "持病", "服薬", "icd", "byoreki",
        "byomei",
        "diagnosis", "disease",
    )  # fmt: skip
    NEGATIVE_CONTEXT = ("適応症", "効能", "疾患名一覧", "病名マスタ", "傷病名マスタ")

"""The fixed entity vocabulary shared by findings, the catalog and reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    PERSON = "PERSON"
    ADDRESS = "ADDRESS"
    PHONE_NUMBER = "PHONE_NUMBER"
    EMAIL_ADDRESS = "EMAIL_ADDRESS"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    EMPLOYER = "EMPLOYER"
    JP_MY_NUMBER = "JP_MY_NUMBER"
    JP_PASSPORT = "JP_PASSPORT"
    JP_DRIVER_LICENSE = "JP_DRIVER_LICENSE"
    JP_RESIDENCE_CARD = "JP_RESIDENCE_CARD"
    JP_BASIC_PENSION_NUMBER = "JP_BASIC_PENSION_NUMBER"
    JP_BANK_ACCOUNT = "JP_BANK_ACCOUNT"
    CREDIT_CARD = "CREDIT_CARD"
    JP_CORPORATE_NUMBER = "JP_CORPORATE_NUMBER"
    SPECIAL_CARE_MEDICAL = "SPECIAL_CARE_MEDICAL"
    SPECIAL_CARE_HEALTH_CHECK = "SPECIAL_CARE_HEALTH_CHECK"
    SPECIAL_CARE_DISABILITY = "SPECIAL_CARE_DISABILITY"
    SPECIAL_CARE_CRIMINAL = "SPECIAL_CARE_CRIMINAL"
    SPECIAL_CARE_CREED = "SPECIAL_CARE_CREED"
    SPECIAL_CARE_RACE = "SPECIAL_CARE_RACE"


@dataclass(frozen=True)
class EntityInfo:
    category_ja: str
    category_en: str
    personal: bool
    identification_code: bool = False
    #: 要配慮個人情報 (APPI Art. 2(3)): acquiring it needs prior consent
    special_care: bool = False


ENTITY_INFO: dict[Entity, EntityInfo] = {
    Entity.PERSON: EntityInfo("氏名", "Name", True),
    Entity.ADDRESS: EntityInfo("住所", "Address", True),
    Entity.PHONE_NUMBER: EntityInfo("電話番号", "Phone number", True),
    Entity.EMAIL_ADDRESS: EntityInfo("メールアドレス", "E-mail address", True),
    Entity.DATE_OF_BIRTH: EntityInfo("生年月日", "Date of birth", True),
    Entity.EMPLOYER: EntityInfo("勤務先", "Employer", True),
    Entity.JP_MY_NUMBER: EntityInfo("個人番号（マイナンバー）", "My Number", True, True),
    Entity.JP_PASSPORT: EntityInfo("旅券番号", "Passport number", True, True),
    Entity.JP_DRIVER_LICENSE: EntityInfo("運転免許証番号", "Driver's licence number", True, True),
    Entity.JP_RESIDENCE_CARD: EntityInfo("在留カード番号", "Residence card number", True, True),
    Entity.JP_BASIC_PENSION_NUMBER: EntityInfo("基礎年金番号", "Basic pension number", True, True),
    Entity.JP_BANK_ACCOUNT: EntityInfo("口座番号", "Bank account", True),
    Entity.CREDIT_CARD: EntityInfo("クレジットカード番号", "Credit card number", True),
    Entity.JP_CORPORATE_NUMBER: EntityInfo("法人番号", "Corporate number", False),
    Entity.SPECIAL_CARE_MEDICAL: EntityInfo(
        "病歴（要配慮）", "Medical history (special care)", True, special_care=True
    ),
    Entity.SPECIAL_CARE_HEALTH_CHECK: EntityInfo(
        "健康診断結果（要配慮）", "Health-check results (special care)", True, special_care=True
    ),
    Entity.SPECIAL_CARE_DISABILITY: EntityInfo(
        "障害（要配慮）", "Disability (special care)", True, special_care=True
    ),
    Entity.SPECIAL_CARE_CRIMINAL: EntityInfo(
        "犯罪歴・犯罪被害（要配慮）",
        "Criminal record or crime victim (special care)",
        True,
        special_care=True,
    ),
    Entity.SPECIAL_CARE_CREED: EntityInfo(
        "信条（要配慮）", "Creed (special care)", True, special_care=True
    ),
    Entity.SPECIAL_CARE_RACE: EntityInfo(
        "人種・社会的身分（要配慮）",
        "Race or social status (special care)",
        True,
        special_care=True,
    ),
}

#: The six kinds the policy names in its definition of personal information.
POLICY_ENTITIES: tuple[Entity, ...] = (
    Entity.PERSON,
    Entity.ADDRESS,
    Entity.PHONE_NUMBER,
    Entity.EMAIL_ADDRESS,
    Entity.DATE_OF_BIRTH,
    Entity.EMPLOYER,
)

#: 要配慮個人情報: the catalog always judges these ``special_care``
SPECIAL_CARE_ENTITIES: tuple[Entity, ...] = tuple(
    e for e, info in ENTITY_INFO.items() if info.special_care
)

ALL_ENTITIES: tuple[Entity, ...] = tuple(Entity)


def category(entity: str, lang: str = "ja") -> str:
    """The report label of an entity (氏名, 住所, ...), or the name itself if unknown."""
    try:
        info = ENTITY_INFO[Entity(entity)]
    except ValueError:
        return entity
    return info.category_ja if lang == "ja" else info.category_en


def is_special_care(entity: str) -> bool:
    try:
        return ENTITY_INFO[Entity(entity)].special_care
    except ValueError:
        return False


def is_personal(entity: str) -> bool:
    try:
        return ENTITY_INFO[Entity(entity)].personal
    except ValueError:
        return False


def parse_entities(names: str | list[str] | None) -> tuple[Entity, ...] | None:
    """Turn ``"PERSON,EMAIL_ADDRESS"`` (or a list) into entities; raise ValueError on unknowns."""
    if names is None:
        return None
    items = names.split(",") if isinstance(names, str) else list(names)
    out: list[Entity] = []
    for raw in items:
        name = raw.strip().upper()
        if not name:
            continue
        try:
            out.append(Entity(name))
        except ValueError:
            known = ", ".join(e.value for e in Entity)
            raise ValueError(f"unknown entity {raw.strip()!r} (known: {known})") from None
    return tuple(out)

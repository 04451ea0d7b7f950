"""Judge each finding against the catalog: may this asset hold this kind of data?

Rules, first match wins, and every verdict names its rule and the purposes involved:

1. a ``[[catalog.not_personal]]`` rule matches → ``not_personal`` with the rule's reason;
2. the entity is not personal (法人番号) → ``not_personal``;
3. the entity is 要配慮個人情報 → ``special_care`` (always flagged: it needs consent);
4. no asset covers the place → ``no_purpose``;
5. one of the asset's purposes lists the entity → ``allowed``, else
   ``not_allowed_for_purpose``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from scanner.catalog.matching import CompiledMatch
from scanner.catalog.models import Asset, CatalogConfig, NotPersonalRule
from scanner.entities import ENTITY_INFO, SPECIAL_CARE_ENTITIES, Entity, category
from scanner.findings import Finding
from scanner.fingerprint import Fingerprinter


class Verdict(StrEnum):
    allowed = "allowed"
    not_allowed_for_purpose = "not_allowed_for_purpose"
    no_purpose = "no_purpose"
    special_care = "special_care"
    not_personal = "not_personal"


VIOLATIONS: frozenset[str] = frozenset(
    {Verdict.not_allowed_for_purpose, Verdict.no_purpose, Verdict.special_care}
)

#: report labels (ja, en)
VERDICT_LABELS: dict[str, tuple[str, str]] = {
    Verdict.allowed: ("適合", "Allowed"),
    Verdict.not_allowed_for_purpose: ("目的外", "Not allowed for purpose"),
    Verdict.no_purpose: ("利用目的なし", "No purpose"),
    Verdict.special_care: ("要配慮個人情報", "Special care"),
    Verdict.not_personal: ("個人情報に非該当", "Not personal"),
}

#: worst first: an asset's verdict is its worst finding's
VERDICT_ORDER: tuple[str, ...] = (
    Verdict.special_care,
    Verdict.no_purpose,
    Verdict.not_allowed_for_purpose,
    Verdict.allowed,
    Verdict.not_personal,
)


def worst_verdict(verdicts: list[str]) -> str | None:
    return min(verdicts, key=VERDICT_ORDER.index) if verdicts else None


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    rule: str  # not_personal_rule | entity_not_personal | special_care | no_asset | ...
    asset: str | None  # the catalog asset's name, None when no asset covers the place
    purposes: tuple[str, ...]  # the asset's purposes; for ``allowed``, those that allow it
    reason_ja: str
    reason_en: str

    @property
    def is_violation(self) -> bool:
        return self.verdict in VIOLATIONS


def special_care_entities(catalog: CatalogConfig) -> frozenset[str]:
    built_in = {e.value for e in SPECIAL_CARE_ENTITIES}
    return frozenset(built_in | set(catalog.special_care_entities))


class Judge:
    """Compiled catalog; ``judge`` is cheap enough for hundreds of thousands of findings."""

    def __init__(self, catalog: CatalogConfig, fingerprinter: Fingerprinter | None = None):
        self.catalog = catalog
        self._fingerprinter = fingerprinter
        self._assets = [(a, CompiledMatch.of(a)) for a in catalog.assets]
        self._rules = [(r, CompiledMatch.of(r, r.columns)) for r in catalog.not_personal]
        self._special = special_care_entities(catalog)
        self._purposes = {p.id: p for p in catalog.purposes}
        self._rule_values: dict[tuple[int, str], frozenset[str]] = {}

    def asset_of(self, source: str, location: Mapping[str, Any]) -> Asset | None:
        return next((a for a, m in self._assets if m.matches(source, location)), None)

    def judge(self, finding: Finding) -> Judgement:
        entity = finding.entity
        cat_ja, cat_en = category(entity, "ja"), category(entity, "en")
        asset = self.asset_of(finding.source, finding.location)
        asset_name = asset.name if asset else None
        purposes = tuple(asset.purposes) if asset else ()

        for index, (rule, match) in enumerate(self._rules):
            if self._rule_matches(index, rule, match, finding):
                return Judgement(
                    Verdict.not_personal, "not_personal_rule", asset_name, purposes,
                    f"カタログの例外 not_personal #{index + 1}: {rule.reason}",
                    f"catalog exception not_personal #{index + 1}: {rule.reason}",
                )  # fmt: skip
        if _built_in_not_personal(entity) and entity not in self._special:
            return Judgement(
                Verdict.not_personal, "entity_not_personal", asset_name, purposes,
                f"{cat_ja}は個人情報に当たらない（法人等の情報）",
                f"{cat_en} is not personal information (it describes a company)",
            )  # fmt: skip
        if entity in self._special:
            where_ja = f"資産「{asset_name}」" if asset else "カタログにない場所"
            where_en = f"asset {asset_name!r}" if asset else "a place no asset covers"
            return Judgement(
                Verdict.special_care, "special_care", asset_name, purposes,
                f"{cat_ja}は要配慮個人情報（{where_ja}）: 取得には本人の事前同意が必要",
                f"{cat_en} is special care-required information ({where_en}): "
                "acquiring it needs the person's prior consent",
            )  # fmt: skip
        if asset is None:
            return Judgement(
                Verdict.no_purpose, "no_asset", None, (),
                f"{cat_ja}がカタログに登録のない場所にある（利用目的が定まっていない）",
                f"{cat_en} in a place no catalog asset covers (no purpose of use)",
            )  # fmt: skip
        allowing = tuple(p for p in asset.purposes if entity in self._purposes[p].entities)
        if allowing:
            names = "、".join(self._purposes[p].name for p in allowing)
            return Judgement(
                Verdict.allowed, "purpose_allows", asset.name, allowing,
                f"資産「{asset.name}」の利用目的「{names}」は{cat_ja}の利用を含む",
                f"asset {asset.name!r} serves {', '.join(allowing)}, which may use {cat_en}",
            )  # fmt: skip
        names = "、".join(self._purposes[p].name for p in asset.purposes)
        return Judgement(
            Verdict.not_allowed_for_purpose, "purpose_does_not_allow", asset.name, purposes,
            f"資産「{asset.name}」の利用目的（{names}）は{cat_ja}の利用を含まない",
            f"none of asset {asset.name!r}'s purposes ({', '.join(asset.purposes)}) "
            f"may use {cat_en}",
        )  # fmt: skip

    def _rule_matches(
        self, index: int, rule: NotPersonalRule, match: CompiledMatch, finding: Finding
    ) -> bool:
        if rule.entities and finding.entity not in rule.entities:
            return False
        placed = rule.source or rule.has_location() or rule.columns
        if placed and not match.matches(finding.source, finding.location):
            return False
        if not rule.values:
            return True
        if self._fingerprinter is None or not finding.fingerprints:
            return False
        key = (index, finding.entity)
        allowed = self._rule_values.get(key)
        if allowed is None:
            allowed = frozenset(self._fingerprinter.fingerprints(finding.entity, rule.values))
            self._rule_values[key] = allowed
        return set(finding.fingerprints) <= allowed


def _built_in_not_personal(entity: str) -> bool:
    try:
        return not ENTITY_INFO[Entity(entity)].personal
    except ValueError:
        return False  # an entity Kojin does not know is treated as personal

"""The catalog's config: purposes of use from the policy, data assets, and exceptions.

These are the ``[[catalog.purposes]]``, ``[[catalog.assets]]`` and
``[[catalog.not_personal]]`` tables of the Kojin config. Cross-references (a purpose an
asset names, an entity a purpose lists) are checked in ``scanner.catalog.validate``,
where the error can point at the line.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class SubjectKind(StrEnum):
    """Whose information an asset holds (本人の区分)."""

    customer = "customer"
    applicant = "applicant"
    employee = "employee"
    business_contact = "business_contact"


SUBJECT_LABELS: dict[str, tuple[str, str]] = {
    SubjectKind.customer: ("顧客", "Customer"),
    SubjectKind.applicant: ("応募者", "Applicant"),
    SubjectKind.employee: ("従業員", "Employee"),
    SubjectKind.business_contact: ("取引先担当者", "Business contact"),
}


class Purpose(BaseModel):
    """A purpose of use (利用目的) as the privacy policy words it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", description="short id assets refer to")
    name: str = Field(min_length=1, description="the policy's Japanese wording")
    name_en: str | None = None
    entities: list[str] = Field(description="entities this purpose may use")
    retention: str = Field(min_length=1, description="保管期間, e.g. '配信停止から1年'")
    outsourced_to: list[str] = Field(
        default_factory=list, description="業務委託先; empty when nothing is outsourced"
    )


class LocationMatch(BaseModel):
    """Where something lives: database tables / schemas or file path globs in one source.

    ``tables`` are globs on ``table`` (any schema) or ``schema.table``; ``paths`` are globs
    on root-relative paths with the file source's rules (``**`` spans folders, a pattern
    without ``/`` matches the file name at any depth, case ignored).
    """

    model_config = ConfigDict(extra="forbid")

    source: str | None = None
    schemas: list[str] = Field(default_factory=list)
    tables: list[str] = Field(default_factory=list)
    paths: list[str] = Field(default_factory=list)

    def has_location(self) -> bool:
        return bool(self.schemas or self.tables or self.paths)


#: 保管媒体: where an asset physically lives (a file-share asset defaults to file_server)
StorageMedium = Literal["database", "file_server", "cloud", "paper", "other"]


class Asset(LocationMatch):
    """A data asset (個人情報の名称 in the ledger): what it is for and who owns it.

    The fields after ``deletion`` are what an auditor's 個人情報管理台帳 keeps besides the
    scan's findings; the ledger shows each, and （未登録） where the catalog is silent.
    """

    name: str = Field(min_length=1)
    source: str  # type: ignore[assignment]  # required for assets
    purposes: list[str] = Field(min_length=1)
    owner: str = Field(min_length=1, description="管理部署")
    subjects: SubjectKind
    retention: str | None = Field(default=None, description="overrides the purposes' periods")
    description: str | None = None
    deletion: Literal["delete", "nullify"] = Field(
        default="delete",
        description="how `kojin subject plan-delete` erases a person's rows here: delete them, "
        "or set their personal columns to NULL (rows kept, e.g. orders under a legal retention)",
    )
    number: str | None = Field(default=None, description="管理番号, e.g. 'PI-001'")
    acquisition: str | None = Field(
        default=None, description="取得方法・取得元, e.g. 'Webフォーム（本人から直接）'"
    )
    medium: StorageMedium | None = Field(
        default=None, description="保管媒体; default: from the source's type"
    )
    access: list[str] = Field(
        default_factory=list, description="アクセス権限者: the roles or people who may read it"
    )
    third_parties: list[str] | None = Field(
        default=None, description="第三者提供先; [] = 提供なし, absent = not recorded"
    )
    disposal: str | None = Field(
        default=None, description="廃棄方法, e.g. '退会から1年後に物理削除'"
    )
    manager: str | None = Field(default=None, description="管理責任者: a person or a role")


class NotPersonalRule(LocationMatch):
    """Findings the catalog declares not personal, with the reason (e.g. the head office).

    A rule matches by place (source / schemas / tables / paths / columns), by value
    (``values``: public values such as the company's own address, compared through
    fingerprints, so a finding matches only if every value in it is one of them), or both;
    ``entities`` narrows it to some kinds.
    """

    reason: str = Field(min_length=1)
    columns: list[str] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list)
    values: list[str] = Field(default_factory=list)


class CatalogConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    purposes: list[Purpose] = Field(default_factory=list)
    assets: list[Asset] = Field(default_factory=list)
    not_personal: list[NotPersonalRule] = Field(default_factory=list)
    special_care_entities: list[str] = Field(
        default_factory=list,
        description="entity names judged 要配慮個人情報 besides the built-in SPECIAL_CARE_* ones",
    )

    def purpose(self, purpose_id: str) -> Purpose | None:
        return next((p for p in self.purposes if p.id == purpose_id), None)

"""Synthetic Japanese people for test shares, the benchmark corpus and examples/share.

Faker ja_JP (seeded) gives names, kana, addresses and e-mail addresses; phone numbers
are made here so they follow the Japanese numbering plan (Faker's do not always).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_AREA = (("03", 4), ("06", 4), ("045", 3), ("052", 3), ("092", 3), ("011", 3), ("0466", 2))


@dataclass(frozen=True)
class Person:
    name: str  # 山田 太郎
    kana: str
    email: str
    mobile: str
    landline: str
    address: str
    postal: str
    birthdate: str  # 1985-04-01
    employer: str


def mobile_number(rng: random.Random) -> str:
    return f"0{rng.choice((70, 80, 90))}-{rng.randint(1000, 9999)}-{rng.randint(0, 9999):04d}"


def landline_number(rng: random.Random) -> str:
    area, middle = rng.choice(_AREA)
    low = 10 ** (middle - 1) * 2
    return f"{area}-{rng.randint(low, 10**middle - 1)}-{rng.randint(0, 9999):04d}"


def people(count: int, seed: int = 0) -> list[Person]:
    from faker import Faker

    fake = Faker("ja_JP")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    out = []
    for i in range(count):
        last, first = fake.last_name(), fake.first_name()
        born = fake.date_of_birth(minimum_age=20, maximum_age=75)
        out.append(
            Person(
                name=f"{last} {first}",
                kana=f"{fake.last_kana_name()} {fake.first_kana_name()}",
                email=f"{fake.user_name()}{i}@{fake.free_email_domain()}",
                mobile=mobile_number(rng),
                landline=landline_number(rng),
                address=(
                    f"{fake.prefecture()}{fake.city()}{fake.town()}"
                    f"{fake.chome()}{fake.ban()}{fake.gou()}"
                ),
                postal=fake.postcode(),
                birthdate=born.isoformat(),
                employer=fake.company(),
            )
        )
    return out

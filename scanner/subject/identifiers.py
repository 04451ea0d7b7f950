"""What a request names a person by, and when a place holding some of it is really them.

Identifiers are fingerprinted with the same per-entity normalisation as the scan
(``scanner.fingerprint``), so ``TARO@EXAMPLE.JP``, ``+81 90-1234-5678``, ``山田　太郎`` or
``昭和60年4月1日`` meet the values however the sources typed them. Names and addresses
also get folded keys (``name_variants``, ``address_key``), fingerprinted the same way, so
髙橋 meets 高橋, Taro Yamada meets 山田太郎 and 千代田1-1-1 meets 千代田区千代田一丁目1番1号;
each probe says how it was made (exact, variant, reading) and a hit reports it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields

from scanner.fingerprint import Fingerprinter, normalize_value
from scanner.subject.address_key import address_keys
from scanner.subject.name_variants import HOWS, name_keys, query_keys

#: identifier kind (the option name) -> the entity whose normalisation and values it meets
KIND_ENTITY: Mapping[str, str] = {
    "name": "PERSON",
    "kana": "PERSON",
    "email": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "birthdate": "DATE_OF_BIRTH",
    "my_number": "JP_MY_NUMBER",
    "address": "ADDRESS",
}
#: entities the subject index holds: the ones a request can name a person by
SEARCHABLE_ENTITIES: frozenset[str] = frozenset(KIND_ENTITY.values())
#: one of these alone identifies a person; a name needs a birthdate or an address beside it
STRONG_KINDS: frozenset[str] = frozenset({"email", "phone", "my_number"})
NAME_KINDS: frozenset[str] = frozenset({"name", "kana"})
_NAME_COMPANIONS: frozenset[str] = frozenset({"birthdate", "address"})
#: hex digits of the subject fingerprint shown to people and typed to confirm a deletion
SUBJECT_PREFIX = 12
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # what normalize_date makes of a real date


class IdentifierError(ValueError):
    """An identifier that cannot name anybody (the message names the option, not the value)."""


def strength(matched: Collection[str]) -> str:
    """``strong`` for an e-mail, phone or My Number, or a name with the birthdate or the
    address; else weak (a name, a birthdate or an address alone)."""
    kinds = set(matched)
    if kinds & STRONG_KINDS or (kinds & NAME_KINDS and kinds & _NAME_COMPANIONS):
        return "strong"
    return "weak"


def best_how(a: str | None, b: str) -> str:
    """The more exact of two ways a kind matched."""
    return b if a is None or HOWS.index(b) < HOWS.index(a) else a


@dataclass(frozen=True)
class Probe:
    """One digest a request looks for: which identifier, and how the text was folded."""

    kind: str
    entity: str
    digest: str
    how: str  # exact | variant | reading


def value_digests(fingerprinter: Fingerprinter, entity: str, text: str) -> list[tuple[str, str]]:
    """(digest, how) of a value found in a source: exact, and folded for names and addresses."""
    out = []
    exact = fingerprinter.fingerprint(entity, text)
    if exact:
        out.append((exact, "exact"))
    if entity == "PERSON":
        out += [(fingerprinter.digest(k.keyed), k.how) for k in name_keys(text)]
    elif entity == "ADDRESS":
        out += [(fingerprinter.digest(_address_keyed(k)), "variant") for k in address_keys(text)]
    return out


def _address_keyed(key: str) -> str:
    return f"kojin-address-variant\n{key}"


@dataclass(frozen=True)
class SubjectQuery:
    """The identifiers of one request; any combination, at least one."""

    name: str | None = None
    kana: str | None = None
    email: str | None = None
    phone: str | None = None
    birthdate: str | None = None
    my_number: str | None = None
    address: str | None = None

    def __repr__(self) -> str:  # the values are the person's: never in a log line
        return f"SubjectQuery({', '.join(self.kinds())})"

    def given(self) -> dict[str, str]:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and value.strip():
                out[f.name] = value
        return out

    def kinds(self) -> tuple[str, ...]:
        return tuple(self.given())

    def normalized(self) -> dict[str, str]:
        """Each identifier in its fingerprinted form; IdentifierError for one that cannot be."""
        given = self.given()
        if not given:
            raise IdentifierError(
                "name at least one identifier: --name, --kana, --email, --phone, --birthdate, "
                "--my-number or --address"
            )
        out = {}
        for kind, value in given.items():
            normalized = normalize_value(KIND_ENTITY[kind], value)
            _check(kind, normalized)
            out[kind] = normalized
        return out

    def probes(self, fingerprinter: Fingerprinter) -> dict[str, str]:
        """kind -> the HMAC digest a matching value in the sources has."""
        return {kind: fingerprinter.digest(text) for kind, text in self.normalized().items()}

    def probe_list(self, fingerprinter: Fingerprinter) -> list[Probe]:
        """Every digest the request looks for: the exact ones, then names' variants and
        readings (either order) and the address's folded keys."""
        given = self.given()
        out = [
            Probe(kind, KIND_ENTITY[kind], digest, "exact")
            for kind, digest in self.probes(fingerprinter).items()
        ]
        for kind in sorted(NAME_KINDS & set(given)):
            out += [
                Probe(kind, "PERSON", fingerprinter.digest(k.keyed), k.how)
                for k in query_keys(given[kind])
            ]
        if "address" in given:
            out += [
                Probe("address", "ADDRESS", fingerprinter.digest(_address_keyed(k)), "variant")
                for k in address_keys(given["address"])
            ]
        return list(dict.fromkeys(out))

    def subject_id(self, fingerprinter: Fingerprinter) -> str:
        """The request's fingerprint: logged, put in plans, its prefix typed to confirm."""
        parts = sorted(f"{kind}={text}" for kind, text in self.normalized().items())
        return fingerprinter.digest("kojin-subject\n" + "\n".join(parts))


def _check(kind: str, normalized: str) -> None:
    option = "--" + kind.replace("_", "-")
    if kind == "email" and ("@" not in normalized or normalized.startswith("@")):
        raise IdentifierError(f"{option}: not an e-mail address")
    if kind == "phone" and not 10 <= len(normalized) <= 11:
        raise IdentifierError(f"{option}: not a Japanese phone number (10 or 11 digits)")
    if kind == "my_number" and len(normalized) != 12:
        raise IdentifierError(f"{option}: a My Number has 12 digits")
    if kind == "birthdate" and not _ISO_DATE.fullmatch(normalized):
        raise IdentifierError(
            f"{option}: not a date Kojin reads (1985-04-01, 1985/4/1, 19850401, "
            "昭和60年4月1日, S60.4.1)"
        )
    if kind in (*NAME_KINDS, "address") and not normalized:
        raise IdentifierError(f"{option}: empty")

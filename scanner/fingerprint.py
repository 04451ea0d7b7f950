"""Keyed fingerprints of personal values: the same person's value, typed any way, gives
the same HMAC-SHA256 digest, and without the key nobody can test a guess against it.

Plain hashes of phone numbers or birthdates are brute-forced in minutes, so the key is
secret: from ``KOJIN_HMAC_KEY`` or a key file (mode 0600, at least 32 bytes). A key is
never made on the side: a lost key silently replaced would make every search answer
"nobody" (``scanner/inventory/key_guard.py`` says when one may be created). Values
are normalised per entity first so ``０９０－１２３４－５６７８`` and ``+81 90 1234 5678``,
or ``やまだ たろう`` and ``ヤマダタロウ``, meet. The subject search looks values up the same
way, so the digest covers the normalised value only, not the entity.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

KEY_ENV = "KOJIN_HMAC_KEY"
KEY_FILE_NAME = "kojin-hmac.key"
#: distinct values fingerprinted per finding: enough for the catalog's value rules and a
#: look-up, while a million-row column costs no more memory than a small one
MAX_FINGERPRINTS = 1000

_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_HONORIFICS = ("様", "さん", "殿", "さま", "サマ")
# dashes NFKC leaves alone; inside an address they are all hyphens
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−－﹣ーｰ"})


def _nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def normalize_email(value: str) -> str:
    return _SPACES.sub("", _nfkc(value)).lower()


def normalize_phone(value: str) -> str:
    """National digits (0312345678) whether written +81-3-…, (03)… or in full width."""
    import phonenumbers

    text = _nfkc(value)
    try:
        number = phonenumbers.parse(text, "JP")
    except phonenumbers.NumberParseException:
        return _NOT_DIGIT.sub("", text)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return _NOT_DIGIT.sub("", national)


def normalize_name(value: str) -> str:
    """No spaces, NFKC, hiragana as katakana, romaji lower-case, trailing 様/さん dropped."""
    import jaconv

    text = _SPACES.sub("", _nfkc(value))
    for honorific in _HONORIFICS:
        if text.endswith(honorific) and len(text) > len(honorific):
            text = text[: -len(honorific)]
            break
    return jaconv.hira2kata(text).lower()


def normalize_date(value: str) -> str:
    """ISO date; a time after it is dropped (a DATETIME birth column reads 1985-04-01 00:00)."""
    from scanner.detect.jp_dates import parse_date_loose

    text = _TIME_OF_DAY.sub("", _nfkc(value))
    date = parse_date_loose(text)
    return date.isoformat() if date else _NOT_DIGIT.sub("", text)


def normalize_digits(value: str) -> str:
    return _NOT_DIGIT.sub("", _nfkc(value))


def normalize_code(value: str) -> str:
    """Letters and digits only, upper case: passport TK1234567, residence card AB12345678CD."""
    return _NOT_ALNUM.sub("", _nfkc(value).upper())


def normalize_text(value: str) -> str:
    """Addresses, employers and anything else: NFKC, one hyphen, no spaces."""
    return _SPACES.sub("", _nfkc(value).translate(_DASHES)).lower()


NORMALIZERS: Mapping[str, Callable[[str], str]] = {
    "EMAIL_ADDRESS": normalize_email,
    "PHONE_NUMBER": normalize_phone,
    "PERSON": normalize_name,
    "DATE_OF_BIRTH": normalize_date,
    "JP_MY_NUMBER": normalize_digits,
    "JP_DRIVER_LICENSE": normalize_digits,
    "JP_BASIC_PENSION_NUMBER": normalize_digits,
    "JP_BANK_ACCOUNT": normalize_digits,
    "CREDIT_CARD": normalize_digits,
    "JP_CORPORATE_NUMBER": normalize_digits,
    "JP_PASSPORT": normalize_code,
    "JP_RESIDENCE_CARD": normalize_code,
}


def normalize_value(entity: str, value: str) -> str:
    """The form of ``value`` that is fingerprinted, chosen by its entity."""
    return NORMALIZERS.get(entity, normalize_text)(value)


class FingerprintKeyError(Exception):
    """The HMAC key cannot be used (message names the file, never the key)."""


class MissingKeyError(FingerprintKeyError):
    """There is no key: neither ``KOJIN_HMAC_KEY`` nor the key file."""


#: shorter keys are refused: a short secret can be guessed, and with it every digest
MIN_KEY_BYTES = 32
#: what the key check value is the HMAC of: it tells which key made an index or inventory
KEY_CHECK_TEXT = "kojin-subject-index-key-check"


def load_key(key_file: Path, environ: Mapping[str, str] | None = None) -> bytes:
    """The key from ``KOJIN_HMAC_KEY``, else from ``key_file``; refused when it is shorter
    than MIN_KEY_BYTES, or when the file is readable or writable by others."""
    env = os.environ if environ is None else environ
    from_env = env.get(KEY_ENV, "").strip()
    if from_env:
        key = from_env.encode("utf-8")
        if len(key) < MIN_KEY_BYTES:
            raise FingerprintKeyError(
                f"{KEY_ENV} is shorter than {MIN_KEY_BYTES} bytes: use a long random key "
                "(`python -c 'import secrets; print(secrets.token_hex(32))'`)"
            )
        return key
    try:
        fd = os.open(key_file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise MissingKeyError(f"{key_file}: no HMAC key ({KEY_ENV} is not set)") from None
    except OSError as exc:
        reason = type(exc).__name__
        raise FingerprintKeyError(f"{key_file}: cannot read the HMAC key ({reason})") from None
    with os.fdopen(fd, "rb") as fh:
        mode = stat.S_IMODE(os.fstat(fh.fileno()).st_mode)
        if mode & 0o077:
            raise FingerprintKeyError(
                f"{key_file}: the HMAC key file is open to others (mode {mode:04o}): "
                f"chmod 600 {key_file}"
            )
        key = fh.read().strip()
    if len(key) < MIN_KEY_BYTES:
        raise FingerprintKeyError(
            f"{key_file}: the HMAC key is shorter than {MIN_KEY_BYTES} bytes"
        )
    return key


def create_key(key_file: Path) -> bytes:
    """A new random key in ``key_file`` (mode 0600); refused when the file exists."""
    key = secrets.token_hex(32)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise FingerprintKeyError(f"{key_file}: a key file is already there") from None
    except OSError as exc:
        reason = type(exc).__name__
        raise FingerprintKeyError(f"{key_file}: cannot create the HMAC key ({reason})") from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
    return key.encode("ascii")


@dataclass(frozen=True)
class Fingerprinter:
    """HMAC-SHA256 of normalised values; picklable, so it travels to scan workers."""

    key: bytes = field(repr=False)

    @classmethod
    def from_key_file(
        cls, key_file: Path, environ: Mapping[str, str] | None = None
    ) -> Fingerprinter:
        return cls(load_key(key_file, environ))

    def fingerprint(self, entity: str, value: str) -> str | None:
        """Hex digest of the normalised value; None when nothing is left to fingerprint."""
        normalized = normalize_value(entity, value)
        if not normalized:
            return None
        return self.digest(normalized)

    def fingerprints(self, entity: str, values: Iterable[str]) -> tuple[str, ...]:
        """Distinct digests of ``values`` in first-seen order."""
        seen: dict[str, None] = {}
        for value in values:
            digest = self.fingerprint(entity, value)
            if digest is not None:
                seen.setdefault(digest)
        return tuple(seen)

    def digest(self, text: str) -> str:
        """HMAC of an already normalised text (subject ids, key checks)."""
        return hmac.new(self.key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def key_check(self) -> str:
        """A value that tells this key from another without telling anything about it."""
        return self.digest(KEY_CHECK_TEXT)


def keep_value(bucket: dict[str, None], value: str, limit: int = MAX_FINGERPRINTS) -> None:
    """Remember ``value`` (in memory only) unless ``limit`` distinct values are already kept."""
    if value and (value in bucket or len(bucket) < limit):
        bucket.setdefault(value)


def bounded_fingerprints(
    fingerprinter: Fingerprinter | None, entity: str, values: Iterable[str]
) -> tuple[str, ...]:
    """Sorted distinct digests of at most MAX_FINGERPRINTS values (sorted: the same set
    whichever executor read the values, in whatever order)."""
    if fingerprinter is None:
        return ()
    return tuple(sorted(fingerprinter.fingerprints(entity, values)))[:MAX_FINGERPRINTS]

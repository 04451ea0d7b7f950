"""The inventory remembers which HMAC key made its fingerprints, and refuses another.

A lost key silently replaced, a changed key file or a stray ``KOJIN_HMAC_KEY`` gives
digests that match nothing: a subject search would answer "no data" for a person who
is in the data. So the inventory keeps the key check value (the HMAC of a constant,
``Fingerprinter.key_check``) and every command that reads fingerprints compares it
first. A key is created in two cases only: by ``kojin key init``, and by the first scan
of an empty inventory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scanner.fingerprint import (
    KEY_ENV,
    Fingerprinter,
    FingerprintKeyError,
    MissingKeyError,
    create_key,
)

if TYPE_CHECKING:
    from scanner.inventory.config import InventoryConfig
    from scanner.inventory.store import Inventory

KEY_CHECK_SETTING = "hmac_key_check"
REINDEX = (
    "restore the original key, or start over with a new one: `kojin key init --replace`, "
    "then `kojin scan` and `kojin subject index --full`"
)


class KeyMismatchError(FingerprintKeyError):
    """The key at hand is not the one the inventory's fingerprints were made with."""


def stored_key_check(inventory: Inventory) -> str | None:
    """The inventory's key check; an inventory from before it was stored answers with its
    subject index's, if it has one."""
    from scanner.inventory.subjects import SubjectIndex

    stored = inventory.setting(KEY_CHECK_SETTING)
    if stored is None:
        stored = next((p.key_check for p in SubjectIndex(inventory).places()), None)
    return stored


def checked_fingerprinter(config: InventoryConfig, inventory: Inventory) -> Fingerprinter:
    """The key for a command that reads fingerprints: refused unless it is the inventory's."""
    try:
        fingerprinter = Fingerprinter.from_key_file(config.key_file)
    except MissingKeyError as exc:
        if inventory.has_runs() or inventory.setting(KEY_CHECK_SETTING):
            raise MissingKeyError(
                f"{exc}, but the inventory's fingerprints were made with one: {REINDEX}"
            ) from None
        raise MissingKeyError(f"{exc}: run `kojin scan` (or `kojin key init`) first") from None
    _compare(inventory, fingerprinter, config)
    return fingerprinter


def scan_fingerprinter(config: InventoryConfig) -> Fingerprinter:
    """The key for a scan: checked like any other, created only when the inventory is
    empty (no runs, no key check yet); the inventory then remembers it."""
    from scanner.inventory.store import Inventory

    with Inventory.open(config) as inventory:
        empty = not inventory.has_runs() and stored_key_check(inventory) is None
        try:
            fingerprinter = Fingerprinter.from_key_file(config.key_file)
        except MissingKeyError:
            if not empty:
                raise
            fingerprinter = Fingerprinter(create_key(config.key_file))
        if not empty:
            _compare(inventory, fingerprinter, config)
        if inventory.setting(KEY_CHECK_SETTING) is None:
            inventory.set_setting(KEY_CHECK_SETTING, fingerprinter.key_check())
    return fingerprinter


def adopt_key(inventory: Inventory, fingerprinter: Fingerprinter) -> None:
    """Make ``fingerprinter``'s key the inventory's (``kojin key init``)."""
    inventory.set_setting(KEY_CHECK_SETTING, fingerprinter.key_check())


def _compare(inventory: Inventory, fingerprinter: Fingerprinter, config: InventoryConfig) -> None:
    import os

    stored = stored_key_check(inventory)
    if stored is None:  # runs from before key checks, no index: this key becomes the one
        adopt_key(inventory, fingerprinter)
        return
    if stored != fingerprinter.key_check():
        origin = KEY_ENV if os.environ.get(KEY_ENV, "").strip() else str(config.key_file)
        raise KeyMismatchError(
            f"the HMAC key from {origin} is not the one this inventory's fingerprints were "
            f"made with (key check {fingerprinter.key_check()[:8]}, inventory "
            f"{stored[:8]}): searches would find nobody; {REINDEX}"
        )

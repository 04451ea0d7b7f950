"""``kojin key init``: the one explicit way to make a new HMAC key.

Every other command refuses to work without the inventory's key (see
``scanner/inventory/key_guard.py``); only the first scan of an empty inventory makes one
by itself. ``--replace`` rotates: the old key file is kept beside the new one, and the
inventory takes the new key check, so the old fingerprints are known stale until the
next scan and ``kojin subject index --full``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated

import typer

from scanner.cli.errors import CliError
from scanner.cli.report_command import ConfigOption, load_config_for_cli

key_app = typer.Typer(name="key", help="The HMAC key of the fingerprints.", no_args_is_help=True)


def init(
    config: ConfigOption = Path("config.example.toml"),
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Rotate: keep the old key file aside, make a new one."),
    ] = False,
) -> None:
    """Create the HMAC key file (mode 0600) and make it the inventory's key."""
    from scanner.fingerprint import KEY_ENV, Fingerprinter, FingerprintKeyError, create_key
    from scanner.inventory.key_guard import adopt_key, stored_key_check
    from scanner.inventory.migrations import InventoryError
    from scanner.inventory.store import Inventory

    cfg = load_config_for_cli(config)
    key_file = cfg.inventory.key_file
    try:
        with Inventory.open(cfg.inventory) as inventory:
            stored = stored_key_check(inventory)
            if os.environ.get(KEY_ENV, "").strip():
                if stored is not None and not replace:
                    raise CliError(f"the inventory has a key; --replace to adopt {KEY_ENV}'s")
                fingerprinter = Fingerprinter.from_key_file(key_file)
                made = f"the key from {KEY_ENV}"
            else:
                kept = ""
                if key_file.exists():
                    if not replace:
                        raise CliError(f"{key_file}: a key is already there (--replace rotates)")
                    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
                    aside = key_file.with_name(f"{key_file.name}.replaced-{stamp}")
                    key_file.rename(aside)
                    kept = f"; the old key is kept in {aside}"
                elif stored is not None and not replace:
                    raise CliError(
                        f"{key_file}: missing, but the inventory's fingerprints were made with "
                        "a key: restore it, or --replace to start over with a new one"
                    )
                fingerprinter = Fingerprinter(create_key(key_file))
                made = f"a new key in {key_file} (mode 0600){kept}"
            adopt_key(inventory, fingerprinter)
    except (FingerprintKeyError, InventoryError, OSError) as exc:
        raise CliError(str(exc)) from None
    typer.echo(f"HMAC key: {made}; key check {fingerprinter.key_check()[:8]} stored")
    if stored is not None and stored != fingerprinter.key_check():
        typer.echo(
            "the inventory's fingerprints were made with the old key: run `kojin scan` and "
            "`kojin subject index --full`"
        )


def register(app: typer.Typer) -> None:
    key_app.command("init")(init)
    app.add_typer(key_app)

"""The ``kojin`` command. Subcommands import their heavy parts lazily."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from scanner.cli.errors import CliError
from scanner.cli.exit_codes import EPILOG

app = typer.Typer(
    name="kojin",
    help="Kojin (個人): find personal information in Japanese companies' data.",
    no_args_is_help=True,
    add_completion=False,
    epilog=EPILOG,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from scanner.version import __version__

        typer.echo(f"kojin {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Kojin (個人): find personal information in Japanese companies' data."""


def _register() -> None:
    if app.registered_commands:  # once per process: main() may run many times (tests)
        return
    from scanner.cli import (
        catalog_command,
        detect_command,
        diff_command,
        key_command,
        report_command,
        review_command,
        scan_command,
        subject_command,
    )

    for module in (detect_command, scan_command, catalog_command, report_command,
                   diff_command, review_command, subject_command, key_command):  # fmt: skip
        module.register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every error is one line on stderr, never a traceback."""
    _register()
    try:
        result = app(args=argv, prog_name="kojin", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("kojin: aborted", file=sys.stderr)
        return 130
    except typer.TyperException as exc:
        # typer's vendored click: usage errors, bad parameters, no-args help
        if type(exc).__name__ == "NoArgsIsHelpError":
            return 2  # the help was shown, but nothing was done: cron must notice
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        print(f"kojin: error: {' '.join(message.split())}", file=sys.stderr)
        return getattr(exc, "exit_code", 2)
    except CliError as exc:
        kind = "" if exc.code == 130 else "error: "  # an interruption is not an error
        print(f"kojin: {kind}{exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("kojin: interrupted", file=sys.stderr)
        return 130
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())

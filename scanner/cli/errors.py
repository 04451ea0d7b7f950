"""The one error type the commands raise for the user to read."""

from __future__ import annotations


class CliError(Exception):
    """A user-facing error: printed as one line, exit code 2 (or ``code``)."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code

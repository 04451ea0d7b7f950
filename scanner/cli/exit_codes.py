"""The exit codes of ``kojin``, so cron jobs and CI can tell outcomes apart.

Documented in the README; ``kojin --help`` lists them too.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    #: the command did everything it was asked
    ok = 0
    #: a check the command runs did not pass (``kojin catalog check``, a refused deletion)
    check_failed = 1
    #: bad usage or config: nothing was done
    usage = 2
    #: ``kojin scan --fail-on new-violations``: the run has violations the previous one had not
    new_violations = 3
    #: the scan finished, but a source or some of its units (tables, files) were not read
    partial = 4
    #: ``kojin scan --fail-on special-care``: the run holds 要配慮個人情報 nobody ruled out
    special_care = 5
    #: interrupted (Ctrl-C); ``kojin scan --resume`` continues a scan
    interrupted = 130


EPILOG = (
    "Exit codes: 0 complete; 1 a check failed (catalog check, refused deletion); "
    "2 usage or config error; 3 new violations (scan --fail-on new-violations); "
    "4 partial scan (a source or unit was not read); "
    "5 special care-required data (scan --fail-on special-care); 130 interrupted."
)

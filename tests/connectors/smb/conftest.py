"""A real Samba server on 127.0.0.1 for the SMB source's tests.

The fixture starts Debian's ``smbd`` with a private smb.conf in a temporary folder (its
own port, state, password database and share), adds one user with ``smbpasswd`` and stops
the server afterwards. Without smbd the tests skip with the reason, except under
``CI=true``, where they fail: CI installs Samba and must run them.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

USER = "root"  # an existing Unix account: nothing is added to the system's users
PASSWORD = "kojin-Test-pw-1"


@dataclass(frozen=True)
class Samba:
    host: str
    port: int
    share: str
    path: Path  # the shared folder on this machine: tests write their files here

    def source_toml(self, name: str = "fileserver", extra: str = "") -> str:
        return (
            f'[[sources]]\ntype = "smb"\nname = "{name}"\nserver = "{self.host}"\n'
            f'port = {self.port}\nshare = "{self.share}"\nusername = "{USER}"\n'
            f'password_env = "KOJIN_TEST_SMB_PASSWORD"\n{extra}'
        )


def unavailable(reason: str) -> None:
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"{reason} (CI=true: the SMB tests must run, not skip)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(base: Path, port: int) -> str:
    dirs = {d: base / d for d in ("private", "lock", "state", "cache", "pid", "ncalrpc")}
    for d in dirs.values():
        d.mkdir(mode=0o700)
    return f"""[global]
server role = standalone server
smb ports = {port}
interfaces = 127.0.0.1
bind interfaces only = yes
private dir = {dirs["private"]}
lock directory = {dirs["lock"]}
state directory = {dirs["state"]}
cache directory = {dirs["cache"]}
pid directory = {dirs["pid"]}
ncalrpc dir = {dirs["ncalrpc"]}
log file = {base}/log.smbd
passdb backend = tdbsam:{dirs["private"]}/passdb.tdb
load printers = no
printing = bsd
printcap name = /dev/null
disable spoolss = yes
server min protocol = SMB2_10
[kojin]
path = {base}/share
read only = no
"""


@pytest.fixture(scope="session")
def samba(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Samba]:
    smbd = shutil.which("smbd") or ("/usr/sbin/smbd" if Path("/usr/sbin/smbd").exists() else None)
    smbpasswd = shutil.which("smbpasswd")
    if smbd is None or smbpasswd is None:
        unavailable("Samba is not installed (apt-get install samba)")
    base = tmp_path_factory.mktemp("samba")
    (base / "share").mkdir()
    port = _free_port()
    conf = base / "smb.conf"
    conf.write_text(_config(base, port), encoding="utf-8")
    subprocess.run(
        [smbpasswd, "-c", str(conf), "-s", "-a", USER],
        input=f"{PASSWORD}\n{PASSWORD}\n", text=True, check=True, capture_output=True,
    )  # fmt: skip
    server = subprocess.Popen(
        [smbd, "--foreground", "--no-process-group", "-s", str(conf)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log = (base / "log.smbd").read_text(errors="replace")[-500:] if (
                        base / "log.smbd").exists() else ""  # fmt: skip
                    unavailable(f"smbd did not start on 127.0.0.1:{port}: {log}")
                time.sleep(0.2)
        yield Samba("127.0.0.1", port, "kojin", base / "share")
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)  # smbd and the children it forked
        except ProcessLookupError:
            pass
        server.wait(timeout=10)


@pytest.fixture
def smb_env(monkeypatch):
    monkeypatch.setenv("KOJIN_TEST_SMB_PASSWORD", PASSWORD)
    monkeypatch.setenv("KOJIN_HMAC_KEY", "smb-0123456789abcdef0123456789abcdef")

"""mbox mail folders (Thunderbird's extensionless folders, Google Takeout's ``.mbox``,
Unix mail spools): each message is handed back to the dispatcher as an embedded e-mail.

Read as plain text, an mbox shows base64 and quoted-printable bodies, ISO-2022-JP escapes
and encoded-word headers undecoded, so the names and addresses inside are missed. Here
the file is streamed line by line and cut at each ``From `` envelope line that starts the
file or follows a blank line (mboxo / mboxrd; a ``>From `` line is unescaped); each message
becomes ``message-N.eml``, parsed by the e-mail extractor with its attachments. Only one
message is in memory at a time; the dispatcher's archive limits apply (messages count as
members, nesting depth, expansion), and the file's messages past ``archive_max_members``
are reported, not read.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    archive_limit,
)

#: the envelope line: ``From sender date`` (the sender may be ``MAILER-DAEMON`` or ``-``)
FROM_LINE = re.compile(rb"^From \S+")
_ESCAPED_FROM = re.compile(rb"^>(>*From )")
_HEADER = re.compile(rb"^[A-Za-z0-9-]+:")
_KNOWN_HEADER = re.compile(
    rb"^(from|to|cc|date|subject|sender|reply-to|received|return-path|message-id|"
    rb"mime-version|delivered-to|envelope-to|x-mozilla-status2?|x-gm-thrid|status):",
    re.IGNORECASE,
)
_HEADER_LOOKAHEAD = 40
MAX_LINE = 1024 * 1024


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    stream.seek(0)
    limit = ctx.limits.archive_max_members
    count = 0
    start = 0  # offset of the current message's first header line
    offset = 0
    previous_blank = True
    in_message = False
    while True:
        line = stream.readline(MAX_LINE)
        at = offset
        offset += len(line)
        if at == 0 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        envelope = not line or (previous_blank and _is_envelope(stream, line, offset))
        if envelope:
            if in_message and at > start:
                count += 1
                if count > limit:
                    yield archive_limit(ctx, f"more than {limit} messages")
                    return
                yield Embedded(
                    f"message-{count}.eml",
                    _opener(stream, start, at),
                    at - start,
                    declared_type="message/rfc822",
                )
                stream.seek(offset)
            if not line:
                break
            start, in_message = offset, True
        previous_blank = not line.strip()
    ctx.report.bytes_read += offset


def _is_envelope(stream: BinaryIO, line: bytes, offset: int) -> bool:
    """A ``From `` line after a blank line starts a message only if a header block with a
    header every mail has follows it: an unescaped "From Russia with love" in a body (even
    one followed by "Year: 1963") does not cut the message."""
    if FROM_LINE.match(line) is None:
        return False
    known = False
    for _ in range(_HEADER_LOOKAHEAD):
        following = stream.readline(MAX_LINE)
        if _KNOWN_HEADER.match(following):
            known = True
            break
        if not (_HEADER.match(following) or following[:1] in (b" ", b"\t")):
            break
    stream.seek(offset)
    return known


def _opener(stream: BinaryIO, start: int, end: int) -> Callable[[], BinaryIO]:
    """The message's bytes, ``>From `` lines unescaped, streamed when the dispatcher asks."""
    return lambda: cast(BinaryIO, io.BufferedReader(_MessageReader(stream, start, end)))


class _MessageReader(io.RawIOBase):
    """Bytes ``start``..``end`` of the mbox, line by line, never more than a buffer held."""

    def __init__(self, stream: BinaryIO, start: int, end: int) -> None:
        self._stream = stream
        self._pos = start
        self._end = end
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        want = len(buffer)
        chunks = [self._pending]
        have = len(self._pending)
        if have < want and self._pos < self._end:
            self._stream.seek(self._pos)
            while have < want and self._pos < self._end:
                line = self._stream.readline(min(self._end - self._pos, MAX_LINE))
                if not line:
                    self._pos = self._end
                    break
                self._pos += len(line)
                line = _ESCAPED_FROM.sub(rb"\1", line)
                chunks.append(line)
                have += len(line)
        data = b"".join(chunks)
        n = min(want, len(data))
        buffer[:n] = data[:n]
        self._pending = data[n:]
        return n

"""ZIP archives: members are handed to the dispatcher, which sniffs and recurses into them.

Each member is checked against the limits before it is opened (encryption, declared
size, compression ratio, the file's remaining expansion budget) and counted while it
is read; an offending member is reported and skipped, the rest are still scanned.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    Notice,
    Place,
    archive_limit,
    join_member,
)
from connectors.files.extractors.zip_limits import bomb_reason, member_name
from connectors.files.limits import CountingReader, ExpansionBudget


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    budget = ctx.expansion or ExpansionBudget(ctx.limits.archive_max_expanded_bytes)
    with zipfile.ZipFile(stream) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        limit = ctx.limits.archive_max_members
        if len(infos) > limit:
            yield archive_limit(ctx, f"{len(infos)} members")
            infos = infos[:limit]
        for info in infos:
            name = member_name(info)
            at = Place(member=join_member(ctx.member, name))
            if info.flag_bits & 0x1:
                yield Notice("encrypted", "password-protected member", at)
                continue
            reason = bomb_reason(info, ctx)
            if reason is None and budget.used + info.file_size > budget.limit:
                reason = "member would exceed the archive expansion limit"
            if reason:
                yield Notice("zip_bomb", reason, at)
                continue
            yield Embedded(name, _opener(zf, info, budget), info.file_size, info.compress_size)


def _opener(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: ExpansionBudget
) -> Callable[[], BinaryIO]:
    def open_member() -> BinaryIO:
        reader = CountingReader(zf.open(info), declared=info.file_size, budget=budget)
        return cast(BinaryIO, reader)

    return open_member

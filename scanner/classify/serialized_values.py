"""Cell values that are documents of their own: PHP ``serialize`` output and JSON.

Shops and CMSs keep sessions, carts and profiles as one serialized cell
(``a:3:{s:6:"name01";s:6:"山田";s:5:"tel01";s:3:"090";...}``). Read as text, the
detector sees a phone number split over ``tel01``/``tel02``/``tel03`` keys and an address
split over ``addr01``/``addr02`` as noise. So the value is parsed, its split parts joined
the way split columns are (``scanner.classify.column_groups``), and each leaf is written as a
labelled line (``電話番号：090-1234-5678``) that the detector reads with its context.
"""

from __future__ import annotations

import json
import re

from scanner.classify.column_groups import find_groups
from scanner.classify.column_name_hints import column_hint

_PHP_START = re.compile(r"^[aO]:\d+:")
#: PHP's own session format (``session_encode``): ``name|<serialized>`` one after another
_SESSION_START = re.compile(rb"^[A-Za-z_][\w\-]*\|(?:[aOsidb]:|N;)")
_SESSION_KEY = re.compile(rb"([A-Za-z_][\w\-]*)\|")
_MAX_LEAVES = 500


class _PhpReader:
    """A minimal reader of PHP's ``serialize`` format (strings are counted in bytes)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def _until(self, stop: bytes) -> bytes:
        end = self.data.index(stop, self.pos)
        out = self.data[self.pos : end]
        self.pos = end + len(stop)
        return out

    def value(self) -> object:
        kind = self.data[self.pos : self.pos + 2]
        self.pos += 2
        if kind == b"N;":
            return None
        if kind in (b"i:", b"d:", b"b:"):
            return self._until(b";").decode()
        if kind == b"s:":
            length = int(self._until(b":"))
            text = self.data[self.pos + 1 : self.pos + 1 + length]
            self.pos += length + 3  # the quotes and the ';'
            return text.decode("utf-8", "replace")
        if kind == b"a:":
            return self._items(int(self._until(b":")))
        if kind == b"O:":
            self._until(b":")  # the class name's length
            self._until(b'":')  # the class name
            return self._items(int(self._until(b":")))
        raise ValueError("not PHP serialize")

    def _items(self, count: int) -> dict[str, object]:
        if self.data[self.pos : self.pos + 1] != b"{":
            raise ValueError("not PHP serialize")
        self.pos += 1
        out: dict[str, object] = {}
        for _ in range(count):
            key = self.value()
            # private and protected members carry "\0Class\0" before their name
            out[str(key).rsplit("\0", 1)[-1]] = self.value()
        self.pos += 1  # '}'
        return out


def _session(data: bytes) -> dict[str, object]:
    """``customer|a:2:{...}cart|s:3:"abc";``: each variable's name and its value."""
    reader = _PhpReader(data)
    out: dict[str, object] = {}
    while reader.pos < len(data) and len(out) < _MAX_LEAVES:
        m = _SESSION_KEY.match(data, reader.pos)
        if m is None:
            break
        reader.pos = m.end()
        out[m.group(1).decode()] = reader.value()
    if not out:
        raise ValueError("not a PHP session")
    return out


def parse(text: str) -> list[tuple[str, str]] | None:
    """(key, value) leaves of a serialized value in document order, or None."""
    text = text.strip()
    try:
        if _PHP_START.match(text):
            reader = _PhpReader(text.encode("utf-8"))
            document = reader.value()
        elif _SESSION_START.match(text.encode("utf-8")):
            document = _session(text.encode("utf-8"))
        elif text[:1] in "{[" and text[-1:] in "}]":
            document = json.loads(text)
        else:
            return None
    except (ValueError, IndexError):
        return None
    if not isinstance(document, dict | list):
        return None
    leaves: list[tuple[str, str]] = []
    _walk(document, "", leaves)
    return leaves


def _walk(node: object, key: str, out: list[tuple[str, str]]) -> None:
    if len(out) >= _MAX_LEAVES:
        return
    if isinstance(node, dict):
        for k, v in node.items():
            _walk(v, str(k), out)
    elif isinstance(node, list):
        for v in node:
            _walk(v, key, out)
    elif node is not None and str(node).strip():
        out.append((key, str(node).strip()))


def readable(text: str) -> str | None:
    """The value as labelled lines, split parts joined; None when it is not serialized."""
    leaves = parse(text)
    if not leaves:
        return None
    values: dict[str, str] = {}
    for key, value in leaves:
        values.setdefault(key, value)
    digits = {k for k, v in values.items() if v.isdigit() and len(v) <= 5}
    lines: list[str] = []
    grouped: set[str] = set()
    for group in find_groups(list(values), digits):
        joined = group.join([values.get(c) for c in group.columns])
        if joined:
            lines.append(f"{_label(group.columns[0], group.kind)}：{joined}")
            grouped.update(group.columns)
    for key, value in leaves:
        if key not in grouped:
            lines.append(f"{_label(key, None)}：{value}")
    return "\n".join(lines)


def _label(key: str, kind: str | None) -> str:
    """A label the detector's context knows: ``tel01`` -> 電話番号, ``name01`` -> 氏名."""
    hint = column_hint(key)
    if kind == "digits" and hint is None:
        return "電話番号"
    if hint is not None and hint.entity is not None and hint.context:
        return hint.context[0]
    return key


#: leaf keys that say the document is an organisation's (a shop's settings)
_ORGANISATION_KINDS = frozenset({"company_name", "corporate_number"})
#: leaf keys that say it is about a person
_PERSON_KINDS = frozenset({"person_name", "generic_name", "kana_name", "birth_date"})


def is_organisation_document(text: str) -> bool:
    """A serialized document that names a company and no person: a shop's or company's
    own settings (its address, phone and e-mail are corporate)."""
    leaves = parse(text)
    if not leaves:
        return False
    kinds = set()
    for key, _ in leaves:
        hint = column_hint(key)
        if hint is not None:
            kinds.add(hint.kind)
    return bool(kinds & _ORGANISATION_KINDS) and not kinds & _PERSON_KINDS

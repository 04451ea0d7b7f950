"""HTML and XML, streamed through lxml's pull parsers so large documents stay small.

HTML yields the text of each block element (a paragraph, a table cell's row); XML
yields ``element/path: text`` lines like JSON keys, so tag names act as context.
Entities are never resolved and nothing is fetched (no XXE, no billion laughs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, Notice, Place, TextChunk
from connectors.files.extractors.sheet import extract_sheet
from connectors.files.textio import iter_chunks, iter_lines, resolve_encoding

_BLOCKS = frozenset(
    "p div li dt dd h1 h2 h3 h4 h5 h6 pre blockquote address title caption "
    "section article header footer ul ol dl form label option body html".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head"})
_XML_DECL_CHARSET = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)", re.I)
_HTML_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9._-]+)", re.I)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def _codec(stream: BinaryIO, ctx: ExtractContext, pattern: re.Pattern[bytes]) -> str:
    """The declared charset when the bytes honour it, else the detected one."""
    from connectors.files.encoding import detect_encoding

    stream.seek(0)
    head = stream.read(4096)
    match = pattern.search(head)
    if match:
        guess = detect_encoding(head, declared=match.group(1).decode("ascii"))
        if guess is not None:
            return guess.encoding
    return resolve_encoding(stream, ctx)


def extract_html(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    from lxml import etree

    parser = etree.HTMLPullParser(events=("start", "end"), no_network=True)
    codec = _codec(stream, ctx, _HTML_META_CHARSET)
    state = _HtmlState()
    for line in iter_lines(stream, ctx, codec, head_only=True):
        parser.feed(line.text + "\n")
        yield from state.events(parser.read_events(), ctx)
        if state.over:
            return
    parser.close()
    # text straight under the document (no closing tag) only ends at close
    yield from state.events(parser.read_events(), ctx)
    if state.buf and not state.over:
        yield TextChunk("\n".join(state.buf), ctx.place())


class _HtmlState:
    """Block texts gathered across pull-parser events; ``over`` once the budget is spent."""

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.size = 0
        self.skipping = 0
        self.tables = 0
        self.over = False

    def events(self, events: Iterator[tuple[str, Any]], ctx: ExtractContext) -> Iterator[Item]:
        for event, elem in events:
            tag = elem.tag if isinstance(elem.tag, str) else ""
            if event == "start":
                self.skipping += tag in _SKIP
                continue
            if tag in _SKIP:
                self.skipping -= 1
                elem.clear(keep_tail=True)
                continue
            if tag == "table" and not self.skipping:
                self.tables += 1
                yield from _table(elem, f"table{self.tables}", ctx)
                continue
            if self.skipping or tag not in _BLOCKS:
                continue
            text = _SPACES.sub(" ", "".join(elem.itertext())).strip()
            elem.clear(keep_tail=True)
            if not text:
                continue
            if ctx.over_budget(len(text)):
                self.over = True
                return
            self.buf.append(text)
            self.size += len(text) + 1
            if self.size > ctx.limits.chunk_chars:
                yield TextChunk("\n".join(self.buf), ctx.place())
                self.buf, self.size = [], 0


def _table(elem: Any, name: str, ctx: ExtractContext) -> Iterator[Item]:
    """An HTML table is a sheet: with a header row its columns are classified."""
    rows = []
    for number, tr in enumerate(elem.iter("tr"), start=1):
        cells = [_SPACES.sub(" ", "".join(td.itertext())).strip() or None for td in tr]
        rows.append((number, cells))
    elem.clear(keep_tail=True)
    yield from extract_sheet(name, rows, ctx)


def extract_xml(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    """XML entries; a document that is not well-formed (an XML snippet saved as .txt) is
    read as text after what was parsed, like a broken JSON document."""
    from lxml import etree

    codec = _codec(stream, ctx, _XML_DECL_CHARSET)
    try:
        yield from _xml_entries(stream, ctx, codec)
    except etree.XMLSyntaxError:
        if ctx.report.truncated:
            return
        yield Notice("corrupt", "XML document not well-formed; read as text", ctx.place())
        stream.seek(0)
        yield from iter_chunks(iter_lines(stream, ctx, codec), ctx)


def _xml_entries(stream: BinaryIO, ctx: ExtractContext, codec: str) -> Iterator[Item]:
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False
    )
    path: list[str] = []
    buf: list[str] = []
    marks: list[tuple[int, Place]] = []
    keys: dict[str, None] = {}
    size = 0
    for line in iter_lines(stream, ctx, codec, head_only=True):
        parser.feed(line.text + "\n")
        for event, elem in parser.read_events():
            tag = etree.QName(elem).localname if isinstance(elem.tag, str) else ""
            if event == "start":
                path.append(tag)
                continue
            values = [v for v in elem.attrib.values() if v.strip()]
            direct = [elem.text or ""] + [child.tail or "" for child in elem]
            text = _SPACES.sub(" ", " ".join(values + direct)).strip()
            key = "/".join(path)
            path.pop()
            elem.clear(keep_tail=True)
            if not text:
                continue
            entry = f"{key}: {text}"
            if ctx.over_budget(len(entry)):
                return
            marks.append((size, ctx.place(key=key)))
            buf.append(entry)
            keys.setdefault(tag, None)
            size += len(entry) + 1
            if size > ctx.limits.chunk_chars:
                yield TextChunk("\n".join(buf), ctx.place(), tuple(keys)[:24], tuple(marks))
                buf, marks, keys, size = [], [], {}, 0
    if buf:  # what parsed well is kept even when the end is broken
        yield TextChunk("\n".join(buf), ctx.place(), tuple(keys)[:24], tuple(marks))
    parser.close()


def html_to_text(html: str) -> str:
    """Visible text of an HTML string already in memory (an e-mail body)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (ValueError, TypeError, etree.ParserError):
        return html
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return "\n".join(t.strip() for t in root.itertext() if t.strip())

"""One extractor per format, chosen by the sniffed type (see ``sniff.FileType``).

Modules are imported on first use, so scanning a folder of CSVs never loads pdfminer.
"""

from __future__ import annotations

import importlib
from types import MappingProxyType
from typing import TYPE_CHECKING

from connectors.files.sniff import FileType

if TYPE_CHECKING:
    from connectors.files.extractors.base import Extractor

#: file type -> (module in this package, function)
REGISTRY: MappingProxyType[FileType, tuple[str, str]] = MappingProxyType(
    {
        FileType.TEXT: ("text", "extract"),
        FileType.CSV: ("delimited", "extract"),
        FileType.TSV: ("delimited", "extract_tsv"),
        FileType.JSON: ("json_doc", "extract"),
        FileType.JSONL: ("json_doc", "extract_lines"),
        FileType.HTML: ("markup", "extract_html"),
        FileType.XML: ("markup", "extract_xml"),
        FileType.EML: ("eml", "extract"),
        FileType.MBOX: ("mbox", "extract"),
        FileType.TNEF: ("tnef", "extract"),
        FileType.RTF: ("rtf", "extract"),
        FileType.MSG: ("msg", "extract"),
        FileType.XLSX: ("xlsx", "extract"),
        FileType.XLS: ("xls", "extract"),
        FileType.DOCX: ("word", "extract"),
        FileType.DOC: ("word97", "extract"),
        FileType.PPTX: ("slides", "extract"),
        FileType.PPT: ("ppt97", "extract"),
        FileType.ODT: ("opendocument", "extract_text_document"),
        FileType.ODS: ("opendocument", "extract_spreadsheet"),
        FileType.ODP: ("opendocument", "extract_presentation"),
        FileType.PDF: ("pdf", "extract"),
        FileType.IMAGE: ("image", "extract"),
        FileType.ZIP: ("archive", "extract"),
        FileType.COMPRESSED: ("compressed", "extract_compressed"),
        FileType.TAR: ("compressed", "extract_tar"),
        FileType.SEVEN_ZIP: ("sevenzip", "extract"),
        FileType.OTHER_ARCHIVE: ("other_archive", "extract"),
        FileType.SQLITE: ("sqlite_db", "extract"),
    }
)


def extractor_for(file_type: FileType) -> Extractor | None:
    entry = REGISTRY.get(file_type)
    if entry is None:
        return None
    module = importlib.import_module(f"{__name__}.{entry[0]}")
    return getattr(module, entry[1])

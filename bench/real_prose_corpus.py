"""Real annotated Japanese prose, read from corpora you fetch yourself (none is committed).

* UD Japanese GSD with NE annotation (megagonlabs/UD_Japanese-GSD, CC BY-SA 4.0):
  encyclopedic and web sentences with OntoNotes-style entities (``spacy/*.ne.spacy``);
  the PERSON entities are the gold names.
* KWDLC (ku-nlp/KWDLC): the lead three sentences of web documents (news, blogs,
  encyclopedic and commercial pages) in KNP format; PERSON spans are ``<NE:PERSON:…>``
  tags, the split comes from ``id/train.id`` and ``id/test.id``. It states no licence,
  so it is only ever a confirm set: nothing is trained on it.
* Wikipedia Annotated Corpus (ku-nlp/WikipediaAnnotatedCorpus, CC BY-SA 4.0): Japanese
  Wikipedia articles in the same KNP format, split by ``id/{train,dev,test}.id``.

Either path may be the repository's git directory (as the search tool's ``fetch`` leaves
it, read with ``git show``) or a checked-out folder. Only PERSON is annotated as personal
data in these corpora; a sentence without a PERSON span holds no personal data, which is
what the false-alarm rate is counted on.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.detect_corpus import Doc, Span

PERSON = "PERSON"
_KNP_NE = re.compile(r"<NE:PERSON:([^>]+)>")


@dataclass(frozen=True)
class ProseDoc:
    """A document and where its sentences are, for sentence-level false-alarm rates."""

    doc: Doc
    sentences: tuple[tuple[int, int], ...]

    def personal_sentences(self) -> tuple[bool, ...]:
        """For each sentence, whether a gold span lies in it."""
        return tuple(
            any(s.start < end and start < s.end for s in self.doc.spans)
            for start, end in self.sentences
        )


class Source:
    """Files of a fetched repository: a git directory (``fetch``) or a working tree."""

    def __init__(self, path: Path):
        self.path = Path(path)
        inner = self.path / ".git"
        if inner.is_dir() and all(p.name == ".git" for p in self.path.iterdir()):
            self.path = inner  # a snapshot that is a clone with no files checked out
        self.is_git = not (self.path / ".git").exists() and (self.path / "HEAD").is_file()

    def read(self, name: str) -> str:
        if self.is_git:
            return subprocess.run(
                ["git", f"--git-dir={self.path}", "show", f"HEAD:{name}"],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
        return (self.path / name).read_text(encoding="utf-8")

    def read_bytes(self, name: str) -> bytes:
        if self.is_git:
            return subprocess.run(
                ["git", f"--git-dir={self.path}", "show", f"HEAD:{name}"],
                capture_output=True, check=True,
            ).stdout  # fmt: skip
        return (self.path / name).read_bytes()

    def names(self, under: str) -> list[str]:
        if self.is_git:
            out = subprocess.run(
                ["git", f"--git-dir={self.path}", "ls-tree", "-r", "--name-only", "HEAD", under],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            return sorted(out.split())
        return sorted(str(p.relative_to(self.path)) for p in (self.path / under).rglob("*"))

    def read_many(self, names: list[str]) -> dict[str, str]:
        """Many files at once (one ``git cat-file --batch`` rather than a process each)."""
        if not self.is_git:
            return {n: self.read(n) for n in names}
        request = "".join(f"HEAD:{n}\n" for n in names).encode()
        out = subprocess.run(
            ["git", f"--git-dir={self.path}", "cat-file", "--batch"],
            input=request, capture_output=True, check=True,
        ).stdout  # fmt: skip
        texts: dict[str, str] = {}
        pos = 0
        for name in names:
            header_end = out.index(b"\n", pos)
            size = int(out[pos:header_end].split()[2])
            body = out[header_end + 1 : header_end + 1 + size]
            texts[name] = body.decode("utf-8")
            pos = header_end + 1 + size + 1
        return texts


# --- UD Japanese GSD -----------------------------------------------------------------


def gsd(path: Path, split: str) -> list[ProseDoc]:
    """The sentences of one GSD split (train, dev, test), one document each.

    Read from ``spacy/ja_gsd-ud-{split}.ne.spacy`` (spaCy DocBins of ten sentences with
    their entities; the train ``.conllu`` is too large for a fetched snapshot).
    """
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    data = Source(path).read_bytes(f"spacy/ja_gsd-ud-{split}.ne.spacy")
    docs: list[ProseDoc] = []
    for n, batch in enumerate(DocBin().from_bytes(data).get_docs(Vocab())):
        persons = [e for e in batch.ents if e.label_ == PERSON]
        for k, sent in enumerate(batch.sents):
            text = sent.text.rstrip()
            if not text:
                continue
            base = sent.start_char
            spans = tuple(
                Span(e.start_char - base, e.end_char - base, PERSON, "gsd")
                for e in persons
                if sent.start <= e.start < sent.end
            )
            docs.append(ProseDoc(Doc(f"gsd-{split}-{n}-{k}", text, spans), ((0, len(text)),)))
    return docs


# --- KNP corpora: KWDLC, Wikipedia Annotated Corpus ------------------------------------


def knp(path: Path, split: str) -> list[ProseDoc]:
    """The documents of one split of a KNP corpus, their sentences joined as written."""
    source = Source(path)
    wanted = set(source.read(f"id/{split}.id").split())
    names = [n for n in source.names("knp") if n.endswith(".knp") and Path(n).stem in wanted]
    return [_knp_doc(Path(name).stem, text) for name, text in source.read_many(names).items()]


def _knp_doc(doc_id: str, knp: str) -> ProseDoc:
    text_parts: list[str] = []
    spans: list[Span] = []
    sentences: list[tuple[int, int]] = []
    pos = 0
    sentence_start = 0
    pending: list[str] = []  # names tagged on the current basic phrase
    phrase_start = 0

    def close_phrase() -> None:
        joined = "".join(text_parts)
        for name in pending:
            hit = joined.rfind(name, 0, pos)
            if hit != -1 and hit + len(name) > phrase_start:
                spans.append(Span(hit, hit + len(name), PERSON, "kwdlc"))
        pending.clear()

    for line in knp.splitlines():
        if line.startswith("# S-ID") or line.startswith("*"):
            continue
        if line == "EOS":
            close_phrase()
            sentences.append((sentence_start, pos))
            sentence_start = pos
            continue
        if line.startswith("+"):
            close_phrase()
            phrase_start = pos
            pending.extend(_KNP_NE.findall(line))
            continue
        surface = line.split(" ", 1)[0]
        text_parts.append(surface)
        pos += len(surface)
    text = "".join(text_parts)
    return ProseDoc(
        Doc(doc_id, text, tuple(sorted(set(spans), key=lambda s: s.start))), tuple(sentences)
    )


# --- IOB2 corpora: Hironsan/IOB2Corpus ------------------------------------------------

#: the files of Hironsan/IOB2Corpus: Japanese Wikipedia paragraphs and Wikinews sentences
IOB2_FILES = {"wikipedia": "ja.wikipedia.conll", "wikinews": "hironsan.txt"}
_IOB2_PERSON = ("PERSON", "PSN")


def iob2(path: Path, which: str) -> list[ProseDoc]:
    """The paragraphs of one IOB2 file (token TAB ... TAB label), one document each.

    IREX-style labels (B-PERSON / B-PSN); a paragraph is cut into sentences after 。 for
    the false-alarm rate.
    """
    raw = Source(path).read(IOB2_FILES[which])
    docs = []
    for n, block in enumerate(raw.split("\n\n")):
        rows = [line.split("\t") for line in block.split("\n") if line.strip("\n")]
        text, spans, start = "", [], None
        for row in rows + [["", "O"]]:
            label = row[-1].strip()
            if start is not None and not (label.startswith("I-") and label[2:] in _IOB2_PERSON):
                spans.append(Span(start, len(text), PERSON, "iob2"))
                start = None
            if label.startswith("B-") and label[2:] in _IOB2_PERSON:
                start = len(text)
            text += row[0]
        if not text.strip():
            continue
        cuts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "。" and i + 1 < len(text)]
        sentences = tuple(zip(cuts, cuts[1:] + [len(text)], strict=True))
        docs.append(ProseDoc(Doc(f"iob2-{which}-{n}", text, tuple(spans)), sentences))
    return docs

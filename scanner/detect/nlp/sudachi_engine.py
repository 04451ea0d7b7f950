"""Fast mode's NLP engine: SudachiPy part-of-speech, no neural network."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from presidio_analyzer.nlp_engine import NlpEngine

from scanner.detect.nlp.artifacts import JapaneseNlpArtifacts, Morpheme
from scanner.detect.nlp.table_cells import table_cells

# SudachiPy refuses inputs over ~48 KiB of UTF-8; lines are cut well below that.
_MAX_PIECE_CHARS = 4000


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, piece) covering ``text`` in line-sized pieces Sudachi accepts."""
    pos = 0
    for line in text.splitlines(keepends=True):
        while len(line) > _MAX_PIECE_CHARS:
            cut = _MAX_PIECE_CHARS
            for sep in ("。", "、", " ", ","):
                found = line.rfind(sep, _MAX_PIECE_CHARS // 2, _MAX_PIECE_CHARS)
                if found != -1:
                    cut = found + 1
                    break
            yield pos, line[:cut]
            pos += cut
            line = line[cut:]
        body = line.rstrip("\r\n")
        if body.strip():
            # without its line break, so a line tokenises the same alone or in a batch
            yield pos, body
        pos += len(line)


class _Memo(dict):
    """A dict that fills a missing key with ``fill(key)``: look-ups of known keys stay in C."""

    __slots__ = ("fill",)

    def __init__(self, fill: Callable) -> None:
        super().__init__()
        self.fill = fill

    def __missing__(self, key):
        value = self[key] = self.fill(key)
        return value


class SudachiNlpEngine(NlpEngine):
    """Tokenise with SudachiPy (split mode C) and keep each morpheme's POS and offsets."""

    def __init__(self) -> None:
        self._dictionary = None
        self._tokenizer = None
        self._mode = None
        self._entries: dict[str, frozenset[str]] = _Memo(self._entry_kinds)
        self._surnames: dict[str, bool] = _Memo(self._is_surname)
        # The name recognizer asks these of nearly every token: bound to the caches' own
        # look-up, a known surface costs no Python call (the first time fills the cache).
        #: entry_kinds(surface): what the dictionary lists it as (人名-姓, 地名-一般 ...)
        self.entry_kinds = self._entries.__getitem__
        #: is_surname(surface): whether the dictionary has it as a surname (小川 is also a stream)
        self.is_surname = self._surnames.__getitem__

    def load(self) -> None:
        from sudachipy import Dictionary, SplitMode

        self._dictionary = Dictionary(dict="core")
        self._mode = SplitMode.C
        # the split mode fixed at creation (tokenize's mode argument is deprecated) and one
        # MorphemeList reused for every piece: morphemes are read out before the next call.
        # Of the dictionary's word fields only the part of speech is read, and the numeral
        # joiner needs the normalised form (without it 五３6千1 is one number, not four):
        # not decoding readings, dictionary forms and splits saves ~15 % of tokenising.
        self._tokenizer = self._dictionary.create(
            mode=self._mode, fields={"pos", "normalized_form"}
        )
        self._out = self._tokenizer.tokenize("")
        # the morpheme class's own methods, called on each token: no bound method is made
        # per call (Morpheme.surface(m) is m.surface())
        from sudachipy import Morpheme as SudachiMorpheme

        self._reads = (
            SudachiMorpheme.surface,
            SudachiMorpheme.part_of_speech,
            SudachiMorpheme.is_oov,
        )

    def _is_surname(self, surface: str) -> bool:
        return "人名-姓" in self._entries[surface]

    def _entry_kinds(self, surface: str) -> frozenset[str]:
        """What the dictionary lists ``surface`` as: 人名-姓, 地名-一般, 名詞-普通名詞."""
        if self._dictionary is None:
            self.load()
        return frozenset(
            f"{pos[2]}-{pos[3]}" if pos[1] == "固有名詞" else f"{pos[0]}-{pos[1]}"
            for pos in (m.part_of_speech() for m in self._dictionary.lookup(surface))
        )

    def is_loaded(self) -> bool:
        return self._tokenizer is not None

    def morphemes(self, text: str) -> list[Morpheme]:
        """One Morpheme per token but line-break whitespace, offsets into ``text``.

        Sudachi's morphemes cover their piece without gap or overlap, so a token's offsets
        are the running sum of the surfaces' lengths (what ``begin()`` / ``end()`` return,
        two calls into the library fewer per token); a piece whose surfaces do not add up
        to its length is read again with ``begin()`` / ``end()``. The surfaces of a piece
        without a space come in one string (``str`` of the MorphemeList) split at its spaces.
        """
        if self._tokenizer is None:
            self.load()
        out: list[Morpheme] = []
        append = out.append
        tokenize = self._tokenizer.tokenize
        reuse = self._out
        surface_of, pos_of, oov = self._reads
        new = tuple.__new__  # Morpheme(...) without the named tuple's Python-level __new__
        for offset, piece in _pieces(text):
            mark = len(out)
            pos = offset
            tokens = tokenize(piece, out=reuse)
            # all the surfaces in one string, a space between two (str of a MorphemeList):
            # split at the spaces, they are the surfaces when the piece holds no space of
            # its own (one string from the library instead of one call per token)
            surfaces = str(tokens).split(" ") if " " not in piece else ()
            if len(surfaces) != len(tokens):
                surfaces = map(surface_of, tokens)  # (one call per token)
            for m, surface in zip(tokens, surfaces, strict=True):
                end = pos + len(surface)
                if not surface.isspace() or surface == " ":
                    append(new(Morpheme, (pos, end, surface, pos_of(m), oov(m))))
                pos = end
            if pos - offset != len(piece):  # never seen; kept so offsets can never drift
                del out[mark:]
                for m in tokenize(piece, out=reuse):
                    surface = m.surface()
                    if surface.isspace() and surface != " ":
                        continue
                    append(
                        new(Morpheme, (offset + m.begin(), offset + m.end(), surface,
                                       m.part_of_speech(), m.is_oov()))
                    )  # fmt: skip
        return out

    def process_text(self, text: str, language: str) -> JapaneseNlpArtifacts:
        return JapaneseNlpArtifacts(self.morphemes(text), [], self, table_cells(text))

    def process_batch(
        self, texts: Iterable[str], language: str, batch_size: int = 1, n_process: int = 1, **kw
    ) -> Iterator[tuple[str, JapaneseNlpArtifacts]]:
        for text in texts:
            yield text, self.process_text(text, language)

    def is_stopword(self, word: str, language: str) -> bool:
        return False

    def is_punct(self, word: str, language: str) -> bool:
        return not any(c.isalnum() for c in word)

    def get_supported_entities(self) -> list[str]:
        return []

    def get_supported_languages(self) -> list[str]:
        return ["ja"]

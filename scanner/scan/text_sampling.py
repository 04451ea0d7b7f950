"""Sample mode: which of a file's text the detector reads.

A file's inventory entry answers "which kinds of personal data does this file hold, and
where", not "how many times": a 5 MB log that writes the same line shape a hundred
thousand times with other numbers in it needs a few of those lines read, not all of
them. In sample mode (the default for file shares) the scanner therefore reads, per file:

- all text up to ``head_chars`` characters (a file no longer than that is read whole);
- after that, only lines whose *shape* (the line with each digit written as 0) the file
  has shown fewer than ``line_repeats`` times: a log's template lines are not read again
  and again, a line that differs in more than its numbers (another name, another address)
  is read;
- of a chunk whose new lines are at most one ``stride``-th of it, those lines (a rare
  line in a log is always read); of chunks of mostly new text, one in ``stride``; each time
  ``saturation`` chunks in a row bring no entity kind the file had not shown yet, the
  stride doubles (up to 64), so a long file is still sampled to its end;
- always the first chunk of every byte window the connector read (a late window of a
  huge log is never left out).

What was not read is stated: the file's report is marked ``sampled`` and its findings
carry ``coverage`` (the share of the extracted characters the detector read). A finding's
``count`` counts what was read. Full mode (``mode = "full"``) and the subject index read
every character.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from connectors.files.extractors.base import TextChunk

#: a line's shape: every decimal digit (ASCII or full-width) written as 0
_SHAPE = str.maketrans({d: "0" for d in "123456789１２３４５６７８９０"})
#: distinct line shapes remembered per file; past this, lines are read unfiltered
MAX_SHAPES = 200_000
MAX_STRIDE = 64


@dataclass(frozen=True)
class SamplingSettings:
    """The crawl settings of sample mode's analysis (see ``CrawlSettings``)."""

    head_chars: int = 65_536
    stride: int = 8
    saturation: int = 8
    line_repeats: int = 3

    @classmethod
    def from_crawl(cls, config: object) -> SamplingSettings | None:
        """The settings of a files or SMB source in sample mode; None in full mode."""
        if getattr(config, "mode", "full") != "sample":
            return None
        return cls(
            head_chars=config.sample_analysis_head_chars,  # type: ignore[attr-defined]
            stride=config.sample_analysis_stride,  # type: ignore[attr-defined]
            saturation=config.sample_analysis_saturation,  # type: ignore[attr-defined]
            line_repeats=config.sample_line_repeats,  # type: ignore[attr-defined]
        )


class TextSampler:
    """One file's sample: ``admit`` each chunk in order, ``found`` what its analysis gave."""

    def __init__(self, settings: SamplingSettings) -> None:
        self.settings = settings
        self._shapes: dict[int, int] = {}  # hash of a line shape -> lines read
        self._kinds: set[str] = set()
        self._window: object = None
        self._stride = max(1, settings.stride)
        self._since = 0  # chunks skipped since the last one read
        self._dry = 0  # chunks read in a row that showed nothing new
        self.chars_seen = 0
        self.chars_read = 0

    @property
    def coverage(self) -> float:
        return self.chars_read / self.chars_seen if self.chars_seen else 1.0

    def admit(self, chunk: TextChunk) -> TextChunk | None:
        """The part of ``chunk`` to analyse, or None to skip it entirely."""
        self.chars_seen += len(chunk.text)
        window = (chunk.place.member, chunk.place.offset)
        new_window = window != self._window
        self._window = window
        in_head = self.chars_read < self.settings.head_chars
        lines, keep, counts = self._fresh_lines(chunk, blank=not in_head)
        if not any(keep):
            return None  # only lines of shapes read often enough: no stride step either
        if lines is None or all(keep):
            fresh = len(chunk.text)
        else:
            fresh = sum(len(line) for line, k in zip(lines, keep, strict=True) if k)
        # a chunk that is mostly lines already read costs little: its few new lines (a
        # rare unique line in a log) are always read; a chunk of mostly new text is read
        # one in ``stride``
        if not in_head and not new_window and fresh * self._stride > len(chunk.text):
            self._since += 1
            if self._since < self._stride:
                return None
        self._since = 0
        shapes = self._shapes
        for key, n in counts.items():
            if key in shapes or len(shapes) < MAX_SHAPES:
                shapes[key] = shapes.get(key, 0) + n
        dropped = lines is not None and any(
            not k and line.strip() for line, k in zip(lines, keep, strict=True)
        )
        if not dropped:
            text = chunk.text  # (blank lines are never dropped: the head is read as it is)
        else:
            text = "\n".join(
                line if k or not line.strip() else "" for line, k in zip(lines, keep, strict=True)
            )
        self.chars_read += len(text)
        return chunk if text is chunk.text else replace(chunk, text=text)

    def found(self, kinds: set[str]) -> None:
        """The entity kinds analysis found in the last admitted chunk."""
        new = bool(kinds - self._kinds)
        self._kinds |= kinds
        if self.chars_read < self.settings.head_chars:
            return
        if new:
            self._dry = 0
            return
        self._dry += 1
        if self._dry >= self.settings.saturation:
            self._stride = min(self._stride * 2, MAX_STRIDE)
            self._dry = 0

    def _fresh_lines(
        self, chunk: TextChunk, *, blank: bool
    ) -> tuple[list[str] | None, list[bool], dict[int, int]]:
        """The chunk's lines, which of them to read and the shapes they add. Past the head
        (``blank``) a line whose shape was read ``line_repeats`` times is left out (its
        line break kept, so line numbers stay right); in the head shapes are only counted.
        Chunks with marks (cells, paragraphs) are read whole: their offsets map to places."""
        repeats = self.settings.line_repeats
        if repeats <= 0 or chunk.marks:
            return None, [True], {}
        shapes = self._shapes
        lines = chunk.text.split("\n")
        keep: list[bool] = []
        counts: dict[int, int] = {}
        for line in lines:
            if not line.strip():
                keep.append(False)
                continue
            key = hash(line.translate(_SHAPE))
            n = counts.get(key, 0)
            fresh = not blank or shapes.get(key, 0) + n < repeats
            if fresh:
                counts[key] = n + 1
            keep.append(fresh)
        return lines, keep, counts

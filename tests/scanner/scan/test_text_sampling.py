"""Sample mode's analysis sample: small files whole, long ones by line shape and stride."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from connectors.files.extractors.base import Place, TextChunk
from scanner.scan.text_sampling import MAX_STRIDE, SamplingSettings, TextSampler
from tests.connectors.files.conftest import make_config, scan
from tests.fakes import FakeDetector

TEMPLATE = "2024-04-01 12:{m:02d}:{s:02d} INFO job={n} tel=090-1234-{t:04d} done\n"
LATE = "2024-04-02 08:00:00 WARN 問い合わせ 佐藤花子 hanako@example.jp\n"


def _log(lines: int) -> str:
    return "".join(
        TEMPLATE.format(m=i // 60 % 60, s=i % 60, n=i, t=i % 10_000) for i in range(lines)
    )


class CountingDetector(FakeDetector):
    """The fake detector, counting the characters it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.chars = 0

    def analyze(self, text, context=()):
        self.chars += len(text)
        return super().analyze(text, context)


def test_a_file_within_the_head_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.log").write_text(_log(200))
    detector = CountingDetector()
    out = scan(tmp_path, detector=detector)
    (phone,) = out.findings
    assert phone.count == 200
    assert "coverage" not in phone.evidence and phone.evidence["sampled"] is False
    assert detector.chars >= len(_log(200)) - 5  # (chunks lose trailing blanks)


def test_a_long_log_is_read_by_line_shape_and_still_finds_a_late_unique_line(
    tmp_path: Path,
) -> None:
    body = _log(40_000)  # ~2.4 MB, one line shape with other numbers
    (tmp_path / "big.log").write_text(body + LATE + _log(100))
    detector = CountingDetector()
    out = scan(tmp_path, detector=detector, per_file_budget_mb=8)
    assert out.entities("big.log") == {"PHONE_NUMBER", "PERSON", "EMAIL_ADDRESS"}
    person = next(f for f in out.findings if f.entity == "PERSON")
    assert person.evidence["places"] == [{"line": 40_001}]  # line numbers survive blanking
    assert person.evidence["sampled"] is True
    assert 0 < person.evidence["coverage"] < 0.2
    assert detector.chars < 0.2 * len(body)

    full = scan(tmp_path, detector=CountingDetector(), mode="full")
    assert full.entities("big.log") == out.entities("big.log")
    assert next(f for f in full.findings if f.entity == "PHONE_NUMBER").count == 40_100


def test_line_repeats_zero_reads_every_line_of_the_head_and_strides_the_rest(
    tmp_path: Path,
) -> None:
    (tmp_path / "big.log").write_text(_log(40_000))
    detector = CountingDetector()
    scan(tmp_path, detector=detector, sample_line_repeats=0, sample_analysis_head_chars=10_000)
    text = len(_log(40_000))
    assert detector.chars < text / 8 + 20_000  # the head, then one chunk in 8 or fewer


def _chunk(i: int, window: int | None = None) -> TextChunk:
    return TextChunk(f"line {i} 山田太郎 unique-{i}-" + "x" * 90, Place(offset=window))


def test_the_stride_doubles_on_chunks_that_bring_nothing_new_up_to_a_cap() -> None:
    sampler = TextSampler(SamplingSettings(head_chars=0, stride=2, saturation=2, line_repeats=0))
    admitted = []
    for i in range(5_000):
        if sampler.admit(_chunk(i)) is not None:
            admitted.append(i)
            sampler.found({"PERSON"})
    gaps = [b - a for a, b in zip(admitted, admitted[1:], strict=False)]
    assert gaps[0] == 2 and max(gaps) == MAX_STRIDE and gaps == sorted(gaps)


def test_a_new_entity_kind_resets_the_saturation_count() -> None:
    sampler = TextSampler(SamplingSettings(head_chars=0, stride=2, saturation=2, line_repeats=0))
    kinds = iter(["A", "B", "C", "D", "E", "F", "G", "H"])
    admitted = []
    for i in range(40):
        if sampler.admit(_chunk(i)) is not None:
            admitted.append(i)
            sampler.found({next(kinds, "H")})
    assert admitted[:8] == list(range(0, 16, 2))  # all new: the stride stays 2


def test_the_first_chunk_of_every_byte_window_is_read() -> None:
    sampler = TextSampler(SamplingSettings(head_chars=0, stride=64, saturation=1, line_repeats=0))
    windows = [w for w in range(10) for _ in range(5)]
    read = {
        w for i, w in enumerate(windows) if sampler.admit(_chunk(i, window=w * 1000)) is not None
    }
    assert read == set(range(10))


def test_chunks_with_marks_are_never_blanked() -> None:
    sampler = TextSampler(SamplingSettings(head_chars=0, line_repeats=1, stride=1))
    marked = TextChunk("a 1\na 2\na 3", Place(), marks=((0, Place(cell="A1")),))
    assert sampler.admit(marked) is marked
    plain = TextChunk("b 1\nb 2\nb 3", Place())
    assert sampler.admit(plain).text == "b 1\n\n"


def test_a_head_chunk_with_blank_lines_is_read_as_it_is() -> None:
    sampler = TextSampler(SamplingSettings(head_chars=10_000, line_repeats=1))
    chunk = TextChunk("a 1\n   \n\nb 2", Place())
    assert sampler.admit(chunk) is chunk


def test_full_mode_has_no_sampler() -> None:
    assert SamplingSettings.from_crawl(make_config(Path("."), mode="full")) is None
    settings = SamplingSettings.from_crawl(make_config(Path("."), sample_analysis_stride=4))
    assert settings is not None and settings.stride == 4


@pytest.mark.parametrize(
    "field", ["sample_analysis_stride", "sample_analysis_saturation", "sample_line_repeats"]
)
def test_nonsense_sampling_settings_are_config_errors(field: str) -> None:
    with pytest.raises(ValidationError):
        make_config(Path("."), **{field: -1})


def test_the_scan_counts_the_files_read_in_part(tmp_path: Path, monkeypatch) -> None:
    from scanner.config import parse_config
    from scanner.scan.driver import run_scan

    share = tmp_path / "share"
    share.mkdir()
    (share / "big.log").write_text(_log(40_000))
    (share / "small.log").write_text(_log(10))
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    config = parse_config(
        f'[[sources]]\ntype = "files"\nname = "share"\nroot = "{share}"\n', tmp_path
    )
    outcome = run_scan(config, tmp_path / "out", detector=FakeDetector())
    (status,) = outcome.sources
    assert status.stats["items_in_part"] == 1 and status.stats["items_read"] == 2

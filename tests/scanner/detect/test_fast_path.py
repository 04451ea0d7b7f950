"""Fast mode's shortcuts give exactly what the plain path gives (issue 14).

Each shortcut — the detector's own run of presidio's analysis steps, the one-regex check
before a context window is scanned word by word, validation remembered per value, the
required-regex check before a pattern runs, the one-table normalisation — is compared
with the plain computation over the synthetic corpora and over random strings.
"""

from __future__ import annotations

import random
import unicodedata

import pytest

from bench.detect_corpus import generate
from scanner.detect.context_enhancer import (
    CANCELLED,
    alternation,
    find_context,
    find_word,
    rfind_word,
)
from scanner.detect.detector import _resolve_overlaps, may_hold_personal_data
from scanner.detect.recognizers.jp_employer_recognizer import JpEmployerRecognizer
from scanner.detect.recognizers.jp_phone_recognizer import JpPhoneRecognizer
from scanner.detect.text_normalizer import NormalizedText, _fold_char, _fold_digit_dashes
from scanner.detect.text_normalizer import normalize as fast_normalize

DOCS = [d.text for d in generate(120)]


def _key(results) -> list[tuple]:
    return [
        (r.entity_type, r.start, r.end, round(r.score, 9),
         (r.recognition_metadata or {}).get("recognizer_name"))
        for r in results
    ]  # fmt: skip


@pytest.mark.parametrize("context", [None, ["電話番号"], ["氏名", "name"]])
def test_own_pipeline_equals_presidio_analyze(fast_detector, context):
    analyzer = fast_detector.analyzer
    lean = fast_detector._pipeline()
    for text in DOCS:
        plain = analyzer.analyze(
            text=text, language="ja", context=context,
            score_threshold=fast_detector.threshold, return_decision_process=True,
        )  # fmt: skip
        ours = lean.analyze(text, context)
        assert _key(_resolve_overlaps(ours, None)) == _key(_resolve_overlaps(plain, None)), text


def _plain_find_context(text, start, end, positive, negative, window, floor=0, crosses=False):
    """find_context as first written: every word through rfind_word / find_word."""
    lo = max(floor, start - window[0])
    before = text[lo:start].lower()
    cut = before.rfind("\x1e")
    if cut != -1:
        before = before[cut + 1 :]
    after = text[end : end + window[1]].lower()
    for stop in ("\x1e",) if crosses else ("\n", "\x1e"):
        cut = after.find(stop)
        if cut != -1:
            after = after[:cut]
    pos_before, word_before = -1, ""
    for word in positive:
        pos = rfind_word(before, word)
        if pos > pos_before:
            pos_before, word_before = pos, word
    if max((rfind_word(before, w) for w in negative), default=-1) > pos_before:
        return CANCELLED
    if pos_before != -1:
        return word_before, "before"
    pos_after, word_after = len(after) + 1, ""
    for word in positive:
        pos = find_word(after, word)
        if pos != -1 and pos < pos_after:
            pos_after, word_after = pos, word
    if word_after:
        neg_after = min(
            (p for w in negative if (p := find_word(after, w)) != -1), default=len(after)
        )
        if neg_after >= pos_after:
            return word_after, "after"
    return None


def test_context_scan_equals_word_by_word_scan():
    rng = random.Random(14)
    alphabet = "氏名様カナダード入社日tel ab\n\x1e:：0"
    positive = ["氏名", "様", "カナ", "tel", "a", "名", "カード"]
    negative = ["入社日", "ダ", "b", "tel:"]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        window = (rng.randint(0, 30), rng.randint(0, 12))
        floor = rng.randint(0, start)
        crosses = rng.random() < 0.3
        pos, neg = rng.sample(positive, rng.randint(1, 4)), rng.sample(negative, rng.randint(0, 3))
        want = _plain_find_context(text, start, end, pos, neg, window, floor, crosses)
        quick = (alternation(pos), alternation(neg))
        for q in ((None, None), quick):
            got = find_context(text, start, end, pos, neg, window, floor, crosses, q)
            assert got == want, (text, start, end, pos, neg, window, floor, crosses)


def _plain_normalize(text: str) -> NormalizedText:
    """The one-for-one case of normalize, character by character as first written."""
    folded = [_fold_char(c) for c in text]
    assert all(len(f) == 1 for f in folded)
    if any(c in "ーｰ" for c in text):
        folded = _fold_digit_dashes(text, folded)
    return NormalizedText(text, "".join(folded))


def test_one_table_normalisation_equals_folding_each_character():
    rng = random.Random(14)
    pool = "山田太郎ＡＢＣ１２３abc-‐－―ーｰ一〒＠@　 ｱｲｳ電話０９０\n" + "".join(DOCS[:20])
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 30)))
        if "ﾞ" in text or "ﾟ" in text or any(len(_fold_char(c)) != 1 for c in text):
            continue
        assert fast_normalize(text) == _plain_normalize(text)
    for code in range(0x20, 0x3100):  # every character alone, through the table
        ch = chr(code)
        if unicodedata.category(ch) == "Cs" or ch in "ﾞﾟ" or len(_fold_char(ch)) != 1:
            continue
        assert fast_normalize(ch).text == _plain_normalize(ch).text


def test_a_rejected_value_stays_rejected_when_seen_again():
    phone = JpPhoneRecognizer()
    text = "電話 090-0000-0000 と 090-0000-0000"  # not a valid number: rejected both times
    assert phone.analyze(text, ["PHONE_NUMBER"]) == []
    assert phone.analyze(text, ["PHONE_NUMBER"]) == []
    valid = "電話 090-1234-5678 と 090-1234-5678"
    assert len(phone.analyze(valid, ["PHONE_NUMBER"])) == 2


def _ungated(recognizer):
    """The recognizer with every pattern's gate (digit runs, substrings, regex) open and
    every pattern scanned at every start (no ANCHORS)."""
    recognizer._gates = {name: (0, 0, (), None, g[4]) for name, g in recognizer._gates.items()}
    recognizer._anchors = {}
    return recognizer


def test_anchored_patterns_find_what_finditer_finds():
    """A pattern with ANCHORS tried only near its anchors gives finditer's matches, on the
    corpora and on random strings of the pieces its matches are made of (close together,
    overlapping, at the reach's edge)."""
    from bench.heldout_corpus import generate as generate_heldout
    from scanner.detect.recognizers.pattern_base import near_anchors
    from scanner.detect.recognizers.registry import FAST_RECOGNIZERS

    rng = random.Random(26)
    docs = [d.text for d in generate(1500)] + [d.text for d in generate_heldout()]
    docs += [fast_normalize(t).text for t in docs[::3]]
    pieces = (
        "株式会社 有限会社 (株) 勤務先 所属 山田 商事 ・ & A 1 と診断 で通院 にて入院 の薬を服用 "
        "糖尿病 うつ病 そううつ病 ヘルニア ウイルス陽性 がん 高血圧症 の 東京都 神奈川県 横浜市 "
        "中区 港町 1丁目 2番地 3-4 5番 6条 三丁目 四百六十一番地 ビル 101号室 住所 お届け先 "
        "日本 中国 アイウエオ あいう 漢字 、 。 \n".split(" ")
    )
    pieces.append(" ")
    texts = docs + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(6000)
    ]
    anchored = 0
    for cls in FAST_RECOGNIZERS:
        for name, (_, reach) in getattr(cls, "ANCHORS", {}).items():
            rec = cls()
            compiled = next(c for p, c in rec._compiled if p.name == name)
            anchor = rec._anchors[name]
            assert anchor[1] == reach
            anchored += 1
            hits = 0
            for text in texts:
                want = [m.span() for m in compiled.finditer(text)]
                got = [m.span() for m in near_anchors(compiled, text, *anchor)]
                assert got == want, (name, text)
                hits += bool(want)
            assert hits >= 20, name
    assert anchored >= 5
    # the name recognizer's romaji pairs, tried near a letter, a space and a capital
    from scanner.detect.recognizers.jp_person_recognizer import _ROMAJI_HINT, _ROMAJI_NAME

    words = "Taro Yamada TARO YAMADA ABCDEFGHIJKL Abcdefghijkl a. @ x Mr. 山田 ".split(" ")
    romaji = [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(3000)
    ]
    hits = 0
    for text in docs + romaji:
        want = [m.span() for m in _ROMAJI_NAME.finditer(text)]
        got = [m.span() for m in near_anchors(_ROMAJI_NAME, text, _ROMAJI_HINT, 12)]
        assert got == want, text
        hits += bool(want)
    assert hits >= 100


def test_required_regex_skips_no_match():
    with_check = JpEmployerRecognizer()
    without = _ungated(JpEmployerRecognizer())
    texts = DOCS + ["勤務先：株式会社山田商事", "(株)田中", "所属 山田電機有限会社 営業部"]
    for text in texts:
        got = _key(with_check.analyze(text, ["EMPLOYER"]))
        assert got == _key(without.analyze(text, ["EMPLOYER"])), text


def test_pattern_gates_skip_no_match():
    """DIGIT_RUN, NEEDS_ANY and REQUIRES pass over only texts a pattern finds nothing in:
    every recognizer gives the same results with its gates open, on the corpora, on them
    with every gate's strings taken out, and on random digit strings."""
    from bench.heldout_corpus import generate as generate_heldout
    from scanner.detect.recognizers.registry import FAST_RECOGNIZERS

    rng = random.Random(14)
    docs = [d.text for d in generate(2000)] + [d.text for d in generate_heldout()]
    texts = docs + [fast_normalize(t).text for t in docs[::3]]
    digits = "0123456789０１٣- ()+/@年〒都県市区"
    for _ in range(2000):
        texts.append("".join(rng.choice(digits + "ABab") for _ in range(rng.randint(1, 40))))
    gated = 0
    for cls in FAST_RECOGNIZERS:
        if not hasattr(cls, "PATTERNS"):
            continue
        fast, plain = cls(), _ungated(cls())
        needs = [s for strings in cls.NEEDS_ANY.values() for s in strings]
        gated += len(cls.NEEDS_ANY) + len(cls.DIGIT_RUN) + len(cls.REQUIRES)
        stripped = []
        for text in docs[::2]:
            for s in needs:
                text = text.replace(s, "")
            stripped.append(text)
        for text in texts + stripped:
            got = _key(fast.analyze(text, [cls.ENTITY]))
            assert got == _key(plain.analyze(text, [cls.ENTITY])), (cls.__name__, text)
    assert gated >= 40


def test_one_scan_for_all_special_care_triggers_misses_none():
    """The union of every special-care recognizer's trigger words finds a text whenever
    one recognizer's own trigger does (kana, kanji and latin words in any case)."""
    from bench.heldout_corpus import generate as generate_heldout
    from scanner.detect.recognizers.registry import FAST_RECOGNIZERS
    from scanner.detect.recognizers.special_care_base import _ANY_TRIGGER, SpecialCareRecognizer

    recognizers = [c() for c in FAST_RECOGNIZERS if issubclass(c, SpecialCareRecognizer)]
    words = sorted({w for r in recognizers for w in r.TRIGGERS.split()})
    rng = random.Random(14)
    texts = [d.text for d in generate(2000)] + [d.text for d in generate_heldout()]
    odd = "KkſSsİıIi\u212a\u017fAaDdHhCc 　"
    for _ in range(3000):
        word = rng.choice(words)
        word = "".join(c.upper() if rng.random() < 0.5 else c for c in word)
        texts.append("".join(rng.choice(odd) for _ in range(3)) + word + rng.choice(odd))
        texts.append("".join(rng.choice(odd + "歴病症") for _ in range(rng.randint(1, 12))))
    hits = 0
    for text in texts:
        own = any(r._trigger.search(text) for r in recognizers)
        hits += own
        assert _ANY_TRIGGER.found_in(text) >= own, text
    assert hits > 3000


def test_a_recognizers_trigger_finds_what_one_caseless_regex_of_its_words_finds():
    """Each special-care recognizer's trigger (its words without case in Python's re, the
    others in regex with IGNORECASE) finds a text exactly when one regex of all its words
    with IGNORECASE does (kana, kanji and latin words in any case, odd case folds)."""
    import regex

    from scanner.detect.recognizers.registry import FAST_RECOGNIZERS
    from scanner.detect.recognizers.special_care_base import SpecialCareRecognizer, alternatives

    recognizers = [c() for c in FAST_RECOGNIZERS if issubclass(c, SpecialCareRecognizer)]
    words = sorted({w for r in recognizers for w in r.TRIGGERS.split()})
    rng = random.Random(26)
    texts = [d.text for d in generate(1000)]
    odd = "KkſSsİıIi\u212a\u017fAaDdHhCcLlTtBbMmGgPpEeFf 　"
    for _ in range(3000):
        word = rng.choice(words)
        word = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)
        texts.append("".join(rng.choice(odd) for _ in range(3)) + word + rng.choice(odd))
        texts.append("".join(rng.choice(odd + "歴病症") for _ in range(rng.randint(1, 12))))
    for r in recognizers:
        one = regex.compile(alternatives(r.TRIGGERS), regex.IGNORECASE)
        hits = 0
        for text in texts:
            found = one.search(text) is not None
            hits += found
            assert (r._trigger.search(text) is not None) == found, (type(r).__name__, text)
        assert hits > 100, type(r).__name__


def test_recognizers_the_pipeline_passes_over_find_nothing(fast_detector):
    """The detector does not call a recognizer on a text that lacks what it needs (a run of
    digits as long as its patterns' shortest, one of the strings every pattern needs, or a
    special-care trigger word or CSV cell): called anyway, each finds nothing there."""
    from bench.heldout_corpus import generate as generate_heldout
    from scanner.detect.recognizers.pattern_base import digit_runs
    from scanner.detect.recognizers.special_care_base import any_trigger

    lean = fast_detector._pipeline()
    rng = random.Random(14)
    docs = [d.text for d in generate(400)] + [d.text for d in generate_heldout()][::2]
    texts = [fast_normalize(t).text for t in docs]
    texts += [x for t in texts[::4] for x in t.split("\n")]
    digits = "0123456789０１٣- ()+/@年〒都県市区歴病"
    for _ in range(1500):
        texts.append("".join(rng.choice(digits + "ABab") for _ in range(rng.randint(1, 40))))
    needs = dict(zip(lean.recognizers, lean.needs, strict=True))
    assert sum(1 for d, _, _ in needs.values() if d) >= 8  # the number recognizers
    assert sum(1 for _, s, _ in needs.values() if s) >= 2  # e-mail, address
    assert sum(1 for _, _, t in needs.values() if t) == 6  # the special-care ones
    passed = 0
    for text in texts:
        artifacts = lean.nlp_engine.process_text(text, "ja")
        runs = digit_runs(text)
        longest = runs[0] if runs else 0
        triggered = bool(artifacts.cells) or any_trigger(text)
        for recognizer, (n, strings, trigger) in needs.items():
            if (
                (n and longest < n)
                or (strings and not any(s in text for s in strings))
                or (trigger and not triggered)
            ):
                passed += 1
                found = recognizer.analyze(text, lean.entities, artifacts)
                assert found == [], (type(recognizer).__name__, text)
    assert passed > 10_000


# -- the pre-filter ----------------------------------------------------------------------

_SYMBOLS = (
    "".join(c for c in map(chr, range(0x20, 0x3100)) if not may_hold_personal_data(c))
    + "\x1e\n\t\u3000"
)


def test_prefilter_never_skips_a_text_with_a_finding(fast_detector):
    """Property over both synthetic corpora: every line, and every value found in it."""
    from bench.heldout_corpus import generate as generate_heldout

    texts = [d.text for d in generate(2000)] + [d.text for d in generate_heldout()]
    lines = [line for t in texts for line in t.split("\n")]
    analyzer = fast_detector.analyzer
    for line in lines:
        if may_hold_personal_data(line):
            continue
        assert analyzer.analyze(text=line, language="ja", score_threshold=0.0) == [], line
    for found in fast_detector.analyze_batch(lines):
        for d in found:
            assert may_hold_personal_data(d.value), d


def test_prefilter_skips_only_texts_presidio_finds_nothing_in(fast_detector):
    """Random texts of the characters the pre-filter passes over, with and without context."""
    rng = random.Random(14)
    analyzer = fast_detector.analyzer
    assert not may_hold_personal_data(_SYMBOLS)
    for i in range(300):
        text = "".join(rng.choice(_SYMBOLS) for _ in range(rng.randint(1, 60)))
        context = ["氏名", "電話番号", "勤務先"] if i % 2 else None
        found = analyzer.analyze(text=text, language="ja", context=context, score_threshold=0.0)
        assert found == [], text
    assert fast_detector.analyze("―――　※") == []
    assert may_hold_personal_data("㈱") and may_hold_personal_data("－ ① －")
    assert may_hold_personal_data("page smith") and not may_hold_personal_data("＠ - ＠")


def _plain_morphemes(engine, text: str) -> list[tuple]:
    """Morphemes as first written: begin() / end() from Sudachi, a new tokenizer result."""
    from scanner.detect.nlp.sudachi_engine import _pieces

    out = []
    for offset, piece in _pieces(text):
        for m in engine._dictionary.create().tokenize(piece, engine._mode):
            surface = m.surface()
            if surface.isspace() and surface != " ":
                continue
            out.append((offset + m.begin(), offset + m.end(), surface, m.part_of_speech(),
                        m.is_oov()))  # fmt: skip
    return out


def test_morpheme_offsets_from_surface_lengths_equal_sudachis(fast_detector):
    """Offsets summed from surfaces, one reused MorphemeList, the dictionary's word fields
    read in part, the surfaces of a piece without spaces split from one string: the same
    morphemes as a full tokenizer's with begin() / end()."""
    from bench.heldout_corpus import generate as generate_heldout

    engine = fast_detector.analyzer.nlp_engine
    rng = random.Random(14)
    chars = "山田太郎　 \t\r\n様ｶﾞ①㈱－ーabc123、。\x1e\u3000\u200b🙂" + _SYMBOLS
    texts = [d.text for d in generate(300)] + [d.text for d in generate_heldout()[:200]]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 80))) for _ in range(300)]
    # numerals: Sudachi's numeral joiner reads the normalised form the engine loads
    numerals = "0123456789０１２３４５６７８９一二三四五六七八九十百千万億〇.,，．-ー年月日円%％"
    texts += ["".join(rng.choice(numerals) for _ in range(rng.randint(1, 20))) for _ in range(3000)]
    for text in texts:
        for variant in (text, fast_normalize(text).text):
            assert [tuple(m) for m in engine.morphemes(variant)] == _plain_morphemes(
                engine, variant
            ), variant


def test_patterns_on_stdlib_re_match_as_under_regex():
    """Every STDLIB_RE pattern finds the same spans (and value groups) under both modules."""
    import re as stdlib_re

    import regex

    from bench.heldout_corpus import generate as generate_heldout
    from scanner.detect.recognizers.registry import FAST_RECOGNIZERS

    rng = random.Random(14)
    docs = [d.text for d in generate(2000)] + [d.text for d in generate_heldout()]
    texts = docs + [fast_normalize(t).text for t in docs] + ["\n\x1e\n".join(docs[:40])]
    pool = "".join(sorted(set("".join(docs)))) + "\x1c\x1d\x1e\x1f\u3000\u200b\t\r"
    for _ in range(500):
        start = rng.randrange(len(docs))
        pieces = [docs[(start + k) % len(docs)] for k in range(3)]
        noise = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        texts.append(noise.join(pieces)[: rng.randint(1, 400)])
    checked = 0
    for cls in FAST_RECOGNIZERS:
        recognizer = cls()
        for pattern, compiled in getattr(recognizer, "_compiled", []):
            if pattern.name not in cls.STDLIB_RE:
                assert isinstance(compiled, regex.Pattern), pattern.name
                continue
            assert isinstance(compiled, stdlib_re.Pattern), pattern.name
            reference = regex.compile(pattern.regex, cls.FLAGS)
            groups = ["v"] if "v" in reference.groupindex else []
            for text in texts:
                ours = [(m.span(), *(m.span(g) for g in groups)) for m in compiled.finditer(text)]
                plain = [
                    (m.span(), *(m.span(g) for g in groups)) for m in reference.finditer(text)
                ]
                assert ours == plain, (cls.__name__, pattern.name)
            checked += 1
    assert checked >= 20


def test_stdlib_re_refuses_patterns_the_modules_read_differently():
    from presidio_analyzer import Pattern

    from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer

    class Spaced(JapanesePatternRecognizer):
        ENTITY = "PERSON"
        PATTERNS = [Pattern("spaced", r"[^\s、]+様", 0.5)]
        STDLIB_RE = ("spaced",)

    with pytest.raises(ValueError):
        Spaced()
    # the batch boundary is space to re, not to regex: why \s must stay with regex
    assert stdlib_re_space("\x1e") and not regex_space("\x1e")


def stdlib_re_space(text: str) -> bool:
    import re

    return re.fullmatch(r"\s", text) is not None


def regex_space(text: str) -> bool:
    import regex

    return regex.fullmatch(r"\s", text) is not None


def test_digit_run_declarations_hold_for_every_match():
    """A DIGIT_RUN pattern's every match holds a digit run that long (or k runs of n
    digits); the run is \\d's."""
    import regex

    from bench.heldout_corpus import generate as generate_heldout
    from scanner.detect.recognizers.pattern_base import digit_runs
    from scanner.detect.recognizers.registry import FAST_RECOGNIZERS

    rng = random.Random(14)
    docs = [d.text for d in generate(2000)] + [d.text for d in generate_heldout()]
    texts = docs + [fast_normalize(t).text for t in docs]
    digits = "0123456789０１２٣- ()+/"
    for _ in range(2000):
        texts.append("".join(rng.choice(digits + "ABab") for _ in range(rng.randint(1, 40))))
    declared = 0
    for cls in FAST_RECOGNIZERS:
        for pattern, compiled in getattr(cls(), "_compiled", []):
            need = cls.DIGIT_RUN.get(pattern.name)
            if need is None:
                continue
            declared += 1
            n, k = (need, 1) if isinstance(need, int) else need
            for text in texts:
                for m in compiled.finditer(text):
                    runs = digit_runs(m.group())
                    assert len(runs) >= k and runs[k - 1] >= n, (pattern.name, m.group())
    assert declared >= 25
    assert digit_runs("a١٢٣b12") == (3, 2) and digit_runs("なし") == ()
    assert digit_runs("０９０") == (len(regex.findall(r"\d", "０９０")),)


def test_remembered_token_classes_equal_token_class(fast_detector):
    """A text's name-token classes read off the per-(surface, POS, oov) memo: the same as
    ``token_class`` per token, for the engine's is_surname and for another one."""
    from bench.heldout_corpus import generate as generate_heldout
    from scanner.detect.recognizers.person_scorer import token_class, token_classes

    engine = fast_detector.analyzer.nlp_engine
    texts = [d.text for d in generate(200)] + [d.text for d in generate_heldout()[:200]]

    def odd(surface: str) -> bool:
        return len(surface) % 2 == 1

    for is_surname in (engine.is_surname, odd):
        for text in texts:
            ms = engine.morphemes(text)
            assert token_classes(ms, is_surname) == [token_class(m, is_surname) for m in ms]


def test_person_recognizer_shortcuts_match_the_plain_checks(fast_detector):
    """_from_morphemes' inlined checks: the same as _is_proper_noun and _maybe_surname."""
    from scanner.detect.recognizers.jp_person_recognizer import (
        _NAME_POS1,
        _PROPER_POS2,
        _is_proper_noun,
        _maybe_surname,
    )

    engine = fast_detector.analyzer.nlp_engine
    for text in DOCS:
        for m in engine.morphemes(text):
            if m.pos[1] not in _NAME_POS1 or m.is_person_name:
                continue
            inline = (m.pos[1] == "固有名詞" and m.pos[2] in _PROPER_POS2) or (
                m.pos[1] == "普通名詞" and engine.is_surname(m.surface)
            )
            assert inline == (_is_proper_noun(m) or _maybe_surname(engine, m))


def test_context_windows_passed_over_are_those_find_context_finds_nothing_in(
    fast_detector, monkeypatch
):
    """Spans with no positive word's match in reach of their windows are not looked at
    word by word: the detections are those of looking at every span."""
    from bench.heldout_corpus import generate as generate_heldout
    from scanner.detect import context_enhancer

    docs = [d.text for d in generate(600)] + [d.text for d in generate_heldout()]
    docs += ["İstanbul 電話 090-1234-5678", "ΣΑΣ tel 03-1234-5678 TEL\n0312345678"]
    lines = [x for t in docs for x in t.split("\n")]

    def run():
        found = [fast_detector.analyze(t) for t in docs]
        return found + fast_detector.analyze_batch(lines)

    fast = run()
    monkeypatch.setattr(context_enhancer, "_may_start_in", lambda found, lo, hi: True)
    assert run() == fast


def test_own_remove_duplicates_equals_presidios():
    """detector.remove_duplicates: presidio's results, the same objects in the same order,
    over random results with equal spans and scores from two recognizers, contained and
    overlapping spans, zero scores and a score of 1 beside one of 1.0."""
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    from scanner.detect.detector import remove_duplicates

    rng = random.Random(14)
    for _ in range(3000):
        results = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 8)
            score = rng.choice([0, 0.0, 0.3, 0.5, 0.5, 0.85, 1, 1.0])
            entity = rng.choice(["PERSON", "PERSON", "ADDRESS", "PHONE_NUMBER"])
            meta = {"recognizer_name": rng.choice("ab")}
            end = start + rng.randint(1, 5)
            results.append(RecognizerResult(entity, start, end, score, recognition_metadata=meta))
        want = EntityRecognizer.remove_duplicates(list(results))
        got = remove_duplicates(list(results))
        if any(type(r.score) is int for r in results):
            # 1 beside 1.0 on one span: both pass presidio's set, and its order (the hash
            # seed) picks which one the containment check keeps; the values are the same
            def values(found):
                return [(r.entity_type, r.start, r.end, r.score) for r in found]

            assert values(got) == values(want)
            continue
        assert [id(r) for r in got] == [id(r) for r in want]


def test_digit_dashes_of_the_folded_text_equal_folding_each_one():
    from scanner.detect.text_normalizer import _FOLD_TABLE, _dashes_between_digits

    rng = random.Random(14)
    alphabet = "ーｰ0123456789１２アイ山-a ①²٣"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        joined = text.translate(_FOLD_TABLE)
        if len(joined) == len(text):
            want = "".join(_fold_digit_dashes(text, list(joined)))
            assert _dashes_between_digits(text, joined) == want, text


def test_last_word_by_first_character_equals_one_rfind_per_word():
    """A short window walked from its end (start) with the words indexed by first
    character: the same (position, word) as one rfind (find) per word, ties to the list's
    first word."""
    from scanner.detect.context_enhancer import _first_word, _last_word, by_first_char
    from scanner.detect.recognizers.jp_person_recognizer import JpPersonRecognizer

    rng = random.Random(14)
    lists = [
        [w.lower() for w in JpPersonRecognizer.CONTEXT],
        ["氏", "氏名", "様", "名", "カナ"] * 3,
    ]
    alphabet = "氏名様さんカナダフリガナ担当者nameowner: ア山田mr.\x1e"
    for words in lists:
        index = by_first_char(words)
        for _ in range(20000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
            floor = rng.choice([-1, -1, 0, 2])
            assert _last_word(text, words, floor, index) == _last_word(text, words, floor)
            ceiling = rng.choice([len(text) + 1, len(text) + 1, 3, 0])
            want = _first_word(text, words, ceiling)
            assert _first_word(text, words, ceiling, index) == want
    assert by_first_char(["a", ""]) is None


def test_romaji_hint_is_in_every_romaji_pair():
    """The romaji pair's quick pre-scan: no text without its hint has a pair."""
    from scanner.detect.recognizers.jp_person_recognizer import _ROMAJI_HINT, _ROMAJI_NAME

    rng = random.Random(14)
    alphabet = "AKSTakstou @.名 \n" + "YAMADA Taro "
    for text in DOCS + ["".join(rng.choice(alphabet) for _ in range(24)) for _ in range(20000)]:
        if _ROMAJI_HINT.search(text) is None:
            assert _ROMAJI_NAME.search(text) is None, text


def test_detections_built_without_init_equal_the_dataclasss(fast_detector):
    """_to_detection's Detection: equal to one made by its constructor, field for field
    and in the same order, hashable and still frozen."""
    import dataclasses

    from scanner.detect.detection import Detection

    found = [d for text in DOCS[:40] for d in fast_detector.analyze(text)]
    assert found
    for d in found:
        plain = Detection(**{f.name: getattr(d, f.name) for f in dataclasses.fields(Detection)})
        assert d == plain and hash(d) == hash(plain) and repr(d) == repr(plain)
        assert list(vars(d).items()) == list(vars(plain).items())
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].score = 1.0

"""Deep mode's name scorer: GiNZA features, GiNZA-only candidates, the weights file."""

from __future__ import annotations

import json

import pytest

from scanner.detect.nlp.artifacts import GinzaToken, JapaneseNlpArtifacts, NerSpan
from scanner.detect.recognizers.jp_person_recognizer import (
    HONORIFICS,
    JpPersonRecognizer,
    chinese_word,
    honorific_at,
)
from scanner.detect.recognizers.person_scorer import candidate_features
from scanner.detect.recognizers.person_scorer_deep import (
    WEIGHTS_PATH,
    deep_candidate_features,
    ginza_features,
    load_deep_scorer,
)


def test_ginza_features_name_label_neighbours_and_dependency():
    # 社長の山田は述べた。 as GiNZA would analyse it
    tokens = [
        GinzaToken(0, 2, "nmod", "山田", "Position_Vocation"),
        GinzaToken(2, 3, "case", "社長", ""),
        GinzaToken(3, 5, "nsubj", "述べる", "Person"),
        GinzaToken(5, 6, "case", "山田", ""),
    ]
    feats = ginza_features(3, 5, [NerSpan(3, 5, "Person")], tokens)
    assert {"g:lab=Person", "g:lab_how=Person_exact", "g:dep=nsubj", "g:hl=述べる"} <= set(feats)
    assert "g:pne=-" in feats  # の before the name carries no entity
    assert "g:lab=none" in ginza_features(0, 2, [], tokens)


def test_a_ginza_person_span_no_candidate_covers_becomes_a_candidate(engine):
    text = "きのうはまりもと会った。"
    ms = engine.morphemes(text)
    spans = [NerSpan(4, 7, "Person")]
    found = deep_candidate_features(text, ms, engine, honorific_at, spans, [], HONORIFICS)
    only = [(text[c.start : c.end], f) for c, f in found if c.ginza_only]
    assert [s for s, _ in only] == ["まりも"]
    assert "gonly" in only[0][1] and "g:lab=Person" in only[0][1]


def test_a_ginza_person_span_over_a_candidate_adds_features_not_a_candidate(engine):
    text = "山田太郎さんが来た。"
    ms = engine.morphemes(text)
    spans = [NerSpan(0, 6, "Person")]  # GiNZA took さん in: trimmed, and it overlaps
    found = deep_candidate_features(text, ms, engine, honorific_at, spans, [], HONORIFICS)
    assert not any(c.ginza_only for c, _ in found)
    assert any("g:lab=Person" in f for _, f in found)


class _DeepEngine:
    """Sudachi as deep mode's engine presents itself (GinzaNlpEngine.scores_names_deep)."""

    scores_names_deep = True

    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)


def test_fast_model_candidates_are_left_to_deep_mode_scorer(engine):
    text = "岩村はその年に引退した。"  # a name only the model finds (no honorific, no label)

    def model_results(nlp_engine):
        artifacts = JapaneseNlpArtifacts(engine.morphemes(text), [], nlp_engine)
        results = JpPersonRecognizer().analyze(text, ["PERSON"], artifacts)
        return [r for r in results if "name model" in r.analysis_explanation.textual_explanation]

    assert model_results(engine)
    assert not model_results(_DeepEngine(engine))


def test_deep_weights_file_says_what_it_was_trained_on():
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert "CC BY-SA 4.0" in data["trained_on"]
    assert load_deep_scorer().weights == data["weights"]
    assert any(k.startswith("g:") for k in data["weights"])


@pytest.mark.ginza
def test_deep_mode_finds_a_name_in_running_text(deep_detector):
    found = deep_detector.analyze("会見で岩村は新しい計画について述べた。")
    assert [d.value for d in found if d.entity == "PERSON"] == ["岩村"]
    assert not deep_detector.analyze("会見で市は新しい計画について述べた。")


@pytest.mark.ginza
@pytest.mark.parametrize(
    ("text", "names"),
    [("宗祇・肖柏が詠んだ。", ["宗祇", "肖柏"]), ("林・森両名が出席します。", ["林", "森"])],
)
def test_deep_mode_splits_kanji_names_listed_with_a_dot_like_fast_mode(
    deep_detector, fast_detector, text, names
):
    for detector in (fast_detector, deep_detector):
        assert [d.value for d in detector.analyze(text) if d.entity == "PERSON"] == names


def _deep_person_results(engine, text, spans=()):
    from scanner.detect.recognizers.ginza_ner_recognizer import GinzaNerRecognizer

    artifacts = JapaneseNlpArtifacts(engine.morphemes(text), list(spans), _DeepEngine(engine))
    return GinzaNerRecognizer("PERSON").analyze(text, ["PERSON"], artifacts)


def test_deep_score_of_a_fast_candidate_is_the_mean_of_both_models(engine):
    from scanner.detect.recognizers.person_scorer import PersonScorer

    text = "会見で岩村は新しい計画について述べた。"
    ms = engine.morphemes(text)
    found = deep_candidate_features(text, ms, engine, honorific_at, [], [], HONORIFICS)
    (cand, feats), = [(c, f) for c, f in found if text[c.start : c.end] == "岩村"]
    mean = (load_deep_scorer().probability(feats) + PersonScorer.load().probability(feats)) / 2
    (result,) = [r for r in _deep_person_results(engine, text) if r.start == cand.start]
    assert result.analysis_explanation.textual_explanation == f"deep name model {mean:.2f}"


def test_deep_mode_adjusts_its_probabilities_as_fast_mode_does(engine, monkeypatch):
    from scanner.detect.recognizers import ginza_ner_recognizer

    seen = []

    def spy(text, ms, engine, cands, probs):  # other mentions, lists, kin (fast mode's)
        seen.append([text[c.start : c.end] for c in cands])
        return [0.9] * len(probs)

    monkeypatch.setattr(ginza_ner_recognizer, "adjust_model_probs", spy)
    text = "会見で岩村は新しい計画について述べた。"
    found = _deep_person_results(engine, text)
    assert "岩村" in seen[0]
    assert {text[r.start : r.end]: r.score for r in found}["岩村"] == 0.8  # capped


def test_deep_mode_drops_words_of_chinese_text_like_fast_mode(engine):
    text = "猪大肠"  # no kana anywhere: a word of a Chinese grocery list, not a name
    ms = engine.morphemes(text)
    ((cand, feats),) = candidate_features(text, ms, engine, honorific_at)
    assert chinese_word(text, ms, cand, feats, [], engine.is_surname)  # fast mode drops it ...
    fast = JpPersonRecognizer().analyze(
        text, ["PERSON"], JapaneseNlpArtifacts(engine.morphemes(text), [], engine)
    )
    assert not [r for r in fast if "name model" in r.analysis_explanation.textual_explanation]
    assert not _deep_person_results(engine, text)

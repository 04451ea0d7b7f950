"""The running-text name scorer: candidates, company names, co-reference, the weights file."""

from __future__ import annotations

import json

import pytest

from scanner.detect.recognizers.jp_person_recognizer import honorific_at
from scanner.detect.recognizers.person_scorer import (
    WEIGHTS_PATH,
    PersonScorer,
    candidate_features,
    row_weights,
)


def _candidates(engine, text: str) -> dict[str, list[str]]:
    ms = engine.morphemes(text)
    return {text[c.start : c.end]: f for c, f in candidate_features(text, ms, engine, honorific_at)}


def test_katakana_name_joined_by_middle_dot(engine):
    assert "ロリス・カステルッチ" in _candidates(engine, "代表のロリス・カステルッチは語った。")


def test_family_name_of_a_company_is_no_candidate(engine):
    found = _candidates(engine, "加藤通信と合同会社佐々木印刷、田中建設株式会社に発注した。")
    assert not {"加藤", "佐々木", "田中"} & set(found)


def test_lone_surname_refers_to_the_full_name_seen_in_the_text(engine):
    assert "coref" in _candidates(engine, "鈴木一郎が出席した。鈴木は反対した。")["鈴木"]
    assert "coref" not in _candidates(engine, "鈴木は反対した。")["鈴木"]


def test_coreference_stays_inside_one_text_of_a_batch(engine):
    from scanner.detect.context_enhancer import HARD_BOUNDARY

    text = f"鈴木一郎が出席した。\n{HARD_BOUNDARY}\n鈴木は反対した。"
    ms = engine.morphemes(text)
    lone = [f for c, f in candidate_features(text, ms, engine, honorific_at) if c.start > 12]
    assert lone and "coref" not in lone[0]


def test_weights_file_says_what_it_was_trained_on():
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert "CC BY-SA 4.0" in data["trained_on"]
    rows = row_weights(data["rows"])  # the word-vector slots' weights, one per row
    assert PersonScorer.load().weights == data["weights"] | rows


def test_regnal_number_is_part_of_the_candidate(engine):
    found = _candidates(engine, "福音書はヘンリー8世の命令による。")
    assert "regnal" in found["ヘンリー8世"]


def test_katakana_word_beside_a_title_is_a_candidate(engine):
    # a katakana word alone is a candidate only beside a title or honorific
    assert "ソムリエ" in _candidates(engine, "ソムリエさんとワインを選ぶ。")
    assert "ソムリエ" not in _candidates(engine, "ソムリエとワインを選ぶ。")


def test_candidate_listed_beside_a_tagged_name(engine):
    found = _candidates(engine, "佐藤、鈴木太郎と会った。")
    assert "nb=True_r" in found["佐藤"]
    assert "nb=True_l" in found["鈴木太郎"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("加治木家と垂水家がこの家格とされた。", "加治木"),
        ("ウマイヤ朝の鎮圧軍を撃退した。", "ウマイヤ"),
        ("ニコライ堂およびその関連施設", "ニコライ"),
        ("マルプラケの戦いで激突した。", "マルプラケ"),
        ("ラスベガスのアラジン・ホテルで公演した。", "アラジン"),
        ("葛西氏は滅亡した。", "葛西"),
        ("2006年に成聖するために訪れた。", "成聖"),
    ],
)
def test_a_thing_named_after_a_name_is_no_candidate(engine, text, word):
    found = [
        text[c.start : c.end]
        for c, _ in candidate_features(text, engine.morphemes(text), engine, honorific_at)
    ]
    assert not any(word in f for f in found)


def test_mayor_after_a_city_suffix_and_plain_mr_stay_candidates(engine):
    for text, word in (
        ("恵美氏が本郷谷市長を訪ねた。", "本郷谷"),
        ("田中氏は会見で述べた。", "田中"),
    ):
        ms = engine.morphemes(text)
        found = [
            text[c.start : c.end] for c, _ in candidate_features(text, ms, engine, honorific_at)
        ]
        assert word in found


def test_kanji_that_make_a_word_with_an_honorific_are_no_honorific():
    assert honorific_at("ギャラント様式から", 5) == ""
    assert honorific_at("前君主の", 1) == ""
    assert honorific_at("山田様が", 2) == "様"
    assert honorific_at("田中君が", 2) == "君"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a particle or an initial between two middle dots is part of the name
        ("ホセ・デ・サン=マルティンが上陸した。", "ホセ・デ・サン=マルティン"),
        ("南軍ジョン・D・インボーデン将軍の部隊", "ジョン・D・インボーデン"),
        (
            "ルートヴィヒ・ヴァン・ベートーヴェンが作曲した。",
            "ルートヴィヒ・ヴァン・ベートーヴェン",
        ),
        # more than six tokens stay one name
        (
            "フランス人エドゥアール=レオン・スコット・ド・マルタンヴィルが発明した。",
            "エドゥアール=レオン・スコット・ド・マルタンヴィル",
        ),
    ],
)
def test_a_name_with_particles_initials_and_many_parts_is_one_candidate(engine, text, name):
    assert name in _candidates(engine, text)


def test_a_dictionary_entry_with_its_own_middle_dots_is_a_candidate(engine):
    # Sudachi lists レオナルド・ダ・ヴィンチ as one 人名 token with its dots
    assert "レオナルド・ダ・ヴィンチ" in _candidates(engine, "レオナルド・ダ・ヴィンチが描いた。")


def test_a_weak_word_that_is_part_of_a_full_name_in_the_text_is_a_candidate(engine):
    # ブラフォード alone is a katakana common noun to Sudachi: a candidate only because
    # the text named ウィリアム・B・ブラフォード; likewise トランプ after ドナルド・トランプ
    text = "師団長ウィリアム・B・ブラフォード准将に命じた。逆にブラフォードは退いた。"
    assert "coref" in _candidates(engine, text)["ブラフォード"]
    assert "ブラフォード" not in _candidates(engine, "逆にブラフォードは退いた。")
    text = "ドナルド・トランプが当選した。トランプは演説した。"
    assert "coref" in _candidates(engine, text)["トランプ"]
    assert "トランプ" not in _candidates(engine, "トランプは遊びだ。")


def test_roles_of_encyclopedic_prose_read_like_titles(engine):
    assert (
        "n1_title" in _candidates(engine, "ピエール・シャルル神父は述べた。")["ピエール・シャルル"]
    )


def test_a_name_scored_high_once_is_reported_at_its_other_mentions(engine, monkeypatch):
    from scanner.detect.context_enhancer import HARD_BOUNDARY
    from scanner.detect.nlp.artifacts import JapaneseNlpArtifacts
    from scanner.detect.recognizers import jp_person_recognizer as jpr

    # a scorer that trusts only a name before 宰相 ... と: 岩村 scores 0.82 there, 0.12 alone
    scorer = PersonScorer({"bias": -2.0, "p2=宰相": 3.5})
    monkeypatch.setattr(jpr.PersonScorer, "load", classmethod(lambda cls: scorer))

    def model_spans(text):
        artifacts = JapaneseNlpArtifacts(engine.morphemes(text), [], engine)
        results = jpr.JpPersonRecognizer().analyze(text, ["PERSON"], artifacts)
        return sorted(
            (text[r.start : r.end], round(r.score, 2))
            for r in results
            if "name model" in r.analysis_explanation.textual_explanation
        )

    assert model_spans("宰相の岩村が来た。後に岩村は去った。") == [("岩村", 0.8), ("岩村", 0.8)]
    assert model_spans("後に岩村は去った。") == []
    # another text of the same batch is not lifted
    assert model_spans(f"宰相の岩村が来た。\n{HARD_BOUNDARY}\n後に岩村は去った。") == [
        ("岩村", 0.8)
    ]


@pytest.mark.parametrize(
    ("text", "name", "not_in"),
    [
        ("ローマ王フェルディナント4世は父に先立った。", "フェルディナント4世", "ローマ王"),
        ("バイエルン公ヴィルヘルム4世は禁じた。", "ヴィルヘルム4世", "バイエルン公"),
        ("鹿取義隆ヘッドコーチは述べた。", "鹿取義隆", "鹿取義隆ヘッドコーチ"),
    ],
)
def test_a_title_or_rank_ends_the_name(engine, text, name, not_in):
    found = _candidates(engine, text)
    assert name in found
    assert not any(not_in in f for f in found)


def test_a_surname_that_is_also_a_title_still_starts_a_name(engine):
    assert "王貞治" in _candidates(engine, "王貞治は引退した。")


def test_a_katakana_word_after_a_role_and_no_is_a_candidate(engine):
    # カント alone is a katakana common noun to Sudachi; after 哲学者の it is a candidate
    assert "カント" in _candidates(engine, "哲学者のカントは述べた。")
    assert "カント" not in _candidates(engine, "初期のカントの関心は")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("慶元元年、趙汝愚は宰相職から追われた。", "趙汝愚"),  # 趙|汝|愚
        ("趙汝愚に与した周必大、留正らが追われた。", "周必大"),  # 周|必|大
        ("これに恨みを持った韓冑は去った。", "韓冑"),  # 韓|冑
    ],
)
def test_a_chinese_name_cut_into_characters_is_one_candidate(engine, text, name):
    found = _candidates(engine, text)
    assert name in found
    assert f"cjk={len(name)}" in found[name]


def test_a_one_kanji_surname_before_a_longer_word_takes_no_characters(engine):
    # 周|必|大学: a third kanji glued after the characters makes them part of a word
    found = _candidates(engine, "周必大学の高山は来た。")
    assert "周" in found
    assert "周必" not in found


def test_a_candidate_after_a_full_stop_starts_a_sentence(engine):
    # 。エンゲルスは reads like the first word of a one-sentence text (GSD's texts)
    feats = _candidates(engine, "見解が批判されていく。エンゲルスは人類史を論じた。")["エンゲルス"]
    alone = _candidates(engine, "エンゲルスは人類史を論じた。")["エンゲルス"]
    assert "p1=<s>" in feats
    assert [f for f in feats if f.startswith("p1")] == [f for f in alone if f.startswith("p1")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("建物の寄贈については山岡順太郎総理事が決めた。", "山岡順太郎"),
        ("一方、ハビエル・サラゴサ検事局長は述べた。", "ハビエル・サラゴサ"),
    ],
)
def test_a_title_inside_the_following_compound_is_a_feature(engine, text, name):
    assert "compound_title" in _candidates(engine, text)[name]


def test_a_plain_compound_after_a_name_holds_no_title(engine):
    assert "compound_title" not in _candidates(engine, "田中関連資料を読んだ。")["田中"]


def test_polite_register_doubles_the_candidate_features(engine):
    # です / ます near a candidate: its class features are read again, prefixed
    polite = _candidates(engine, "店長のミントが選んだお茶です。")["ミント"]
    assert "polite" in polite and "pol|n=1" in polite
    plain = _candidates(engine, "店長のミントが選んだお茶である。")["ミント"]
    assert not any(f == "polite" or f.startswith("pol|") for f in plain)


def test_polite_register_stays_inside_one_text_of_a_batch(engine):
    from scanner.detect.context_enhancer import HARD_BOUNDARY

    text = f"お茶をどうぞ。お待ちしております。\n{HARD_BOUNDARY}\n店長のミントが選んだ。"
    ms = engine.morphemes(text)
    found = [f for c, f in candidate_features(text, ms, engine, honorific_at)]
    assert found and all("polite" not in f for f in found)


def _person_spans(engine, text, monkeypatch=None, scorer=None):
    from scanner.detect.nlp.artifacts import JapaneseNlpArtifacts
    from scanner.detect.recognizers import jp_person_recognizer as jpr

    if scorer is not None:
        monkeypatch.setattr(jpr.PersonScorer, "load", classmethod(lambda cls: scorer))
    artifacts = JapaneseNlpArtifacts(engine.morphemes(text), [], engine)
    results = jpr.JpPersonRecognizer().analyze(text, ["PERSON"], artifacts)
    return [(text[r.start : r.end], r.analysis_explanation.textual_explanation) for r in results]


def test_a_part_of_a_full_name_is_a_name_at_its_other_mentions(engine, monkeypatch):
    # a scorer that trusts only joined names: ジョーンズ alone scores 0.05
    scorer = PersonScorer({"bias": -3.0, "joined": 6.0})
    text = "ミック・ジョーンズが歌った。後でジョーンズは笑った。"
    found = _person_spans(engine, text, monkeypatch, scorer)
    again = [s for s, why in found if why.startswith("another mention")]
    assert again == ["ジョーンズ"]


@pytest.mark.parametrize(
    "text",
    [
        "ミック・ジョーンズが歌った。後でジョーンズ賞を受けた。",  # glued to a noun: a prize
        "ミック・ジョーンズが歌った。\n\x1e\n後でジョーンズは笑った。",  # another text of a batch
        "ミック・ジョーンズが歌った。後でキース・ジョーンズも来た。",  # part of another name
    ],
)
def test_a_part_of_a_full_name_is_not_spread_where_it_is_something_else(engine, monkeypatch, text):
    scorer = PersonScorer({"bias": -3.0, "joined": 6.0})
    found = _person_spans(engine, text, monkeypatch, scorer)
    assert not [s for s, why in found if why.startswith("another mention")]


def test_a_katakana_word_after_a_word_for_kin_is_a_name(engine):
    # ミント is a common noun to Sudachi; after 長女 and before a particle it is a name
    found = _person_spans(engine, "長女ミントは学校に通う。")
    assert ("ミント", "katakana name after 長女") in found
    assert not _person_spans(engine, "長女ミント味のアイスを買った。")  # glued to a noun
    assert not _person_spans(engine, "姉プロデュースの店に行った。")  # a verbal noun


def test_a_surface_scored_very_low_at_one_mention_is_doubted_at_the_others(engine, monkeypatch):
    # a scorer that likes only a word before は: 0.55 there, 0.10 elsewhere
    scorer = PersonScorer({"bias": -2.2, "n1=は": 2.4})

    def model_scores(text):
        return [
            round(float(why.split()[-1]), 2)
            for _, why in _person_spans(engine, text, monkeypatch, scorer)
            if why.startswith("name model")
        ]

    assert model_scores("ミルトンは美しい。") == [0.55]
    # the same word at 0.10 in the same text: each mention counts at most the mean
    assert model_scores("ミルトンに着いた。ミルトンは美しい。") == [0.32]
    # not across texts of a batch
    assert model_scores("ミルトンに着いた。\n\x1e\nミルトンは美しい。") == [0.55]


def test_candidate_features_carry_the_word_clusters_of_the_name_and_its_neighbours(engine):
    from scanner.detect.nlp.word_clusters import word_clusters

    clusters = word_clusters()
    feats = _candidates(engine, "代表のロリス・カステルッチは語った。")["ロリス・カステルッチ"]
    assert f"kc={clusters['ロリス']}" in feats and f"kc={clusters['カステルッチ']}" in feats
    assert f"p1kc={clusters['の']}" in feats and f"n1kc={clusters['は']}" in feats


def test_the_weights_hold_cluster_features():
    # what the train splits say about words used alike, for names unseen in training
    weights = PersonScorer.load().weights
    assert any(f.startswith("kc=") for f in weights)


def test_candidate_features_carry_the_word_vector_rows_around_the_name(engine):
    from scanner.detect.nlp.word_clusters import word_rows

    rows = word_rows()
    text = "昨日、代表の山田太郎は東京で講演した。"
    feats = _candidates(engine, text)["山田太郎"]
    # the name's tokens, the words right before and after it, the window's content words
    assert f"dv={rows['山田']}" in feats and f"dv={rows['太郎']}" in feats
    assert f"p1dv={rows['の']}" in feats and f"n1dv={rows['は']}" in feats
    assert f"rwdv={rows['東京']}" in feats and f"lwdv={rows['代表']}" in feats
    assert f"rwdv={rows['で']}" not in feats  # a particle is no content word


def test_the_weights_hold_one_number_per_vector_row_and_slot():
    assert row_weights({"dv": "0 12 -3", "n1dv": "5 0 0"}) == {
        "dv=1": 0.012,
        "dv=2": -0.003,
        "n1dv=0": 0.005,
    }
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(data["rows"]) == {"dv", "p1dv", "n1dv", "lwdv", "rwdv"}
    assert all(len(v.split()) == 20000 for v in data["rows"].values())
    weights = PersonScorer.load().weights
    assert any(f.startswith("dv=") for f in weights) and any(f.startswith("rwdv=") for f in weights)


def test_a_prefix_glued_to_a_title_is_part_of_the_title_not_a_name(engine):
    # 前 / 元 are surnames too, but before a title they make it a former one's
    assert not {"前", "元"} & set(_candidates(engine, "前議長と元社長の尽力に感謝する。"))
    assert "田中" in _candidates(engine, "田中社長の尽力に感謝する。")


def test_candidate_features_carry_the_character_bigrams_of_the_name(engine):
    feats = _candidates(engine, "代表のロリス・カステルッチは語った。")["ロリス・カステルッチ"]
    bigrams = [f for f in feats if f.startswith("cb=")]
    assert bigrams[:3] == ["cb=ロリ", "cb=リス", "cb=スカ"] and "cb=ス・" not in bigrams
    assert len(bigrams) == len("ロリスカステルッチ") - 1
    assert any(f.startswith("cb=") for f in PersonScorer.load().weights)

"""Word clusters from ja_ginza's word vectors (scanner/detect/nlp/word_clusters.py)."""

from __future__ import annotations

import json
import logging

from scanner.detect.nlp.word_clusters import (
    CLUSTERS_PATH,
    NO_CLUSTER,
    key2row_path,
    load_clusters,
    word_clusters,
)


def test_words_used_alike_share_a_cluster():
    clusters = word_clusters()
    # philosophers together, and apart from a Canadian province
    assert clusters["カント"] == clusters["アリストテレス"] != NO_CLUSTER
    assert clusters["アルバータ"] == clusters["オタワ"] != clusters["カント"]


def test_a_word_without_a_vector_is_in_no_cluster():
    assert word_clusters()["ぬゐゑゟ山川xq"] == NO_CLUSTER


def test_the_clusters_file_fits_the_installed_ja_ginza():
    data = json.loads(CLUSTERS_PATH.read_text(encoding="utf-8"))
    assert len(data["clusters"]) == 20000 and max(data["clusters"]) < data["settings"]["k"]
    assert len(word_clusters()._keys) > 400_000  # the sha1 matched: the table is loaded


def test_other_word_vectors_give_no_clusters_and_a_warning(tmp_path, caplog):
    stale = tmp_path / "word_clusters.json"
    data = json.loads(CLUSTERS_PATH.read_text(encoding="utf-8"))
    data["key2row_sha1"] = "0" * 40  # built for another ja_ginza
    stale.write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        clusters = load_clusters(key2row_path(), stale)
    assert clusters["カント"] == NO_CLUSTER
    assert "rebuild them" in caplog.text


def test_no_key2row_gives_no_clusters(tmp_path):
    assert load_clusters(None)["カント"] == NO_CLUSTER


def test_look_ups_agree_with_the_table_for_words_of_both_hash_halves():
    import srsly
    from spacy.strings import hash_string

    table = srsly.read_msgpack(key2row_path())
    of_row = json.loads(CLUSTERS_PATH.read_text(encoding="utf-8"))["clusters"]
    words = ["カント", "アルバータ", "東京", "山田", "は", "の", "社長", "ヘーゲル", "鈴木", "先生"]
    halves = {hash_string(w) >= 2**63 for w in words}
    assert halves == {True, False}  # hashes on both sides of 2**63 (signed/unsigned edge)
    clusters = word_clusters()
    for w in words:
        assert clusters[w] == of_row[table[hash_string(w)]]


def test_a_word_s_vector_row_is_the_row_its_cluster_is_read_from():
    from scanner.detect.nlp.word_clusters import word_rows

    rows = word_rows()
    data = json.loads(CLUSTERS_PATH.read_text(encoding="utf-8"))
    assert 0 <= rows["カント"] < 20000
    assert data["clusters"][rows["カント"]] == word_clusters()["カント"]
    assert rows["ぬゐゑゟ山川xq"] == NO_CLUSTER

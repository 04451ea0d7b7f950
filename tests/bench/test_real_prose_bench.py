"""Which corpora and splits the real-prose bench reads (made-up corpora, no fetched data)."""

from __future__ import annotations

from argparse import Namespace

from bench.real_prose_bench import KWDLC_SETS, corpora

#: a made-up document in KNP format: one sentence, one tagged name
_KNP = """# S-ID:{doc}-1
* -1D
+ -1D <NE:PERSON:田中>
田中 たなか 田中 名詞 6 人名 5 * 0 * 0
さん さん さん 接尾辞 14 名詞性名詞接尾辞 2 * 0 * 0
+ -1D
が が が 助詞 9 格助詞 1 * 0 * 0
来た きた 来る 動詞 2 * 0 カ変動詞 15 タ形 10
EOS
"""


def _knp_corpus(root):
    (root / "id").mkdir(parents=True)
    (root / "id" / "train.id").write_text("doc-a\n", encoding="utf-8")
    (root / "id" / "test.id").write_text("doc-b\ndoc-c\n", encoding="utf-8")
    (root / "knp" / "x").mkdir(parents=True)
    for doc in ("doc-a", "doc-b", "doc-c"):
        (root / "knp" / "x" / f"{doc}.knp").write_text(_KNP.format(doc=doc), encoding="utf-8")
    return root


def _args(**kw) -> Namespace:
    base = dict(gsd=None, wac=None, kwdlc=None, kwdlc_split="test", fkc=None, iob2=None,
                iob2_half="both", limit=0)  # fmt: skip
    return Namespace(**{**base, **kw})


def test_kwdlc_reads_the_test_split_by_default(tmp_path):
    sets = corpora(_args(kwdlc=_knp_corpus(tmp_path / "kwdlc")))
    assert list(sets) == [KWDLC_SETS["test"]]
    assert sorted(p.doc.id for p in sets[KWDLC_SETS["test"]]) == ["doc-b", "doc-c"]


def test_kwdlc_train_split_is_its_own_set(tmp_path):
    sets = corpora(_args(kwdlc=_knp_corpus(tmp_path / "kwdlc"), kwdlc_split="train"))
    assert list(sets) == [KWDLC_SETS["train"]]
    (doc,) = sets[KWDLC_SETS["train"]]
    assert doc.doc.id == "doc-a"
    assert [doc.doc.text[s.start : s.end] for s in doc.doc.spans] == ["田中"]


def _iob2_corpus(root):
    root.mkdir()
    paragraphs = [f"{name}\tB-PERSON\nが\tO\n来た\tO\n" for name in ("山田", "佐藤", "鈴木")]
    (root / "ja.wikipedia.conll").write_text("\n".join(paragraphs), encoding="utf-8")
    (root / "hironsan.txt").write_text("高橋\tB-PSN\nです\tO\n", encoding="utf-8")
    return root


def test_iob2_even_and_odd_name_the_dev_and_confirm_halves(tmp_path):
    path = _iob2_corpus(tmp_path / "iob2")
    even = corpora(_args(iob2=path, iob2_half="even"))
    assert even.keys() == corpora(_args(iob2=path, iob2_half="dev")).keys()
    ids = [p.doc.id for docs in even.values() for p in docs]
    assert ids == ["iob2-wikipedia-0", "iob2-wikipedia-2"]
    odd = corpora(_args(iob2=path, iob2_half="odd"))
    assert odd.keys() == corpora(_args(iob2=path, iob2_half="confirm")).keys()
    ids = [p.doc.id for docs in odd.values() for p in docs]
    assert ids == ["iob2-wikipedia-1", "iob2-wikinews-0"]  # Wikinews goes with the odd half

"""Name variants: 異体字, readings in kana or romaji, either order, any spaces."""

from __future__ import annotations

import pytest

from scanner.subject.name_variants import canonical_romaji, name_keys, query_keys


def _texts(keys, how):
    return {k.text for k in keys if k.how == how}


@pytest.mark.parametrize(
    ("written", "asked"),
    [
        ("髙橋 一郎", "高橋一郎"),
        ("齋藤花子", "斎藤花子"),
        ("渡邊健", "渡辺健"),
        ("渡邉健", "渡辺健"),
        ("濱田　陽子", "浜田陽子"),
        ("澤村誠", "沢村誠"),
        ("嶋田恵", "島田恵"),
        ("﨑山大輔", "崎山大輔"),
        ("山田\u3000太郎", "山田 太郎"),
        ("山田\t太郎", "山田太郎"),
    ],
)
def test_old_kanji_forms_and_spaces_meet_as_variants(written, asked):
    assert _texts(name_keys(written), "variant") & _texts(query_keys(asked), "variant")


@pytest.mark.parametrize(
    ("written", "asked"),
    [
        ("Taro Yamada", "山田太郎"),
        ("YAMADA Tarō", "山田太郎"),
        ("Yamada Tarou", "やまだ たろう"),
        ("ヤマダ　タロウ", "山田太郎"),
        ("Syouta Satou", "佐藤翔太"),
        ("Shota Sato", "さとう しょうた"),
        ("斉藤花子", "斎藤花子"),  # two surnames of one reading
        ("Homma Jun", "本間純"),
    ],
)
def test_readings_meet_in_kana_romaji_and_either_order(written, asked):
    assert _texts(name_keys(written), "reading") & _texts(query_keys(asked), "reading")


@pytest.mark.parametrize(
    ("a", "b"),
    [("山田太郎", "山佃太郎"), ("本間", "本閑"), ("濱田", "頻田"), ("高橋一郎", "高橋二郎")],
)
def test_different_names_stay_apart(a, b):
    """ja-itaiji's loose families (田/佃, 間/閑, 濱/頻) must not make two names one."""
    assert not _texts(name_keys(a), "variant") & _texts(query_keys(b), "variant")


def test_hepburn_and_kunrei_spell_one_way():
    assert canonical_romaji("Shōta") == canonical_romaji("syouta") == canonical_romaji("Shouta")
    assert canonical_romaji("Tsuchiya") == canonical_romaji("tutiya")
    assert canonical_romaji("Ōno") == canonical_romaji("Oono") == canonical_romaji("Ohno")
    assert canonical_romaji("Jun'ichi") == canonical_romaji("zyunniti")

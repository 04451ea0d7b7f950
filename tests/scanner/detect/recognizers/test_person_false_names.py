"""Name-like words the sentence marks as a place, group or thing (person_false_names.py)."""

from __future__ import annotations

import pytest

from scanner.detect.context_enhancer import HARD_BOUNDARY
from scanner.detect.recognizers.person_false_names import FalseNames
from tests.assertions import spans


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a place: the verb or role it takes, its parts, a river or town beside it
        ("ポルトガル宮廷はリオに移転した。翌年、リオは首都となり、山田太郎はそこで生まれた。",
         ["山田太郎"]),
        ("移民が大平原に定住した。", []),
        ("大会はリオで開催された。山田太郎はリオで生まれた。", ["山田太郎"]),
        ("ライン州はコブレンツを州都とする。サトウ・ケンジ氏はそう述べた。", ["サトウ・ケンジ"]),
        ("合流部付近を沼に因んでマーシュと呼ぶ。山田太郎はそう書いた。", ["山田太郎"]),
        ("ユーフラテス川のアン・ナスリーヤ下流に広がる湖を山田太郎が調べた。", ["山田太郎"]),
        ("ボスナ川の源泉、ヴレロ・ボスネはサラエヴォ西部にある。", []),
        ("ギリシア最大の商業都市であったアイギナと商圏が重なる。", []),
        ("1906年に装甲巡洋艦リューリク艦長に着任した。", []),
        # a school, lineage or kind named after it; a group word read as a given name
        ("彼はヘーゲル左派の思想に近づいた。ヘーゲルは1831年に没した。", ["ヘーゲル"]),
        ("カラコユンル朝やジョチ・ウルス系の諸政権の支配が及んだ。", []),
        ("ポイント制活字、ベントン母型を経て使用された。", []),
        ("先述の武川衆、後者の例は小山田氏である。", ["小山田"]),
        ("境界層は形成されない。デルタ翼の研究においてシュリーレン法が使われた。", []),
        # a thing or body someone made, a state, a role, a work's title, an event
        ("山田太郎がカステン・ヴェンティルを発明した。", ["山田太郎"]),
        ("1928年にプリメーラ・ディビシオンが創設された。", []),
        ("パテック・フィリップの創始者の一人である。", []),
        ("遠戚が統治していたホーエンツォレルン＝ジグマリンゲン侯国と合併した。", []),
        ("こうしてモンゴルのハーンとなった。", []),
        ("ゲーテに『若きウェルテルの悩み』の構想を抱かせる。", ["ゲーテ"]),
        ("植民地を巡るアン女王戦争が開始された。", []),
        ("モンゴルのハーンとなった。清の支配下では、ハーンは皇帝の臣下である。", []),
        # a temple the dictionary lists as a surname only, alone; a person with a title,
        # honorific or given name, or with a surname that is mostly a person's (stop 26)
        ("延暦寺は、末寺荘園の兵士を動員して蜂起、園城寺を焼き払う構えを見せる。", []),
        ("庶民は菩提寺と檀家の関係が確立した。", []),
        ("西光寺さんに相談した。", ["西光寺"]),
        ("小野寺が担当します。", ["小野寺"]),
        # a person's frame outweighs Sudachi's place tag, at every mention (stop 26)
        ("交代したヴィラール率いるフランス軍が構築した。戦略を取り、ヴィラールは防衛線堅持の方向で動いた。",
         ["ヴィラール", "ヴィラール"]),
        ("ウィンは自分を辞職させてチャーチルを首相にする陰謀と確信した。", ["チャーチル"]),
        ("大阪を首都にする案がある。", []),
        ("映画制作会社ウーファはベルリン郊外にある。", []),
        ("角川・エス・エス・コミュニケーションズが窓口となっていた。", []),
        ("リーグ・アンは、フランスのサッカーリーグである。", []),
        ("また、コパ・アメリカは2度優勝している。", []),
        ("先日,坂本弁護士失踪事件直後の報道があった。", []),
        # a workplace, a home town; a facility or a natural place after the word
        ("彼女は長年ジバンシィで働いた。", []),
        ("２０００年からフェラガモで働いた。卒業後はアルマーニで勤務した。", []),
        ("私は枚方市の塚田で生まれ育ち、今は東京にいる。", []),
        ("週末は高橋温泉に泊まった。駅前に南森店がオープンしました。", []),
        ("着付教室の先生は山田花子さんです。", ["山田花子"]),
        ("岩田屋で催事を行います。鈴木屋さんのパンはおいしい。", []),  # shops
        ("田中屋の主人の田中さんに会った。", ["田中"]),
        # ... or at the end of the common nouns glued after it: a clinic, an office
        ("木村税理士事務所へご相談ください。伊藤労務経営事務所は経営者の味方です。", []),
        ("溝田整骨院の溝田院長です。田中弁護士事務所の田中です。", ["溝田", "田中"]),
        # a common noun with an honorific: a role, a pet, a shop
        ("今日はクッキーちゃんとシナモン君がお昼寝中です。当店のワンちゃんも元気です。", []),
        ("デザイナー様、コンシェルジュ様のご応募をお待ちしております。", []),
        ("ゲームセンター様からのご意見をお待ちしています。", []),
        ("八百屋さんで野菜を買った。昔、小さな国に王さまが住んでいた。", []),
        ("森の神さまが目を覚ました。", []),
        # a firm's name in one token, or with its last word glued
        ("来週オルタコーポレーションさんと打ち合わせをする。", []),
        ("新工場はベルナーエレクトリックが建てる。", []),
        # a place's surroundings, a mountain, its edge
        ("夜はペドロ・クロス周辺が賑わう。大野平の東端に位置する村だ。", []),
        ("山田太郎の北側に座った。", ["山田太郎"]),
        # a disease, a prize or a method named after someone
        ("ハンチントン病の講演を聞いた。", []),
        # part of a title in 「」 (a programme, a book, a product), not a quote of speech
        ("「鈴木ひろみの星占い」は毎週更新です。", []),
        ("「アリスとテレスの冒険」を読んだ。", []),
        ("八百屋の「健太の大根」を煮た。", []),
        ("「山田太郎」が主演した。「田中一郎氏」は執事だ。", ["山田太郎", "田中一郎"]),
        ("「田中さん」と呼ばれていた。「佐藤となら組んでもよい」と答えた。", ["田中", "佐藤"]),
        ("「佐藤健一の娘」が話題になった。", ["佐藤健一"]),
        ("「田中さんの送別会」のお知らせです。", ["田中"]),
        ("「鈴木部長の講演会」を開催します。", ["鈴木"]),
        ("件名「山田様ご依頼の件」についてご連絡します。", ["山田"]),
        # people stay people
        ("スズキ様からお電話がありました。ヤマダさんが来た。", ["スズキ", "ヤマダ"]),
        ("ブーゴーさんの家を訪ねた。ワンさんは北京から来た。", ["ブーゴー", "ワン"]),
        # katakana given names and surnames that are words too (wing, chick, dream, a dish)
        ("ツバサさんが来た。ヒナ様へのお知らせ。", ["ツバサ", "ヒナ"]),
        ("ユメさんが来た。", ["ユメ"]),
        ("ハヤシさんが来た。", ["ハヤシ"]),
        ("ボリス・エリツィンら改革派がこれに抵抗した。", ["ボリス・エリツィン"]),
        ("山田太郎は東京に移転した会社に勤める。", ["山田太郎"]),
        ("サトウ・ケンジ氏は大阪近郊の町に住む。", ["サトウ・ケンジ"]),
        ("山田太郎が新しい装置を発明した。", ["山田太郎"]),
        ("担当は佐藤 翼です。", ["佐藤 翼"]),
        ("『山田太郎』は彼の筆名である。", ["山田太郎"]),
    ],
)  # fmt: skip
def test_places_groups_and_things_are_no_names(fast_detector, text, names):
    assert spans(fast_detector.analyze(text), "PERSON") == names


def test_a_place_at_one_mention_is_a_place_in_that_text_only(engine):
    text = f"宮廷はリオに移転した。リオは栄えた。\n{HARD_BOUNDARY}\nリオは笑った。"
    spans = [(i, i + 2) for i in range(len(text)) if text.startswith("リオ", i)]
    assert FalseNames(text, engine.morphemes(text)).keep(spans) == [False, False, True]


def test_a_place_before_its_role_and_a_clan_are_no_names(engine):
    text = "両侯国を併せて州都をジグマリンゲンとする。その子孫が北条氏を自称した。山田郷を出た。"
    words = ("ジグマリンゲン", "北条", "山田郷", "出た")
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    assert FalseNames(text, engine.morphemes(text)).keep(spans) == [False] * 4


def test_a_place_suffix_after_a_space_may_be_a_given_name(engine):
    text = "担当は山田 郷です。"
    start = text.index("山田")
    assert FalseNames(text, engine.morphemes(text)).keep([(start, start + 4)]) == [True]


def test_a_katakana_word_bought_or_used_is_a_thing_but_a_full_name_is_not(engine):
    text = (
        "アルフェリアを買った。キュリオンを使用した。ノヴァリスをご利用の方へ。"
        "ジョン・スミスを使った。"
    )
    words = ("アルフェリア", "キュリオン", "ノヴァリス", "ジョン・スミス")
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    assert FalseNames(text, engine.morphemes(text)).keep(spans) == [False, False, False, True]

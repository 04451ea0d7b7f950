"""要配慮個人情報 development bench: labelled positives and look-alikes, per-entity P/R/F1.

    python -m bench.special_care_bench [--docs N] [--errors N] [--skip-corpora] [--json OUT]

Documents are filled templates: a person's medical history, health-check results,
disability, criminal record or crime victimhood, creed, race or 本籍 (gold spans), and
look-alikes that use the same words about nobody — medical articles, product leaflets,
drug and disease master tables, IT outage reports, crime-prevention notices, tour guides,
election news — or a person beside a harmless field (国籍, 賞罰 なし). At least 30 % of the
documents are look-alikes. This is a *development* set: its templates were written
alongside the recognizers, so its figures are an upper bound, not a held-out result.

Then, unless ``--skip-corpora``: the SPECIAL_CARE_* findings on the synthetic detection
corpora (bench/detect_corpus.py and bench/heldout_corpus.py), split into documents with no
gold personal span (must be 0) and the rest (reported for review).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from bench.detect_corpus import Doc, Span
from bench.metrics import MATCHING_RULE, score

SEED = 20261201
DEFAULT_DOCS = 1200
ENTITIES = (
    "SPECIAL_CARE_MEDICAL", "SPECIAL_CARE_HEALTH_CHECK", "SPECIAL_CARE_DISABILITY",
    "SPECIAL_CARE_CRIMINAL", "SPECIAL_CARE_CREED", "SPECIAL_CARE_RACE",
)  # fmt: skip
_SHORT = {
    "M": "SPECIAL_CARE_MEDICAL", "H": "SPECIAL_CARE_HEALTH_CHECK",
    "D": "SPECIAL_CARE_DISABILITY", "C": "SPECIAL_CARE_CRIMINAL", "F": "SPECIAL_CARE_CREED",
    "R": "SPECIAL_CARE_RACE",
}  # fmt: skip
_MARK = re.compile(r"⟦([MHDCFR])\|([^⟦⟧]*)⟧")

SURNAMES = (
    "山田 佐藤 鈴木 高橋 田中 伊藤 渡辺 中村 小林 加藤 吉田 山口 松本 井上 木村 林 清水 斎藤"
).split()
GIVEN = "太郎 花子 一郎 陽子 健 美咲 翔太 由美 大輔 恵 拓也 直子 誠 裕子 和也 真由美".split()
DISEASES = (
    "糖尿病 2型糖尿病 高血圧症 うつ病 気管支喘息 胃潰瘍 腰椎椎間板ヘルニア 関節リウマチ 狭心症"
    " 脳梗塞 乳がん 肺癌 統合失調症 双極性障害 アトピー性皮膚炎 慢性腎不全"
    " 甲状腺機能低下症 てんかん"
).split()
DRUGS = "アムロジピン メトホルミン ロキソプロフェン エチゾラム レバミピド プレドニゾロン".split()
ICD = "E11.9 I10 F32.1 J45.9 K25.9 M51.2 C50.9 G40.9 E03.9 N18.5".split()
GRADES = "1級 2級 3級 4級 5級 6級".split()
RELIGIONS = "浄土真宗 曹洞宗 日蓮宗 キリスト教 カトリック 創価学会 天理教 イスラム教 真言宗".split()
PARTIES = "自民党 立憲民主党 公明党 日本共産党 国民民主党".split()
PREFS = "北海道 青森県 東京都 大阪府 京都府 福岡県 沖縄県 広島県 愛知県".split()
CITIES = "札幌市 弘前市 八王子市 堺市 宇治市 久留米市 那覇市 呉市 豊橋市".split()
CRIMES = "窃盗 詐欺 傷害 暴行 横領 住居侵入".split()
JUDGEMENTS = "要再検査 要精密検査 要治療 要経過観察".split()


def _person_templates(v: dict[str, str]) -> list[str]:
    n, s = v["name"], v["sei"]
    return [
        f"氏名：{n}\n生年月日：{v['dob']}\n既往歴：⟦M|{v['disease']}⟧\n",
        f"{n}様は{v['year']}年に⟦M|{v['disease']}⟧と診断され、現在も通院中です。",
        f"【面談記録】{s}さんより、⟦M|{v['disease']}⟧で通院中のため残業を控えたいとの申し出あり。",
        f"患者番号 P-{v['num']}\n診断名：⟦M|{v['disease']}⟧\nICD-10: ⟦M|{v['icd']}⟧\n",
        f"{n}（社員番号 {v['emp']}）持病：⟦M|{v['disease']}⟧ 服薬：⟦M|{v['drug']}⟧",
        f"私は⟦M|{v['disease']}⟧の治療中で、月に一度通院しています。{n}",
        f"社員番号,氏名,傷病名,休職開始\n{v['emp']},{n},⟦M|{v['disease']}⟧,2024-01-05\n"
        f"{v['emp2']},{v['name2']},⟦M|{v['disease2']}⟧,2024-02-01\n",
        f"{n}さん 健康診断の結果：⟦H|{v['judgement']}⟧",
        f"受診者氏名 {n} 血圧 ⟦H|{v['bp']} mmHg⟧ γ-GTP ⟦H|{v['gtp']}⟧",
        f"社員番号,氏名,血圧,BMI,判定\n{v['emp']},{n},⟦H|{v['bp']}⟧,⟦H|{v['bmi']}⟧,⟦H|B⟧\n"
        f"{v['emp2']},{v['name2']},⟦H|{v['bp2']}⟧,⟦H|{v['bmi2']}⟧,⟦H|C⟧\n",
        f"{s}様\n定期健康診断の結果、⟦H|{v['judgement']}⟧となりましたのでお知らせします。",
        f"産業医面談：{n}（営業部）HbA1c ⟦H|{v['hba1c']}%⟧、⟦H|要治療⟧",
        f"{n} ⟦D|身体障害者手帳 {v['grade']}⟧",
        f"障害者雇用枠：{n} 障害等級：⟦D|{v['grade']}⟧",
        f"{s}さんは⟦D|聴覚障害⟧があり、筆談で対応します。",
        f"氏名 {n}\n⟦D|療育手帳：B2⟧\n",
        f"応募者 {n} 前科：⟦C|なし⟧",
        f"{n}様は{v['year']}年に⟦C|{v['crime']}罪で逮捕⟧され、⟦C|懲役2年執行猶予3年⟧の判決を受けた。",
        f"相談記録：{n}さんより⟦C|ストーカー被害⟧の相談。",
        f"身上調査票\n氏名：{n}\n逮捕歴：⟦C|あり⟧\n",
        f"会員：{n}様　宗派：⟦F|{v['religion']}⟧",
        f"{s}さんは⟦F|{v['party']}⟧の支持者で、後援会の名簿にも載っている。",
        f"私は⟦F|{v['religion']}⟧を信仰しています。{n}",
        f"氏名 {n}\n信仰：⟦F|{v['religion']}⟧\n",
        f"本籍：⟦R|{v['pref']}{v['city']}⟧　氏名：{n}",
        f"{s}さんは⟦R|アイヌ民族⟧の出身です。",
        f"社員番号 {v['emp']} 本籍地：⟦R|{v['pref']}⟧",
        # written after the recognizers, not tuned against them
        f"お客様番号 {v['num']}\n{n} 様\nご相談内容：⟦M|{v['disease']}⟧の薬を飲んでいるが、"
        "このサプリと併用してよいか",
        f"{n}（{v['age']}歳）は先月から⟦M|{v['disease']}⟧で入院しています。",
        f"従業員番号:{v['emp']} 氏名:{n} 最高血圧:⟦H|{v['sys']}⟧ 最低血圧:⟦H|{v['dia']}⟧",
        f"{n}さんの息子さんは⟦D|発達障害⟧と診断されている。",
        f"{n}は{v['year']}年に⟦C|道路交通法違反で罰金⟧刑を受けている。",
        f"{n}様（⟦F|{v['religion']}⟧の檀家）",
    ]


def _look_alike_templates(v: dict[str, str]) -> list[str]:
    n = v["name"]
    return [
        f"{v['disease']}は生活習慣病の一つで、{v['disease2']}と診断された患者の多くが通院しています。",
        f"【効能・効果】{v['disease']}。本剤は1日1回服用する。【用法・用量】通常、成人には1回1錠。",
        f"薬品コード,薬品名,適応症,ICD10\nA001,{v['drug']},{v['disease']},{v['icd']}\n"
        f"A002,{v['drug2']},{v['disease2']},I10\n",
        f"ICD10,病名,分類\n{v['icd']},{v['disease']},内分泌\nI10,本態性高血圧症,循環器\n",
        f"血圧が{v['bp']}mmHg以上の方は医師にご相談ください。",
        f"BMI {v['bmi']}以上は肥満とされています。"
        f"健康診断で{v['judgement']}となった方は早めに受診を。",
        f"身体障害者手帳{v['grade']}をお持ちの方は入場無料です。",
        "昨夜の基幹システム障害により、通信障害が発生しました。障害報告書を参照してください。",
        f"{v['crime']}罪で逮捕される事例が増えています。ご注意ください。",
        f"履歴書\n氏名 {n}\n学歴 {v['year']}年 〇〇大学卒業\n賞罰 なし\n",
        f"{v['religion']}は日本の仏教の宗派の一つとして知られ、多くの寺院があります。",
        f"取引先：宗教法人{v['sei']}寺 御中　拝観料のお支払いについて",
        "アイヌ民族の文化を紹介する博物館が開館しました。",
        f"国籍：日本\n氏名：{n}\n",
        f"商品名：{v['drug']}錠 効能：{v['disease']}の改善 価格：1,980円",
        "社員の健康診断結果は産業医が管理し、要再検査となった社員には受診を勧奨します。",
        f"{v['year']}年の{v['disease']}の患者数は約100万人で、有病率は年々上昇している。",
        f"{n}様 ご注文の商品（{v['drug']}配合サプリメント）を発送しました。",
        f"{v['sei']}先生による講演「{v['disease']}の最新治療」のお知らせ",
        f"{v['party']}は今回の選挙で議席を伸ばした。",
        "防犯講習：特殊詐欺被害を防ぐためにできること（参加無料）",
        f"サーバー障害のお知らせ：{v['year']}年4月1日 10:00〜12:00 障害対応完了",
        f"{n}様\n人間ドックのご予約を承りました。当日は朝食を抜いてお越しください。",
        "本籍地の記入は不要です（厚生労働省の公正な採用選考の指針による）。",
        # written after the recognizers, not tuned against them
        f"【お知らせ】{v['disease']}の新薬について、{v['sei']}製薬株式会社が発売を開始しました。",
        f"健康診断のご案内：受診日 {v['year']}年4月10日 会場 本社3階会議室 持ち物 問診票",
        "障害者手帳の申請方法について、市役所の窓口までお問い合わせください。",
        f"{n}様\nお問い合わせいただいた糖尿病予防セミナーの資料をお送りします。",
        "宗教：仏教、キリスト教、イスラム教の三大宗教について学ぶ",
        "前科のある人の再就職を支援するNPOの活動報告",
        "血圧計 HEM-7120 測定範囲 0〜299mmHg 価格 4,980円",
        "本籍地の変更手続き（転籍届）は市区町村役場で行えます。",
    ]


def _values(rng: random.Random) -> dict[str, str]:
    def name() -> str:
        return rng.choice(SURNAMES) + rng.choice(GIVEN)

    sei = rng.choice(SURNAMES)
    return {
        "name": sei + rng.choice(GIVEN),
        "sei": sei,
        "name2": name(),
        "dob": f"{rng.randint(1950, 2000)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "year": str(rng.randint(2005, 2023)),
        "age": str(rng.randint(20, 80)),
        "sys": str(rng.randint(100, 180)),
        "dia": str(rng.randint(60, 110)),
        "num": f"{rng.randint(0, 99999):05d}",
        "emp": f"E{rng.randint(0, 9999):04d}",
        "emp2": f"E{rng.randint(0, 9999):04d}",
        "disease": rng.choice(DISEASES),
        "disease2": rng.choice(DISEASES),
        "drug": rng.choice(DRUGS),
        "drug2": rng.choice(DRUGS),
        "icd": rng.choice(ICD),
        "judgement": rng.choice(JUDGEMENTS),
        "bp": f"{rng.randint(100, 180)}/{rng.randint(60, 110)}",
        "bp2": f"{rng.randint(100, 180)}/{rng.randint(60, 110)}",
        "gtp": str(rng.randint(10, 300)),
        "bmi": f"{rng.uniform(17, 35):.1f}",
        "bmi2": f"{rng.uniform(17, 35):.1f}",
        "hba1c": f"{rng.uniform(5, 10):.1f}",
        "grade": rng.choice(GRADES),
        "crime": rng.choice(CRIMES),
        "religion": rng.choice(RELIGIONS),
        "party": rng.choice(PARTIES),
        "pref": rng.choice(PREFS),
        "city": rng.choice(CITIES),
    }


def _build(doc_id: str, markup: str) -> Doc:
    parts: list[str] = []
    spans: list[Span] = []
    pos = last = 0
    for m in _MARK.finditer(markup):
        parts.append(markup[last : m.start()])
        pos += m.start() - last
        value = m.group(2)
        spans.append(Span(pos, pos + len(value), _SHORT[m.group(1)]))
        parts.append(value)
        pos += len(value)
        last = m.end()
    parts.append(markup[last:])
    return Doc(doc_id, "".join(parts), tuple(spans))


def generate(n_docs: int = DEFAULT_DOCS, seed: int = SEED) -> list[Doc]:
    """``n_docs`` documents, 40 % look-alikes, each template used in turn."""
    rng = random.Random(seed)
    docs = []
    used = Counter()
    for i in range(n_docs):
        v = _values(rng)
        look_alike = i % 5 in (1, 3)
        templates = _look_alike_templates(v) if look_alike else _person_templates(v)
        k = used[look_alike]
        used[look_alike] += 1
        docs.append(_build(f"{'L' if look_alike else 'P'}{i:05d}", templates[k % len(templates)]))
    return docs


def _predict(detector, docs: list[Doc]) -> list[list[Span]]:
    out = []
    for doc in docs:
        found = detector.analyze(doc.text)
        out.append([Span(d.start, d.end, d.entity) for d in found if d.entity in ENTITIES])
    return out


def _corpora(detector) -> dict[str, dict[str, object]]:
    """SPECIAL_CARE_* findings on the synthetic detection corpora, by kind of document."""
    from bench import detect_corpus, heldout_corpus

    out: dict[str, dict[str, object]] = {}
    for name, docs in (
        ("detect_corpus", detect_corpus.generate(detect_corpus.DEFAULT_DOCS)),
        ("heldout_corpus", heldout_corpus.generate()),
    ):
        non_personal = [d for d in docs if not d.spans]
        hits_np = sum(len(p) for p in _predict(detector, non_personal))
        personal = [d for d in docs if d.spans]
        found = [(d, p) for d, p in zip(personal, _predict(detector, personal), strict=True) if p]
        by_entity = Counter(s.entity for _, p in found for s in p)
        out[name] = {
            "docs": len(docs),
            "non_personal_docs": len(non_personal),
            "findings_on_non_personal": hits_np,
            "findings_on_personal_docs": sum(by_entity.values()),
            "by_entity": dict(by_entity),
            "samples": [
                d.text[max(0, s.start - 30) : s.end + 10].replace("\n", "⏎")
                for d, p in found[:5]
                for s in p[:1]
            ],  # fmt: skip
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS)
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--skip-corpora", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    from scanner.detect.detector import Detector

    detector = Detector().load()
    docs = generate(args.docs)
    look_alikes = sum(1 for d in docs if not d.spans)
    result = score(docs, _predict(detector, docs))
    print(f"special-care bench: {len(docs)} docs, {look_alikes} look-alikes "
          f"({look_alikes / len(docs):.0%}), "
          f"{sum(len(d.spans) for d in docs)} gold spans")  # fmt: skip
    print(MATCHING_RULE)
    print(f"{'entity':28} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}")
    report: dict[str, object] = {"docs": len(docs), "look_alikes": look_alikes, "entities": {}}
    for entity in ENTITIES:
        c = result.per_entity.get(entity)
        if c is None:
            continue
        report["entities"][entity] = c.to_dict()
        print(f"{entity:28} {c.tp:5} {c.fp:5} {c.fn:5} "
              f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")  # fmt: skip
    micro = result.micro(ENTITIES)
    report["micro"] = micro.to_dict()
    print(f"{'micro':28} {micro.tp:5} {micro.fp:5} {micro.fn:5} "
          f"{micro.precision:6.3f} {micro.recall:6.3f} {micro.f1:6.3f}")  # fmt: skip
    by_id = {d.id: d for d in docs}
    for error in result.errors[: args.errors]:
        text = by_id[error.doc_id].text
        s = error.span
        print(f"  {error.kind} {s.entity} {text[s.start : s.end]!r} in "
              f"{text[max(0, s.start - 25) : s.end + 15]!r}")  # fmt: skip
    if not args.skip_corpora:
        corpora = _corpora(detector)
        report["corpora"] = corpora
        for name, c in corpora.items():
            print(f"{name}: {c['docs']} docs, {c['non_personal_docs']} without personal data → "
                  f"{c['findings_on_non_personal']} special-care findings; on personal docs "
                  f"{c['findings_on_personal_docs']} {c['by_entity']}")  # fmt: skip
            for sample in c["samples"]:
                print(f"    e.g. {sample}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Copy detection across reports (fazhi.corpus, rule CP001, `fazhi corpus similar`): the two seeds that
share an enforcement passage are paired with the passage aligned in both; reports sharing only boilerplate
(headings, the 纲要 title, political formulas, text common to much of the corpus) are not."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from fazhi.cli import app
from fazhi.corpus import CorpusDoc, copy_findings, from_texts, iter_docs, similar, with_copy_findings
from fazhi.corpus.shingles import df_limit
from fazhi.model import Category

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIX = Path(__file__).parent / "fixtures" / "copy"
SHARED = "主动告知当事人执法事由、执法依据、权利义务等内容"


def _seeds() -> list[CorpusDoc]:
    return [d for d in iter_docs([SAMPLES]) if isinstance(d, CorpusDoc)]


def test_seeds_000_and_004_share_the_enforcement_passage_and_nothing_else_pairs():
    docs = _seeds()
    pairs = similar(docs)
    names = [(docs[p.a].label[:3], docs[p.b].label[:3]) for p in pairs]
    assert names == [("000", "004")]
    (p,) = pairs[0].passages
    a, b = docs[pairs[0].a].text, docs[pairs[0].b].text
    assert SHARED in a[p.a_start : p.a_end] and SHARED in b[p.b_start : p.b_end]
    assert a[p.a_start : p.a_end].startswith("严格执行2人以上执法规定")
    assert b[p.b_start : p.b_end].startswith("严格执行2人以上执法规定")


def test_the_pair_alone_is_found_too():
    docs = [d for d in _seeds() if d.label[:3] in ("000", "004")]
    assert len(similar(docs)) == 1


def test_reports_sharing_only_boilerplate_are_not_paired():
    docs = from_texts([(FIX / n).read_text(encoding="utf-8") for n in ("boiler_a.txt", "boiler_b.txt")])
    assert similar(docs) == []
    assert similar(docs + _seeds()) and all(
        {p.a, p.b} != {0, 1} for p in similar(docs + _seeds())
    )  # with the seeds around, still only the seeds' own pair


def test_a_copied_paragraph_between_the_boilerplate_reports_is_found():
    a, b = ((FIX / n).read_text(encoding="utf-8") for n in ("boiler_a.txt", "boiler_b.txt"))
    copied = "镇里在赶集日开设普法摊位12次，请县司法局律师讲解土地承包和赡养纠纷，发放宣传折页900余份。"
    b = b.replace("街道联合辖区中学举办模拟法庭2场，", "街道" + copied)
    docs = from_texts([a, b], ["青石镇", "河湾街道"])
    (pair,) = similar(docs)
    (p,) = pair.passages
    assert "讲解土地承包和赡养纠纷" in docs[0].text[p.a_start : p.a_end]
    assert "讲解土地承包和赡养纠纷" in docs[1].text[p.b_start : p.b_end]


def test_a_passage_common_to_much_of_the_corpus_is_boilerplate():
    # the same made-up paragraph in every report: template text, not a copy between two of them
    rng = random.Random(7)
    pool = "调解纠纷村民小组议事规则宅基地审批台账核查渠道水费补贴发放林权登记档案整理走访农户"
    template = (
        "全镇统一按照县里印发的工作方案，对照二十项任务清单逐项销号，每月五日前把完成情况报县依法治县办。"
    )
    texts = []
    for _ in range(8):
        own = "".join(rng.choice(pool) for _ in range(300))
        texts.append(own[:150] + "。" + template + own[150:] + "。")
    assert df_limit(len(texts)) <= 8
    assert similar(from_texts(texts)) == []
    assert len(similar(from_texts(texts[:2]))) == 1  # two reports alone: the template is a copy


def test_copy_findings_name_the_other_report_at_the_passage():
    docs = _seeds()
    found = copy_findings(docs, similar(docs))
    assert sorted(docs[i].label[:3] for i in found) == ["000", "004"]
    for i, fs in found.items():
        (f,) = fs
        other = next(d.label for j, d in enumerate(docs) if j in found and j != i)
        assert f.rule == "CP001" and f.category == Category.COPY
        assert other in f.message
        assert SHARED in docs[i].text[f.start : f.end]


def test_with_copy_findings_adds_cp001_to_reports_of_a_batch():
    import fazhi

    reports = [fazhi.analyze(p) for p in sorted(SAMPLES.glob("*.txt"))]
    out = with_copy_findings(reports)
    cps = {r.source[-40:]: [f for f in r.findings if f.rule == "CP001"] for r in out}
    assert sum(1 for v in cps.values() if v) == 2
    for r in out:
        for f in r.findings:
            if f.rule == "CP001":
                assert r.text[f.start : f.end] == r.to_dict()["findings"][r.findings.index(f)]["quote"]


def test_cli_similar_prints_the_pair_in_chinese():
    res = CliRunner().invoke(app, ["corpus", "similar", str(SAMPLES)])
    assert res.exit_code == 0, res.output
    assert "比对 5 份报告，1 对有雷同段落" in res.output
    assert "000_98657d9" in res.output and "004_06c408b" in res.output


def test_cli_similar_json_has_aligned_quotes():
    res = CliRunner().invoke(app, ["corpus", "similar", str(SAMPLES), "--format", "json"])
    body = json.loads(res.stdout)
    assert body["reports"] == 5 and len(body["pairs"]) == 1
    (p,) = body["pairs"][0]["passages"]
    assert SHARED in p["a"]["quote"] and SHARED in p["b"]["quote"]


def test_cli_similar_reads_a_zip_and_reports_a_bad_member(tmp_path):
    z = tmp_path / "batch.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in sorted(SAMPLES.glob("*.txt")):
            zf.writestr(f.name, f.read_bytes())
        zf.writestr("broken.pdf", b"%PDF-1.4 not really")
    res = CliRunner().invoke(app, ["corpus", "similar", str(z), "--format", "json"])
    assert res.exit_code == 1  # the bad member is reported, the others still compared
    assert "broken.pdf" in res.stderr
    assert len(json.loads(res.stdout)["pairs"]) == 1


def test_cli_similar_with_nothing_to_compare_says_so(tmp_path):
    res = CliRunner().invoke(app, ["corpus", "similar", str(tmp_path)])
    assert res.exit_code == 1 and "没有找到可比对的报告文件" in res.stderr


def test_cli_similar_rejects_an_unknown_format():
    res = CliRunner().invoke(app, ["corpus", "similar", str(SAMPLES), "--format", "xml"])
    assert res.exit_code == 2 and "不支持的输出格式" in res.stderr


def test_offsets_map_back_to_the_raw_file():
    from fazhi.ingest import read_path
    from fazhi.normalize import normalize

    docs = _seeds()
    pair = similar(docs)[0]
    src = docs[pair.b].source
    text, omap = normalize(read_path(src).text)
    p = pair.passages[0]
    assert text == docs[pair.b].text
    raw = omap.char_span(p.b_start, p.b_end, text)
    assert SHARED in read_path(src).text[raw.start : raw.end]


def test_a_shared_parallel_enumeration_is_a_formula_not_a_copy():
    # 排比 of four or more items of one length: the formulas of the central documents, not a copy
    a = (
        "一、主要举措\n镇党委书记坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，"
        "全年到村里现场协调土地流转纠纷5次。\n按照职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、"
        "人民满意的要求，对镇里的执法事项重新梳理。"
    )
    b = (
        "一、主要举措\n街道党工委书记坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，"
        "每季度听取一次物业纠纷调解情况。\n对照职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、"
        "人民满意的目标，修订了街道权责清单。"
    )
    assert similar(from_texts([a, b])) == []
    # the same clauses written as ordinary prose (no parallel list) are a copy
    prose = (
        "书记亲自部署重要工作并过问重大问题，到村里现场协调土地流转纠纷，督办重要任务落实到人到户到田间地头。"
    )
    assert len(similar(from_texts([a + "\n" + prose, b + "\n" + prose]))) == 1

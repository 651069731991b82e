"""Readers (fazhi.ingest): every fixture is built at test time from the seed reports in samples/."""

from __future__ import annotations

import html
import io
import random
import struct
import zipfile
from pathlib import Path

import pytest

from fazhi.ingest import RawDocument, ReadError, iter_inputs, read_bytes, read_path
from fazhi.ingest import archive as archive_mod
from fazhi.ingest import doc as doc_mod
from fazhi.ingest.sniff import detect_format
from helpers import seed_file, squash

SEED = seed_file("000").read_text(encoding="utf-8")
WEB_SEED = seed_file("004").read_text(encoding="utf-8")
SEED_PARAS = [ln.strip() for ln in SEED.splitlines() if ln.strip()]
# 004 was copied from a web page: its last six lines are the site's link list, not the report.
WEB_PARAS = [ln.strip() for ln in WEB_SEED.splitlines() if ln.strip()][:-6]
assert WEB_PARAS[-1] == "2024年1月16日"


def assert_one_line_error(err: object, name: str) -> ReadError:
    assert isinstance(err, ReadError), err
    msg = str(err)
    assert "\n" not in msg and "\r" not in msg
    assert name in msg
    assert msg == f"{err.source}: {err.reason}"
    return err


# ---- fixture builders -------------------------------------------------------------------------------


def make_docx(path: Path | None = None) -> bytes:
    import docx

    d = docx.Document()
    for para in SEED_PARAS[:6]:
        d.add_paragraph(para)
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("指标", "目标", "完成"), ("行政复议案件", "10件", "12件"), ("普法活动", "20场", "25场")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for para in SEED_PARAS[6:]:
        d.add_paragraph(para)
    buf = io.BytesIO()
    d.save(buf)
    if path:
        path.write_bytes(buf.getvalue())
    return buf.getvalue()


def make_pdf(path: Path, paras: list[str], *, chars_per_line: int = 34, encrypt: str | None = None) -> bytes:
    """A PDF with a running header, `- n -` page numbers, and paragraphs hard-wrapped over lines and pages."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), encrypt=encrypt)
    width, height = 595, 842
    page, y = 1, height - 90

    def furniture() -> None:
        c.setFont("STSong-Light", 9)
        c.drawString(72, height - 50, "昌州街道办事处")
        c.drawCentredString(width / 2, 40, f"- {page} -")
        c.setFont("STSong-Light", 12)

    furniture()
    for para in paras:
        for i in range(0, len(para), chars_per_line):
            if y < 80:
                c.showPage()
                page += 1
                y = height - 90
                furniture()
            c.drawString(72, y, para[i : i + chars_per_line])
            y -= 20
    c.save()
    return path.read_bytes()


def make_page(*, charset: str = "utf-8", date_line: str = "发布时间：2024-03-28", pub_meta: str = "") -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in WEB_PARAS)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>吴家镇2023年法治政府建设情况报告_政务公开_荣昌区人民政府</title>{pub_meta}
<script>var nav = "发布时间：1999-01-01";</script></head>
<body>
<div class="head"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjrc/">走进荣昌</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<div class="article">
<h1>吴家镇2023年法治政府建设情况报告</h1>
<div class="info"><span>{date_line}</span>&nbsp;&nbsp;<span>来源：吴家镇</span> 【字体：大 中 小】</div>
<div class="TRS_Editor">{body}</div>
</div>
<div class="footer"><ul class="links"><li><a href="http://www.gov.cn/">国务院部门网站</a></li>
<li><a href="#">地方政府网站</a></li><li><a href="#">市政府部门网站</a></li><li><a href="#">其他网站</a></li></ul>
<p>主办单位：重庆市荣昌区人民政府办公室 版权所有</p><p>渝ICP备05003300号</p></div>
</body></html>"""


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


# ---- text -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"])
def test_txt_encodings_give_the_same_text(tmp_path, encoding):
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(SEED.encode(encoding))
    doc = read_path(path)
    assert doc.format == "txt"
    assert doc.text == SEED
    assert doc.source == str(path)


def test_utf8_with_a_cut_off_last_character_stays_utf8(tmp_path):
    data = SEED.encode("utf-8") + "报".encode()[:2]
    doc = read_bytes(data, "cut.txt")
    assert doc.text.startswith(SEED)


# ---- format sniffing --------------------------------------------------------------------------------


def test_content_wins_over_suffix(tmp_path):
    pdf = make_pdf(tmp_path / "real.pdf", SEED_PARAS)
    (tmp_path / "looks-like.txt").write_bytes(pdf)
    (tmp_path / "page.txt").write_text(make_page(), encoding="utf-8")
    (tmp_path / "report.doc").write_bytes(make_docx())
    assert read_path(tmp_path / "looks-like.txt").format == "pdf"
    page = read_path(tmp_path / "page.txt")
    assert page.format == "html" and "国务院部门网站" not in page.text
    assert read_path(tmp_path / "report.doc").format == "docx"


def test_detect_format_magic_bytes():
    assert detect_format(b"%PDF-1.7\n...", "a.txt") == "pdf"
    assert detect_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "a.txt") == "office"
    assert detect_format(zip_bytes({"a.txt": b"x"}), "a.docx") == "zip"
    assert detect_format(make_docx(), "a.zip") == "docx"
    assert detect_format(b"  <!DOCTYPE html><p>x</p>", "a.txt") == "html"
    assert detect_format("<p>片段</p>".encode(), "a.htm") == "html"
    assert detect_format(SEED.encode("utf-8"), "a.txt") == "text"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
@pytest.mark.parametrize("name", ["x.html", "x.htm", "x.mht"])
def test_plain_text_named_html_is_read_as_text(tmp_path, name, encoding):
    # Regression: the suffix alone made plain text HTML; trafilatura then lost the outline and two parts.
    data = SEED.encode(encoding)
    assert detect_format(data, name) == "text"
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_path(path)
    assert doc.format == "txt"
    assert [ln.strip() for ln in doc.text.splitlines() if ln.strip()] == SEED_PARAS


def test_html_fragment_and_web_archive_without_html_tag_stay_html():
    assert detect_format("<div>吴家镇</div>".encode(), "a.html") == "html"
    assert detect_format("<br>第一段<br/>第二段".encode("gbk"), "a.htm") == "html"
    assert detect_format(b"<!-- saved page -->\n", "a.html") == "html"
    assert detect_format(b"From: <Saved by Blink>\nSubject: x\n\nbody", "a.mht") == "mhtml"
    # Angle brackets in text are not tags: `<5` and `a < b` stay text.
    assert detect_format("超期案件<5件，a < b。".encode(), "a.html") == "text"


# ---- docx -------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_rows_in_order(tmp_path):
    path = tmp_path / "seed.docx"
    make_docx(path)
    doc = read_path(path)
    assert doc.format == "docx"
    lines = doc.text.split("\n")
    assert lines[:6] == SEED_PARAS[:6]
    assert lines[6:9] == ["指标 | 目标 | 完成", "行政复议案件 | 10件 | 12件", "普法活动 | 20场 | 25场"]
    assert lines[9:] == SEED_PARAS[6:]


def test_docx_list_numbers_tracked_changes_and_merged_cells():
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
            '<w:suff w:val="nothing"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [("主要举措", 0), ("加强领导", 1), ("完善制度", 1), ("存在问题", 0), ("短板", 1)]:
        p = d.add_paragraph(text)
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = 90
    p = d.add_paragraph("依法")
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>行政</w:t></w:r></w:ins>'))
    p._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>删掉</w:delText></w:r></w:del>'
        )
    )
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并单元格"
    table.cell(0, 2).text = "右"
    buf = io.BytesIO()
    d.save(buf)
    lines = read_bytes(buf.getvalue(), "list.docx").text.split("\n")
    assert lines == [
        "一、主要举措",
        "（一）加强领导",
        "（二）完善制度",
        "二、存在问题",
        "（一）短板",
        "依法行政",
        "合并单元格 | 右",
    ]


def test_truncated_docx(tmp_path):
    data = make_docx()
    path = tmp_path / "broken.docx"
    path.write_bytes(data[: len(data) // 2])
    (err,) = list(iter_inputs([path]))
    assert_one_line_error(err, "broken.docx")
    assert err.reason == "docx 文件已损坏或不完整"


# ---- pdf --------------------------------------------------------------------------------------------


def test_pdf_text_layer_without_page_numbers_and_running_header(tmp_path):
    path = tmp_path / "seed.pdf"
    make_pdf(path, SEED_PARAS)
    doc = read_path(path)
    assert doc.format == "pdf"
    assert doc.meta["pages"] >= 3
    assert squash(doc.text) == squash(SEED)  # every character, in order; nothing added
    lines = doc.text.split("\n")
    assert lines[0] == SEED_PARAS[0]
    assert "- 2 -" not in lines and "昌州街道办事处" not in lines
    assert "\r" not in doc.text


def test_encrypted_pdf(tmp_path):
    path = tmp_path / "secret.pdf"
    make_pdf(path, SEED_PARAS[:5], encrypt="secret")
    err = assert_one_line_error(next(iter_inputs([path])), "secret.pdf")
    assert err.reason == "PDF 已加密，无法读取"


def test_truncated_pdf(tmp_path):
    data = make_pdf(tmp_path / "full.pdf", SEED_PARAS)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    err = assert_one_line_error(next(iter_inputs([path])), "cut.pdf")
    assert "损坏" in err.reason or "OCR" in err.reason


def test_pdf_without_text_needs_ocr(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.rect(50, 50, 100, 100)
    c.save()
    err = assert_one_line_error(next(iter_inputs([path])), "scan.pdf")
    assert "OCR" in err.reason


# ---- html -------------------------------------------------------------------------------------------


def test_html_article_without_navigation_and_footer(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(make_page(charset="gbk").encode("gbk"))
    doc = read_path(path)
    assert doc.format == "html"
    assert doc.published == "2024-03-28"
    assert doc.html_title == "吴家镇2023年法治政府建设情况报告_政务公开_荣昌区人民政府"
    lines = [ln.strip() for ln in doc.text.split("\n") if ln.strip()]
    assert lines == WEB_PARAS  # the article, one paragraph per line, in order
    for debris in ("办事服务", "走进荣昌", "国务院部门网站", "其他网站", "版权所有", "ICP备"):
        assert debris not in doc.text


@pytest.mark.parametrize(
    ("date_line", "pub_meta", "expected"),
    [
        ("发布日期: 2024年3月5日", "", "2024-03-05"),
        ("【发布时间：2024/03/28 10:30】", "", "2024-03-28"),
        ("来源：吴家镇", '<meta name="PubDate" content="2024-03-27 10:00">', "2024-03-27"),
        ("来源：吴家镇", "", None),  # the article's own 2024年1月16日 is the signing date, not publication
    ],
)
def test_html_publication_date(date_line, pub_meta, expected):
    doc = read_bytes(make_page(date_line=date_line, pub_meta=pub_meta).encode("utf-8"), "p.html")
    assert doc.published == expected


def test_html_fallback_when_trafilatura_finds_no_article():
    page = "<html><head><title>短页</title></head><body><div>关于法治政府<br>建设的报告</div><table><tr><td>指标</td><td>12件</td></tr></table></body></html>"
    doc = read_bytes(page.encode("utf-8"), "short.htm")
    assert doc.html_title == "短页"
    assert doc.text.split("\n") == ["关于法治政府", "建设的报告", "指标 | 12件"]


def test_mhtml_web_archive_saved_as_doc():
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    msg = MIMEMultipart("related")
    msg.attach(MIMEText(make_page(charset="gb2312"), "html", "gb18030"))
    doc = read_bytes(msg.as_bytes(), "saved.doc")
    assert doc.format == "mhtml" and doc.published == "2024-03-28"
    assert [ln for ln in doc.text.split("\n") if ln.strip()] == WEB_PARAS


# ---- errors -----------------------------------------------------------------------------------------


def test_empty_file_garbage_and_missing_path(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t ")
    (tmp_path / "garbage.txt").write_bytes(random.Random(7).randbytes(20000))
    missing = tmp_path / "nowhere" / "missing.txt"
    results = list(
        iter_inputs([tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "garbage.txt", missing])
    )
    assert len(results) == 4
    assert assert_one_line_error(results[0], "empty.txt").reason == "文件为空"
    assert assert_one_line_error(results[1], "blank.txt").reason == "文件为空"
    assert "二进制" in assert_one_line_error(results[2], "garbage.txt").reason
    assert assert_one_line_error(results[3], "missing.txt").reason == "文件不存在"
    with pytest.raises(ReadError, match="文件不存在"):
        read_path(missing)


def test_garbage_without_nul_bytes_is_not_text():
    data = bytes(b for b in random.Random(3).randbytes(30000) if b)
    with pytest.raises(ReadError):
        read_bytes(data, "noise.txt")


def test_binary_that_decodes_as_utf16_is_not_text():
    rng = random.Random(5)
    units = [rng.randrange(0x100, 0xD800) for _ in range(5000)]  # valid UTF-16, no BOM, no surrogates
    data = struct.pack(f"<{len(units)}H", *units)
    assert b"\x00" in data[:4096]
    with pytest.raises(ReadError, match="二进制"):
        read_bytes(data, "blob.txt")


def test_batch_goes_on_after_bad_files(tmp_path):
    (tmp_path / "a_bad.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (tmp_path / "b_good.txt").write_text(SEED, encoding="utf-8")
    results = list(iter_inputs([tmp_path]))
    assert [type(r) for r in results] == [ReadError, RawDocument]
    assert results[1].text == SEED


# ---- doc / wps --------------------------------------------------------------------------------------


def test_doc_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(doc_mod, "find_soffice", lambda: None)
    path = tmp_path / "old.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    err = assert_one_line_error(next(iter_inputs([path])), "old.wps")
    assert err.reason == "读取 .doc/.wps 需要安装 LibreOffice"


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_doc_conversion_pipeline_with_a_stand_in_for_libreoffice(tmp_path, monkeypatch):
    converted = tmp_path / "converted.docx"
    make_docx(converted)
    # Copies a ready .docx to <outdir>/input.docx, as `soffice --convert-to docx --outdir <outdir> input.doc` would.
    body = 'while [ $# -gt 1 ]; do [ "$1" = --outdir ] && out="$2"; shift; done\n'
    body += f'mkdir -p "$out" && cp "{converted}" "$out/input.docx"'
    monkeypatch.setattr(doc_mod, "find_soffice", lambda: _fake_soffice(tmp_path, body))
    path = tmp_path / "old.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    doc = read_path(path)
    assert doc.format == "wps" and doc.meta["converted_by"] == "libreoffice"
    assert doc.text.split("\n")[:6] == SEED_PARAS[:6]


def test_doc_conversion_failure_and_timeout(tmp_path, monkeypatch):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    monkeypatch.setattr(doc_mod, "find_soffice", lambda: _fake_soffice(tmp_path, "exit 1"))
    err = assert_one_line_error(next(iter_inputs([_write(tmp_path / "bad.doc", ole)])), "bad.doc")
    assert "LibreOffice" in err.reason
    monkeypatch.setattr(doc_mod, "find_soffice", lambda: _fake_soffice(tmp_path, "sleep 30"))
    monkeypatch.setattr(doc_mod, "CONVERT_TIMEOUT_S", 0.3)
    err = assert_one_line_error(next(iter_inputs([_write(tmp_path / "slow.doc", ole)])), "slow.doc")
    assert "超时" in err.reason


@pytest.mark.skipif(doc_mod.find_soffice() is None, reason="LibreOffice not installed")
def test_doc_converted_by_libreoffice(tmp_path):
    rtf = "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} \\f0 Report on the rule of law\\par Second paragraph\\par}"
    doc = read_bytes(rtf.encode("ascii"), "old.doc")
    assert "Report on the rule of law" in doc.text and "Second paragraph" in doc.text


# ---- directories and archives -----------------------------------------------------------------------


def test_directory_walk_sorted_skipping_hidden_and_unsupported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("乙报告", encoding="utf-8")
    (tmp_path / "a.TXT").write_text("甲报告", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("隐藏", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("仓库", encoding="utf-8")
    (tmp_path / "~$a.docx").write_bytes(b"lock")
    (tmp_path / "notes.md").write_text("笔记", encoding="utf-8")
    (tmp_path / "c.html").write_bytes(make_page().encode("utf-8"))
    (tmp_path / "d.zip").write_bytes(zip_bytes({"丙.txt": "丙报告".encode()}))
    results = list(iter_inputs(str(tmp_path)))  # a single path is accepted as well as a list
    assert [Path(r.source).name for r in results] == ["a.TXT", "2.txt", "c.html", "丙.txt"]
    assert [r.text for r in results[:2]] == ["甲报告", "乙报告"]
    assert results[3].source == f"{tmp_path / 'd.zip'}!/丙.txt" and results[3].text == "丙报告"


def test_zip_read_in_memory_with_unsafe_member_rejected(tmp_path):
    data = zip_bytes(
        {
            "../evil.txt": "越界".encode(),
            "/abs.txt": "绝对路径".encode(),
            "reports/a.txt": SEED.encode("gb18030"),
            "reports/b.docx": make_docx(),
            "__MACOSX/reports/._a.txt": b"\x00\x05\x16\x07",
            "reports/": b"",
            "reports/readme.md": b"skip",
        }
    )
    path = tmp_path / "batch.zip"
    path.write_bytes(data)
    results = list(iter_inputs([path]))
    by_source = {r.source: r for r in results}
    assert set(by_source) == {
        f"{path}!/../evil.txt",
        f"{path}!//abs.txt",
        f"{path}!/reports/a.txt",
        f"{path}!/reports/b.docx",
    }
    assert_one_line_error(by_source[f"{path}!/../evil.txt"], "batch.zip!/../evil.txt")
    assert "不安全" in by_source[f"{path}!//abs.txt"].reason
    assert by_source[f"{path}!/reports/a.txt"].text == SEED
    assert by_source[f"{path}!/reports/b.docx"].format == "docx"
    assert not (tmp_path / "evil.txt").exists() and sorted(p.name for p in tmp_path.iterdir()) == [
        "batch.zip"
    ]


def test_zip_bomb_is_refused_and_other_members_are_read(tmp_path, monkeypatch):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("a_ok.txt", SEED.encode("utf-8"))
        with zf.open("b_bomb.txt", "w") as f:
            zero = bytes(1 << 20)
            for _ in range(200):  # 200 MB of zeros, about 200 KB compressed
                f.write(zero)
        zf.writestr("c_ok.txt", "第二份报告".encode())
    assert path.stat().st_size < 2 * 1024 * 1024
    inflated = []
    real_read = zipfile.ZipExtFile.read
    monkeypatch.setattr(zipfile.ZipExtFile, "read", lambda self, n=-1: _counted(inflated, real_read(self, n)))
    results = list(iter_inputs([path]))
    assert sum(inflated) <= archive_mod.MAX_MEMBER_BYTES + archive_mod.READ_CHUNK + 2 * len(SEED.encode())
    assert [type(r) for r in results] == [RawDocument, ReadError, RawDocument]
    err = assert_one_line_error(results[1], "bomb.zip!/b_bomb.txt")
    assert "压缩炸弹" in err.reason
    assert results[2].text == "第二份报告"


def test_zip_member_whose_header_understates_its_size(tmp_path):
    big = bytes(4 * 1024 * 1024)
    data = bytearray(zip_bytes({"liar.txt": big, "ok.txt": "好".encode()}))
    # Rewrite the declared uncompressed size of liar.txt in the central directory to 100 bytes.
    cd = data.index(b"PK\x01\x02")
    assert data[cd + 46 : cd + 54] == b"liar.txt"
    struct.pack_into("<I", data, cd + 24, 100)
    results = list(iter_inputs([_write(tmp_path / "liar.zip", bytes(data))]))
    assert [type(r) for r in results] == [ReadError, RawDocument]
    assert_one_line_error(results[0], "liar.zip!/liar.txt")


def test_zip_limits_member_count_and_nesting(tmp_path, monkeypatch):
    inner = zip_bytes({"inner.txt": "内层报告".encode()})
    innermost = zip_bytes({"deep.zip": zip_bytes({"deep.txt": b"x"})})
    outer = zip_bytes({"a.zip": inner, "b.zip": innermost})
    results = list(iter_inputs([_write(tmp_path / "outer.zip", outer)]))
    assert (
        results[0].source == f"{tmp_path / 'outer.zip'}!/a.zip!/inner.txt" and results[0].text == "内层报告"
    )
    assert_one_line_error(results[1], "outer.zip!/b.zip!/deep.zip")
    assert "嵌套" in results[1].reason
    monkeypatch.setattr(archive_mod, "MAX_ZIP_MEMBERS", 2)
    many = zip_bytes({f"{i}.txt": b"x" for i in range(3)})
    (err,) = list(iter_inputs([_write(tmp_path / "many.zip", many)]))
    assert_one_line_error(err, "many.zip")


def test_zip_gbk_member_names(tmp_path):
    data = bytearray(zip_bytes({"abcd.txt": SEED.encode("utf-8")}))
    gbk = "报告.txt".encode("gbk")
    assert len(gbk) == len(b"abcd.txt")
    data = bytes(data).replace(b"abcd.txt", gbk)  # no UTF-8 flag: the names read as CP437 in zipfile
    (doc,) = list(iter_inputs([_write(tmp_path / "cn.zip", data)]))
    assert doc.source.endswith("cn.zip!/报告.txt")
    assert doc.text == SEED


def test_encrypted_zip_member(tmp_path):
    data = bytearray(zip_bytes({"locked.txt": b"secret", "open.txt": "公开".encode()}))
    cd = data.index(b"PK\x01\x02")
    data[cd + 8] |= 0x1  # general purpose flag bit 0: the member is encrypted
    results = list(iter_inputs([_write(tmp_path / "enc.zip", bytes(data))]))
    assert [type(r) for r in results] == [ReadError, RawDocument]
    assert "加密" in assert_one_line_error(results[0], "enc.zip!/locked.txt").reason


def test_read_bytes_on_a_single_member_zip():
    doc = read_bytes(zip_bytes({"only.txt": SEED.encode("utf-16")}), "one.zip")
    assert doc.source == "one.zip!/only.txt" and doc.text == SEED


def _counted(sizes: list[int], chunk: bytes) -> bytes:
    sizes.append(len(chunk))
    return chunk


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path

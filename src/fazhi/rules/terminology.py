"""Terminology rules (TE): 规范表述 — the one correct form of political and legal names and phrases.

TE001-TE003, TE005, TE006 are data (tables under data/terms/, found by the automaton of kinds.py);
TE004, TE007-TE009 read the context of a trigger: a law's first mention, a session's date, a plan's years.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .. import phrasegen
from ..analysis import Analysis
from ..config import Config
from ..model import Category, Severity
from . import kinds
from .base import Hit, rule
from .kinds import GUARD, TRIGGER, WRONG, Entry

FULL_PREFIX = "中华人民共和国"


def _laws() -> Iterator[Entry]:
    for name, *_ in kinds.rows("laws.txt"):
        yield Entry("law_short", TRIGGER, f"《{name}》", f"《{FULL_PREFIX}{name}》")
        yield Entry("law_full", TRIGGER, f"《{FULL_PREFIX}{name}》")


def _outdated() -> Iterator[Entry]:
    for old, new, date, how, note in kinds.rows("outdated.tsv"):
        yield Entry("outdated", WRONG, old, new, note, f"{date} {how}")


@cache
def sessions() -> dict[str, str]:
    """Party congresses and plenary sessions (as written: `二十届三中全会`, `二十大`) -> opening date."""
    return {name: date for name, date, *_ in kinds.rows("sessions.tsv")}


def _session_anchors() -> Iterator[Entry]:
    anchors = {name[:-4] if name.endswith("中全会") else name for name in sessions()}
    for a in sorted(anchors):
        yield Entry("session", TRIGGER, a)


# Tables whose wrong forms the generated phrase variants must not repeat (their own rules report them).
OTHER_WRONG_TABLES = (
    "phrases.tsv",
    "fixed_phrases.tsv",
    "days.tsv",
    "fazhi.tsv",
    "numerals.tsv",
    "outdated.tsv",
    "confusions.tsv",
    "variants.tsv",
    "institutions.tsv",
)


def _generated_phrases() -> Iterator[Entry]:
    """The wrong forms generated from canonical_phrases.tsv and the names of plans.tsv, sessions.tsv."""
    notes, templates = {}, []
    for template, swaps, note, *_ in (r + ["", ""] for r in kinds.rows("canonical_phrases.tsv")):
        templates.append((template.strip(), swaps.strip()))
        notes[phrasegen.canonical(template.strip())] = note.strip()
    for name, *_ in kinds.rows("plans.tsv"):
        templates.append((name, ""))
        notes[name] = f"文件名称为《{name}》"
    for name, *_ in kinds.rows("sessions.tsv"):
        if name.endswith("中全会"):
            templates.append((name, ""))
            notes[name] = f"会议名称为“{name}”"
    taken = [r[0] for t in OTHER_WRONG_TABLES for r in kinds.rows(t) if len(r) > 1 and r[1].strip()]
    correct = [r[0] for r in kinds.rows("lexicon.txt")] + list(notes)
    for v in phrasegen.generate(templates, taken, correct):
        yield Entry("phrase_gen", WRONG, v.wrong, v.right, notes[v.right], v.how)
    # A session's name cut before its last character (`二十届三中全精神`): 全 never ends a word, so the cut
    # form is a slip wherever the name itself (a guard here) does not go on with 会.
    for name in sessions():
        if name.endswith("中全会") and name[:-1] not in taken:
            yield Entry("phrase_gen", GUARD, name)
            yield Entry("phrase_gen", WRONG, name[:-1], name, notes[name], phrasegen.LOST)


kinds.table("phrase", "phrases.tsv")
kinds.register("phrase_gen", _generated_phrases)
kinds.table("numeral", "numerals.tsv")
kinds.table("fazhi", "fazhi.tsv")
kinds.table("day", "days.tsv")
kinds.register("law", _laws)
kinds.register("outdated", _outdated)
kinds.register("session", _session_anchors)
kinds.table("plan", "plans.tsv", TRIGGER)  # right column: the valid year ranges

_PHRASE = kinds.PreferredForms("phrase", "“{wrong}”不规范，应为“{right}”（{note}）")
_PHRASE_GEN = kinds.PreferredForms("phrase_gen", "“{wrong}”不规范，应为“{right}”（{note}）")
_FAZHI = kinds.PreferredForms("fazhi", "“{wrong}”应为“{right}”：法治理念、法治宣传教育一律用“法治”")
_DAY = kinds.PreferredForms("day", "“{wrong}”应为“{right}”（{note}）")
_OUTDATED = kinds.PreferredForms(
    "outdated", "{wrong}已被{right}取代（{note}）", suggest=lambda e: e.extra.endswith("替代")
)
# Separators allowed between book titles cited together (`《宪法》《民法典》`, `《民法典》、《宪法》`).
_TITLE_RUN = re.compile(r"(?:[、，,和及与]|以及|《[^《》\n]{1,40}》)*")
# The session numbers after an anchor: `二十届二中、三中全会`, `十九届六中全会`.
_N = "[一二三四五六七八九]"
_PLENUMS = re.compile(rf"{_N}中(?:全会)?(?:(?:、|，|和|及|以及|与){_N}中(?:全会)?)*")
# A congress named before it met is a legitimate mention when it is awaited (`迎接党的二十大`).
_AWAITED_BEFORE = re.compile(r"(?:迎接|喜迎|迎)[^，。；\n]{0,4}$")
_AWAITED_AFTER = re.compile(r"(?:胜利)?召开前|即将召开")
# A year range after a plan's name: (2021—2025年); dash style is checked by the format rules.
_YEARS = re.compile(r"([（(〔])?(\d{4})\s*[—\-－–~～至]+\s*(\d{4})(年)?([）)〕])?")


@rule(
    code="TE001",
    name="canonical-political-phrase",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="政治、法治固定表述不规范",
    bad=["深入学习贯彻党的二十大及历届全会精神。", "深入学习习近平总书记法治思想。"],
    good=["深入学习贯彻党的二十大和二十届历次全会精神。", "深入学习习近平法治思想。"],
    fixable=True,
)
def canonical_political_phrase(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """政治、法治固定表述应使用规范写法（phrases.tsv）。

    ## 检查内容
    phrases.tsv 收录的不规范写法，如“党的二十大及历届全会精神”“习近平总书记法治思想”
    “法治建设第一负责人”，把“二十大”和“二十届”混写的“二十大届三中全会”。
    另有一部分错误写法不逐条手写，而由规范写法按通用模式生成（canonical_phrases.tsv，以及 plans.tsv 的纲要、
    规划名称和 sessions.tsv 的全会名称）：并列成分次序颠倒（“学法用法尊法守法”“谁普法谁执法”
    “严格规范文明公正执法”“一公开、双随机”），中间缺一个字（“执法全程记录制度”“二十届三全会”），
    中间一个字写了两遍，或一个词换成常被误用的近义词（“普法明白人”“严格规范公平文明执法”）。
    ## 为什么
    重要政治表述、法治方针和文件名称有中央文件确定的唯一写法，公开的报告必须一字不差；
    “历届全会”与“二十届历次全会”所指范围也不同。
    ## 示例
    “深入学习贯彻党的二十大及历届全会精神。”
    ## 建议写法
    “深入学习贯彻党的二十大和二十届历次全会精神。”
    ## 误报与局限
    只认得表中收录的不规范写法和由表中规范写法生成的写法；首尾的字缺失、数字的缺失或重复、两个并列成分以外的
    增字不生成（这些情形常是正常文字，如“九届六中全会”是地方党委的全会）。其他词表已收录的写法由相应规则报告，
    不重复生成。直接引用历史文件原文时可在 `[lexicon] allowed` 中允许。
    """
    yield from _PHRASE(report, cfg)
    yield from _PHRASE_GEN(report, cfg)


@rule(
    code="TE002",
    name="unquoted-numeral-abbreviation",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="“八五”普法、“十四五”等数字简称未加引号",
    bad=["顺利通过八五普法中期评估。", "编制十四五规划纲要。"],
    good=["顺利通过“八五”普法中期评估。", "编制“十四五”规划纲要。"],
    fixable=True,
)
def unquoted_numeral_abbreviation(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """“八五”普法、“十四五”规划等数字简称应加引号。

    ## 检查内容
    “八五普法”“七五普法”“十四五规划”“十四五时期”等未加引号的写法（numerals.tsv）。
    ## 为什么
    数字缩略语按惯例保留汉字数字并加引号（GB/T 15835—2011；中央文件写作“八五”普法、“十四五”规划），
    不加引号时“八五”与普法连读，含义不清。
    ## 示例
    “通过国家层面八五普法中期评估。”
    ## 建议写法
    “通过国家层面“八五”普法中期评估。”
    ## 误报与局限
    整个词语已在引号中时（“八五普法”），建议改用单引号：“‘八五’普法”。用半角引号括起的写法由标点规则检查。
    """
    hits = []
    for m in kinds.wrong_forms(report, cfg, "numeral"):
        right = m.entry.right
        if report.text[m.start - 1 : m.start] == "“":
            right = right.replace("“", "‘").replace("”", "’")
        hits.append(Hit(m.start, m.end, f"数字简称应加引号，“{m.entry.text}”应写作{right}", suggestion=right))
    yield from kinds.allowed_only(report, cfg, hits)


@rule(
    code="TE003",
    name="fazhi-not-fazhi",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="应为“法治”而写作“法制”",
    bad=["组织干部参加法制理论考试。", "加强青少年法制教育，提升法制建设水平。"],
    good=["组织干部参加法治理论考试。", "重大执法决定法制审核，加强法制机构建设。"],
    fixable=True,
)
def fazhi_not_fazhi(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """法治理念、法治宣传教育等应写“法治”，不写“法制”。

    ## 检查内容
    fazhi.tsv 收录的“法制”搭配：法制教育、法制宣传、法制建设、法制理论、法制观念、法制副校长、民主法制等。
    ## 为什么
    “法制”指法律制度，“法治”指依法治理的理念和方式。党的十五大确立“依法治国”以来，中央文件中的法治宣传、
    法治教育、法治建设、法治理论考试等一律用“法治”，用“法制”是过时写法。
    ## 示例
    “组织机关工作人员每年都参加法制理论考试。”
    ## 建议写法
    “组织机关工作人员每年都参加法治理论考试。”
    ## 误报与局限
    制度和机构仍用“法制”（法制审核、法制机构、法制办、国家法制统一），不报。引用旧文件原名时会误报，可加入 `[lexicon] allowed`。
    """
    yield from _FAZHI(report, cfg)


@rule(
    code="TE004",
    name="short-law-title",
    category=Category.TERMINOLOGY,
    severity=Severity.INFO,
    summary="法律名称首次出现时用了简称",
    bad=["组织学习《宪法》《民法典》。", "认真学习了《民法典》、《行政复议法》等法律。"],
    good=[
        "组织学习《中华人民共和国宪法》。",
        "学习《中华人民共和国民法典》，再学《民法典》释义。",
        "开展“《民法典》进万家”主题宣传活动。",
    ],
    fixable=True,
    # A style preference, not a standard: short names (《民法典》《宪法》) are common and accepted in
    # these reports (issue 15), so the rule is opt-in (`[rules] preview = true` or `--select TE004`).
    status="preview",
)
def short_law_title(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """法律名称首次出现时应使用全称《中华人民共和国××法》。

    ## 检查内容
    laws.txt 收录的法律（全称以“中华人民共和国”开头）在报告中第一次出现时写成简称（《宪法》《民法典》），
    而此前没有出现过全称。每部法律每篇报告只提示一次；连在一起引用的几部法律合成一条提示。
    ## 为什么
    公文引用法律，首次出现应使用全称，此后可用简称；公开的报告面向社会公众，写全称更准确、规范。
    ## 示例
    “组织学习《宪法》《民法典》等法律法规。”
    ## 建议写法
    “组织学习《中华人民共和国宪法》《中华人民共和国民法典》等法律法规。”
    ## 误报与局限
    只查表中收录的法律；行政法规、地方性法规、党内法规不查。仅为提示（info）。简称在这类报告中普遍使用、
    并无强制标准，因此本规则是预览规则，默认不启用（在 fazhi.toml 中设 `[rules] preview = true` 或点名选用）。
    引号中的活动名称（“《民法典》进万家”）不查。
    """
    text, seen, groups = report.text, set(), []
    first_full = {m.entry.text: m.start for m in reversed(kinds.triggers(report, cfg, "law_full"))}
    for m in kinds.triggers(report, cfg, "law_short"):
        if m.entry.text in seen or first_full.get(m.entry.right, len(text)) < m.start:
            continue
        if kinds.inside_quotes(text, m.start, m.end):
            continue  # a quoted event name (`“《民法典》进万家”`) is written as the event is called
        seen.add(m.entry.text)
        if groups and _TITLE_RUN.fullmatch(text, groups[-1][-1].end, m.start):
            groups[-1].append(m)  # cited together with the previous one: one finding
        else:
            groups.append([m])
    hits = []
    for g in groups:
        start, end = g[0].start, g[-1].end
        fix = text[start:end]
        for m in g:
            fix = fix.replace(m.entry.text, m.entry.right, 1)
        pairs = "、".join(f"{m.entry.text}应为{m.entry.right}" for m in g)
        hits.append(Hit(start, end, f"法律名称首次出现宜用全称：{pairs}", suggestion=fix))
    yield from kinds.allowed_only(report, cfg, hits)


@rule(
    code="TE005",
    name="outdated-document-name",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="引用了已废止或已被取代的法规文件",
    bad=["2023年，严格执行《信访条例》。", "2022年，我局订阅《法制日报》10份。"],
    good=["2023年，严格执行《信访工作条例》。", "2021年，严格执行《信访条例》。"],
    fixable=True,
)
def outdated_document_name(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """引用了报告年度已经废止或被取代的法律、法规、文件或报刊名称。

    ## 检查内容
    outdated.tsv 收录的旧名称（《信访条例》《合同法》《法制日报》……），在报告所述年度不早于其变更年度时报告。
    ## 为什么
    《信访条例》自2022年5月1日起被《信访工作条例》取代，民法典施行后民法通则、合同法等同时废止；
    报告称“严格执行”已废止的法规，说明工作依据没有更新，审查时会被指出。
    ## 示例
    “严格执行《信访条例》，畅通信访渠道。”（2024年度报告）
    ## 建议写法
    “严格执行《信访工作条例》，畅通信访渠道。”
    ## 误报与局限
    叙述历史沿革时引用旧名称是正确的，会误报，可加入 `[lexicon] allowed`。报告年度未知时按现行状态判断。
    被并入新法的法律（如合同法并入民法典）只提示，不给替换建议。
    """
    year = report.year or (int(report.date[:4]) if report.date else None)
    yield from _OUTDATED(report, cfg, lambda m: year is None or year >= int(m.entry.extra[:4]))


@rule(
    code="TE006",
    name="commemoration-day-name",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="纪念日、宣传日名称不规范",
    bad=["开展国家安全日宣传活动。", "在全国法制宣传日开展宪法宣传。"],
    good=["开展全民国家安全教育日宣传，国家安全教育日当天发放资料。", "维护国家安全日益重要。"],
    fixable=True,
)
def commemoration_day_name(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """纪念日、宣传日应使用法定或正式名称。

    ## 检查内容
    days.tsv 收录的不规范名称：“国家安全日”（应为全民国家安全教育日）、“全国法制宣传日”“宪法宣传日”
    （2014年起为国家宪法日；“宪法宣传周”是另一个名称，不报）、“全国禁毒日”（应为国际禁毒日）等。
    ## 为什么
    这些日子由法律或国务院、全国人大常委会的决定设立，名称是确定的；“国家安全日”“法制宣传日”是旧称或俗称。
    ## 示例
    “先后开展国家安全日等宣传活动。”
    ## 建议写法
    “先后开展全民国家安全教育日等宣传活动。”
    ## 误报与局限
    “国家安全教育日”是通行简称，不报。“维护国家安全日益重要”一类的字面重合由保护词排除。
    """
    yield from _DAY(report, cfg)


def _cited_sessions(report: Analysis, cfg: Config) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, date) of every congress or plenary session the report names."""
    text, known = report.text, sessions()
    for m in kinds.triggers(report, cfg, "session"):
        anchor = m.entry.text
        if anchor in known:  # a congress: `党的二十大`
            if _AWAITED_BEFORE.search(text, max(0, m.start - 8), m.start) or _AWAITED_AFTER.match(
                text, m.end
            ):
                continue
            if text.endswith("党的", 0, m.start) or text.startswith(("精神", "报告"), m.end):
                yield m.start, m.end, anchor, known[anchor]
            continue
        run = _PLENUMS.match(text, m.end)
        if not run or not (run.group().endswith("全会") or text.startswith("全会", run.end())):
            continue
        for p in re.finditer(r"([一二三四五六七八九])中(?:全会)?", run.group()):
            name = f"{anchor}{p.group(1)}中全会"
            if name in known:
                yield run.start() + p.start(), run.start() + p.end(), name, known[name]


def _sessions_after(report: Analysis, cfg: Config, cutoff: str, why: str) -> Iterator[Hit]:
    """Hits for the sessions the report names that opened after `cutoff` (YYYY-MM-DD)."""
    found = [Hit(s, e, f"{n}于{d}召开，{why}") for s, e, n, d in _cited_sessions(report, cfg) if d > cutoff]
    return kinds.allowed_only(report, cfg, found)


@rule(
    code="TE007",
    name="session-cited-before-held",
    category=Category.TERMINOLOGY,
    severity=Severity.ERROR,
    summary="引用了成文日期时尚未召开的会议",
    bad=[
        "学习二十届三中全会精神。\n某局\n2024年1月10日",
        "学习二十届二中、三中全会精神。\n某局\n2024年3月1日",
    ],
    good=["学习二十届三中全会精神。\n某局\n2025年1月10日", "以优异成绩迎接党的二十大。\n某局\n2022年2月1日"],
)
def session_cited_before_held(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """报告引用的党代会或中央全会在报告成文日期时尚未召开。

    ## 检查内容
    “党的二十大”“二十届三中全会”“二十届二中、三中全会”等会议的开幕日期（sessions.tsv）晚于报告的成文日期。
    ## 为什么
    报告不可能学习贯彻成文后才召开的会议；出现这种情况，多半是套用了其他年份的报告、写错了届次，或成文日期写错。
    ## 示例
    成文日期为2024年1月10日的报告写“深入学习贯彻党的二十届三中全会精神”（该会于2024年7月召开）。
    ## 建议写法
    核对会议届次（如改为“二十届二中全会”）或成文日期。
    ## 误报与局限
    需要成文日期（没有时见 TE008）。“迎接党的二十大”不报。新会议召开后需在 sessions.tsv 补充日期。
    """
    if report.date:
        why = f"晚于本报告成文日期{report.date}，不可能被引用：请核对会议届次或成文日期"
        yield from _sessions_after(report, cfg, report.date, why)


@rule(
    code="TE008",
    name="session-after-report-year",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="报告年度与所引会议的时间矛盾",
    bad=["2023年，我局学习二十届三中全会精神。", "2021年，我局学习党的二十大报告。"],
    good=["2024年，我局学习二十届三中全会精神。", "2022年，我局学习二十届二中全会精神。"],
)
def session_after_report_year(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """报告所述年度的报告，引用了在报送截止日期之后才召开的会议。

    ## 检查内容
    没有成文日期的报告：所引会议（sessions.tsv）的开幕日期晚于所述年度次年的报送截止日期
    （默认3月1日，可在 fazhi.toml 的 `deadlines.report` 中修改）。
    ## 为什么
    年度报告在次年3月1日前报送，2023年度的报告不可能引用2024年7月召开的二十届三中全会；
    出现这种情况，说明报告年度写错，或套用了其他年份的报告。
    ## 示例
    《关于2023年法治政府建设情况的报告》写“深入学习贯彻党的二十届三中全会精神”。
    ## 建议写法
    核对报告年度（标题和正文中的年份）或会议届次。
    ## 误报与局限
    有成文日期时由 TE007 按成文日期判断，本规则不报；逾期很久才撰写的报告可能误报。
    """
    if report.date or not report.year:
        return
    cutoff = f"{report.year + 1}-{cfg.deadline_report}"
    why = f"而本报告为{report.year}年度报告（应于{cutoff}前报送）：请核对报告年度或会议届次"
    yield from _sessions_after(report, cfg, cutoff, why)


@rule(
    code="TE009",
    name="plan-title-form",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="纲要、规划名称的书名号或年份区间不规范",
    bad=["贯彻《法治政府建设实施纲要（2020—2025年）》。", "对照法治政府建设实施纲要（2021—2025年）。"],
    good=[
        "贯彻《法治政府建设实施纲要（2021—2025年）》。",
        "对照《法治社会建设实施纲要（2020—2025年）》。",
        "落实《某某省法治政府建设实施纲要（2022—2025年）》。",
    ],
    fixable=True,
)
def plan_title_form(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """带年份区间的纲要、规划名称应加书名号，年份区间应与名称相符。

    ## 检查内容
    plans.tsv 收录的“一规划两纲要”：年份区间是否与名称相符（法治政府纲要2021—2025年，法治社会纲要与法治中国
    规划2020—2025年，常被混淆），是否带“年”字、置于括号内，名称是否加书名号。
    ## 为什么
    文件名称是确定的；年份写错会被认为引用了不存在的文件。
    ## 示例
    “贯彻落实《法治政府建设实施纲要（2020—2025年）》。”
    ## 建议写法
    “贯彻落实《法治政府建设实施纲要（2021—2025年）》。”
    ## 误报与局限
    连接号写成“-”由格式规则检查，本规则不报。名称出现在更长的书名中（《关于贯彻…纲要的通知》）时不查书名号。
    书名号内名称前有地名（《某某省法治政府建设实施纲要（2022—2025年）》）的是地方文件，有自己的年份，不查。
    """
    text = report.text
    hits = []
    for m in kinds.triggers(report, cfg, "plan"):
        name, valid = m.entry.text, m.entry.right.split("|")
        canonical = f"《{name}（{valid[0]}年）》"
        book = text.rfind("《", 0, m.start)
        opened = book > text.rfind("》", 0, m.start)
        if opened and book + 1 < m.start:
            continue  # 《某某省法治政府建设实施纲要（2022—2025年）》: a local plan with its own years
        y = _YEARS.match(text, m.end)
        start = m.start - 1 if text[m.start - 1 : m.start] == "《" else m.start
        end = y.end() if y else m.end
        end += text[end : end + 1] == "》"
        if y and f"{y.group(2)}—{y.group(3)}" not in valid:
            msg = f"《{name}》的年份区间应为（{valid[0]}年），文中写作{y.group(2)}—{y.group(3)}"
            fix = canonical if start < m.start and text[end - 1] == "》" else None
            hits.append(Hit(start, end, msg, suggestion=fix, severity=Severity.ERROR))
        elif y and not (y.group(1) and y.group(4) and y.group(5)):
            hits.append(Hit(start, end, f"年份区间应写在括号内并带“年”字：{canonical}"))
        elif not opened:
            hits.append(Hit(start, end, f"文件名称应加书名号：{canonical if y else '《' + name + '》'}"))
    yield from kinds.allowed_only(report, cfg, hits)

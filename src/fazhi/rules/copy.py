"""Copy between reports (category copy): the record of rule CP001, which fazhi.corpus applies.

The rule compares reports with each other, so its check finds nothing in one report; `fazhi corpus
similar`, the workspace and `with_copy_findings` run the comparison and build its findings here.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Category, Finding, Severity
from .base import CORPUS_EXAMPLE_SEPARATOR, Hit, rule

RULE_CODE = "CP001"
RULE_NAME = "copied-passage"

_SEP = CORPUS_EXAMPLE_SEPARATOR


@rule(
    code=RULE_CODE,
    name=RULE_NAME,
    category=Category.COPY,
    severity=Severity.WARNING,
    summary="与另一份报告有大段雷同文字",
    scope="corpus",
    bad=[
        "一、主要举措\n"
        "镇综合执法办对沿街商铺逐户上门，核对营业执照和门前三包责任书，发现超范围经营的当场下达整改通知，"
        "七日内复查，复查仍不合格的移交市场监管所处理。" + _SEP + "一、主要举措\n"
        "街道执法中队对沿街商铺逐户上门，核对营业执照和门前三包责任书，发现超范围经营的当场下达整改通知，"
        "七日内复查，复查仍不合格的移交市场监管所处理。",
    ],
    good=[
        "一、2023年推进法治政府建设的主要举措和成效\n"
        "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
        "认真落实《法治政府建设实施纲要（2021—2025年）》。镇里在赶集日开设普法摊位12次。"
        + _SEP
        + "一、2023年推进法治政府建设的主要举措和成效\n"
        "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
        "认真落实《法治政府建设实施纲要（2021—2025年）》。街道联合辖区中学举办模拟法庭2场。",
    ],
)
def copied_passage(report: Analysis) -> Iterator[Hit]:
    """一段文字与另一份报告雷同（抄袭或套用他人报告）。

    ## 检查内容
    在一批报告（一个文件夹、压缩包或工作台中的全部报告）之间比对：两份报告中有一段文字
    （去掉标点后约 25 字以上）几乎相同，即在两份报告中各报一条，指出对方报告和雷同的位置。
    比对用句子的字符片段（6 字一段）做 MinHash 局部敏感哈希，再逐段对齐，个别字改动、
    增删一两个分句仍能找到。
    ## 为什么
    年度报告应当写本单位当年的实际工作。照搬其他单位的段落，说明材料不实，
    是考核评估中的扣分点，也会让读者怀疑其他内容。
    ## 示例
    甲镇：“对沿街商铺逐户上门，核对营业执照和门前三包责任书，发现超范围经营的当场下达整改通知”；
    乙街道的报告中有同样一段。
    ## 建议写法
    用本单位的做法、数字和事例重写这一段；确属上级统一部署的表述，可概括写明依据的文件。
    ## 误报与局限
    各报告都有的套话不算雷同：标题、法定的五部分标题、《法治政府建设实施纲要》等名称、
    规范表述（见术语表），以及在一批报告中很多份（5% 以上且至少 3 份）都出现的片段。
    同一上级文件要求的统一表述若只有两三份报告引用，仍会被报告，请人工判断。
    只比对同一批报告；改写幅度大的“洗稿”找不到。
    """
    return iter(())


def finding(other: str, start: int, end: int, chars: int) -> Finding:
    """The CP001 finding of a passage at start..end shared with the report called `other`."""
    return Finding(
        rule=RULE_CODE,
        name=RULE_NAME,
        category=Category.COPY,
        severity=Severity.WARNING,
        message=f"这段文字（约 {chars} 字）与“{other}”中的一段雷同",
        start=start,
        end=end,
    )

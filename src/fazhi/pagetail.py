"""The page's tail: what a government site puts below the report (`上一篇：…` `下一篇：…`, `相关文章` and its list
of article titles, `网站地图 | 联系我们`, `（责任编辑：…）`, timestamps). Normalization drops the trailing run of
such lines (fazhi.normalize._web_debris); the report's own signature and date above them stay."""

from __future__ import annotations

import re

from . import furniture

# Labels a report may put before its own signing date at its end.
SIGNING_LABELS = frozenset("时间 日期 成文日期 成文时间".split())
# A page's tail (related articles, previous and next) has at most this many lines of at most this length.
MAX_TAIL_LINES, MAX_TAIL_ITEM = 20, 60
TAIL_HEAD_RE = re.compile(
    r"(?:相关(?:链接|文章|阅读|新闻|推荐|信息|文件|稿件)|延伸阅读|热点推荐|推荐阅读|[上下]一[篇条])\s*(?:[:：]|$)"
)


def is_tail_furniture(line: str) -> bool:
    """A line of the page below the report (`上一篇：…`, `相关链接`, `网站地图 | 联系我们`, `（责任编辑：…）`,
    a timestamp): dropped when it stands in the trailing run of such lines."""
    s = line.strip()
    if furniture.SENTENCE_RE.search(s.rstrip("。")):
        return False
    if furniture.is_nav_line(s) or furniture.is_control_line(s) or furniture.is_timestamp_line(s):
        return True
    # `日期：2025年3月20日` below a signature is the report's own date, not the page's.
    label = furniture.row_label(s)
    return label is not None and label not in SIGNING_LABELS and "。" not in s


def tail_start(lines: list[str]) -> int | None:
    """Where the page's tail begins below the report: the last `相关链接`/`相关文章` or `上一篇：` line before the
    end with only short lines after it (the list of related articles, whose titles may read as a report's
    title or as numbered headings). None when the text ends in report text."""
    start = None
    seen = 0
    for i in range(len(lines) - 1, -1, -1):
        s = lines[i].strip()
        if not s:
            continue
        seen += 1
        if seen > MAX_TAIL_LINES or len(s) > MAX_TAIL_ITEM or "。" in s:
            break
        if TAIL_HEAD_RE.match(s.strip(furniture.BULLETS + " \t")):
            start = i
    return start

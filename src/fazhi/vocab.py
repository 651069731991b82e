"""The closed sets of the product, each defined once with the reviewer's Chinese label beside each value.

Values are the strings the JSON contract and the database have always held (a `StrEnum` member equals
its string), so output and stored rows are unchanged. `labels(E)` is the one form every output uses:
a plain dict from value to Chinese label (CLI, Markdown, HTML, web pages, exports).
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A closed set whose members carry their Chinese label (`Verdict.PASS.label == "通过"`)."""

    label: str

    def __new__(cls, value: str, label: str) -> Labelled:
        """A member whose value is `value` (what is stored) and whose label is `label` (what is shown)."""
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj


def labels(kind: type[Labelled]) -> dict[str, str]:
    """Value → Chinese label of every member, in definition order."""
    return {m.value: m.label for m in kind}


# --- the analysis (the JSON contract, report-json.md) ---


class Category(Labelled):
    """Finding categories (closed set of the contract)."""

    TYPO = "typo", "错别字"
    TERMINOLOGY = "terminology", "规范表述"
    PUNCTUATION = "punctuation", "标点符号"
    NUMBERING = "numbering", "标题编号"
    DUPLICATE = "duplicate", "重复内容"
    NUMBER_CONSISTENCY = "number_consistency", "数字一致性"
    PLAUSIBILITY = "plausibility", "数字合理性"
    STRUCTURE = "structure", "报告结构"
    METADATA = "metadata", "公文要素"
    FORMAT = "format", "数字与格式"
    COPY = "copy", "抄袭雷同"
    TIMELINESS = "timeliness", "时效"


class Severity(Labelled):
    """How urgent a finding is."""

    ERROR = "error", "错误"
    WARNING = "warning", "警告"
    INFO = "info", "提示"


class UnitLevel(Labelled):
    """Administrative level of the issuing body."""

    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "乡镇（街道）"
    DEPARTMENT = "department", "部门"
    UNKNOWN = "unknown", "未识别"


class Qualifier(StrEnum):
    """Approximation qualifier of a quantity (shown through render.QUALIFIER_FORMS, not by a label)."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    NEARLY = "nearly"
    ABOUT = "about"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"


class PartKey(Labelled):
    """The five statutory parts of a report, labelled with their names in the regulation."""

    MEASURES = "measures", "主要举措和成效"
    SHORTCOMINGS = "shortcomings", "存在的不足和原因"
    FIRST_RESPONSIBLE = "first_responsible", "党政主要负责人履行推进法治建设第一责任人职责情况"
    NEXT_YEAR = "next_year", "下一年度主要安排"
    OTHER = "other", "其他需要报告的情况"


class PartStatus(Labelled):
    """Whether a statutory part has its own section, is folded into another, or is absent."""

    DEDICATED = "dedicated", "单列"
    EMBEDDED = "embedded", "包含在其他部分"
    MISSING = "missing", "缺失"


class HeadingStyle(Labelled):
    """How a heading is numbered (the GB/T 9704 levels, `一是` items, none), labelled by its form."""

    CN = "cn", "一、"
    PAREN_CN = "paren_cn", "（一）"
    ARABIC = "arabic", "1."
    PAREN_ARABIC = "paren_arabic", "（1）"
    ORDINAL = "ordinal", "一是"
    NONE = "none", "无编号"


# --- the review workspace (stored in the database) ---


class Role(Labelled):
    """What an account may do."""

    ADMIN = "admin", "管理员"
    REVIEWER = "reviewer", "审查人员"
    UNIT = "unit", "报送单位"


class Verdict(Labelled):
    """The reviewer's conclusion on a report."""

    PENDING = "pending", "待审查"
    PASS = "pass", "通过"
    RETURN = "return", "退回修改"


class FindingAction(Labelled):
    """The reviewer's decision on one finding."""

    ACCEPTED = "accepted", "采纳（需修改）"
    DISMISSED = "dismissed", "排除（无需修改）"


class AnalysisStatus(Labelled):
    """Where an uploaded report's analysis stands."""

    QUEUED = "queued", "分析中"
    ANALYSING = "analysing", "分析中"
    DONE = "done", "已分析"
    FAILED = "failed", "失败"
    TOO_LARGE = "too_large", "超出限制"


class SeasonStatus(Labelled):
    """An expected unit's report in the season overview, in the order the overview sorts by."""

    NOT_RECEIVED = "not_received", "未收到"
    RECEIVED_LATE = "received_late", "逾期收到"
    RECEIVED = "received", "已收到"
    PUBLISHED = "published", "已公开"
    REVIEWED = "reviewed", "已审查"


# The label tables under their historical names (value → label; one convention for every output).
CATEGORY_ZH = labels(Category)
SEVERITY_ZH = labels(Severity)
LEVEL_ZH = labels(UnitLevel)
PART_NAMES = labels(PartKey)
PART_KEYS = tuple(PART_NAMES)
PART_STATUS_ZH = labels(PartStatus)
STYLE_NAMES = labels(HeadingStyle)
ROLE_ZH = labels(Role)
VERDICT_ZH = labels(Verdict)
ACTION_ZH = labels(FindingAction)
ANALYSIS_ZH = labels(AnalysisStatus)
STATUS_ZH = labels(SeasonStatus)
# The closed sets the workspace validates input against (plain strings, as stored).
ROLES = tuple(ROLE_ZH)
VERDICTS = tuple(VERDICT_ZH)
FINDING_ACTIONS = tuple(ACTION_ZH)
PENDING = (AnalysisStatus.QUEUED.value, AnalysisStatus.ANALYSING.value)
# The roles that see every report.
STAFF_ROLES = (Role.ADMIN.value, Role.REVIEWER.value)

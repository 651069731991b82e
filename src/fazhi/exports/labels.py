"""Chinese labels of the workspace's closed sets, for pages, API payloads and the exported files."""

from __future__ import annotations

VERDICT_ZH = {"pending": "待审查", "pass": "通过", "return": "退回修改"}
ACTION_ZH = {"accepted": "采纳（需修改）", "dismissed": "排除（无需修改）"}
ROLE_ZH = {"admin": "管理员", "reviewer": "审查人员", "unit": "报送单位"}
ANALYSIS_ZH = {
    "queued": "分析中",
    "analysing": "分析中",
    "done": "已分析",
    "failed": "失败",
    "too_large": "超出限制",
}
# A unit's status in a season, in the order the season table lists them.
STATUS_ZH = {
    "not_received": "未收到",
    "received_late": "逾期收到",
    "received": "已收到",
    "published": "已公开",
    "reviewed": "已审查",
}

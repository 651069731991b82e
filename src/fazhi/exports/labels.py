"""Chinese labels of the workspace's closed sets, for pages, API payloads and the exported files.

The sets and their labels are defined once, in vocab.py; this module names the ones the exports use.
"""

from __future__ import annotations

from ..vocab import ACTION_ZH, ANALYSIS_ZH, ROLE_ZH, STATUS_ZH, VERDICT_ZH

__all__ = ["ACTION_ZH", "ANALYSIS_ZH", "ROLE_ZH", "STATUS_ZH", "VERDICT_ZH"]

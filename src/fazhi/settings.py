"""Every FAZHI_* environment variable in one table (name, type, default, Chinese description), and the docs table.

The `fazhi.toml` settings are the table `config.SETTINGS`; `markdown()` writes both into docs/settings.md
(`make docs`). Code reads an environment variable only through `env()`,
so a variable missing from the table fails at once (KeyError) instead of going undocumented.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EnvVar:
    """One environment variable: its name, value type, default and what it does (in Chinese)."""

    name: str
    type: str
    default: str
    help: str


ENVIRONMENT: tuple[EnvVar, ...] = (
    EnvVar(
        "FAZHI_DATABASE_URL",
        "URL",
        "",
        "工作台数据库；不设则用数据目录下的 SQLite 文件 fazhi.db，设为 postgresql://… 则用 PostgreSQL",
    ),
    EnvVar("FAZHI_DATA_DIR", "目录", "fazhi-data", "数据目录：SQLite 文件和 secret.key 所在"),
    EnvVar(
        "FAZHI_SECRET_KEY", "文本", "", "会话签名密钥；不设则在数据目录生成 secret.key（权限 600）并一直使用"
    ),
    EnvVar(
        "FAZHI_SECURE_COOKIES",
        "开关",
        "",
        "设为 1（或 true、yes、on）时会话 Cookie 只经 HTTPS 发送：在 TLS 代理之后部署时设",
    ),
    EnvVar(
        "FAZHI_TIMEZONE",
        "时区",
        "Asia/Shanghai",
        "办公地时区：报送是否逾期按该时区的日期判断，页面按它显示时间",
    ),
    EnvVar("FAZHI_RULES_SELECT", "逗号分隔的列表", "", "不为空时代替配置文件的 rules.select"),
    EnvVar("FAZHI_RULES_IGNORE", "逗号分隔的列表", "", "不为空时代替配置文件的 rules.ignore"),
)
_BY_NAME = {v.name: v for v in ENVIRONMENT}


def env(name: str) -> str:
    """The value of a FAZHI_* variable of the table, else its default (KeyError for one not in the table)."""
    return os.environ.get(name, _BY_NAME[name].default)


def _cell(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return (f"`{text}`" if text != "" else "（空）").replace("|", "\\|")


def markdown(file_settings: Iterable[Any]) -> str:
    """docs/settings.md: the `fazhi.toml` settings (config.SETTINGS, passed in) and the environment variables."""
    lines = [
        "# 设置",
        "",
        "本页由 `make docs` 从代码中的设置表生成，请勿手改。",
        "",
        "## 配置文件 fazhi.toml",
        "",
        "| 设置 | 默认值 | 说明 |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{s.name}` | {_cell(s.default)} | {s.help} |" for s in file_settings]
    lines += ["", "## 环境变量", "", "| 变量 | 类型 | 默认值 | 说明 |", "| --- | --- | --- | --- |"]
    lines += [f"| `{v.name}` | {v.type} | {_cell(v.default)} | {v.help} |" for v in ENVIRONMENT]
    return "\n".join(lines) + "\n"

"""`fazhi serve`, `fazhi ingest PATH...` and `fazhi user add|token|list|passwd|disable|enable|role|logout`: the review workspace from the shell.

The database is FAZHI_DATABASE_URL, else a SQLite file under FAZHI_DATA_DIR (default ./fazhi-data).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from ..store import common

user_app = typer.Typer(help="管理审查工作台的账号。", no_args_is_help=True)


def _session():
    from ..store.db import get_sessionmaker

    return get_sessionmaker()()


def _inputs(paths: list[Path]) -> list[Path]:
    """Files to load: each file as given (zips included), directories walked like `fazhi analyze` does."""
    from ..ingest.archive import walk_dir

    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(x for x in walk_dir(p) if isinstance(x, Path))
        else:
            out.append(p)
    return out


def run_ingest(paths: list[Path], config: Path | None = None) -> int:
    """Store and analyse a batch (files, directories, zips); one line per failure; returns the exit status."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..config import load_config
    from ..ingest import ReadError
    from ..ingest.archive import walk_dir
    from ..store import service

    err = Console(stderr=True)
    try:
        cfg = load_config(config)
    except ValueError as e:
        err.print(f"[red]错误[/red]：{escape(str(e))}", highlight=False, soft_wrap=True)
        return 2
    failures = [x for p in paths if p.is_dir() for x in walk_dir(p) if isinstance(x, ReadError)]
    files = _inputs(paths)
    stored = dup = 0
    failed = len(failures)
    for f in failures:
        err.print(f"[red]无法入库[/red] {escape(str(f))}", highlight=False, soft_wrap=True)
    progress = Progress(
        TextColumn("入库"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    )
    with _session() as s, progress:
        task = progress.add_task("", total=len(files))
        for path in files:
            progress.update(task, description=path.name)
            try:
                too_large = common.upload_too_large(path.stat().st_size, show_size=True)
                if too_large:
                    raise ReadError(str(path), too_large)
                items = service.ingest(s, path.read_bytes(), str(path), common.SYSTEM, cfg)
            except ReadError as e:
                items = [service.IngestItem(str(path), error=str(e))]
            except FileNotFoundError:
                items = [service.IngestItem(str(path), error=f"{path}: 文件不存在")]
            except OSError as e:
                items = [service.IngestItem(str(path), error=f"{path}: 无法读取文件（{e.strerror or e}）")]
            for it in items:
                if it.error:
                    failed += 1
                    progress.console.print(
                        f"[red]无法入库[/red] {escape(str(it.error))}", highlight=False, soft_wrap=True
                    )
                elif it.duplicate:
                    dup += 1
                else:
                    stored += 1
            progress.advance(task)
    err.print(
        f"已入库 {stored} 份报告"
        + (f"，{dup} 份此前已入库" if dup else "")
        + (f"，{failed} 份失败" if failed else "")
    )
    return 1 if failed else 0


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="用户名"),
    role: str = typer.Option(
        ..., "--role", help="角色：admin（管理员）、reviewer（审查人员）或 unit（报送单位）"
    ),
    unit: str | None = typer.Option(None, "--unit", help="单位账号所属的单位名称（不存在时新建）"),
    password: str | None = typer.Option(None, "--password", help="密码（不给出时提示输入）"),
) -> None:
    """新建账号。"""
    from ..store import accounts

    if password is None:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt="再输入一次")
    with _session() as s:
        try:
            u = accounts.create_user(s, name, password, role, unit)
        except common.BadInput as e:
            Console(stderr=True).print(f"[red]错误[/red]：{e}")
            raise typer.Exit(2) from e
        typer.echo(f"已创建账号 {u.username}（{role}{'，' + unit if unit and role == 'unit' else ''}）")


@user_app.command("token")
def user_token(name: str = typer.Argument(..., help="用户名")) -> None:
    """为账号生成新的 API 令牌（旧令牌随即失效），打印到标准输出。"""
    from sqlalchemy import select

    from ..store import accounts
    from ..store.models import User

    with _session() as s:
        u = s.scalar(select(User).where(User.username == name))
        if u is None:
            Console(stderr=True).print(f"[red]错误[/red]：没有用户 {name}")
            raise typer.Exit(2)
        typer.echo(accounts.issue_token(s, u))


@user_app.command("list")
def user_list() -> None:
    """列出账号。"""
    from rich.table import Table
    from sqlalchemy import select

    from ..exports.labels import ROLE_ZH
    from ..store.models import User

    table = Table(title="账号")
    for col in ("用户名", "角色", "单位", "状态", "API 令牌"):
        table.add_column(col)
    with _session() as s:
        for u in s.scalars(select(User).order_by(User.username)):
            table.add_row(
                u.username,
                ROLE_ZH.get(u.role, u.role),
                u.unit.name if u.unit else "—",
                "启用" if u.active else "停用",
                "有" if u.token_hash else "无",
            )
    Console().print(table)


def _account_change(fn, *args) -> None:

    with _session() as s:
        try:
            fn(s, *args)
        except (common.BadInput, common.NotFound) as e:
            Console(stderr=True).print(f"[red]错误[/red]：{e}")
            raise typer.Exit(2) from e


@user_app.command("passwd")
def user_passwd(
    name: str = typer.Argument(..., help="用户名"),
    password: str | None = typer.Option(None, "--password", help="新密码（不给出时提示输入）"),
) -> None:
    """重置账号的密码；该账号已登录的会话全部失效。"""
    from ..store import accounts

    if password is None:
        password = typer.prompt("新密码", hide_input=True, confirmation_prompt="再输入一次")
    _account_change(accounts.set_password, name, password)
    typer.echo(f"已重置 {name} 的密码，该账号的所有会话已失效")


@user_app.command("disable")
def user_disable(name: str = typer.Argument(..., help="用户名")) -> None:
    """停用账号：会话和 API 令牌立即失效。"""
    from ..store import accounts

    _account_change(accounts.set_active, name, False)
    typer.echo(f"已停用账号 {name}")


@user_app.command("enable")
def user_enable(name: str = typer.Argument(..., help="用户名")) -> None:
    """重新启用账号。"""
    from ..store import accounts

    _account_change(accounts.set_active, name, True)
    typer.echo(f"已启用账号 {name}")


@user_app.command("role")
def user_role(
    name: str = typer.Argument(..., help="用户名"),
    role: str = typer.Argument(..., help="admin、reviewer 或 unit"),
    unit: str | None = typer.Option(None, "--unit", help="单位账号所属的单位名称"),
) -> None:
    """更改账号的角色（和所属单位）；该账号的会话全部失效。"""
    from ..store import accounts

    _account_change(accounts.set_role, name, role, unit)
    typer.echo(f"已将 {name} 的角色改为 {role}{'（' + unit + '）' if unit and role == 'unit' else ''}")


@user_app.command("logout")
def user_logout(name: str = typer.Argument(..., help="用户名")) -> None:
    """结束账号的所有会话（如怀疑会话被盗用）。"""
    from ..store import accounts

    _account_change(lambda s, n: accounts.end_sessions(s, accounts.get_user(s, n).id), name)
    typer.echo(f"已结束 {name} 的所有会话")


def register(app: typer.Typer) -> None:
    """Add `serve`, `ingest` and `user` to the CLI."""

    @app.command("serve")
    def serve(
        host: str = typer.Option(
            "127.0.0.1", "--host", help="监听地址（对外提供服务时用 0.0.0.0，并放在 HTTPS 反向代理之后）"
        ),
        port: int = typer.Option(8000, "--port", help="端口"),
    ) -> None:
        """启动审查工作台（网页和 /api/ 接口）。"""
        import uvicorn
        from sqlalchemy import func, select

        from ..store.db import database_url
        from ..store.models import User
        from ..web import create_app

        err = Console(stderr=True)
        try:
            web_app = create_app()
        except Exception as e:  # an unreachable database or a bad URL: one clear line, not a traceback
            err.print(f"[red]错误[/red]：无法打开数据库 {database_url()}（{type(e).__name__}: {e}）")
            raise typer.Exit(2) from e
        with web_app.state.sessionmaker() as s:
            if not s.scalar(select(func.count()).select_from(User)):
                err.print("[yellow]还没有任何账号[/yellow]：请先运行 fazhi user add 用户名 --role admin")
        err.print(f"审查工作台：http://{host}:{port}/", soft_wrap=True)
        err.print(f"数据库：{web_app.state.database_url.split('@')[-1]}", soft_wrap=True, highlight=False)
        uvicorn.run(web_app, host=host, port=port, log_level="info", proxy_headers=True)

    @app.command("ingest")
    def ingest(
        paths: list[Path] = typer.Argument(..., help="报告文件、目录或 zip 压缩包"),
        config: Path | None = typer.Option(
            None, "--config", help="配置文件（默认读取当前目录的 fazhi.toml）"
        ),
    ) -> None:
        """把一批报告存入审查工作台的数据库并分析（与网页上传相同）。"""
        code = run_ingest(paths, config)
        if code:
            raise typer.Exit(code)

    app.add_typer(user_app, name="user")

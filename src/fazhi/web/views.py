"""What the HTML pages and the JSON API share: uploads, downloads and the input limits of forms."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request, UploadFile
from sqlalchemy.orm import Session

from ..store import common, service
from .deps import Auth

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def attachment(name: str) -> dict[str, str]:
    """Content-Disposition for a download (ASCII fallback plus the UTF-8 name)."""
    ascii_name = "".join(c if c.isascii() and c.isalnum() or c in "._-" else "_" for c in name)
    return {"Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"}


def upload_limit(request: Request) -> int:
    """The size limit of one uploaded file for this app, in bytes."""
    return common.upload_limit(request.app.state.max_upload_bytes)


def upload_size(f: UploadFile) -> int:
    """An uploaded file's size in bytes, found without reading it into memory."""
    f.file.seek(0, 2)
    size = f.file.tell()
    f.file.seek(0)
    return size


def ingest_uploads(
    request: Request, s: Session, auth: Auth, files: list[UploadFile]
) -> list[service.IngestItem]:
    """Store every uploaded file at once and queue it for analysis (a zip gives one item per report)."""
    limit = upload_limit(request)
    items: list[service.IngestItem] = []
    for f in files:
        name = (f.filename or "").replace("\\", "/").split("/")[-1].strip()
        if not name:
            continue
        too_large = common.upload_too_large(upload_size(f), limit)
        if too_large:  # refused before it is read into memory
            items.append(service.IngestItem(name, error=f"{name}: {too_large}"))
            continue
        data = f.file.read()
        stored = service.store_upload(s, data, name, auth.actor)
        del data
        for item in stored:
            if item.status == "queued" and not item.duplicate:
                request.app.state.analysis.submit(item.report_id)
        items.extend(stored)
    return items


def within(value: str, limit: int, what: str) -> str:
    """A form field's text when it fits the limit the API sets for the same field, else TooLong (422).

    The pages never cut a reviewer's text short: an over-long note is refused whole, as the API refuses it.
    """
    if len(value) > limit:
        raise TooLong(f"{what}过长：{len(value)} 个字符，上限 {limit} 个字符；内容未保存，请删减后再提交")
    return value


class TooLong(common.BadInput):
    """A form field longer than its limit (HTTP 422, the status the API gives for the same input)."""

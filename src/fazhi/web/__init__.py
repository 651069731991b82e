"""The review workspace: FastAPI app with server-rendered pages (Jinja2) and a JSON API under /api/.

Every page and every API endpoint is a view of the same calls of `fazhi.store.service`; authorization
lives there. This package adds sessions, CSRF protection, token auth, templates and exports.
"""

from .app import create_app

__all__ = ["create_app"]

"""Headers every answer carries: what the browser may load, frame and cache, and Secure cookies.

A plain ASGI middleware (no BaseHTTPMiddleware: that one copies every response through a
task and is slower). The pages load their script and style sheet from /static only;
inline style attributes (network colours) and the documents' own <style> are allowed,
inline scripts are not. /docs and /redoc run the OpenAPI viewers' own inline start-up.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGES_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# The interactive API description: its viewers start with an inline script, and may
# fetch their bundles from a CDN when the package does not serve them itself.
VIEWERS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src 'self' https://fonts.gstatic.com; worker-src 'self' blob:; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
VIEWERS = ("/docs", "/redoc")
# Only the unchanging assets may be kept by browsers and proxies.
CACHEABLE = ("/static/",)


def policy_for(path: str) -> str:
    return VIEWERS_POLICY if path.startswith(VIEWERS) else PAGES_POLICY


class SecurityHeaders:
    """Adds CSP, no framing, no sniffing and no-store to every HTTP answer; with
    ``secure_cookies`` marks every cookie Secure and asks browsers to stay on HTTPS."""

    def __init__(self, app: ASGIApp, secure_cookies: bool = False) -> None:
        self.app = app
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", policy_for(path))
                headers["X-Frame-Options"] = "DENY"
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "same-origin"
                if not path.startswith(CACHEABLE):
                    headers["Cache-Control"] = "no-store"
                if self.secure_cookies:
                    headers["Strict-Transport-Security"] = "max-age=31536000"
                    self.mark_secure(headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    def mark_secure(headers: MutableHeaders) -> None:
        cookies = headers.getlist("set-cookie")
        if not cookies:
            return
        del headers["set-cookie"]
        for cookie in cookies:
            secure = "secure" in (part.strip().lower() for part in cookie.split(";"))
            headers.append("set-cookie", cookie if secure else f"{cookie}; Secure")

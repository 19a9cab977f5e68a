"""`Idempotency-Key` on POSTs: a client retrying after a timeout does not record twice.

The first request with a key is answered as usual and its answer kept (per account, for
MLW_IDEMPOTENCY_HOURS); a retry with the same key and the same request gets that answer
again (`Idempotent-Replayed: true`) and records nothing; the same key with another
request is refused (422), and while the first is still being answered a retry gets 409.
Answers of 500 and more are not kept: the request did not happen, a retry runs it anew.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem_json
from api.storage_failures import unavailable
from domain.errors import DomainError
from registry.idempotency import Answer, idempotency_store_for
from registry.storage_failures import STORAGE_ERRORS, storage_failure

KEY = re.compile(r"^[\x21-\x7e]{1,255}$")  # printable ASCII, as the IETF draft's examples
KEPT = ("set-cookie", "date", "server")  # never replayed: they belong to the first answer


def owner_of(scope: Scope, headers: dict[str, str]) -> str | None:
    """The account asking (from its token or page session), or None if nobody is logged in."""
    if scope["path"].startswith("/api/"):
        kind, _, token = headers.get("authorization", "").partition(" ")
        if kind.lower() != "bearer" or not token.strip():
            return None
        try:
            return str(scope["app"].state.registry.account_for_token(token.strip()).username)
        except DomainError:
            return None
    session = scope.get("session") or {}
    username = session.get("username")
    return str(username) if username else None


def store_of(app: Any) -> Any:
    store = getattr(app.state, "idempotency", None)
    if store is None:
        registry = app.state.registry
        store = idempotency_store_for(registry.factory, registry.settings.create_tables)
        app.state.idempotency = store
    return store


class IdempotencyKeys:
    """Pure ASGI middleware: POSTs with an Idempotency-Key are answered once per key."""

    def __init__(self, app: ASGIApp, hours: float | None = None) -> None:
        self.app = app
        self.ttl = 3600 * (hours or float(os.environ.get("MLW_IDEMPOTENCY_HOURS", "24")))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        key = headers.get("idempotency-key")
        if key is None:
            return await self.app(scope, receive, send)
        if not KEY.match(key):
            detail = "Idempotency-Key: 1 to 255 printable ASCII characters, e.g. a UUID."
            response = problem_json(422, "Invalid input", detail, field="Idempotency-Key")
            return await response(scope, receive, send)

        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        owner = await run_in_threadpool(owner_of, scope, headers)
        if owner is None:  # the route answers 401 itself
            return await self.app(scope, replay, send)
        request = hashlib.sha256(
            b"\0".join([scope["path"].encode(), scope.get("query_string", b""), body])
        ).hexdigest()
        try:
            store = store_of(scope["app"])
            seen = await run_in_threadpool(store.claim, owner, key, request, self.ttl)
        except STORAGE_ERRORS as exc:
            failure = storage_failure(exc)
            if failure is None:
                raise
            return await unavailable(failure)(scope, receive, send)
        if seen is not None:
            return await self.answer_again(seen, scope, receive, send, request)

        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, replay, keep)
        except BaseException:
            await run_in_threadpool(store.release, owner, key)
            raise
        status = int(start.get("status", 500))
        if status >= 500:
            await run_in_threadpool(store.release, owner, key)
            return
        kept = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, v in start.get("headers", [])
            if k.decode("latin-1").lower() not in KEPT
        ]
        await run_in_threadpool(store.answer, owner, key, Answer(status, kept, b"".join(chunks)))

    async def answer_again(
        self, seen: Any, scope: Scope, receive: Receive, send: Send, request: str
    ) -> None:
        if seen.fingerprint != request:
            detail = (
                "This Idempotency-Key was first sent with another request; nothing was "
                "recorded. Use a new key for a new request."
            )
            response = problem_json(422, "Invalid input", detail, field="Idempotency-Key")
            return await response(scope, receive, send)
        if seen.answer is None:
            detail = (
                "The first request with this Idempotency-Key is still being answered; "
                "try again in a moment."
            )
            response = problem_json(409, "Conflict", detail)
            response.headers["Retry-After"] = "1"
            return await response(scope, receive, send)
        answer: Answer = seen.answer
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in answer.headers]
        headers.append((b"idempotent-replayed", b"true"))
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})

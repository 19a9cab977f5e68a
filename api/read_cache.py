"""JSON reads of a gmina answered again from memory while nothing they read has moved.

A read of a gmina's records changes only when a fact is recorded (the log's last position
moves), a person is erased (their name becomes unreadable) or the day changes. Each
process keeps the bytes of the last answers to such reads, one per gmina, path, query,
language and account, stamped with the log's position, the number of erasures and the
day they were read on, and sends them again while all three are unchanged. The access
rule is asked on every request all the same, and a refused request is answered by the
route itself, as before.

A read after a change therefore never gets the answer from before it: the change moved
the log, so the stamp differs and the route reads afresh (catching the read models up
first, as every read does). An answer is kept only when the read models had reached the
stamp's position, so an answer read while they lagged is not sent again once they
caught up. Answers carry an ``ETag``; a client sending it back in ``If-None-Match`` gets
``304 Not Modified`` while the stamp holds.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import Stamp, request_scope, stamp_of
from domain.errors import DomainError
from registry.application import Registry
from registry.storage_failures import STORAGE_ERRORS

# Refused, unknown, or the store failing: the route answers in its own words.
NOT_KEPT: tuple[type[Exception], ...] = (DomainError, *STORAGE_ERRORS)

# Reads of one gmina's records (not the gmina itself: /api/gminas/{ref}); answers kept per
# process, the least recently read dropped first.
UNDER = "/api/gminas/"
ROOM = 512
LARGEST = 2 * 1024 * 1024  # bytes: larger answers (a whole year's timeline) are read afresh

Key = tuple[Any, ...]


class Answer:
    """One JSON answer as sent: status 200, its headers and body, and what it was read at."""

    __slots__ = ("body", "etag", "headers", "route", "stamp")

    def __init__(
        self, stamp: Stamp, headers: list[tuple[bytes, bytes]], body: bytes, route: Any
    ) -> None:
        self.stamp = stamp
        self.route = route  # the route that answered, for the request's log line
        self.body = body
        digest = hashlib.blake2b(body, digest_size=12).hexdigest()
        self.etag = f'"{stamp[0]}-{stamp[1]}-{stamp[2]}-{digest}"'.encode()
        self.headers = [*headers, (b"etag", self.etag)]


class ReadAnswers:
    """The answers this process keeps, least recently read first."""

    def __init__(self, room: int = ROOM) -> None:
        self.room = room
        self.kept: OrderedDict[Key, Answer] = OrderedDict()

    def get(self, key: Key, stamp: Stamp) -> Answer | None:
        answer = self.kept.get(key)
        if answer is None or answer.stamp != stamp:
            return None
        self.kept.move_to_end(key)
        return answer

    def put(self, key: Key, answer: Answer) -> None:
        self.kept[key] = answer
        self.kept.move_to_end(key)
        while len(self.kept) > self.room:
            self.kept.popitem(last=False)


def gmina_ref(scope: Scope) -> str | None:
    """The gmina of a GET of one of its records (``/api/gminas/{ref}/…``), else None."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    path: str = scope["path"]
    if not path.startswith(UNDER):
        return None
    ref, slash, rest = path[len(UNDER) :].partition("/")
    return ref if ref and slash and rest else None


def admitted(request: Request, ref: str, registry: Registry) -> Stamp:
    """The access rule for this request (the route's own dependencies find it done) and
    the stamp, in one trip to the thread pool."""
    request_scope(request, ref, registry, write=False)
    return stamp_of(request, registry)


def key_of(request: Request, ref: str) -> Key:
    account = request.state.account
    return (
        request.state.scopes[(ref, False)].gmina_id,
        request.scope["path"],
        request.scope.get("query_string", b""),
        request.cookies.get("lang"),
        request.headers.get("accept-language"),
        account.username,
    )


class KeptReads:
    """Innermost middleware over GETs of a gmina's records: admits the request, then
    answers from memory if the stamp still holds, else lets the route answer and keeps
    what it sent. The answers are the application's (``app.state.read_answers``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ref = gmina_ref(scope)
        if ref is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        registry: Registry = request.app.state.registry
        try:
            stamp = await run_in_threadpool(admitted, request, ref, registry)
        except NOT_KEPT:
            await self.app(scope, receive, send)
            return
        key = key_of(request, ref)
        kept = self.answers(scope).get(key, stamp)
        if kept is not None:
            scope["route"] = kept.route
            await send_kept(kept, request, send)
            return
        await self.app(scope, receive, self.keeping(key, stamp, request, send))

    @staticmethod
    def answers(scope: Scope) -> ReadAnswers:
        return scope["app"].state.read_answers  # type: ignore[no-any-return]

    def keeping(self, key: Key, stamp: Stamp, request: Request, send: Send) -> Send:
        """Passes the route's answer on; a 200 is held until its body is whole, kept, and
        sent with its ETag."""
        held: list[Message] = []
        parts: list[bytes] = []

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                held.append(message)
                return
            if not held or message["type"] != "http.response.body":
                await send(message)
                return
            parts.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(parts)
            start = held[0]
            answer = self.keep(key, stamp, request, list(start.get("headers", [])), body)
            if answer is not None:
                start = {**start, "headers": answer.headers}
            await send(start)
            await send({"type": "http.response.body", "body": body})

        return watch

    def keep(
        self,
        key: Key,
        stamp: Stamp,
        request: Request,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
    ) -> Answer | None:
        """Keeps a JSON answer read when the read models had reached the stamp's position."""
        json = any(k == b"content-type" and v.startswith(b"application/json") for k, v in headers)
        if not json or len(body) > LARGEST or request.app.state.views.models.reflected < stamp[0]:
            return None
        answer = Answer(stamp, headers, body, request.scope.get("route"))
        self.answers(request.scope).put(key, answer)
        return answer


async def send_kept(kept: Answer, request: Request, send: Send) -> None:
    if kept.etag in request.headers.get("if-none-match", "").encode():
        headers = [(b"etag", kept.etag)]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": kept.headers})
    await send({"type": "http.response.body", "body": kept.body})

"""Logging in and out: a session for the pages, a bearer token for the API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from api.auth import AccountDep, Csrf, client_address
from api.deps import RegistryDep, WebSettingsDep
from api.pages import render, see_other
from api.problems import problem_json
from domain.account import ROLE_LABELS_PL, AuthenticationError, LoginThrottledError
from registry.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

api = APIRouter(prefix="/api", tags=["session"])
pages = APIRouter(include_in_schema=False)


class Credentials(BaseModel):
    username: str
    password: str


class Me(BaseModel):
    username: str
    display_name: str
    role: str
    gmina_ids: list[str]
    voivodeship: str


class TokenIssued(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


THROTTLED: dict[int | str, dict[str, Any]] = {
    429: {
        "description": "Too many failed logins for this account or from this address; "
        "the Retry-After header says in how many seconds to try again.",
        "content": {"application/problem+json": {}},
    }
}


def too_many_attempts(exc: LoginThrottledError) -> Response:
    answer = problem_json(429, "Too many requests", str(exc))
    answer.headers["Retry-After"] = str(exc.retry_after)
    return answer


@api.post("/token", response_model=TokenIssued, responses=THROTTLED)
def issue_token(credentials: Credentials, request: Request, registry: RegistryDep) -> Any:
    """A new API token for the account whose password is given; it expires after
    `expires_in` seconds (MLW_TOKEN_HOURS). Repeated failures are answered 429."""
    client = client_address(request)
    try:
        account = registry.authenticate(credentials.username, credentials.password, client=client)
    except LoginThrottledError as exc:
        return too_many_attempts(exc)
    token = registry.issue_token(account.username, recorded_by=account.username, client=client)
    hours = registry.settings.token_hours
    return TokenIssued(access_token=token, expires_in=int(hours * 3600))


@api.get("/me")
def me(account: AccountDep) -> Me:
    """The account the token belongs to, and what it covers."""
    return Me(
        username=account.username,
        display_name=account.display_name,
        role=account.role,
        gmina_ids=[str(g) for g in account.gmina_ids],
        voivodeship=account.voivodeship,
    )


def login_context(web: Any) -> dict[str, Any]:
    demo = [(u, ROLE_LABELS_PL.get(role, role)) for u, role, _ in DEMO_ACCOUNTS] if web.demo else []
    return {"demo_accounts": demo, "demo_password": DEMO_PASSWORD}


@pages.get("/login", response_class=HTMLResponse)
def login_page(request: Request, web: WebSettingsDep, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", {**login_context(web), "next": next})


@pages.post("/login", dependencies=[Csrf])
def login(
    request: Request,
    registry: RegistryDep,
    web: WebSettingsDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    try:
        account = registry.authenticate(username, password, client=client_address(request))
    except AuthenticationError as exc:
        context = {**login_context(web), "next": next, "error": str(exc)}
        status = 429 if isinstance(exc, LoginThrottledError) else 401
        page = render(request, "login.html", {**context, "form": {"username": username}}, status)
        if isinstance(exc, LoginThrottledError):
            page.headers["Retry-After"] = str(exc.retry_after)
        return page
    request.session.clear()
    request.session["username"] = account.username
    request.session["epoch"] = registry.session_epoch(account.username)
    return see_other(next if next.startswith("/") and not next.startswith("//") else "/")


@pages.post("/logout", dependencies=[Csrf])
def logout(request: Request, registry: RegistryDep) -> Response:
    """Log out: this session, any copy of its cookie, and the account's tokens all end."""
    username = request.session.get("username")
    if username:
        registry.end_sessions(username, recorded_by=username, client=client_address(request))
    request.session.clear()
    return see_other("/login")


ROUTERS = (api, pages)

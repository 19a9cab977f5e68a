"""Logging in and out: a session for the pages, a bearer token for the API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from api.auth import AccountDep, Csrf
from api.deps import RegistryDep, WebSettingsDep
from api.pages import render, see_other
from domain.account import AuthenticationError
from registry.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

api = APIRouter(prefix="/api", tags=["session"])
pages = APIRouter(include_in_schema=False)


class Credentials(BaseModel):
    username: str
    password: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class Me(BaseModel):
    username: str
    display_name: str
    role: str
    gmina_ids: list[str]
    voivodeship: str


@api.post("/token")
def issue_token(credentials: Credentials, registry: RegistryDep) -> Token:
    """A new API token for the account whose password is given."""
    account = registry.authenticate(credentials.username, credentials.password)
    return Token(access_token=registry.issue_token(account.username, recorded_by=account.username))


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
    demo = [(u, role) for u, role, _ in DEMO_ACCOUNTS] if web.demo else []
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
        account = registry.authenticate(username, password)
    except AuthenticationError as exc:
        context = {**login_context(web), "next": next, "error": str(exc)}
        return render(request, "login.html", {**context, "form": {"username": username}}, 401)
    request.session.clear()
    request.session["username"] = account.username
    return see_other(next if next.startswith("/") and not next.startswith("//") else "/")


@pages.post("/logout", dependencies=[Csrf])
def logout(request: Request) -> Response:
    request.session.clear()
    return see_other("/login")


ROUTERS = (api, pages)

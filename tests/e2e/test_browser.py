"""A facilitator's morning in a real browser (Debian's headless Chromium via Playwright).

Skipped when /usr/bin/chromium is missing, unless MLW_TEST_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from projections.read_side import with_reads
from registry.accounts import open_demo_accounts
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
REQUIRE = os.environ.get("MLW_TEST_REQUIRE_BROWSER", "") == "1"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = os.environ.get("MLW_SCREENSHOTS")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Registry]]:
    """The application on a loopback port, over an SQLite file with the demo gmina."""
    import uvicorn

    folder = tmp_path_factory.mktemp("browser")
    registry = with_reads(Registry(Settings(store="sqlite", sqlite_path=folder / "mlw.sqlite")))
    gmina = load_demo(registry)
    load_demo_meetings(registry, gmina)
    open_demo_accounts(registry, gmina, registry.get_gmina(gmina).voivodeship)
    port = free_port()
    config = uvicorn.Config(
        create_app(registry=registry), host="127.0.0.1", port=port, log_level="warning"
    )
    web = uvicorn.Server(config)
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    for _ in range(200):
        if web.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", registry
    web.should_exit = True
    thread.join(10)
    registry.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if REQUIRE:
            pytest.fail("Chromium is required (MLW_TEST_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def shoot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_facilitator_records_a_sitting_and_sees_the_network_change(
    server: tuple[str, Registry], browser: Any
) -> None:
    base, registry = server
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    # The pages' own script and styles work under the Content-Security-Policy.
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{base}/gminy/2640013")
    assert "/login" in page.url
    page.fill("input[name=username]", "moderator")
    page.fill("input[name=password]", "zielony-jar-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/gminy/2640013")
    assert page.locator("ol.stages li.current").count() == 1
    shoot(page, "dashboard-1280")

    # A stakeholder joins the catalogue; the fact names the account.
    page.click("nav.tabs >> text=Katalog")
    form = page.locator("#add-stakeholder")
    form.locator("input[name=name]").fill("Koło Gospodyń Wiejskich w Lipowie")
    form.locator("select[name=subtype]").select_option("ngo")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("text=Koło Gospodyń Wiejskich w Lipowie")
    kgw = next(s for s in registry.catalogue(registry.find_gmina("2640013")) if "Lipowie" in s.name)
    assert registry.history(kgw.id)[0].recorded_by == "moderator"

    # A team sitting today: attendance one click per member, a resolution, the vote.
    gid = registry.find_gmina("2640013")
    members = registry.get_team(gid).members
    page.click("nav.tabs >> text=Spotkania")
    sched = page.locator("#schedule")
    sched.locator("input[name=on]").fill(date.today().isoformat())
    sched.locator("input[name=at]").fill("10:00")
    sched.locator("input[name=place]").fill("Sala narad urzędu gminy")
    sched.locator("textarea[name=agenda]").fill("Otwarcie\nUchwała")
    sched.locator("button").click()
    page.locator("#hold button").click()
    for seat in members:
        page.click(f"button.person[data-name='{seat.name}']")
        page.wait_for_selector(f"button.person.here[data-name='{seat.name}']")
    page.locator("ol.agenda textarea").first.fill("Przewodnicząca otworzyła posiedzenie.")
    page.locator("ol.agenda button").first.click()
    page.locator("#propose input[name=title]").fill("w sprawie dnia otwartego")
    page.locator("#propose textarea[name=text]").fill("§1. Zespół organizuje dzień otwarty.")
    page.locator("#propose button").click()
    assert page.locator(".refused").count() == 0, page.locator(".refused").inner_text()
    vote = page.locator("form.vote")
    vote.locator("input[name=at]").fill("10:30")
    for radio in vote.locator("input[value=for]").all():
        radio.check()
    vote.locator("button").click()
    page.wait_for_selector(".resolution .pill:text('podjęta')")  # adopted, on a Polish page
    assert page.locator("button.person.here").count() == len(members)

    # The network, drawn; moving the as-of slider back changes the risk flags shown.
    page.click("nav.tabs >> text=Sieć")
    page.wait_for_selector("#drawing svg circle")
    assert page.locator("#drawing svg circle").count() >= 10
    shoot(page, "network-1280")
    flags_now = page.locator("#flags").inner_text()
    page.locator("#day").fill("120")
    page.locator("#day").dispatch_event("change")
    page.wait_for_function(
        "text => document.getElementById('flags').innerText !== text", arg=flags_now
    )
    assert page.locator("#flags").inner_text() != flags_now

    assert blocked == []

    tablet = browser.new_page(viewport={"width": 800, "height": 1100})
    tablet.context.add_cookies(page.context.cookies())
    tablet.goto(f"{base}/gminy/2640013")
    shoot(tablet, "dashboard-800")
    tablet.goto(f"{base}/gminy/2640013/siec")
    shoot(tablet, "network-800")


def test_the_api_description_opens_without_internet_and_can_authorise(
    server: tuple[str, Registry], browser: Any
) -> None:
    base, _ = server
    page = browser.new_page()
    outside: list[str] = []

    def only_the_registry(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:  # an office without internet
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_registry)
    page.goto(f"{base}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    assert page.locator("button.authorize").count() == 1
    page.click("button.authorize")
    page.wait_for_selector("text=bearer (http, Bearer)")
    shoot(page, "docs-authorize")
    assert outside == []

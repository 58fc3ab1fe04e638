"""The dashboard in headless Chromium: pick a dyad, see the series, click a point, see the events
and the highlighted sentence. Needs the Debian packages chromium and chromium-driver (`make
test` installs them when run as root) and selenium (the dev extra); skips without them.

Set EVENTWIRE_SCREENSHOT=path to keep the screenshot (the README's docs/dashboard.png).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from eventwire.analytics.synthetic import fill, small_store
from eventwire.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
if not (CHROMIUM and DRIVER):
    pytest.skip(
        "headless Chromium is absent (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

TIMEOUT = 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from eventwire.api import create_app

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Store(path) as st:
        small_store(st._con)
        fill(st._con, 2000, start="2023-06-01", days=300)
    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    )
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    t0 = time.monotonic()
    while not srv.started:
        if time.monotonic() - t0 > TIMEOUT:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(TIMEOUT)


@pytest.fixture(scope="module")
def browser():
    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1100",
        "--proxy-server=direct://",
        "--proxy-bypass-list=*",
    ):
        opts.add_argument(arg)  # fmt: skip
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    drv.set_page_load_timeout(TIMEOUT)
    yield drv
    drv.quit()


def _wait(drv, cond):
    return WebDriverWait(drv, TIMEOUT).until(cond)


def test_pick_a_dyad_see_the_series_click_a_point_see_the_events(server, browser, tmp_path):
    drv = browser
    drv.get(server + "/")
    _wait(drv, lambda d: d.execute_script("return window.eventwire && window.eventwire.ready"))
    # the top-dyads picker is filled from the API
    _wait(drv, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#top-dyads option")) > 1)

    # pick a dyad: type it and press Show
    for field, value in (("dyad-a", "RUS"), ("dyad-b", "UKR")):
        box = drv.find_element(By.ID, field)
        box.clear()
        box.send_keys(value)
    Select(drv.find_element(By.ID, "by")).select_by_value("week")
    drv.find_element(By.ID, "show").click()
    _wait(drv, ec.text_to_be_present_in_element((By.ID, "series-title"), "RUS – UKR"))
    _wait(drv, ec.text_to_be_present_in_element((By.ID, "status"), "events in"))
    # the series render: one uPlot canvas per chart, with its legend
    for chart in ("chart-quad", "chart-goldstein"):
        canvas = drv.find_element(By.CSS_SELECTOR, f"#{chart} canvas")
        assert canvas.size["width"] > 300 and canvas.size["height"] > 100
    legend = drv.find_element(By.CSS_SELECTOR, "#chart-quad .u-legend").text
    assert "material conflict" in legend

    # click a point: the synthetic RUS-UKR events cover every week in 2024-03, and the test
    # stories add the week of 2024-03-04; clicking the chart's right part picks a recent week
    over = drv.find_element(By.CSS_SELECTOR, "#chart-quad .u-over")
    w = over.size["width"]
    picked = None
    for frac in (0.97, 0.9, 0.8, 0.7, 0.6, 0.5):
        ActionChains(drv).move_to_element_with_offset(
            over, int(w * (frac - 0.5)), 0
        ).click().perform()
        _wait(drv, lambda d: d.execute_script("return window.eventwire.picked"))
        _wait(drv, lambda d: d.find_elements(By.CSS_SELECTOR, "#events li"))
        items = drv.find_elements(By.CSS_SELECTOR, "#events li[data-event]")
        if items:
            picked = drv.execute_script("return window.eventwire.picked")
            break
    assert picked, "no point with events was found"
    assert picked in drv.find_element(By.ID, "events-title").text
    first = items[0]
    assert first.find_elements(By.TAG_NAME, "mark"), "the trigger is highlighted"

    # click the event: its sentence is highlighted in the article text, with a link to it
    first.click()
    _wait(drv, ec.visibility_of_element_located((By.ID, "context")))
    mark = drv.find_element(By.CSS_SELECTOR, "#context-text mark.sentence")
    sentence = first.find_element(By.CSS_SELECTOR, ".ev-sentence").text
    assert mark.text == sentence
    link = drv.find_element(By.ID, "article-link")
    assert link.get_attribute("href").startswith("https://example.org/")

    # the map shows the places of the dyad's events
    assert drv.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")
    # alerts are listed (or the list says there are none)
    assert drv.find_elements(By.CSS_SELECTOR, "#alerts li")

    shot = tmp_path / "dashboard.png"
    drv.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("EVENTWIRE_SCREENSHOT")
    if keep:
        Path(keep).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, keep)


def test_the_url_names_the_dyad_and_the_page_logs_no_errors(server, browser):
    drv = browser
    drv.get_log("browser")  # drop what the previous test logged
    drv.get(server + "/?a=UKR&b=RUS&by=month")
    _wait(drv, lambda d: d.execute_script("return window.eventwire && window.eventwire.ready"))
    assert "UKR – RUS" in drv.find_element(By.ID, "series-title").text
    assert drv.find_element(By.ID, "by").get_attribute("value") == "month"
    severe = [e for e in drv.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, severe

"""The dashboard and the report in a real browser: Debian's chromium, headless, driven by selenium
through chromium-driver, against `tidings serve` on 127.0.0.1 over a store built from the seeds
and the bundled examples. Screenshots (1280×800) are saved under artifacts/ (gitignored)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, SEED_2023, SEEDS, need_shared

pytestmark = pytest.mark.model

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# The 2023 seed carries no date of its own; it is given on the command line, as a crawl's metadata
# would give it (its "this week" then resolves to a week, and its meeting can be placed in time).
PUBLISHED_2023 = "2023-03-29"
WAIT = 30.0


def tidings(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli", *args], capture_output=True, text=True, check=False, timeout=600
    )


def need_browser() -> tuple[str, str]:
    pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[dev]')")
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    return chromium, driver


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_shared()
    need_browser()
    db = tmp_path_factory.mktemp("browser") / "b.duckdb"
    run = tidings("run", str(SEEDS), str(EXAMPLES), "--db", str(db), "--published", PUBLISHED_2023)
    assert run.returncode == 0, run.stderr
    assert SEED_2023.exists()
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    """``tidings serve`` in a subprocess, on a free loopback port; its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli", "serve", "--db", str(store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/network", timeout=2) as res:
                    if res.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    _, err = proc.communicate(timeout=5)
                    pytest.fail(f"tidings serve did not start: {err}")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium, driver_path = need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--window-size=1280,800",
        "--hide-scrollbars",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    # a 1280×800 viewport (the window's size would include what the browser draws around the page)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}
    )
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver: Any, script: str, timeout: float = WAIT) -> Any:
    """Poll a JavaScript expression until it is truthy; its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script("return " + script)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {script}")
        time.sleep(0.2)


def on_fresh(driver: Any, script: str, action: Any, tries: int = 5) -> Any:
    """Find an element by a JavaScript expression and act on it, finding it again when the page
    re-rendered it in between (a list drawn twice while a slow machine catches up)."""
    from selenium.common.exceptions import StaleElementReferenceException

    for _ in range(tries - 1):
        try:
            return action(wait_for(driver, script))
        except StaleElementReferenceException:
            time.sleep(0.3)
    return action(wait_for(driver, script))


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def screenshot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000  # a rendered page, not a blank one
    assert driver.execute_script("return [window.innerWidth, window.innerHeight]") == [1280, 800]
    return path


def open_dashboard(driver: Any, base: str, query: str) -> None:
    driver.get(f"{base}/?{query}")
    ready = wait_for(driver, "document.body.dataset.ready")
    assert ready == "1", driver.find_element("id", "status").text


def test_dashboard_loads_with_no_console_error(server: str, browser: Any) -> None:
    browser.get_log("browser")  # start from an empty log
    open_dashboard(browser, server, "a=IRN&b=RUS&by=month")
    wait_for(browser, "document.querySelectorAll('#timeline-plot .bars path').length > 0")
    wait_for(browser, "document.querySelectorAll('#quote-list li').length > 0")
    assert console_errors(browser) == []
    assert "error" not in browser.find_element("id", "status").get_attribute("class")
    screenshot(browser, "dashboard.png")


def test_irn_rus_timeline_shows_the_2021_and_2023_meetings(server: str, browser: Any) -> None:
    open_dashboard(browser, server, "a=IRN&b=RUS&by=week")
    bars = wait_for(
        browser,
        "(document.getElementById('timeline-plot').data || []).filter(t => t.type === 'bar').length && "
        "document.getElementById('timeline-plot').data.filter(t => t.type === 'bar')"
        ".map(t => ({name: t.name, x: t.x, y: t.y}))",
    )
    consult = next(t for t in bars if t["name"] == "CONSULT")
    weeks = {x[:10] for x, y in zip(consult["x"], consult["y"], strict=True) if y > 0}
    # Amir-Abdollahian's talks with Lavrov in Moscow (the week of 6 October 2021) and his visit to
    # Moscow of the 2023 report (its week 13).
    assert "2021-10-04" in weeks and "2023-03-27" in weeks, weeks
    labels = browser.execute_script("return [...document.querySelectorAll('#periods button')].map(b => b.dataset.start)")
    assert "2021-10-04" in labels and "2023-03-27" in labels
    assert console_errors(browser) == []


def test_one_click_on_the_timeline_reaches_the_evidence_sentence(server: str, browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    open_dashboard(browser, server, "a=IRN&b=RUS&by=month")
    wait_for(browser, "document.querySelectorAll('#timeline-plot .bars path').length > 0")
    # The CONSULT bar of October 2021, found as plotly drew it: the trace's point at that month.
    trace, point = wait_for(
        browser,
        "(() => { const d = document.getElementById('timeline-plot').data;"
        " const i = d.findIndex(t => t.name === 'CONSULT'); if (i < 0) return null;"
        " const j = d[i].x.findIndex((x, k) => x.startsWith('2021-10') && d[i].y[k] > 0);"
        " return j < 0 ? null : [i, j]; })()",
    )
    bar = browser.execute_script(
        "return document.querySelectorAll('#timeline-plot .barlayer .trace')[arguments[0]]"
        ".querySelectorAll('.point path')[arguments[1]]",
        trace,
        point,
    )
    ActionChains(browser).move_to_element(bar).click().perform()  # the one click
    sentence = "Amir Abdollahian made the remarks before his talks with Russian Foreign Minister Sergei Lavrov"
    wait_for(browser, f"document.getElementById('clusters').innerText.includes({json.dumps(sentence)})")
    assert browser.find_element("id", "period-title").text.startswith("Events of 2021-10")
    # From there the cluster opens its reports, and the report shows the sentence marked in its text.
    on_fresh(
        browser,
        f"[...document.querySelectorAll('#clusters button')].find(b => b.innerText.includes({json.dumps(sentence)}))",
        lambda cluster: cluster.click(),
    )
    mark = wait_for(
        browser,
        f"[...document.querySelectorAll('#document mark.evidence')].find(m => m.innerText.includes({json.dumps(sentence)}))",
    )
    assert browser.execute_script("return document.activeElement") == mark
    assert [t.text for t in mark.find_elements("css selector", "strong.trigger")] == ["talks"]
    assert console_errors(browser) == []
    screenshot(browser, "dashboard-evidence.png")


def test_the_path_to_the_evidence_works_by_keyboard(server: str, browser: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    open_dashboard(browser, server, "a=IRN&b=RUS&by=month")
    period = wait_for(browser, "document.querySelector('#periods button[data-start=\"2021-10-01\"]')")
    period.send_keys(Keys.ENTER)
    first = "document.querySelector('#clusters button[data-cluster]')"
    wait_for(browser, first)
    assert browser.execute_script("return document.activeElement.id") == "period-panel"
    assert "touching down in Moscow" in on_fresh(browser, first, lambda b: b.text)  # the events of October 2021
    on_fresh(browser, first, lambda b: b.send_keys(Keys.ENTER))
    # focus lands on the evidence of that event, in its report
    mark = wait_for(browser, "document.activeElement.matches('mark.evidence') && document.activeElement")
    assert "After touching down in Moscow on Tuesday" in mark.text
    assert console_errors(browser) == []


def test_the_report_opens_offline_with_no_console_error(store: Path, browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "irn-rus.html"
    made = tidings("report", "IRN", "RUS", "--db", str(store), "--out", str(out))
    assert made.returncode == 0, made.stderr
    html = out.read_text(encoding="utf-8")
    assert "http://" not in html.split("<script>")[0] and "src=\"http" not in html  # nothing fetched
    browser.get_log("browser")
    browser.get(out.as_uri())
    wait_for(browser, "document.querySelectorAll('#timeline-plot .bars path').length > 0")
    wait_for(browser, "document.querySelectorAll('#network-plot .scatterlayer .trace').length > 0")
    assert console_errors(browser) == []
    marks = [m.text for m in browser.find_elements("css selector", "#clusters mark")]
    assert "talks" in marks and "supplied" in marks  # evidence of 2021 and of 2023, marked
    screenshot(browser, "report.png")

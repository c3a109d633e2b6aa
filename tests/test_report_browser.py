"""The report as a reader opens it: headless Chromium loads each language's index page from
the file system, every image loads, nothing is requested from the network, and a full-page
screenshot is saved to build/screenshots/report_<lang>.png (look at it).

The report is built here from the real registry, into a temporary folder (the notebooks run
once), so the test does not depend on an earlier build/. Without Chromium (Debian's
``chromium``) or the ``playwright`` package the test is skipped, unless VNJP_REQUIRE_BROWSER=1
(as .ci/run sets), which makes their absence a failure.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from pathlib import Path

import pytest

from vnjp.runner import main

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str | None:
    return os.environ.get("VNJP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _need(what: str):
    if os.environ.get("VNJP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} (VNJP_REQUIRE_BROWSER=1)")
    pytest.skip(f"{what}; install Debian's chromium to run this test")


def registry():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REGISTRY


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The real registry run into a temporary build/ and figures/, and the report assembled there."""
    tmp = tmp_path_factory.mktemp("real-report")
    started = time.monotonic()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VNJP_BUILD_DIR", str(tmp / "build"))
        mp.setenv("VNJP_FIGURES_DIR", str(tmp / "figures"))
        assert main(registry(), [], root=ROOT) == 0
    print(f"notebooks run and report assembled in {time.monotonic() - started:.1f} s")
    return tmp / "build" / "report"


@pytest.fixture(scope="module")
def browser():
    path = chromium()
    if not path:
        _need("no chromium on PATH")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("the playwright package is not installed (pip install -r requirements.txt)")
    with sync_playwright() as p:
        # Debian's Chromium, never a browser download; launch() adds no network of its own.
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, timeout=60_000)
        yield b
        b.close()


def open_offline(browser, url: str, screenshot: Path | None = None) -> tuple[list[str], dict]:
    """Load ``url``; every request it makes (anything not file: or data: is aborted) and its images."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requested, failed = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
               else route.abort())
    page.goto(url, wait_until="load")
    images = page.evaluate("""() => Array.from(document.images).map(
        i => ({src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0, alt: i.alt}))""")
    links = page.evaluate("() => Array.from(document.links).map(a => a.href)")
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    page.close()
    return requested, {"images": images, "links": links, "failed": failed}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_index_page_loads_offline_with_every_image(report, browser, lang):
    index = report / lang / "index.html"
    figures = [r for r in registry() if r.parameters.get("lang") == lang and not r.grid]  # grids: below
    expected = [s.format(**r.parameters) + ".png" for r in figures for s in r.figures]
    requested, seen = open_offline(browser, index.as_uri(), SCREENSHOTS / f"report_{lang}.png")
    remote = [u for u in requested if not u.startswith(("file:", "data:"))]
    assert remote == [], f"requested from the network: {remote}"
    assert seen["failed"] == []
    assert [Path(i["src"]).name for i in seen["images"]] == expected  # every figure, in reading order
    assert all(i["ok"] for i in seen["images"]), [i["src"] for i in seen["images"] if not i["ok"]]
    assert all(i["alt"].strip() for i in seen["images"])
    # the notebook pages it links to load offline too
    for url in sorted({u for u in seen["links"] if "/notebooks/" in u}):
        requested, page = open_offline(browser, url.split("#")[0])
        assert [u for u in requested if not u.startswith(("file:", "data:"))] == [], url
        assert all(i["ok"] for i in page["images"]), url
    assert (SCREENSHOTS / f"report_{lang}.png").stat().st_size > 10_000
    # a grid's page: every member's figures, members in order
    for grid in dict.fromkeys(r.grid for r in registry() if r.grid):
        members = [r for r in registry() if r.grid == grid and r.parameters.get("lang") == lang]
        expected = [s.format(**r.parameters) + ".png" for r in members for s in r.figures]
        requested, seen = open_offline(browser, (report / lang / f"{grid}.html").as_uri())
        assert [u for u in requested if not u.startswith(("file:", "data:"))] == [], grid
        assert [Path(i["src"]).name for i in seen["images"]] == expected
        assert all(i["ok"] and i["alt"].strip() for i in seen["images"])

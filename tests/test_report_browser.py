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


#: What a notebook page must fit without scrolling sideways (the issue's reader: a 1,000 px window).
NOTEBOOK_WIDTH = 1000

FIT = """() => {
    const width = document.documentElement.clientWidth;
    const out = {page: document.documentElement.scrollWidth, width, sticking: [], scrolling: [],
                 tables: document.querySelectorAll('.notebook table').length, lang: document.documentElement.lang};
    for (const el of document.querySelectorAll('.notebook *')) {
        const box = el.getBoundingClientRect();
        const name = el.tagName + (el.className && typeof el.className === 'string' ? '.' + el.className : '');
        if (box.width > 0 && box.right > width + 1) out.sticking.push(name + ' right=' + Math.round(box.right));
        const style = getComputedStyle(el);
        if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
            out.scrolling.push(name + ' ' + el.scrollWidth + '>' + el.clientWidth);
    }
    return out;
}"""


def fit(browser, url: str, width: int = NOTEBOOK_WIDTH, screenshot: Path | None = None) -> dict:
    """How a page lays out in a window ``width`` px wide: its scroll width, the elements of the notebook
    that stick out on the right, and those that scroll sideways inside."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
               else route.abort())
    page.goto(url, wait_until="load")
    result = page.evaluate(FIT)
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    page.close()
    return result


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_notebook_pages_fit_1000_px_without_horizontal_scrolling(report, browser, lang):
    """Every notebook page of the language, tables included, fits a 1,000 px window: the page does not
    scroll sideways, nothing sticks out, and no table or output scrolls inside itself."""
    runs = [r for r in registry() if r.parameters.get("lang") == lang]
    pages = [report / "notebooks" / f"{r.name}.html" for r in runs]
    assert all(p.exists() for p in pages), [p.name for p in pages if not p.exists()]
    for path in pages:
        seen = fit(browser, path.as_uri(), screenshot=SCREENSHOTS / f"notebook_{path.stem}.png")
        assert seen["lang"] == lang
        assert seen["tables"] > 0, f"{path.name}: no table (the check would prove nothing)"
        assert seen["page"] <= seen["width"], f"{path.name}: the page scrolls sideways ({seen['page']} px)"
        assert seen["sticking"] == [], f"{path.name}: sticks out at {NOTEBOOK_WIDTH} px: {seen['sticking'][:5]}"
        assert seen["scrolling"] == [], f"{path.name}: scrolls sideways inside: {seen['scrolling'][:5]}"

"""vnjp.claims.figure: the claims figures' words stay in their segments, apart from each other, signed once."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from vnjp.claims import figure as cf  # noqa: E402


def _overlaps(a, b):
    return a.x0 < b.x1 and a.x1 > b.x0 and a.y0 < b.y1 and a.y1 > b.y0


@pytest.mark.parametrize("xs, widths, gap", [
    ([0, 5, 10, 15, 20], [14] * 5, 2.0),  # five labels in 20 pt: must be pushed apart
    ([100, 0, 50, 1, 2], [10, 20, 5, 30, 8], 1.0),  # any order, any widths
    ([0, 100, 200], [14] * 3, 2.0),  # far apart: nothing moves
    ([7], [12], 2.0),
    ([], [], 2.0),
])
def test_spread_keeps_labels_on_one_side_apart_and_unmoved_when_free(xs, widths, gap):
    placed = cf.spread(xs, widths, gap)
    assert len(placed) == len(xs)
    for side in ("above", "below"):
        spans = sorted((c - w / 2, c + w / 2) for (s, c), w in zip(placed, widths) if s == side)
        for (_, right), (left, _) in zip(spans, spans[1:]):
            assert left - right >= gap - 1e-9
    for (side, centre), x in zip(placed, xs):
        assert centre >= x  # a label is only ever pushed right of its mark, never left
    if xs and max(xs) - min(xs) >= 2 * max(widths) * len(xs):
        assert [c for _, c in placed] == xs


def test_narrow_segment_count_goes_above_its_bar_wide_one_stays_inside():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.barh([0, 1], [1, 30], left=[0, 0])
    ax.set_xlim(0, 40)
    ax.set_ylim(-0.6, 1.6)
    fig.canvas.draw()
    narrow = cf.segment_label(ax, 0, 1, 0, "1")  # 1 of 40 units on a 3-inch figure: a few points wide
    wide = cf.segment_label(ax, 0, 30, 1, "30")
    assert narrow.get_gid() == "segment-above" and wide.get_gid() == "segment-inside"
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    bar_top = ax.transData.transform((0, 0.4))[1]
    assert narrow.get_window_extent(r).y0 >= bar_top - 0.5  # above the bar, not over its neighbours
    seg = ax.transData.transform([(0, 1), (30, 1)])
    box = wide.get_window_extent(r)
    assert seg[0][0] < box.x0 and box.x1 < seg[1][0]
    plt.close(fig)


def test_year_labels_of_close_dots_do_not_overlap():
    fig, ax = plt.subplots(figsize=(4, 1.5))
    ax.set_xlim(-50, 50)
    ax.set_ylim(-1, 1)
    xs = [-13.0, -6.0, -4.0, -1.5, 8.5, 8.9]
    fig.canvas.draw()
    notes = cf.year_labels(ax, xs, 0, ["2021", "2022", "2018", "2020", "2019", "2023"])
    fig.canvas.draw()
    boxes = [n.get_window_extent(fig.canvas.get_renderer()) for n in notes]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not _overlaps(boxes[i], boxes[j]), (notes[i].get_text(), notes[j].get_text())
    plt.close(fig)


@pytest.mark.parametrize("lang, pct, n, want", [
    ("en", -7.2, 2, "\u22127.2% (closest of 2 bases)"),
    ("en", 3.6, 1, "+3.6% (its one base)"),
    ("en", 30.6, 0, "+30.6%"),
    ("vi", -5.7, 0, "\u22125,7%"),
    ("vi", 3.6, 1, "+3,6% (cơ sở duy nhất)"),
])
def test_gap_label_signs_once_and_counts_bases_in_words(lang, pct, n, want):
    got = cf.gap_label(pct, lang, n)
    assert got == want
    assert "-" not in got and "1 bases" not in got

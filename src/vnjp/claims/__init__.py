"""Each statement of the seed documents (``data/claims.csv``) tested against the data.

:func:`check` returns one row per claim with the data value(s) used and their
``source_id``, the arithmetic as a readable line, a **verdict** from a closed set and a
**reason** code with a sentence.

Verdicts (:data:`VERDICTS`):

``reproduced``
    An exactly worded figure (``qualifier`` exact) that the data give: equal, or equal once
    the data value is rounded to the decimals the claim is stated with (133.32% -> 133.3%);
    a date or year the timeline holds; a rank the data give.
``consistent``
    A hedged figure that holds under its wording (the tolerance rule, :func:`accepts`), a
    stock claim bracketed by the rows on either side of its date (reason ``bracketed``), or
    an exact figure met only by a rounded data value, a proxy the note names, or part of a
    statement (the rest named in the sentence).
``not_supported``
    The data contradict the claim; the reason code says how (:data:`REASONS`).
    ``outside_bracket``: a stock claim whose date has no row, stating a figure outside the
    range of the rows on either side (see below) -- weaker evidence than a row at the date.
``no_data``
    The claim names a series the data do not hold (a gap, not a failure); the sentence
    says what related rows exist, for context only. This includes a series stated only by
    the claim's own document (reason ``only_own_figures``, see below).
``not_testable``
    A statement the data cannot test (no selector, a fact held only in prose, a vague
    magnitude).

Four rules against lookup accidents (issue 12):

* **Unstated reporter / basis.** A selector's ``reporter`` or ``basis`` also matches rows that
  leave theirs ``unstated`` (only when no row states it); the result says so
  (``unstated_match`` and a sentence naming the rows).
* **Rows considered.** Every result lists the rows near its selectors (same series, any
  reporter/basis, any date) with why each was used or left out (``considered``,
  :data:`EXCLUDED`: own document, suspect, other reporter/basis, out of date range, ...).
* **One fact, one test.** A claim whose row names ``same_fact_as`` is tested by that claim's
  check, once, leaving out the documents of both; it gets the same verdict.
* **Like with like.** A claim about workers lists its ``alt_bases`` beside the numerator (a
  ``+`` in a status sums statuses; a base without a date is taken at the date nearest the
  claim's, within :data:`WINDOW_DAYS`, where every part has a row); each base is shown with
  its gap and the verdict rests on the closest -- nearest the values the wording accepts,
  then nearest the figure -- named in ``base``.
* **A date with no row.** A stock claim whose date has no row, with rows of the same series
  on both sides within :data:`WINDOW_DAYS`, gets ``consistent`` / ``bracketed`` if the values
  its wording accepts overlap the range between them, ``not_supported`` / ``outside_bracket``
  otherwise; the two rows are shown, ``data_value`` stays empty: no value is interpolated.

The tolerance rule, in one place (:func:`accepts`, :func:`stated_step`):

* ``exact`` -- the data value rounded to the decimals of the stated figure equals it
  (counts: equality);
* ``about`` -- the data value rounds to the stated figure at the precision it is stated
  with: ``X - step/2 <= data < X + step/2``, where the step is 1 unit of the last stated
  decimal for percentages and non-whole figures (50% -> 1 point, 133.3% -> 0.1) and, for
  whole numbers, 10 to the power of the trailing zeros, at most 1,000 (345,000 -> 1,000;
  5,500 -> 100);
* ``more_than`` -- strictly above: ``data > X`` (exactly 50% is not "over half");
* ``nearly`` -- a little below: ``X * (1 - NEARLY_BAND) <= data < X``;
* ``less_than`` -- strictly below: ``data < X``.

**A claim's test lives in its row.** Years to test, as-of rules, alternative dates and
bases, the timeline test and the other instructions the ``note`` column gives in words are
typed columns of ``claims.csv`` (``test_years``, ``alt_dates``, ``alt_bases``, ``same_fact_as``,
``timeline_test``, ...; :mod:`vnjp.claims.rows` lists them, the Table Schema in
``data/datapackage.json`` holds their types and allowed values), so a claim is added by adding
a row. Code holds only the check kinds (:mod:`.kinds`, :mod:`.timeline`) and the few claims
that need arithmetic of their own (a sum whose parts are a stock, a total its own parts
contradict), named in the ``handler`` column (:data:`HANDLERS`).

Modules: :mod:`.codes` (verdicts, reasons), :mod:`.tolerance` (the rule below),
:mod:`.selection` (rows, own document, unstated, rows considered), :mod:`.kinds` and
:mod:`.timeline` (check kinds), :mod:`.handlers`, :mod:`.rows` (a row's test),
:mod:`.verdicts` (the table), :mod:`.fmt` and :mod:`.words` (text). Every data value is the project's headline value
(:func:`vnjp.headline.headline` with ``QUANTITY_KEYS``); the other values of the same
quantity are reported beside it.

**A claim is never tested against its own document.** Before the headline rule, every
lookup of a claim's check (:meth:`Data.rows`, :meth:`Data.event`, so every check kind and
handler) leaves out the rows whose ``source_id`` is the claim's own ``source_id``: a seed
document confirming itself says nothing. If other sources' rows remain, the claim is tested
against them and the result says so (``own_left_out``); if only the claim's own rows state
the figure, the verdict is ``no_data`` with reason ``only_own_figures``, a visible gap and
not a confirmation. Another source that reprints the same release (a press report quoting
DOLAB's count) is an independent transcription, not an independent measurement: such a
check tests the copying, not the count. The one place the seed's own figures are still
read is :func:`trade_total_2022`, where they are used against the seed (its parts
contradict its total), never to confirm it.
"""

from .codes import REASONS, TESTED, VERDICTS
from .fmt import compress_years, num, stated_text
from .handlers import ssw_2022, stock_or_flow_345k, titp_rank_2022, trade_total_2022
from .kinds import (WINDOW_DAYS, base_value, bracket, check_bases, check_rank, check_share, check_sum, check_value,
                    shares)
from .result import Result, Spec
from .rows import HANDLERS, TEST_COLUMNS, TIMELINE_TESTS, spec_of, specs_of
from .selection import EXCLUDED, OPEN_KEYS, UNSTATED, Data, OwnRowsOnly, considered, split_sum
from .timeline import TIMELINE_KINDS, check_timeline
from .tolerance import MAX_STEP, NEARLY_BAND, accepts, band, decimals_of, stated_step, verdict_for
from .verdicts import COLUMNS, check, check_one, considered_table, same_facts, used_rows, verdict_counts
from .words import kind_label

__all__ = [
    "COLUMNS", "EXCLUDED", "HANDLERS", "MAX_STEP", "NEARLY_BAND", "OPEN_KEYS", "REASONS", "TESTED", "TEST_COLUMNS",
    "TIMELINE_KINDS", "TIMELINE_TESTS", "UNSTATED", "VERDICTS", "WINDOW_DAYS", "Data", "OwnRowsOnly", "Result",
    "Spec", "accepts", "band", "base_value", "bracket", "check", "check_bases", "check_one", "check_rank",
    "check_share", "check_sum", "check_timeline", "check_value", "compress_years", "considered", "considered_table",
    "decimals_of", "kind_label", "num", "same_facts", "shares", "spec_of", "specs_of", "split_sum", "ssw_2022",
    "stated_step", "stated_text", "stock_or_flow_345k", "titp_rank_2022", "trade_total_2022", "used_rows",
    "verdict_counts", "verdict_for",
]

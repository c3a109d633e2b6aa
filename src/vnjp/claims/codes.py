"""The closed sets: verdicts and reason codes (see the package docstring)."""

from __future__ import annotations






VERDICTS = ("reproduced", "consistent", "not_supported", "no_data", "not_testable")


#: Reason codes; each verdict row carries one.
REASONS = {
    # reproduced / consistent
    "equal": "the data give the stated figure",
    "within_wording": "the data value satisfies the claim's qualifier (about, more than, nearly, less than)",
    "data_rounded": "the stated figure matches a data value that is itself rounded",
    "top_n": "the claim states a rank bound ('one of the three largest') that the data rank meets",
    "proxy": "tested on a proxy named in the claim's note (another date, basis or measure)",
    "partly_tested": "the part the data can test holds; the rest is held only in prose",
    "precision_limited": "the data are dated less precisely than the claim; the common part matches",
    "bracketed": "no row at the claim's date; the rows on either side span a range the stated figure lies in "
                 "(no value is interpolated)",
    # not_supported
    "value_differs": "the data value is outside the claim's wording",
    "true_some_years_only": "the claim holds in some of the years it covers but not in all",
    "parts_do_not_add_up": "the total is contradicted by its parts",
    "stock_called_flow": "a stock (people present at a date) is presented as a cumulative flow",
    "rank_differs": "the data give another rank",
    "date_differs": "the timeline dates the event otherwise",
    "outside_bracket": "no row at the claim's date; the stated figure lies outside the range of the rows on "
                       "either side",
    # no_data
    "no_rows": "the selector matches no row in the data",
    "years_missing": "years the claim covers are missing and the known years do not decide it",
    "only_own_figures": "the only rows stating this come from the claim's own document",
    # not_testable
    "no_selector": "no resource of the package holds what the claim states",
    "prose_only": "the fact is held only in an event's description, not in a column",
    "vague": "no figure and no period",
}


#: Verdicts that rest on a comparison with data rows.
TESTED = ("reproduced", "consistent", "not_supported")

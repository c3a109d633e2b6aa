"""Texts of the date axis (vnjp.dateaxis): how a stock's date reads on a tick or a label."""

TEXT = {
    "date_year_end": {"en": "end-{year}", "vi": "cuối {year}"},
}

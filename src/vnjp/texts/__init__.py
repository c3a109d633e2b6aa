"""Figure texts per analysis, in English and Vietnamese; merged into ``vnjp.labels.TEXT``."""

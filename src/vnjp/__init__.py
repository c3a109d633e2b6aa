"""Shared code for the Vietnam–Japan labour cooperation notebooks.

Notebooks import from here instead of copying code: paths, the validated data
loader, the headline-value rule for conflicting sources, labels in English and
Vietnamese, and the one function that saves figures.
"""

__version__ = "0.1.0"

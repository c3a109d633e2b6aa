"""Test-session set-up shared by tests/ and the nbval run over notebooks/.

Notebooks executed by nbval save their figures as usual; this sends them to a temporary
folder so that running the tests never rewrites the committed figures/ (whether figures
are current is what ``python run_all.py --check`` answers).
"""

import os
import tempfile

os.environ.setdefault("VNJP_FIGURES_DIR", tempfile.mkdtemp(prefix="vnjp-test-figures-"))

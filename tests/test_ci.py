"""CI stays in step with the README: the GitHub workflow and .ci/run run the README's install and
test commands exactly, then run_all.py --check; the workflow keeps Python 3.11 and uploads the
figures and the report."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REPORT_STEP = ".venv/bin/python run_all.py --check"


def readme_commands() -> tuple[str, str]:
    """(install, test): from the fenced block under "## Two commands" in README.md."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    lines = [line.strip() for line in block.splitlines() if line.strip() and not line.startswith("#")]
    setup, test = lines
    install, regenerate = setup.split(" && .venv/bin/python run_all.py")
    assert regenerate == "", setup  # the first command ends by regenerating every figure
    return install, test


def workflow_steps() -> list[dict]:
    files = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert files, "no GitHub workflow"
    steps = []
    for path in files:
        flow = yaml.safe_load(path.read_text(encoding="utf-8"))
        triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
        assert {"push", "pull_request"} <= set(triggers), path
        for job in flow["jobs"].values():
            assert "3.11" in str(job.get("container", "")) or any(
                str(s.get("with", {}).get("python-version")) == "3.11" for s in job["steps"]), "Python 3.11"
            steps.extend(job["steps"])
    return steps


def run_lines(steps: list[dict]) -> list[str]:
    return [line.strip() for s in steps if "run" in s for line in s["run"].splitlines()]


def test_readme_commands_are_where_expected():
    install, test = readme_commands()
    assert install == "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt -e ."
    assert test == ".venv/bin/python -m pytest"


def test_workflow_runs_the_readme_commands_then_check():
    install, test = readme_commands()
    lines = run_lines(workflow_steps())
    assert install in lines and test in lines
    checks = [i for i, line in enumerate(lines) if line.startswith(REPORT_STEP)]
    assert checks and checks[0] > lines.index(test) > lines.index(install)


def test_workflow_uploads_figures_and_report():
    uploaded = [s.get("with", {}).get("path", "") for s in workflow_steps()
                if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    paths = {p.strip() for text in uploaded for p in text.splitlines()}
    assert {"figures/", "build/report/"} <= paths
    assert "--report build/report" in " ".join(run_lines(workflow_steps()))  # what is uploaded is made


def test_ci_script_runs_the_readme_test_command_and_check():
    _install, test = readme_commands()
    script = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert test in script
    assert any(line.startswith(REPORT_STEP) for line in script)
    assert "export VNJP_REQUIRE_BROWSER=1" in script


def test_dask_extra_is_pinned_in_requirements():
    """`pip install -e '.[dask]'` names dask and distributed; requirements.txt (what CI and the README's
    install command use) pins them, so tests/test_dask.py runs in CI against fixed versions."""
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    names = {re.split(r"[<>=!~\[; ]", req, maxsplit=1)[0].lower() for req in extra["dask"]}
    assert {"dask", "distributed"} <= names
    pins = dict(line.strip().lower().split("==", 1)
                for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
                if "==" in line and not line.startswith("#"))
    assert all(name in pins for name in names), sorted(names - set(pins))
    assert pins["dask"] == pins["distributed"]  # released together: mismatched versions refuse to connect

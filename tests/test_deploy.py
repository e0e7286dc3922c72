"""deploy/: the scripts, systemd units and example settings a deployer installs."""

import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def example_environment() -> dict[str, str]:
    values = {}
    for line in (DEPLOY / "gazette.env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _sep, value = line.partition("=")
            values[name] = value.strip('"')
    return values


def test_every_unit_starts_a_script_that_exists_and_restarts_it() -> None:
    units = sorted((DEPLOY / "systemd").glob("*.service"))
    assert [unit.name for unit in units] == [
        "gazette-scheduler.service",
        "gazette-web.service",
        "gazette-worker.service",
    ]
    for unit in units:
        text = unit.read_text()
        start = re.search(r"^ExecStart=/srv/gazette/(\S+)$", text, re.MULTILINE)
        assert start, unit
        script = ROOT / start.group(1)
        assert script.is_file(), script
        assert os.access(script, os.X_OK), script
        assert "Restart=always" in text
        assert "EnvironmentFile=/etc/gazette/gazette.env" in text


def test_the_example_settings_pass_the_deployment_checks() -> None:
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith("GAZETTE_")},
        **example_environment(),
        "SECRET_KEY": secrets.token_urlsafe(50),
        # The check reads the settings, it does not connect: any reachable-looking URLs do.
        "GAZETTE_VAR_DIR": str(ROOT / "var"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_supervise_starts_a_command_again_when_it_dies_and_stops_with_it(tmp_path) -> None:
    runs = tmp_path / "runs"
    process = subprocess.Popen(
        [str(DEPLOY / "bin" / "supervise"), "sh", "-c", f"echo run >> {runs}; sleep 0.2"],
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if runs.exists() and runs.read_text().count("run") >= 2:
                break
            time.sleep(0.2)
        assert runs.read_text().count("run") >= 2
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0


@pytest.mark.parametrize("script", ["gazette-web", "gazette-worker", "gazette-scheduler"])
def test_the_scripts_are_valid_shell(script: str) -> None:
    subprocess.run(["bash", "-n", str(DEPLOY / "bin" / script)], check=True)

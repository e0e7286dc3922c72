"""A runnable copy of the shipped nginx configuration in a scratch folder, for the end-to-end
test and the benchmark (deploy/nginx/gazette.conf and locations.conf, with the values marked
CHANGE replaced, a self-signed certificate, and one more plain-HTTP server with the same
locations). Nothing else is changed: what they test is what a deployer installs.

    from scratch import ScratchNginx
    with ScratchNginx(folder, app_port=8000, var_dir=Path("var")) as nginx:
        nginx.http_url     # the plain-HTTP server with Gazette's locations
        nginx.https_url    # the shipped TLS server (self-signed certificate)
        nginx.add_static("/copy/", folder_path)   # before start: a location serving files
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

HERE = Path(__file__).resolve().parent
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class ScratchNginx:
    """nginx with the shipped configuration in front of Gazette on 127.0.0.1:`app_port` (or
    on each of several ports: several app servers).

    Started by `start()` (or `with`), stopped by `stop()`: only the master process it started
    is signalled, and it stops its own workers."""

    def __init__(
        self, folder: Path, *, app_port: int | list[int], var_dir: Path, workers: int = 2
    ) -> None:
        if NGINX is None:
            raise FileNotFoundError("nginx is not installed: apt-get install -y nginx")
        self.folder = folder
        self.app_ports = app_port if isinstance(app_port, list) else [app_port]
        self.var_dir = var_dir
        self.workers = workers
        self.http_port = free_port()
        self.https_port = free_port()
        self.redirect_port = free_port()
        self.http_url = f"http://127.0.0.1:{self.http_port}"
        self.https_url = f"https://127.0.0.1:{self.https_port}"
        self.extra: list[str] = []
        self.process: subprocess.Popen[bytes] | None = None

    def add_static(self, prefix: str, path: Path) -> None:
        """Serve the files of `path` under `prefix` from the plain server (the benchmark's
        upper bound: the same bytes from a file)."""
        self.extra.append(f"location {prefix} {{ alias {path}/; access_log off; }}")

    def _replacements(self) -> dict[str, str]:
        return {
            "listen 80;": f"listen 127.0.0.1:{self.redirect_port};",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.https_port} ssl http2;",
            "/etc/ssl/gazette/": f"{self.folder}/ssl/",
            "/var/cache/nginx/gazette": f"{self.folder}/cache",
            "/srv/gazette/var/media/": f"{self.var_dir}/media/",
            "/srv/gazette/var/": f"{self.var_dir}/",
            "/var/www/acme": f"{self.folder}/acme",
            "/etc/nginx/gazette/": f"{self.folder}/conf/",
            "server 127.0.0.1:8000;": " ".join(
                f"server 127.0.0.1:{port};" for port in self.app_ports
            ),
        }

    def _render(self, name: str) -> str:
        text = (HERE / name).read_text()
        for placeholder, value in self._replacements().items():
            text = text.replace(placeholder, value)
        return text

    def _certificate(self) -> None:
        ssl = self.folder / "ssl"
        ssl.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1",
                "-keyout", str(ssl / "privkey.pem"), "-out", str(ssl / "fullchain.pem"),
            ],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def write(self) -> Path:
        conf = self.folder / "conf"
        conf.mkdir(parents=True, exist_ok=True)
        for name in ("gazette.conf", "locations.conf"):
            (conf / name).write_text(self._render(name))
        self._certificate()
        for sub in ("cache", "tmp", "acme", "logs"):
            (self.folder / sub).mkdir(exist_ok=True)
        # Run as root (CI containers), the workers would switch to "nobody" and could not read
        # a private scratch folder; they stay the same user instead.
        user = "user root;\n" if os.geteuid() == 0 else ""
        extra = "\n        ".join(self.extra)
        main = f"""{user}worker_processes {self.workers};
pid {self.folder}/nginx.pid;
error_log {self.folder}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {self.folder}/tmp/body;
    proxy_temp_path {self.folder}/tmp/proxy;
    fastcgi_temp_path {self.folder}/tmp/fastcgi;
    uwsgi_temp_path {self.folder}/tmp/uwsgi;
    scgi_temp_path {self.folder}/tmp/scgi;
    include {conf}/gazette.conf;
    server {{
        listen 127.0.0.1:{self.http_port};
        {extra}
        include {conf}/locations.conf;
    }}
}}
"""
        path = self.folder / "nginx.conf"
        path.write_text(main)
        return path

    def start(self) -> ScratchNginx:
        config = self.write()
        command = [
            str(NGINX),
            "-p",
            str(self.folder),
            "-c",
            str(config),
            "-e",
            str(self.folder / "logs/error.log"),
        ]
        checked = subprocess.run(
            [*command, "-t", "-q"], capture_output=True, text=True, timeout=30, check=False
        )
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t refused the configuration:\n{checked.stderr}")
        self.process = subprocess.Popen(
            [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"nginx exited: {error}")
            try:
                with urllib.request.urlopen(self.http_url + "/static/", timeout=2):  # noqa: S310
                    return self
            except urllib.error.HTTPError:
                return self  # answering (a 403 or 404 for the folder itself)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("nginx did not answer within 20 s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGQUIT)  # graceful: workers finish, then exit
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)

    def __enter__(self) -> ScratchNginx:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

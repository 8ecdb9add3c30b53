"""Shared fixtures for the browser suite: a real Liftback server on loopback and headless Chromium."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service as ChromeService

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("LIFTBACK_BIN", os.path.join(ROOT, ".build", "debug", "liftback"))
SCREENSHOTS = os.path.join(ROOT, "docs", "screenshots")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """Starts `liftback serve` on a fixed database; `restart(today)` moves the server's calendar."""

    def __init__(self):
        # SQLite by default; LIFTBACK_BROWSER_DATABASE names a PostgreSQL database instead.
        self.database = os.environ.get("LIFTBACK_BROWSER_DATABASE") or os.path.join(
            tempfile.mkdtemp(prefix="liftback-browser-"), "liftback.sqlite")
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, today):
        env = dict(os.environ, LIFTBACK_TODAY=today)
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", str(self.port), "--database", self.database],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url + "/health", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def add_clinician(self, name, email):
        """What the operator does (`liftback admin add-clinician`): returns the set-password page's address."""
        import json
        answer = subprocess.run(
            [BINARY, "admin", "add-clinician", "--database", self.database, "--email", email, "--name", name],
            check=True, capture_output=True, text=True)
        return f"{self.url}/set-password?token={json.loads(answer.stdout)['setPasswordToken']}"

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def restart(self, today):
        self.stop()
        self.start(today)


@pytest.fixture(scope="module")
def server():
    server = Server()
    server.start("2026-12-07")
    yield server
    server.stop()


def make_driver(width, height, mobile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    if mobile:
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    else:
        options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(service=ChromeService(executable_path="/usr/bin/chromedriver"), options=options)


@pytest.fixture
def phone():
    driver = make_driver(390, 844, mobile=True)
    yield driver
    driver.quit()


@pytest.fixture
def desk():
    driver = make_driver(1280, 900, mobile=False)
    yield driver
    driver.quit()

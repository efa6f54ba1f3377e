"""JupyterLab serves the notebooks: a real server, a kernel it starts and a browser that shows them.

`make lab` runs the same server on notebooks/. Sockets stay disabled for every other test; here
they are allowed to 127.0.0.1 only, and chromium resolves no other host.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
NOTEBOOK = "classroom/students/01_spot_the_label.ipynb"  # ends with the ipywidgets explorer
TOKEN = "framing-lab-test"
HOST = "127.0.0.1"
# `enable_socket` would lift every restriction; `allow_hosts` enables sockets for this module's
# tests and lets them connect to localhost only.
pytestmark = [pytest.mark.slow, pytest.mark.allow_hosts([HOST])]
_HTTP = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def _missing(what: str, hint: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing on CI: {hint}")
    pytest.skip(f"{what} is missing: {hint} to run the JupyterLab test")


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        _missing("chromium", "install Debian's chromium (`make sysdeps` as root, or "
                 "`apt-get install chromium`)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait(check, what: str, timeout: float, proc: subprocess.Popen | None = None,
          log: Path | None = None):
    """Poll ``check()`` until it returns something truthy; fail with ``log``'s tail on timeout."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            break
        try:
            found = check()
        except (OSError, urllib.error.URLError):
            found = None
        if found:
            return found
        time.sleep(0.25)
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log else ""
    pytest.fail(f"timed out waiting for {what}\n{tail}")


class Lab:
    """A JupyterLab server on a free localhost port, its log and REST helpers."""

    def __init__(self, root: Path, state: Path):
        self.port = _free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log = state / "server.log"
        env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # as `make lab`
        env.update(JUPYTER_CONFIG_DIR=str(state / "config"), JUPYTER_DATA_DIR=str(state / "data"),
                   JUPYTER_RUNTIME_DIR=str(state / "runtime"), IPYTHONDIR=str(state / "ipython"),
                   JUPYTER_PLATFORM_DIRS="1")
        settings = state / "settings" / "@jupyterlab" / "docmanager-extension"
        settings.mkdir(parents=True)
        (settings / "plugin.jupyterlab-settings").write_text('{"autosave": false}')
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={self.port}",
               "--ServerApp.port_retries=0", f"--ServerApp.ip={HOST}", "--allow-root",
               f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}",
               "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--LabApp.extension_manager=readonly",
               f"--LabApp.user_settings_dir={state / 'settings'}",
               f"--LabApp.workspaces_dir={state / 'workspaces'}"]
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out,
                                         stderr=subprocess.STDOUT)
        try:
            _wait(lambda: self.get("/api/status"), "the JupyterLab server", 40, self.proc,
                  self.log)
        except BaseException:
            _stop(self.proc)
            raise

    def request(self, method: str, path: str, body: dict | None = None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": f"token {TOKEN}",
                                              "Content-Type": "application/json"})
        with _HTTP.open(req, timeout=30) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def get(self, path: str):
        return self.request("GET", path)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a copy of notebooks/ (the browser test runs cells: the committed notebooks
    must stay without outputs)."""
    try:
        import jupyterlab  # noqa: F401
        import websocket  # noqa: F401  (websocket-client, a dependency of jupyter_server)
    except ImportError:
        _missing("jupyterlab", "pip install -e '.[notebooks]' (or `make setup`)")
    root = tmp_path_factory.mktemp("lab") / "notebooks"
    shutil.copytree(NOTEBOOKS, root)
    server = Lab(root, tmp_path_factory.mktemp("lab-state"))
    yield server
    _stop(server.proc)


def test_lab_lists_the_notebooks_and_the_classroom(lab):
    top = lab.get("/api/contents/?content=1")["content"]
    assert {i["name"] for i in top if i["type"] == "notebook"} == {
        p.name for p in NOTEBOOKS.glob("*.ipynb")}
    assert any(i["name"] == "classroom" and i["type"] == "directory" for i in top)
    students = lab.get("/api/contents/classroom/students?content=1")["content"]
    assert {i["name"] for i in students if i["type"] == "notebook"} == {
        p.name for p in (NOTEBOOKS / "classroom" / "students").glob("*.ipynb")}


# ------------------------------------------------------------------------------ kernel
def _execute(ws, session: str, code: str) -> tuple[dict, list[dict]]:
    """Send one execute_request on the kernel's channels; return its reply and iopub messages."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session,
                   "username": "test", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
    reply, iopub, idle = None, [], False
    while reply is None or not idle:
        frame = ws.recv()
        if not isinstance(frame, str):  # binary frames carry widget buffers: not needed here
            continue
        msg = json.loads(frame)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["channel"] == "shell" and msg["msg_type"] == "execute_reply":
            reply = msg["content"]
        elif msg["channel"] == "iopub":
            iopub.append(msg)
            idle |= msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"
    return reply, iopub


def test_a_classroom_notebook_runs_in_a_kernel_the_server_started(lab):
    import websocket

    cells = lab.get(f"/api/contents/{NOTEBOOK}?content=1")["content"]["cells"]
    kernel = lab.request("POST", "/api/kernels", {"name": "python3", "path": "classroom/students"})
    ws = websocket.create_connection(
        f"ws://{HOST}:{lab.port}/api/kernels/{kernel['id']}/channels?token={TOKEN}",
        timeout=60, suppress_origin=True)
    try:
        session, outputs = uuid.uuid4().hex, []
        for cell in (c for c in cells if c["cell_type"] == "code"):
            reply, iopub = _execute(ws, session, cell["source"])
            errors = [m["content"] for m in iopub if m["msg_type"] == "error"]
            assert reply["status"] == "ok" and not errors, (cell["source"], reply, errors)
            outputs += [m["content"] for m in iopub if m["msg_type"] in
                        ("display_data", "execute_result", "stream")]
    finally:
        ws.close()
        lab.request("DELETE", f"/api/kernels/{kernel['id']}")
    text = "".join(o.get("text", "") for o in outputs)
    assert "then run this cell again" in text  # the blank answer gets the instructions once
    widget = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in
              o.get("data", {})]
    assert len(widget) == 1  # the explorer


# ------------------------------------------------------------------------------ browser
class DevTools:
    """The Chrome DevTools protocol over the page's websocket: just Runtime.evaluate."""

    def __init__(self, ws_url: str):
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.ids = itertools.count(1)

    def evaluate(self, expression: str):
        call_id = next(self.ids)
        self.ws.send(json.dumps({"id": call_id, "method": "Runtime.evaluate", "params": {
            "expression": expression, "returnByValue": True, "awaitPromise": True}}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == call_id:
                break
        result = msg.get("result", {})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "evaluate failed"))
        return result.get("result", {}).get("value")


# Reads what the open notebook shows: its title, the explorer's dropdowns and its table, and
# the outputs of type "error" in the notebook's model.
_PROBE = """(() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const node = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  if (!panel || !panel.model || !node) return null;
  const selects = Array.from(node.querySelectorAll('.widget-dropdown select'));
  const errors = Array.from(panel.model.cells).flatMap(
    c => c.outputs ? c.outputs.toJSON().filter(o => o.output_type === 'error') : []);
  return {
    title: (node.querySelector('.jp-MarkdownOutput h1') || {}).textContent || '',
    kernel: panel.sessionContext.session ? panel.sessionContext.session.kernel.status : '',
    dropdowns: selects.map(s => Array.from(s.options).map(
      o => o.textContent.replace(/\u00a0/g, ' '))),
    kwicRows: node.querySelectorAll('.widget-output table tbody tr').length,
    errors: errors.map(e => e.ename + ': ' + e.evalue),
  };
})()"""


def _until(tab: DevTools, ready, what: str, proc: subprocess.Popen, log: Path) -> dict:
    """Probe the page until ``ready(probe)``; fail with the last probe and the server's log."""
    last = {}

    def check():
        last["probe"] = tab.evaluate(_PROBE)
        return last["probe"] if last["probe"] and ready(last["probe"]) else None

    try:
        return _wait(check, what, 45, proc, log)
    except pytest.fail.Exception as exc:
        raise AssertionError(f"{exc}\nlast probe: {last.get('probe')}") from None


def test_lab_shows_the_notebook_and_renders_the_explorer_widget(lab, tmp_path):
    browser = _chromium()
    profile = tmp_path / "profile"
    page = f"{lab.url}/lab/tree/{NOTEBOOK}?token={TOKEN}"
    log = tmp_path / "chromium.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-proxy-server", f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {HOST}",
             "--remote-debugging-port=0", f"--user-data-dir={profile}",
             "--window-size=1400,1000", page], stdout=out, stderr=subprocess.STDOUT)
    try:
        port_file = profile / "DevToolsActivePort"
        port = _wait(lambda: port_file.is_file() and port_file.read_text().split("\n")[0],
                     "chromium's DevTools port", 30, proc, log)
        targets = _wait(
            lambda: [t for t in json.load(_HTTP.open(f"http://{HOST}:{port}/json/list"))
                     if t["type"] == "page" and "/lab" in t["url"]],
            "chromium's JupyterLab page", 30, proc, log)
        tab = DevTools(targets[0]["webSocketDebuggerUrl"])
        shown = _until(tab, lambda p: p["title"] and p["kernel"] == "idle",
                       "JupyterLab to open the notebook with an idle kernel", proc, lab.log)
        assert shown["title"].startswith("Spot the label")
        tab.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        shown = _until(tab, lambda p: (p["kwicRows"] and p["kernel"] == "idle") or p["errors"],
                       "the explorer widget to render", proc, lab.log)
    finally:
        _stop(proc)
    assert shown["errors"] == []
    outlets, terms = shown["dropdowns"]
    assert outlets[0] == "(all)" and {"AFP", "Fars News", "WSJ"} <= set(outlets)
    assert {"regime", "government", "rebels"} <= set(terms)
    assert shown["kwicRows"] > 0

"""A small JSON-RPC client of Odoo 11's web client endpoints, for the
concurrent clerks benchmark.

It speaks HTTP/1.1 through :mod:`http.client` on one keep-alive connection
per simulated clerk (reconnecting when the server closes it, as a browser
would), keeps the ``session_id`` cookie Odoo sets at login, and posts the
same JSON-RPC bodies the web client posts (``/web/dataset/search_read``,
``/web/dataset/call_kw/<model>/<method>``, ``/web/dataset/call_button``).
Every request is timed from sending to the last byte of the response and
recorded with its label and outcome: a status other than 200, a JSON
``error`` (an Odoo exception: access error, validation error, ...) or a
network failure is an error.

Why not Locust: it needs Flask/Werkzeug >= 2, which cannot share the
project's virtualenv with Odoo 11 (Werkzeug 0.16), its gevent client would
still need an Odoo client written for these endpoints, and it reports
latencies rounded into buckets. This client records every request's exact
latency, is plain standard library, and runs in the benchmark's process.
"""
import http.client
import itertools
import json
import time
from http.cookies import SimpleCookie


class RpcError(Exception):
    """A request that failed: HTTP status, Odoo error or network error."""


class Recorder:
    """Every request's label, start (epoch seconds), latency (seconds) and
    error (None when it succeeded). Threads append to one list
    (list.append is atomic under the GIL); the case keeps the requests
    that started inside the measured window."""

    def __init__(self):
        self.samples = []

    def add(self, label, start, seconds, error=None):
        self.samples.append((label, start, seconds, error))


class OdooClient:
    """One clerk's browser session on the server at ``host:port``."""

    _ids = itertools.count(1)

    def __init__(self, host, port, recorder, timeout=60):
        self.host, self.port, self.timeout = host, port, timeout
        self.recorder = recorder
        self.connection = None
        self.cookies = {}
        self.context = {}
        self.uid = None

    def close(self):
        if self.connection:
            self.connection.close()
            self.connection = None

    def _connection(self):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                self.host, self.port, timeout=self.timeout)
        return self.connection

    def _post(self, path, body):
        headers = {"Content-Type": "application/json",
                   "Accept": "application/json"}
        if self.cookies:
            headers["Cookie"] = "; ".join(
                "%s=%s" % item for item in self.cookies.items())
        for attempt in (1, 2):
            connection = self._connection()
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError,
                    ConnectionResetError):
                # the server closed the kept-alive connection between two
                # requests (werkzeug does after each response in some
                # modes): reconnect once, as a browser does
                self.close()
                if attempt == 2:
                    raise
                continue
            if response.will_close:
                self.close()
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(header)
                for name, morsel in cookie.items():
                    self.cookies[name] = morsel.value
            return response.status, payload
        raise AssertionError("unreachable")

    def rpc(self, label, path, params):
        """POST a JSON-RPC call; return its ``result`` or raise RpcError.
        The request is recorded under ``label``."""
        body = json.dumps({"jsonrpc": "2.0", "method": "call",
                           "params": params,
                           "id": next(self._ids)}).encode()
        start = time.time()
        clock = time.perf_counter()
        error = None
        try:
            try:
                status, payload = self._post(path, body)
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                raise RpcError("network: %r" % exc) from exc
            if status != 200:
                raise RpcError("HTTP %s" % status)
            try:
                answer = json.loads(payload)
            except ValueError as exc:
                raise RpcError("not JSON: %r" % payload[:200]) from exc
            if answer.get("error"):
                data = answer["error"].get("data") or {}
                raise RpcError("%s: %s" % (
                    data.get("name") or answer["error"].get("message"),
                    (data.get("message") or "")[:300]))
            return answer.get("result")
        except RpcError as exc:
            error = exc
            raise
        finally:
            self.recorder.add(label, start, time.perf_counter() - clock,
                              error and str(error))

    # the web client's calls -------------------------------------------

    def authenticate(self, db, login, password):
        result = self.rpc("login", "/web/session/authenticate", {
            "db": db, "login": login, "password": password})
        if not result or not result.get("uid"):
            raise RpcError("login %s refused" % login)
        self.uid = result["uid"]
        self.context = dict(result.get("user_context") or {})
        return result

    def call_kw(self, label, model, method, args, kwargs=None):
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", self.context)
        return self.rpc(label, "/web/dataset/call_kw/%s/%s" % (model, method),
                        {"model": model, "method": method, "args": args,
                         "kwargs": kwargs})

    def call_button(self, label, model, method, record_id):
        """A form's object button, as the web client's DataSet.call_button
        posts it: the context is the last positional argument."""
        return self.rpc(label, "/web/dataset/call_button", {
            "model": model, "method": method, "domain_id": None,
            "context_id": 1, "args": [[record_id], self.context]})

    def search_read(self, label, model, fields, domain, limit=80, sort=""):
        return self.rpc(label, "/web/dataset/search_read", {
            "model": model, "fields": fields, "domain": domain,
            "context": self.context, "offset": 0, "limit": limit,
            "sort": sort})

    def load_views(self, label, model, kinds=("list", "form", "search")):
        return self.call_kw(label, model, "load_views", [], {
            "views": [[False, kind] for kind in kinds],
            "options": {"action_id": False, "load_filters": True,
                        "toolbar": True}})

"""A small LSP client over a pipe to `sla lsp`, for the protocol tests and the
benchmark's end-to-end numbers: frames messages, matches responses to requests and
keeps the notifications that arrive in between."""
import json
import os
import pathlib
import select
import subprocess
import time


class LspClient:
    def __init__(self, sla, args=(), env=None, cwd=None):
        self.proc = subprocess.Popen([sla, "lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=env, cwd=cwd)
        self.seq = 0
        self.notes = []
        self.buffer = b""

    # ------------------------------------------------------------- framing
    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def read(self, timeout=10):
        # Our own buffer over the raw descriptor: select() on a buffered reader
        # would miss a message already read into its buffer.
        deadline = time.time() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                headers = {}
                for line in self.buffer[:end].decode().split("\r\n"):
                    key, value = line.split(":", 1)
                    headers[key.strip().lower()] = value.strip()
                length = int(headers["content-length"])
                if len(self.buffer) >= end + 4 + length:
                    body = self.buffer[end + 4:end + 4 + length]
                    self.buffer = self.buffer[end + 4 + length:]
                    return json.loads(body)
            left = deadline - time.time()
            ready, _, _ = select.select([fd], [], [], max(0, left))
            if not ready:
                raise TimeoutError("no message from the server")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise EOFError("the server closed its output")
            self.buffer += chunk

    # ------------------------------------------------------------ messages
    def request(self, method, params=None, timeout=10):
        self.seq += 1
        my = self.seq
        self.send({"jsonrpc": "2.0", "id": my, "method": method, "params": params})
        while True:
            m = self.read(timeout)
            if m.get("id") == my and "method" not in m:
                return m
            self.notes.append(m)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, timeout=10):
        """The next diagnostics published for `uri`."""
        deadline = time.time() + timeout
        while True:
            for i, m in enumerate(self.notes):
                if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                    return self.notes.pop(i)["params"]
            self.notes.append(self.read(max(0.01, deadline - time.time())))

    def initialize(self, root=None, capabilities=None, options=None):
        params = {"processId": os.getpid(), "capabilities": capabilities or {}}
        if root:
            params["rootUri"] = pathlib.Path(root).resolve().as_uri()
        if options:
            params["initializationOptions"] = options
        r = self.request("initialize", params)
        self.notify("initialized", {})
        return r

    def open(self, path, text=None, version=1):
        path = pathlib.Path(path).resolve()
        uri = path.as_uri()
        if text is None:
            text = path.read_text()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "sla", "version": version, "text": text}})
        return uri

    def change(self, uri, version, text=None, range_=None):
        change = {"text": text} if range_ is None else {"range": range_, "text": text}
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [change]})

    def close(self):
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            return self.proc.wait(5)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()

    def stop(self):
        """Ends the server however it is (running, exited, hung) and closes the pipes."""
        if self.proc.poll() is None:
            try:
                self.close()
            except (OSError, EOFError, TimeoutError):
                pass
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for pipe in self.proc.stdout, self.proc.stdin, self.proc.stderr:
            pipe.close()

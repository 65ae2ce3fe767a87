"""A small loopback TCP proxy whose link can be cut (an outage) or frozen (a hang), for fault tests.

``Proxy(target_port)`` listens on a free loopback port and forwards every connection to the target.
``down()`` closes every connection and refuses new ones, as a crashed server does; ``hang()`` keeps
accepting and holding connections but forwards nothing either way, as a server or network that stopped
answering does (TCP stays up, so no driver notices); ``up()`` goes back to forwarding.
"""

import contextlib
import selectors
import socket
import threading


class Proxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1"):
        self.target = (target_host, target_port)
        self.state = "up"
        self.lock = threading.Lock()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.listener = None
        self.port = None
        self._listen()
        self.closed = False
        threading.Thread(target=self._pump, daemon=True).start()

    def _listen(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(128)
        self.port = listener.getsockname()[1]
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    @property
    def url_host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            if self.state == "hang":
                with self.lock:
                    self.pairs.append((client, None))  # held, never answered
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.pairs.append((client, upstream))

    def _pump(self):
        while not self.closed:
            with self.lock:
                pairs = [(a, b) for a, b in self.pairs if b is not None]
            if self.state != "up" or not pairs:
                threading.Event().wait(0.01)
                continue
            selector = selectors.DefaultSelector()
            for a, b in pairs:
                try:
                    selector.register(a, selectors.EVENT_READ, (a, b))
                    selector.register(b, selectors.EVENT_READ, (b, a))
                except (ValueError, KeyError, OSError):
                    pass
            try:
                events = selector.select(timeout=0.02)
            finally:
                selector.close()
            for key, _ in events:
                source, sink = key.data
                if self.state != "up":
                    break
                try:
                    data = source.recv(65536)
                except OSError:
                    data = b""
                if not data:
                    self._drop(source)
                    continue
                try:
                    sink.sendall(data)
                except OSError:
                    self._drop(source)

    def _drop(self, sock):
        with self.lock:
            for pair in [p for p in self.pairs if sock in p]:
                self.pairs.remove(pair)
                for s in pair:
                    if s is not None:
                        s.close()

    def down(self):
        """Refuse new connections and reset the open ones."""
        self.state = "down"
        # shutdown() wakes the thread blocked in accept(); close() alone does not on Linux, and that
        # thread then keeps the old socket listening beside the next one.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for s in pair:
                if s is not None:
                    s.close()

    def hang(self):
        """Keep every connection open, answer nothing."""
        self.state = "hang"

    def up(self):
        if self.state == "down":
            self._listen()
        self.state = "up"
        # Connections held while hanging were never connected to the target: let their clients fail.
        with self.lock:
            held = [p for p in self.pairs if p[1] is None]
            self.pairs = [p for p in self.pairs if p[1] is not None]
        for client, _ in held:
            client.close()

    def close(self):
        self.closed = True
        self.down()

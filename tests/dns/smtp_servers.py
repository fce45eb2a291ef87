"""SMTP servers on loopback for the catch-all probe tests: smtp-sink(1)
from Postfix (accepts every recipient), a small asyncio responder that
refuses unknown users with 550, and a listener that never speaks. Each
listens on its own 127.0.0.x address, all on one port, as the probe has
one port ([dns] catch_all_port) for every mail exchanger."""
import asyncio
import os
import random
import socket
import subprocess
import threading
import time

SINK_IP, STRICT_IP, SILENT_IP = "127.0.0.21", "127.0.0.22", "127.0.0.23"


async def _strict(reader, writer):
    """RFC 5321 replies; RCPT for anyone but postmaster is 550."""
    writer.write(b"220 mx.strict.test ESMTP\r\n")
    while True:
        line = await reader.readline()
        if not line:
            break
        cmd = line.decode(errors="replace").strip().upper()
        if cmd.startswith("EHLO") or cmd.startswith("HELO"):
            writer.write(b"250-mx.strict.test\r\n250 8BITMIME\r\n")
        elif cmd.startswith("MAIL FROM:"):
            writer.write(b"250 2.1.0 Ok\r\n")
        elif cmd.startswith("RCPT TO:"):
            ok = cmd.startswith("RCPT TO:<POSTMASTER@")
            writer.write(b"250 2.1.5 Ok\r\n" if ok else b"550 5.1.1 User unknown\r\n")
        elif cmd == "QUIT":
            writer.write(b"221 Bye\r\n")
            break
        else:
            writer.write(b"502 5.5.2 Error\r\n")
        await writer.drain()
    writer.close()


class Servers:
    """Starts the three on a port free at all three addresses; `port`."""

    def __init__(self):
        for _ in range(20):
            self.port = random.randint(20000, 60000)
            socks = []
            try:
                for ip in (STRICT_IP, SILENT_IP):
                    s = socket.socket()
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    s.bind((ip, self.port))
                    socks.append(s)
            except OSError:
                for s in socks:
                    s.close()
                continue
            self.silent = socks[1]
            self.silent.listen(8)  # the kernel completes the connection; nobody speaks
            strict = socks[0]
            strict.listen(8)
            self.loop = asyncio.new_event_loop()
            ready = threading.Event()

            def run():
                asyncio.set_event_loop(self.loop)
                self.loop.run_until_complete(asyncio.start_server(_strict, sock=strict))
                ready.set()
                self.loop.run_forever()

            self.thread = threading.Thread(target=run, daemon=True)
            self.thread.start()
            ready.wait(5)
            # As root smtp-sink must be told whose privileges to take.
            user = ["-u", "postfix"] if os.geteuid() == 0 else []
            self.sink = subprocess.Popen(["/usr/sbin/smtp-sink"] + user +
                                         ["%s:%d" % (SINK_IP, self.port), "16"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(50):
                try:
                    socket.create_connection((SINK_IP, self.port), timeout=1).close()
                    return
                except OSError:
                    if self.sink.poll() is not None:
                        break
                    time.sleep(0.1)
            self.close()
        raise RuntimeError("no port free on 127.0.0.21-23 for the SMTP servers")

    def close(self):
        self.sink.terminate()
        self.sink.wait()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.silent.close()

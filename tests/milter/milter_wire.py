"""The milter wire format the test clients speak (Sendmail's libmilter
protocol): a 4-byte big-endian length, a command byte, its data."""
import struct


def pkt(code, data=b""):
    return struct.pack(">I", len(data) + 1) + code + data


def read_exactly(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            raise EOFError("closed")
        data += chunk
    return data


def read_packet(s):
    (length,) = struct.unpack(">I", read_exactly(s, 4))
    data = read_exactly(s, length)
    return data[:1], data[1:]

"""Attacks and abuses the gan4j kernel the way a hostile local process or a careless cell would, and checks it survives.

Raw ZeroMQ sockets (a second, hostile peer) send to the shell and control ports:
  * one junk frame 'x' (no delimiter) just before a legitimate request: the reply must reach the legitimate client and
    nothing may reach the junk sender;
  * requests with a wrong and with a missing HMAC signature, on shell and on control: dropped, not executed, and both
    channels keep working (a later interrupt still stops a cell);
  * correctly signed requests with invalid JSON content and header: dropped, the channel keeps working;
  * a correctly signed request of an unknown type: answered with '<type>_reply', status 'error'.
Cells:
  * System.exit(0) and Runtime.getRuntime().halt(0) fail with a clear error and the kernel keeps its variables;
  * 200 000 lines (20 000 000 bytes) of println arrive complete and in order, followed by 'idle';
  * 36 000 000 bytes arrive as the first 32 MiB plus one note saying how many bytes were dropped;
  * a loop that catches the forced stop ends (or is parked) on interrupt and leaves no thread spinning a core;
  * a StackOverflowError's traceback folds the repeated frames.

Usage: /usr/bin/python3 robustness_check.py   (JUPYTER_PATH must hold kernels/gan4j)
Prints one line per check and a summary line:
    ROBUST ok=<k>/<n>
"""
import os
import sys
import time

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

from kernel_replies import iopub_until_idle, stream_text, wait_reply

FLOOD_LINES = 200_000
LINE_BYTES = 100  # 6 digits, 93 dots, newline
LIMIT_BYTES = 32 * 1024 * 1024
OVER_LINES = 360_000


def flood_cell(lines):
    return ('String pad = ".".repeat(93);\n'
            'for (int i = 0; i < %d; i++) System.out.println(String.format("%%06d", i) + pad);' % lines)


class Probe:
    def __init__(self, km, kc):
        self.km = km
        self.kc = kc
        info = km.get_connection_info()
        self.ip = info["ip"]
        self.ports = {"shell": info["shell_port"], "control": info["control_port"]}
        self.session = Session(key=km.session.key, signature_scheme=km.session.signature_scheme,
                               username="attacker")
        self.ctx = zmq.Context()
        self.results = []

    def socket(self, channel):
        s = self.ctx.socket(zmq.DEALER)
        s.linger = 0
        s.connect("tcp://%s:%d" % (self.ip, self.ports[channel]))
        return s

    def frames(self, msg_type, content):
        """Correctly signed frames of a request: [<IDS|MSG>, signature, header, parent, metadata, content]."""
        return self.session.serialize(self.session.msg(msg_type, content=content))

    def resign(self, frames):
        frames[1] = self.session.sign(frames[2:6])
        return frames

    def record(self, name, good, detail=""):
        self.results.append(good)
        print("check %-34s %s%s" % (name + ":", "ok" if good else "FAILED", (" " + detail) if detail else ""),
              flush=True)

    def run(self, code, timeout=60):
        msg_id = self.kc.execute(code)
        reply = wait_reply(self.kc, msg_id, timeout)
        msgs = iopub_until_idle(self.kc, msg_id, timeout)
        return reply, msgs

    def alive_and_serving(self, label):
        """A normal cell still runs, its reply reaches the legitimate client, and earlier state is kept."""
        reply, msgs = self.run("System.out.println(\"alive \" + definedBefore);", 30)
        good = (reply is not None and reply["content"]["status"] == "ok"
                and "alive 4242" in stream_text(msgs) and self.km.is_alive())
        self.record("serving after " + label, good, "" if good else repr(reply and reply["content"]))
        return good


def check_reply_stealing(p):
    attacker = p.socket("shell")
    attacker.send(b"x")
    time.sleep(0.3)
    msg_id = p.kc.history(hist_access_type="tail", n=5, output=False)
    reply = wait_reply(p.kc, msg_id, 15)
    stolen = attacker.poll(1000)
    good = reply is not None and reply["msg_type"] == "history_reply" and not stolen
    p.record("junk frame steals no reply", good,
             "" if good else "legit reply=%s, attacker received=%s" % (reply is not None, bool(stolen)))
    attacker.close()


def check_bad_signatures(p, channel):
    attacker = p.socket(channel)
    wrong = p.frames("execute_request", {"code": "int hacked%s = 1;" % channel, "silent": False})
    wrong[1] = b"0" * len(wrong[1])
    missing = p.frames("execute_request", {"code": "int hacked%s = 1;" % channel, "silent": False})
    missing[1] = b""
    shutdown = p.frames("shutdown_request", {"restart": False})
    shutdown[1] = b"f" * len(shutdown[1])
    for frames in (wrong, missing, shutdown):
        attacker.send_multipart(frames)
    answered = attacker.poll(1000)
    attacker.close()
    p.record("bad signatures dropped (%s)" % channel, not answered and p.km.is_alive(),
             "the attacker got an answer" if answered else "")
    p.alive_and_serving("bad signatures on " + channel)
    reply, msgs = p.run("int probe = hacked%s;" % channel, 30)
    not_run = reply is not None and reply["content"]["status"] == "error"
    p.record("badly signed code not run (%s)" % channel, not_run, "" if not_run else "hacked%s exists" % channel)


def check_invalid_json(p):
    attacker = p.socket("shell")
    bad_content = p.frames("execute_request", {"code": "1"})
    bad_content[5] = b"{not json"
    attacker.send_multipart(p.resign(bad_content))
    bad_header = p.frames("kernel_info_request", {})
    bad_header[2] = b"[1, 2"
    attacker.send_multipart(p.resign(bad_header))
    wrong_shape = p.frames("execute_request", {"code": "1"})
    wrong_shape[5] = b"[]"
    attacker.send_multipart(p.resign(wrong_shape))
    answered = attacker.poll(1000)
    attacker.close()
    p.record("signed invalid JSON dropped", not answered and p.km.is_alive())
    p.alive_and_serving("invalid JSON")


def check_unknown_type(p):
    attacker = p.socket("shell")
    frames = p.frames("frobnicate_request", {})
    attacker.send_multipart(frames)
    good = False
    detail = "no reply"
    if attacker.poll(10000):
        _, msg_frames = p.session.feed_identities(attacker.recv_multipart())
        msg = p.session.deserialize(msg_frames)
        good = msg["msg_type"] == "frobnicate_reply" and msg["content"].get("status") == "error"
        detail = "" if good else "got %s %r" % (msg["msg_type"], msg["content"])
    attacker.close()
    p.record("unknown request gets error reply", good, detail)


def check_interrupt_after_bad_control(p):
    attacker = p.socket("control")
    bad = p.frames("interrupt_request", {})
    bad[1] = b"1" * len(bad[1])
    attacker.send_multipart(bad)
    attacker.send(b"x")
    attacker.close()
    msg_id = p.kc.execute("Thread.sleep(60000);")
    time.sleep(1.0)
    t0 = time.monotonic()
    p.km.interrupt_kernel()
    reply = wait_reply(p.kc, msg_id, 30)
    iopub_until_idle(p.kc, msg_id, 10)
    took = time.monotonic() - t0
    good = reply is not None and reply["content"].get("ename") == "Interrupted" and took < 5
    p.record("interrupt works after bad control", good, "%.2fs" % took if good else repr(reply and reply["content"]))


def check_exit(p, code, label):
    reply, msgs = p.run(code, 30)
    content = reply["content"] if reply else {}
    text = " ".join(content.get("traceback", [])) + " " + str(content.get("evalue"))
    good = (content.get("status") == "error" and "keeps running" in text and p.km.is_alive())
    p.record(label + " refused", good, "" if good else repr(content))
    p.alive_and_serving(label)


def check_flood(p):
    t0 = time.monotonic()
    msg_id = p.kc.execute(flood_cell(FLOOD_LINES))
    msgs = iopub_until_idle(p.kc, msg_id, 240)
    reply = wait_reply(p.kc, msg_id, 30)
    took = time.monotonic() - t0
    out = "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
    idle = bool(msgs) and msgs[-1]["msg_type"] == "status"
    lines = out.split("\n")
    in_order = len(lines) == FLOOD_LINES + 1 and all(
        lines[i][:6] == "%06d" % i and len(lines[i]) == LINE_BYTES - 1 for i in range(FLOOD_LINES))
    streams = sum(1 for m in msgs if m["msg_type"] == "stream")
    good = idle and reply is not None and reply["content"]["status"] == "ok" and len(out) == FLOOD_LINES * LINE_BYTES \
        and in_order
    p.record("20 MB flood complete, in order, idle", good,
             "%d bytes in %d stream messages, %.1fs" % (len(out), streams, took))


def check_limit(p):
    msg_id = p.kc.execute(flood_cell(OVER_LINES))
    msgs = iopub_until_idle(p.kc, msg_id, 240)
    wait_reply(p.kc, msg_id, 30)
    out = "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
    err = "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
    dropped = OVER_LINES * LINE_BYTES - LIMIT_BYTES
    good = len(out) == LIMIT_BYTES and ("{:,} bytes were dropped".format(dropped)) in err and err.count("gan4j") == 1
    p.record("output over 32 MiB dropped with a note", good, "stdout %d bytes, note %r" % (len(out), err.strip()))


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def check_catching_loop(p):
    code = ("long spins = 0;\n"
            "while (true) { try { for (int i = 0; i < 1000; i++) spins += i; } catch (Throwable t) { spins++; } }")
    msg_id = p.kc.execute(code)
    time.sleep(1.0)
    t0 = time.monotonic()
    p.km.interrupt_kernel()
    reply = wait_reply(p.kc, msg_id, 30)
    iopub_until_idle(p.kc, msg_id, 10)
    took = time.monotonic() - t0
    pid = p.km.provisioner.pid
    time.sleep(0.5)
    c0, w0 = cpu_seconds(pid), time.monotonic()
    time.sleep(3.0)
    share = (cpu_seconds(pid) - c0) / (time.monotonic() - w0)
    content = reply["content"] if reply else {}
    good = content.get("ename") == "Interrupted" and share < 0.5
    p.record("caught stop leaves no spinning thread", good,
             "interrupt %.2fs, kernel CPU afterwards %.0f%% of a core, %s" % (took, 100 * share,
                                                                            content.get("evalue")))
    p.alive_and_serving("catching loop")


def check_stack_overflow(p):
    p.run("int deep(int n) { return deep(n + 1) + 1; }", 30)
    reply, msgs = p.run("deep(0)", 60)
    content = reply["content"] if reply else {}
    tb = content.get("traceback", [])
    good = (content.get("ename", "").endswith("StackOverflowError") and any("more identical frames" in l for l in tb)
            and len(tb) < 30)
    p.record("stack overflow frames folded", good, "%d traceback lines" % len(tb))


def main():
    km = KernelManager(kernel_name="gan4j")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    p = Probe(km, kc)
    try:
        kc.wait_for_ready(timeout=60)
        reply, _ = p.run("int definedBefore = 4242;", 60)
        if reply is None or reply["content"]["status"] != "ok":
            print("setup failed: %r" % (reply and reply["content"],))
            print("ROBUST ok=0/1")
            return 1
        check_reply_stealing(p)
        check_bad_signatures(p, "shell")
        check_bad_signatures(p, "control")
        check_invalid_json(p)
        check_unknown_type(p)
        check_interrupt_after_bad_control(p)
        check_exit(p, "System.exit(0);", "System.exit")
        check_exit(p, "Runtime.getRuntime().halt(0);", "Runtime.halt")
        check_flood(p)
        check_limit(p)
        check_catching_loop(p)
        check_stack_overflow(p)
        p.alive_and_serving("everything")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        if km.is_alive():
            km.shutdown_kernel(now=True)
        p.ctx.destroy(linger=0)
    ok = sum(1 for r in p.results if r)
    print("ROBUST ok=%d/%d" % (ok, len(p.results)), flush=True)
    return 0 if ok == len(p.results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Interrupts running cells of the gan4j kernel, round after round.

Each round: a cell running Thread.sleep(60000) is interrupted, then a cell looping until its thread is interrupted
is interrupted; each must end (execute_reply) within LIMIT seconds of the interrupt; then the next cell must print a
variable defined before the first round.

Usage: /usr/bin/python3 interrupt_check.py [ROUNDS]   (JUPYTER_PATH must hold kernels/gan4j)
Prints one line per round and a summary line:
    INTERRUPT ok=<k>/<ROUNDS> max_sleep=<s> max_loop=<s>
"""
import sys
import time

from jupyter_client.manager import KernelManager

from kernel_replies import iopub_until_idle, stream_text, wait_reply

LIMIT = 2.0
SLEEP_CELL = "Thread.sleep(60000);\nint neverDefined = 1;"
LOOP_CELL = "long spins = 0;\nwhile (!Thread.currentThread().isInterrupted()) { spins++; }\nint neverDefined2 = 1;"


def wait_busy(kc, msg_id, timeout=10):
    """Waits until the kernel reports it started executing msg_id."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=0.2)
        except Exception:
            continue
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input"):
            return True
    return False


def interrupt_cell(km, kc, code):
    msg_id = kc.execute(code)
    if not wait_busy(kc, msg_id):
        return False, None, "cell did not start"
    time.sleep(0.5)  # let it block / spin
    t0 = time.monotonic()
    km.interrupt_kernel()
    reply = wait_reply(kc, msg_id, 30)
    took = time.monotonic() - t0
    if reply is None:
        return False, None, "no execute_reply 30 s after the interrupt"
    content = reply["content"]
    if content.get("status") != "error" or content.get("ename") != "Interrupted":
        return False, took, "reply was %r" % ({k: content.get(k) for k in ("status", "ename", "evalue")},)
    if took > LIMIT:
        return False, took, "took %.2f s" % took
    return True, took, ""


def run_print(kc, code, timeout=30):
    msg_id = kc.execute(code)
    reply = wait_reply(kc, msg_id, timeout)
    return reply, stream_text(iopub_until_idle(kc, msg_id, 5))


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    km = KernelManager(kernel_name="gan4j")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    ok = 0
    sleeps, loops = [], []
    try:
        kc.wait_for_ready(timeout=60)
        reply, _ = run_print(kc, "int definedBefore = 4242;")
        if reply is None or reply["content"]["status"] != "ok":
            print("setup failed: %r" % (reply and reply["content"],))
            print("INTERRUPT ok=0/%d" % rounds)
            return 1
        for r in range(1, rounds + 1):
            good_s, took_s, why_s = interrupt_cell(km, kc, SLEEP_CELL)
            good_l, took_l, why_l = interrupt_cell(km, kc, LOOP_CELL)
            reply, out = run_print(kc, "System.out.println(definedBefore);")
            good_n = reply is not None and reply["content"]["status"] == "ok" and "4242" in out
            if took_s is not None:
                sleeps.append(took_s)
            if took_l is not None:
                loops.append(took_l)
            good = good_s and good_l and good_n
            ok += good
            print("round %2d: %s sleep=%s loop=%s next=%s%s" % (
                r, "ok" if good else "FAILED",
                "%.3fs" % took_s if took_s is not None else "-",
                "%.3fs" % took_l if took_l is not None else "-",
                "ok" if good_n else "FAILED(%r)" % out,
                "".join(" " + w for w in (why_s, why_l) if w)), flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        if km.is_alive():
            km.shutdown_kernel(now=True)
    print("INTERRUPT ok=%d/%d max_sleep=%s max_loop=%s" % (
        ok, rounds, "%.3f" % max(sleeps) if sleeps else "-", "%.3f" % max(loops) if loops else "-"), flush=True)
    return 0 if ok == rounds else 1


if __name__ == "__main__":
    sys.exit(main())

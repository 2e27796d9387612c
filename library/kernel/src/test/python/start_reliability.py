"""Starts the gan4j kernel N times in a row; each start must answer kernel_info.

Usage: /usr/bin/python3 start_reliability.py [N]   (JUPYTER_PATH must hold kernels/gan4j)
Prints one line per start and a summary line:
    STARTS ok=<k>/<N> ready_min=<s> ready_median=<s> ready_max=<s>
Exit status 0 only when every start answered.
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def one_start(i):
    km = KernelManager(kernel_name="gan4j")
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        # ask at once, before the kernel can possibly be up: a race-free start-up answers anyway
        msg_id = kc.kernel_info()
        deadline = t0 + 60
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False, None, "no kernel_info_reply within 60 s"
            try:
                reply = kc.get_shell_msg(timeout=remaining)
            except Exception:  # queue.Empty
                return False, None, "no kernel_info_reply within 60 s"
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        ready = time.monotonic() - t0
        content = reply["content"]
        if content.get("status") != "ok" or content.get("language_info", {}).get("name") != "java":
            return False, ready, "bad reply: %r" % (content,)
        return True, ready, ""
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        if km.is_alive():
            km.shutdown_kernel(now=True)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    ok = 0
    times = []
    for i in range(1, n + 1):
        try:
            good, ready, why = one_start(i)
        except Exception as e:  # a start that raises is a failed start
            good, ready, why = False, None, "%s: %s" % (type(e).__name__, e)
        if good:
            ok += 1
            times.append(ready)
        print("start %2d: %s%s%s" % (i, "ok" if good else "FAILED",
                                    " ready=%.2fs" % ready if ready is not None else "",
                                    " " + why if why else ""), flush=True)
    if times:
        print("STARTS ok=%d/%d ready_min=%.2f ready_median=%.2f ready_max=%.2f"
              % (ok, n, min(times), statistics.median(times), max(times)), flush=True)
    else:
        print("STARTS ok=0/%d" % n, flush=True)
    return 0 if ok == n else 1


if __name__ == "__main__":
    sys.exit(main())

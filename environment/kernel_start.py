"""How fast the gan4j kernel answers: for each of N fresh kernels, seconds from starting the kernel process to the
kernel_info reply ("ready") and to the reply of a first cell that uses a gan4j class ("first cell").

Usage: /usr/bin/python3 environment/kernel_start.py [N]   (JUPYTER_PATH must hold kernels/gan4j; run by
environment/benchmark --kernel-start). Prints one line per start, then the medians:
    kernel start: ready median 1.30 s, first cell median 3.40 s (5 starts)
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CELL = "GanConfig.mlp(2).batchSize()"


def one_start():
    km = KernelManager(kernel_name="gan4j")
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        ready = time.monotonic() - t0
        msg_id = kc.execute(CELL)
        while True:
            reply = kc.get_shell_msg(timeout=120)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        first = time.monotonic() - t0
        if reply["content"]["status"] != "ok":
            raise RuntimeError("the first cell failed: %s" % reply["content"])
        return ready, first
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    readies, firsts = [], []
    for i in range(n):
        ready, first = one_start()
        readies.append(ready)
        firsts.append(first)
        print("start %d: ready %.2f s, first cell %.2f s" % (i + 1, ready, first), flush=True)
    print("kernel start: ready median %.2f s, first cell median %.2f s (%d starts)"
          % (statistics.median(readies), statistics.median(firsts), n), flush=True)


if __name__ == "__main__":
    main()

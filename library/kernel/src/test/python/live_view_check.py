"""Drives the live training view through a real gan4j kernel.

A cell fits a tiny GAN on the Gaussian ring with LiveView for at least FIT_SECONDS; the kernel must publish
update_display_data messages meanwhile. Then an interrupt_request must end the cell within LIMIT seconds (reply:
error "Interrupted"); the next cell prints the session's step, and a further fit must continue from exactly there.

Usage: /usr/bin/python3 live_view_check.py   (JUPYTER_PATH must hold kernels/gan4j)
Prints the measurements and a summary line:
    LIVE ok=<k>/<n> updates=<u> interrupt=<s> share=<f>
"""
import re
import sys
import time

from jupyter_client.manager import KernelManager

from kernel_replies import iopub_until_idle, stream_text, wait_reply

LIMIT = 2.0
FIT_SECONDS = 20.0
MIN_UPDATES = 5
CONTINUE_STEPS = 50

SETUP = """
GanConfig config = GanConfig.mlp(2).toBuilder().batchSize(32).snapshotEvery(100).snapshotSize(256).seed(3).build();
TrainingSession session = new GanTrainer(config).session(new GaussianRing(8, 2.0, 0.05).sample(5000, 1));
session.fit(3, LiveView.create());   // warm-up: ND4J start, first chart drawing
LiveView live = LiveView.create();
"""
FIT = "session.fit(1_000_000, live);\nint neverDefined = 1;"
REPORT = 'System.out.println("STEP " + session.step() + " SHARE " + live.displayShare() + " UPDATES " + live.updates());'
CONTINUE = "long before = session.step();\nsession.fit(%d, live);\n" \
           "System.out.println(\"FROM \" + before + \" TO \" + session.step());" % CONTINUE_STEPS


def run_cell(kc, code, timeout=120):
    """Runs a cell; returns (reply, stdout text, iopub messages of that cell)."""
    msg_id = kc.execute(code)
    reply = wait_reply(kc, msg_id, timeout)
    msgs = iopub_until_idle(kc, msg_id, 10)
    return reply, stream_text(msgs), msgs


def main():
    checks = []

    def check(name, good, detail=""):
        checks.append(good)
        print("%-44s %s %s" % (name, "ok" if good else "FAILED", detail), flush=True)

    km = KernelManager(kernel_name="gan4j")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    updates, latency, share = 0, None, None
    try:
        kc.wait_for_ready(timeout=60)
        reply, out, _ = run_cell(kc, SETUP, timeout=180)
        check("setup cell", reply is not None and reply["content"]["status"] == "ok",
              "" if reply is None else str({k: reply["content"].get(k) for k in ("status", "ename", "evalue")}))
        if not checks[-1]:
            return 1

        msg_id = kc.execute(FIT)
        displays, first_update, progress_texts = 0, None, []
        started = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                msg = kc.get_iopub_msg(timeout=0.2)
            except Exception:
                msg = None
            if msg is not None and msg["parent_header"].get("msg_id") == msg_id:
                kind = msg["msg_type"]
                if kind == "execute_input" and started is None:
                    started = time.monotonic()
                elif kind == "display_data":
                    displays += 1
                elif kind == "update_display_data":
                    updates += 1
                    if first_update is None:
                        first_update = time.monotonic()
                    text = msg["content"]["data"].get("text/plain", "")
                    if text.startswith("step "):
                        progress_texts.append(text)
            # interrupt only once the cell runs and has updated its display, and FIT_SECONDS have passed
            if first_update is not None and time.monotonic() - started >= FIT_SECONDS:
                break
        check("fit started and showed outputs", started is not None and displays >= 2,
              "display_data=%d" % displays)
        check("update_display_data during the fit", updates >= MIN_UPDATES,
              "%d updates in %.1f s" % (updates, time.monotonic() - (started or time.monotonic())))
        if progress_texts:
            print("  last progress: " + progress_texts[-1], flush=True)

        t0 = time.monotonic()
        km.interrupt_kernel()
        reply = wait_reply(kc, msg_id, 30)
        latency = time.monotonic() - t0
        content = reply["content"] if reply else {}
        check("interrupt ends the cell within %.0f s" % LIMIT, reply is not None and latency <= LIMIT,
              "%.3f s" % latency)
        check("cell ends as Interrupted", content.get("status") == "error" and content.get("ename") == "Interrupted",
              str({k: content.get(k) for k in ("status", "ename", "evalue")}))
        # the final state (written in onEnd) arrives before the cell's idle status
        final_texts = [m["content"]["data"].get("text/plain", "") for m in iopub_until_idle(kc, msg_id, 10)
                       if m["msg_type"] == "update_display_data"]
        # onEnd's final progress line, also when the interrupt landed inside a display send (LiveView's
        # InterruptTolerantSink drops that one output and keeps the interrupt for the loop)
        final_progress = [t for t in final_texts if t.startswith("step ")]
        check("final progress says interrupted", any("interrupted" in t for t in final_progress),
              (final_progress[-1] if final_progress else "no final progress update")[:160])

        reply, out, _ = run_cell(kc, REPORT)
        m = re.search(r"STEP (\d+) SHARE (\S+) UPDATES (\d+)", out)
        check("session.step() after the interrupt", m is not None and int(m.group(1)) > 0, out.strip())
        stopped_at = int(m.group(1)) if m else -1
        share = float(m.group(2)) if m else None
        if share is not None:
            check("display share < 5%", share < 0.05, "%.2f%%" % (100 * share))

        reply, out, msgs = run_cell(kc, CONTINUE)
        m = re.search(r"FROM (\d+) TO (\d+)", out)
        good = (reply is not None and reply["content"]["status"] == "ok" and m is not None
                and int(m.group(1)) == stopped_at and int(m.group(2)) == stopped_at + CONTINUE_STEPS)
        check("next fit continues from that step", good, out.strip() or str(reply and reply["content"]))
        kinds = [x["msg_type"] for x in msgs]
        check("second fit shows its own live view", "display_data" in kinds, str(sorted(set(kinds))))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print("LIVE ok=%d/%d updates=%d interrupt=%s share=%s" % (
        sum(checks), len(checks), updates, "%.3fs" % latency if latency is not None else "-",
        "%.4f" % share if share is not None else "-"), flush=True)
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())

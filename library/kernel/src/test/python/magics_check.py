"""Checks magics, class path sources, start-up imports, rich results and error messages of the gan4j kernel.

Usage: /usr/bin/python3 magics_check.py REPO_URL MAGIC_JAR_GLOB
  REPO_URL        a Maven repository (file://...) holding org.gan4j.it:from-maven:1.0 (class org.gan4j.it.FromMaven)
  MAGIC_JAR_GLOB  a glob matching a jar with org.gan4j.it.FromMagic
The kernel must see org.gan4j.it.FromEnv through GAN4J_CLASSPATH.
Prints "CHECK <name>: ok|FAILED ..." per check and "MAGICS ok=<k>/<n>".
"""
import sys
import time

from jupyter_client.manager import KernelManager


def run(kc, code, timeout=120):
    """Executes code; returns (reply content, stdout text, list of (msg_type, content))."""
    msg_id = kc.execute(code)
    deadline = time.monotonic() + timeout
    reply = None
    while reply is None:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg["content"]
    out, msgs = [], []
    while True:
        msg = kc.get_iopub_msg(timeout=10)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        msgs.append((msg["msg_type"], msg["content"]))
    return reply, "".join(out), msgs


def result_data(msgs):
    for kind, content in msgs:
        if kind == "execute_result":
            return content["data"]
    return None


def main():
    repo_url, magic_glob = sys.argv[1], sys.argv[2]
    checks = []

    def check(name, ok, detail=""):
        checks.append(ok)
        print("CHECK %s: %s%s" % (name, "ok" if ok else "FAILED", "" if ok else " " + detail), flush=True)

    km = KernelManager(kernel_name="gan4j")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)

        r, out, msgs = run(kc, "new org.gan4j.it.FromEnv().toString()")
        data = result_data(msgs) or {}
        check("GAN4J_CLASSPATH", r["status"] == "ok" and "FromEnv" in data.get("text/plain", ""), repr((r, data)))

        r, out, msgs = run(kc, "%%jars %s\nnew org.gan4j.it.FromMagic().toString()" % magic_glob)
        data = result_data(msgs) or {}
        check("%jars glob", r["status"] == "ok" and "FromMagic" in data.get("text/plain", ""), repr((r, out, data)))

        r, out, msgs = run(kc, "%%maven --repo %s org.gan4j.it:from-maven:1.0\nnew org.gan4j.it.FromMaven().toString()"
                           % repo_url)
        data = result_data(msgs) or {}
        check("%maven", r["status"] == "ok" and "FromMaven" in data.get("text/plain", ""), repr((r, out, data)))

        r, out, msgs = run(kc, "%maven not-a-coordinate")
        check("%maven bad coordinates", r["status"] == "error" and r["ename"] == "MagicError"
              and "not a Maven coordinate" in r["evalue"], repr(r))

        r, out, msgs = run(kc, "%nosuchmagic 1 2")
        check("unknown magic", r["status"] == "error" and "is not a magic" in r["evalue"], repr(r))

        r, out, msgs = run(kc, "%time 1 + 2")
        data = result_data(msgs) or {}
        check("%time", r["status"] == "ok" and data.get("text/plain") == "3" and "Wall time" in out,
              repr((r, out, data)))

        r, out, msgs = run(kc, "%%time\nint t5 = 5;\nt5 * 2")
        data = result_data(msgs) or {}
        check("%%time", r["status"] == "ok" and data.get("text/plain") == "10" and "Wall time" in out,
              repr((r, out, data)))

        r, out, msgs = run(kc, "List<Integer> li = new ArrayList<>();\n"
                               "Nd4j.class.getSimpleName() + INDArray.class.getSimpleName()"
                               " + Table.class.getSimpleName() + XYChart.class.getSimpleName()"
                               " + BufferedImage.class.getSimpleName() + Paths.class.getSimpleName()"
                               " + Collectors.class.getSimpleName()")
        data = result_data(msgs) or {}
        check("startup imports", data.get("text/plain") == "Nd4jINDArrayTableXYChartBufferedImagePathsCollectors",
              repr((r, data)))

        r, out, msgs = run(kc, "int a0 = 1;\n\nint b0 = a0 / 0;")
        tb = "\n".join(r.get("traceback", []))
        check("exception names cell line", r["status"] == "error" and r["ename"] == "java.lang.ArithmeticException"
              and "line 3" in tb and "jdk.jshell" not in tb and "$JShell$" not in tb
              and "org.gan4j.kernel" not in tb, repr(r))

        r, out, msgs = run(kc, "int c0 = 1;\nString c1 = c0;")
        tb = "\n".join(r.get("traceback", []))
        check("compile error names cell line", r["status"] == "error" and r["ename"] == "CompilationError"
              and "incompatible types" in r["evalue"] and "line 2" in tb, repr(r))

        r, out, msgs = run(kc, "a0 + 41")
        data = result_data(msgs) or {}
        check("state kept after errors", data.get("text/plain") == "42", repr((r, data)))

        r, out, msgs = run(kc, 'Table.create("t", IntColumn.create("a", 1, 2))')
        data = result_data(msgs) or {}
        check("Tablesaw result as HTML", "text/html" in data and "text/plain" in data and "<table" in data["text/html"],
              repr(data)[:300])

        r, out, msgs = run(kc, "new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB)")
        data = result_data(msgs) or {}
        check("BufferedImage result as PNG", "image/png" in data and "text/plain" in data, repr(data)[:300])

        r, out, msgs = run(kc, 'QuickChart.getChart("c", "x", "y", "s", new double[]{1, 2}, new double[]{3, 4})')
        data = result_data(msgs) or {}
        check("XChart result as PNG", "image/png" in data and "text/plain" in data, repr(data)[:300])

        r, out, msgs = run(kc, 'display(QuickChart.getChart("c", "x", "y", "s", new double[]{1, 2}, '
                               'new double[]{3, 4}), "image/svg+xml");')
        svg = [c for k, c in msgs if k == "display_data" and "image/svg+xml" in c["data"]]
        check("XChart as SVG on request", r["status"] == "ok" and len(svg) == 1, repr(msgs)[:300])

        r, out, msgs = run(kc, 'String did = display("first");\nupdateDisplay(did, "second");')
        kinds = [k for k, _ in msgs]
        check("display and updateDisplay", r["status"] == "ok" and "display_data" in kinds
              and "update_display_data" in kinds and result_data(msgs) is None, repr(msgs)[:300])

        r, out, msgs = run(kc, "1 + 1;")
        check("trailing semicolon hides the value", r["status"] == "ok" and result_data(msgs) is None, repr(msgs))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        if km.is_alive():
            km.shutdown_kernel(now=True)
    print("MAGICS ok=%d/%d" % (sum(checks), len(checks)), flush=True)
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Plays the frontend's part of the Jupyter widget protocol against a real gan4j kernel (jupyter_client).

For the dialect named on the command line:
  7  (default)  widget protocol 2.0.0, what ipywidgets 7 frontends speak;
  8             widget protocol 2.1.0 with ipywidgets 8's models, fixed by GAN4J_WIDGETS=8 in the kernel's environment;
  6             the kernel is first asked for ipywidgets 6's version check (comm target jupyter.widget.version)
                and answered as Debian's jupyter-js-widgets 2.1.4 would, after which it must speak ipywidgets 6.
Checks: comm_open of a slider (after its layout) with the dialect's modules and versions; display_data naming the
model; a frontend update runs the Java listener; a Java change comes back as an update; a slider tied to an image by
Interact re-renders it (new PNG bytes, as a binary buffer or base64); a button's click reaches Java; display and
updateDisplay work beside widget updates in one cell; after an
interrupted cell the widgets still answer; a second client (a page reload) finds the comms by comm_info_request and
gets the whole current state by request_state.

Usage: /usr/bin/python3 widget_protocol_check.py [6|7|8]   (JUPYTER_PATH must hold kernels/gan4j)
Prints one line per check and a summary: WIDGETS dialect=<d> ok=<k>/<n>
"""
import base64
import os
import re
import sys
import time
import uuid

from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

from kernel_replies import iopub_until_idle, stream_text, wait_reply

PNG = b"\x89PNG\r\n\x1a\n"


def main():
    dialect = sys.argv[1] if len(sys.argv) > 1 else "7"
    checks = []

    def check(name, good, detail=""):
        checks.append(bool(good))
        print("%-58s %s %s" % (name, "ok" if good else "FAILED", detail), flush=True)

    km = KernelManager(kernel_name="gan4j")
    if dialect == "8":
        os.environ["GAN4J_WIDGETS"] = "8"   # the kernel inherits this process's environment
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc2 = None
    try:
        kc.wait_for_ready(timeout=60)

        def run(code, timeout=60):
            msg_id = kc.execute(code)
            reply = wait_reply(kc, msg_id, timeout)
            return reply, iopub_until_idle(kc, msg_id, 10)

        def frontend(comm_id, data, client=None, buffers=None):
            """Sends comm_msg as a frontend does and returns the iopub messages up to its idle status."""
            c = client or kc
            msg = c.session.msg("comm_msg", {"comm_id": comm_id, "data": data})
            c.shell_channel.send(msg) if buffers is None else c.session.send(c.shell_channel.socket, msg,
                                                                               buffers=buffers)
            return iopub_until_idle(c, msg["header"]["msg_id"], 20)

        if dialect == "6":
            version_comm = str(uuid.uuid4())
            msg = kc.session.msg("comm_open", {"comm_id": version_comm, "target_name": "jupyter.widget.version",
                                               "data": {}})
            kc.shell_channel.send(msg)
            msgs = iopub_until_idle(kc, msg["header"]["msg_id"], 20)
            asked = [m["content"]["data"] for m in msgs if m["msg_type"] == "comm_msg"]
            check("version check answered with ~2.1.4", asked and asked[0].get("version") == "~2.1.4", str(asked))
            frontend(version_comm, {"validated": True, "frontend_version": "2.1.4"})

        reply, msgs = run('IntSlider s = new IntSlider("n", 0, 100, 1, 50);\n'
                          'List<Integer> seen = new ArrayList<>();\n'
                          's.onChange(seen::add);\n'
                          'display(s);')
        check("cell displaying a slider", reply and reply["content"]["status"] == "ok",
              "" if not reply else str(reply["content"].get("evalue", "")))
        opens = [m for m in msgs if m["msg_type"] == "comm_open"]
        check("comm_open for layout, style and slider", len(opens) == 3, str(len(opens)))
        slider = opens[-1]["content"] if opens else {}
        sid = slider.get("comm_id")
        state = slider.get("data", {}).get("state", slider.get("data", {}))
        want = {"6": ("jupyter-js-widgets", "~2.1.4", None), "7": ("@jupyter-widgets/controls", "1.5.0", "2.0.0"),
                "8": ("@jupyter-widgets/controls", "2.0.0", "2.1.0")}
        module, version, proto = want[dialect]
        check("slider model in the dialect's module and version",
              state.get("_model_name") == "IntSliderModel" and state.get("_model_module") == module
              and state.get("_model_module_version") == version and state.get("value") == 50,
              str({k: state.get(k) for k in ("_model_name", "_model_module", "_model_module_version", "value")}))
        check("comm_open metadata names the protocol version",
              (opens[-1]["metadata"].get("version") if opens else None) == proto,
              str(opens[-1]["metadata"] if opens else None))
        layout_id = opens[0]["content"]["comm_id"] if opens else None
        check("slider references its layout, opened before it", state.get("layout") == "IPY_MODEL_%s" % layout_id)
        views = [m["content"]["data"].get("application/vnd.jupyter.widget-view+json") for m in msgs
                 if m["msg_type"] == "display_data"]
        check("display_data names the slider's model", views and views[0] and views[0].get("model_id") == sid,
              str(views))
        if dialect == "6":
            shows = [m["content"]["data"] for m in msgs if m["msg_type"] == "comm_msg"]
            check("ipywidgets 6 view shown by a display message", {"method": "display"} in shows, str(shows))

        update = ({"method": "backbone", "sync_data": {"value": 77}} if dialect == "6"
                  else {"method": "update", "state": {"value": 77}, "buffer_paths": []})
        frontend(sid, update)
        reply, msgs = run('System.out.println("SEEN " + seen + " VALUE " + s.value());')
        out = stream_text(msgs)
        check("frontend update ran the Java listener", "SEEN [77] VALUE 77" in out, out.strip())

        reply, msgs = run("s.value(12);")
        ups = [m["content"]["data"] for m in msgs if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == sid]
        check("Java change sent as an update", ups and ups[-1].get("method") == "update"
              and ups[-1]["state"].get("value") == 12, str(ups))

        reply, msgs = run('IntSlider size = new IntSlider("size", 1, 16, 1, 4);\n'
                          'Box grid = Interact.of(size, k -> {\n'
                          '    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(k, k, '
                          'java.awt.image.BufferedImage.TYPE_INT_RGB);\n'
                          '    img.setRGB(0, 0, 0xff0000); return img; });\n'
                          'display(grid);\n'
                          'Button go = new Button("go");\nint[] clicks = {0};\ngo.onClick(() -> clicks[0]++);\n'
                          'display(go);')
        opened = {m["content"]["comm_id"]: m for m in msgs if m["msg_type"] == "comm_open"}
        image_ids = [cid for cid, m in opened.items()
                     if (m["content"]["data"].get("state", m["content"]["data"])).get("_model_name") == "ImageModel"]
        size_ids = [cid for cid, m in opened.items()
                    if (m["content"]["data"].get("state", m["content"]["data"])).get("description") == "size"]
        go_ids = [cid for cid, m in opened.items()
                  if (m["content"]["data"].get("state", m["content"]["data"])).get("_model_name") == "ButtonModel"]
        check("interact opened a slider, an image and a box", len(image_ids) == 1 and len(size_ids) == 1,
              "%d comms" % len(opened))
        if image_ids and size_ids:
            first = opened[image_ids[0]]
            first_png = (first["buffers"][0] if first.get("buffers")
                         else base64.b64decode(first["content"]["data"].get("_b64value", "")))
            check("image's first PNG arrives with it", bytes(first_png).startswith(PNG), "%d bytes" % len(first_png))
            t0 = time.monotonic()
            update = ({"method": "backbone", "sync_data": {"value": 9}} if dialect == "6"
                      else {"method": "update", "state": {"value": 9}, "buffer_paths": []})
            back = frontend(size_ids[0], update)
            latency = time.monotonic() - t0
            imgs = [m for m in back if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == image_ids[0]]
            png = None
            if imgs:
                png = (bytes(imgs[-1]["buffers"][0]) if imgs[-1].get("buffers")
                       else base64.b64decode(imgs[-1]["content"]["data"]["state"].get("_b64value", "")))
            check("moving the slider re-renders the image", png is not None and png.startswith(PNG)
                  and png != bytes(first_png), "%.3f s" % latency)
        if go_ids:
            for _ in range(2):
                frontend(go_ids[0], {"method": "custom", "content": {"event": "click"}})
            reply, msgs = run('System.out.println("CLICKS " + clicks[0]);')
            check("two clicks reached the Java listener", "CLICKS 2" in stream_text(msgs),
                  stream_text(msgs).strip())

        reply, msgs = run('String shown = display("first");\nupdateDisplay(shown, "second");\ns.value(21);')
        kinds = [m["msg_type"] for m in msgs]
        ups = [m["content"]["data"] for m in msgs if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == sid]
        check("updateDisplay and widget updates in one cell", "update_display_data" in kinds
              and ups and ups[-1]["state"].get("value") == 21, str(kinds))

        msg_id = kc.execute("Thread.sleep(60_000);")
        time.sleep(1.5)
        km.interrupt_kernel()
        reply = wait_reply(kc, msg_id, 30)
        check("a sleeping cell is interrupted", reply and reply["content"].get("ename") == "Interrupted",
              str(reply and reply["content"].get("ename")))
        iopub_until_idle(kc, msg_id, 10)
        update = ({"method": "backbone", "sync_data": {"value": 33}} if dialect == "6"
                  else {"method": "update", "state": {"value": 33}, "buffer_paths": []})
        frontend(sid, update)
        reply, msgs = run('System.out.println("AFTER " + s.value() + " " + seen);')
        check("widgets answer after the interrupt", "AFTER 33 [77, 12, 21, 33]" in stream_text(msgs),
              stream_text(msgs).strip())

        # a second browser tab: its own session, so its shell socket has its own identity
        kc2 = km.client(session=Session(key=km.session.key, signature_scheme=km.session.signature_scheme))
        kc2.start_channels()
        kc2.wait_for_ready(timeout=30)
        msg = kc2.session.msg("comm_info_request", {"target_name": "jupyter.widget"})
        kc2.shell_channel.send(msg)
        info = wait_reply(kc2, msg["header"]["msg_id"], 20)
        comms = (info or {}).get("content", {}).get("comms", {})
        check("reload: comm_info lists the widget comms", sid in comms and len(comms) >= 8, "%d comms" % len(comms))
        back = frontend(sid, {"method": "request_state"}, client=kc2)
        states = [m["content"]["data"] for m in back if m["msg_type"] == "comm_msg"
                  and m["content"]["comm_id"] == sid]
        st = states[-1].get("state", {}) if states else {}
        check("reload: request_state returns the whole current state",
              st.get("value") == 33 and st.get("_model_name") == "IntSliderModel" and st.get("max") == 100, str(st))
    finally:
        if kc2 is not None:
            kc2.stop_channels()
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print("WIDGETS dialect=%s ok=%d/%d" % (dialect, sum(checks), len(checks)), flush=True)
    return 0 if checks and all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())

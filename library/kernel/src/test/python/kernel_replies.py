"""Helpers shared by the kernel's jupyter_client test scripts."""
import time


def wait_reply(kc, msg_id, timeout):
    """Returns the shell reply to msg_id, or None if none arrives within timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            reply = kc.get_shell_msg(timeout=remaining)
        except Exception:
            return None
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def iopub_until_idle(kc, msg_id, seconds):
    """The iopub messages of the request msg_id up to its 'idle' status, waiting at most seconds for them."""
    msgs = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=0.5)
        except Exception:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return msgs


def stream_text(msgs):
    """The stream output (stdout and stderr) among msgs, joined."""
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream")

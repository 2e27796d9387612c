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

"""Jupyter protocol conformance of the gan4j kernel, checked with jupyter_kernel_test.

Run: JUPYTER_PATH=<dir with kernels/gan4j> /usr/bin/python3 -m unittest -v test_conformance
Every check of jupyter_kernel_test that has samples runs; none should be skipped.
"""
import unittest

import jupyter_kernel_test as jkt

from kernel_replies import iopub_until_idle, wait_reply

# The kernel answers kernel_info at once but its first cell waits for JShell to start (5-20 s on a loaded machine),
# longer than jupyter_kernel_test's fixed 15 s reply timeout; one silent cell before the checks absorbs that.
WARM_UP_SECONDS = 120


class Gan4jKernelTests(jkt.KernelTests):
    kernel_name = "gan4j"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        msg_id = cls.kc.execute("int warmUp = 0;", silent=True, store_history=False)
        reply = wait_reply(cls.kc, msg_id, WARM_UP_SECONDS)
        iopub_until_idle(cls.kc, msg_id, 10)  # its busy/idle must not be taken for the first check's
        if reply is None or reply["content"]["status"] != "ok":
            raise RuntimeError("the kernel did not run a first cell within %d s: %r"
                               % (WARM_UP_SECONDS, reply and reply["content"]))
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "java.util.concurrent.atomic.AtomicInteg",
         "matches": {"AtomicInteger", "AtomicIntegerArray", "AtomicIntegerFieldUpdater"}},
        {"text": "Strin"},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "void f() { }", "%time 1 + 1",
                             "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void f() {", "int[] a = {1, 2,"]
    invalid_code_samples = ["int x = );", "}", "\"unterminated"]

    code_inspect_sample = "String.valueOf"

    code_page_something = "%doc String.valueOf"

    code_clear_output = 'System.out.println("soon gone"); clearOutput();'

    code_generate_error = 'throw new IllegalStateException("expected");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"gan\" + \"4j\"", "result": "gan4j"},
        {"code": "int hx = 2;\nhx + 1", "result": "3"},
    ]
    code_history_pattern = "6 * 7"  # a glob; matches only the first sample
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'display(render("<b>bold</b>", "text/html"));', "mime": "text/html"},
        {"code": "display(new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": "display(Table.create(\"t\", IntColumn.create(\"a\", 1, 2)));", "mime": "text/html"},
        {"code": "display(QuickChart.getChart(\"c\", \"x\", \"y\", \"s\", new double[]{1, 2}, new double[]{3, 4}));",
         "mime": "image/png"},
    ]


if __name__ == "__main__":
    unittest.main(verbosity=2)

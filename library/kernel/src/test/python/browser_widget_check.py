"""Drives gan4j's widgets in a real browser: Debian's headless Chromium (Selenium) on the Jupyter Notebook that
environment/setup installs (Debian's Notebook 6.4 with its jupyter-js-widgets extension), with the gan4j kernel.

It writes a notebook, opens it, runs all cells, and checks what a person would: the slider and the image under it
appear; dragging the slider's handle changes the image within LIMIT seconds; the GAN playground trains while its play
button is on and its step counter stops when pause is clicked; after the notebook is saved and the page reloaded,
the widgets show again with the state the kernel holds (the frontend asks the kernel for it).
Screenshots go to $GAN4J_SCREENSHOTS (default: the current directory).

Usage: /usr/bin/python3 browser_widget_check.py   (JUPYTER_PATH must hold kernels/gan4j)
Prints one line per check and a summary: BROWSER ok=<k>/<n>; or "BROWSER SKIPPED: <why>" where Chromium, its driver,
Selenium or the widget extension is not installed.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

LIMIT = 2.0
EXTENSION = "/usr/share/jupyter/nbextensions/jupyter-js-widgets/extension.js"

CELLS = [
    'IntSlider size = new IntSlider("size", 1, 16, 1, 4);\n'
    'Box view = Interact.of(size, k -> {\n'
    '    var img = new java.awt.image.BufferedImage(k, k, java.awt.image.BufferedImage.TYPE_INT_RGB);\n'
    '    for (int i = 0; i < k; i++) img.setRGB(i, i, 0xff0000);\n'
    '    return img; });\n'
    '((ImageWidget) view.children().get(1)).displayWidth(128);\n'
    'display(view);',
    'Playground playground = Playground.create();\n'
    'playground.train(50);\n'
    'playground',
]


def missing():
    for path, what in (("/usr/bin/chromium", "chromium"), ("/usr/bin/chromedriver", "chromium-driver"),
                       (EXTENSION, "jupyter-nbextension-jupyter-js-widgets")):
        if not os.path.exists(path):
            return "%s is not installed (Debian package %s)" % (path, what)
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python3-selenium is not installed"
    return None


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    why = missing()
    if why:
        print("BROWSER SKIPPED: " + why, flush=True)
        return 0
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    shots = os.environ.get("GAN4J_SCREENSHOTS", ".")
    os.makedirs(shots, exist_ok=True)
    checks = []

    def check(name, good, detail=""):
        checks.append(bool(good))
        print("%-58s %s %s" % (name, "ok" if good else "FAILED", detail), flush=True)

    work = tempfile.mkdtemp(prefix="gan4j-browser-")
    nb = {"cells": [{"cell_type": "code", "id": "c%d" % i, "metadata": {}, "outputs": [], "execution_count": None,
                     "source": src} for i, src in enumerate(CELLS)],
          "metadata": {"kernelspec": {"name": "gan4j", "display_name": "Java (gan4j)", "language": "java"}},
          "nbformat": 4, "nbformat_minor": 5}
    with open(os.path.join(work, "widgets.ipynb"), "w") as f:
        json.dump(nb, f)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=os.path.join(work, "config"),
               JUPYTER_RUNTIME_DIR=os.path.join(work, "runtime"), JUPYTER_DATA_DIR=os.path.join(work, "data"))
    port = free_port()
    cmd = ["/usr/bin/python3", "-m", "notebook", "--no-browser", "--ip=127.0.0.1", "--port=%d" % port,
           "--NotebookApp.token=", "--NotebookApp.password=", "--notebook-dir=" + work]
    if os.getuid() == 0:
        cmd.append("--allow-root")
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    driver = None
    try:
        base = "http://127.0.0.1:%d" % port
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/status", timeout=2)
                break
            except Exception:
                if time.monotonic() > deadline:
                    check("notebook server starts", False, "no answer in 60 s")
                    return 1
                time.sleep(0.3)
        options = Options()
        options.binary_location = "/usr/bin/chromium"
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--window-size=1200,900"):
            options.add_argument(a)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

        def wait_for(condition, seconds, poll=0.1):
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                try:
                    value = condition()
                except Exception:
                    value = None
                if value:
                    return value
                time.sleep(poll)
            return None

        def kernel_step():
            """The playground's step, asked of the kernel as code (a round trip behind the widget messages)."""
            driver.execute_script(
                "window.gan4jStep = null;"
                "Jupyter.notebook.kernel.execute('playground.step()', {iopub: {output: function (msg) {"
                "  if (msg.msg_type === 'execute_result') { window.gan4jStep = msg.content.data['text/plain']; }"
                "}}}, {silent: false, store_history: false});")
            value = wait_for(lambda: driver.execute_script("return window.gan4jStep"), 120)
            return int(value.strip()) if value is not None else None

        def open_notebook():
            driver.get(base + "/notebooks/widgets.ipynb")
            return wait_for(lambda: driver.execute_script(
                "return window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                " && Jupyter.notebook.kernel.is_connected()"), 90)

        check("notebook opens and the gan4j kernel connects", open_notebook())
        driver.execute_script("Jupyter.notebook.execute_all_cells()")
        slider = wait_for(lambda: driver.find_element(By.CSS_SELECTOR, ".widget-slider .ui-slider-handle"), 120)
        image = wait_for(lambda: driver.find_element(By.CSS_SELECTOR, "img.widget-image"), 30)
        check("slider and image appear", slider is not None and image is not None)
        # the kernel answers widgets between cells: let every cell finish first
        done = wait_for(lambda: driver.execute_script(
            "return Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code'"
            " || (c.input_prompt_number !== '*' && c.input_prompt_number != null))"), 180)
        check("all cells ran", done)
        driver.save_screenshot(os.path.join(shots, "widgets-1-shown.png"))
        if os.environ.get("GAN4J_BROWSER_DEBUG"):
            with open(os.path.join(shots, "cell.html"), "w") as f:
                f.write(driver.execute_script("return document.querySelector('.output_wrapper').outerHTML"))
        if slider is None or image is None:
            return 1
        readout = driver.find_element(By.CSS_SELECTOR, ".widget-slider .widget-readout")
        check("slider shows the kernel's value", readout.text.strip() == "4", repr(readout.text))
        before = image.get_attribute("src")
        t0 = time.monotonic()
        ActionChains(driver).click_and_hold(slider).move_by_offset(60, 0).release().perform()
        changed = wait_for(lambda: image.get_attribute("src") != before, LIMIT + 3, poll=0.02)
        latency = time.monotonic() - t0
        moved_to = readout.text.strip()
        check("dragging the slider changes the image within %.0f s" % LIMIT, changed and latency <= LIMIT,
              "%.3f s, slider at %s" % (latency, moved_to))
        check("slider moved off its first value", moved_to not in ("", "4"), repr(moved_to))
        time.sleep(0.5)
        driver.save_screenshot(os.path.join(shots, "widgets-2-dragged.png"))

        cells = driver.find_elements(By.CSS_SELECTOR, ".cell")
        playground = cells[1] if len(cells) > 1 else None
        buttons = wait_for(lambda: playground.find_elements(By.CSS_SELECTOR, ".widget-play button"), 120)

        def counter():
            for label in playground.find_elements(By.CSS_SELECTOR, ".widget-label"):
                text = label.text.strip()
                if text.startswith("step "):
                    return int(text.split()[1])
            return None

        check("playground shows its play control and step counter", buttons and counter() is not None,
              "counter %s" % counter())
        if buttons and counter() is not None:
            start = counter()
            t0 = time.monotonic()
            buttons[0].click()
            running = wait_for(lambda: counter() is not None and counter() >= start + 30, 60)
            check("play trains: the counter runs", running, "from %s to %s in %.1f s" % (
                start, counter(), time.monotonic() - t0))
            driver.save_screenshot(os.path.join(shots, "widgets-4-playground.png"))
            pause = [b for b in buttons if "pause" in (b.get_attribute("innerHTML") or "")]
            (pause[0] if pause else buttons[1]).click()
            # Ticks already on their way still train: the one the kernel is running and the one the browser holds
            # back until then (ipywidgets sends one message at a time and merges what waits). Each code request
            # below reaches the kernel behind every widget message the browser sent before it, so after two round
            # trips no tick sent before the pause is left; from then on the counter must not move.
            kernel_step()
            stopped_at = kernel_step()
            time.sleep(2.0)  # a pause that failed would go on ticking (one tick per 0.1 s of the control)
            after = kernel_step()
            shown = wait_for(lambda: counter() == after, 10)
            check("pause stops the counter", stopped_at is not None and after == stopped_at and shown,
                  "%s then %s, shown %s" % (stopped_at, after, counter()))
            playground.location_once_scrolled_into_view
            driver.save_screenshot(os.path.join(shots, "widgets-5-paused.png"))

        driver.execute_script("Jupyter.notebook.save_notebook()")
        wait_for(lambda: not driver.execute_script("return Jupyter.notebook.dirty"), 20)
        driver.refresh()
        check("reload: the kernel connects again", wait_for(lambda: driver.execute_script(
            "return window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
            " && Jupyter.notebook.kernel.is_connected()"), 60))
        again = wait_for(lambda: driver.find_element(By.CSS_SELECTOR, ".widget-slider .widget-readout"), 30)
        check("reload: the slider shows the kernel's current value",
              again is not None and wait_for(lambda: again.text.strip() == moved_to, 10),
              repr(again.text if again is not None else None))
        driver.save_screenshot(os.path.join(shots, "widgets-3-reloaded.png"))
    finally:
        if driver is not None:
            for entry in driver.get_log("browser"):
                if entry.get("level") == "SEVERE":
                    print("  browser console: " + entry.get("message", "")[:300], flush=True)
            driver.quit()
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    print("BROWSER ok=%d/%d" % (sum(checks), len(checks)), flush=True)
    return 0 if checks and all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())

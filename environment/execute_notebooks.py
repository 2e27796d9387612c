"""Execute gan4j notebooks headlessly through Jupyter with the gan4j kernel.

For every notebook, writes the executed notebook (<name>.ipynb) and its HTML rendering (<name>.html)
side by side in the output folder, each written to a temporary file and renamed into place. A notebook
whose cell raises an error is still written (so the error can be read in context) and makes the exit
status 1. One summary line per notebook: status, seconds, image outputs, error outputs.

Run through environment/execute-notebooks, which sets the project-local Jupyter paths.
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

HOME = Path(os.environ.get("GAN4J_HOME", Path(__file__).resolve().parent.parent))


def write_atomically(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder and an atomic rename."""
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def count_outputs(nb):
    images = errors = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors += 1
            if any(mime in output.get("data", {}) for mime in ("image/png", "image/svg+xml", "image/gif")):
                images += 1
    return images, errors


def execute(path: Path, out_dir: Path, kernel: str, cell_timeout, exporter: HTMLExporter) -> bool:
    nb = nbformat.read(path, as_version=4)
    # store_widget_state=False: a widget's output then keeps its static HTML picture in the exported page instead of
    # a widget view that would need the widget JavaScript from a CDN (there is no live kernel behind an HTML file)
    client = NotebookClient(nb, kernel_name=kernel, timeout=cell_timeout, startup_timeout=120,
                            store_widget_state=False, resources={"metadata": {"path": str(path.parent)}})
    started = time.monotonic()
    failure = None
    try:
        client.execute()
    except CellExecutionError as error:
        failure = str(error).strip().splitlines()[-1] if str(error).strip() else "cell error"
    except Exception as error:  # kernel died, timeout, ...: still write what ran
        failure = f"{type(error).__name__}: {error}"
    seconds = time.monotonic() - started
    images, errors = count_outputs(nb)

    write_atomically(out_dir / path.name, nbformat.writes(nb))
    html, _ = exporter.from_notebook_node(nb)
    write_atomically(out_dir / (path.stem + ".html"), html)

    status = "ok" if failure is None and errors == 0 else "FAILED"
    print(f"{status:6} {path.name:40} {seconds:7.1f} s  {images:3d} images  {errors} errors"
          + (f"  -- {failure}" if failure else ""), flush=True)
    return status == "ok"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to execute (default: notebooks/*.ipynb)")
    parser.add_argument("--out", type=Path, default=HOME / "build" / "notebooks",
                        help="output folder for executed .ipynb and .html (default: build/notebooks)")
    parser.add_argument("--mode", choices=["quick", "full"], default=os.environ.get("GAN4J_MODE", "quick"),
                        help="quick: train just long enough to show the mechanics; full: train for real")
    parser.add_argument("--kernel", default="gan4j", help="kernelspec name (default: gan4j)")
    parser.add_argument("--cell-timeout", type=int, default=None,
                        help="seconds per cell (default: 900 in quick mode, none in full mode)")
    args = parser.parse_args(argv)

    notebooks = args.notebooks or sorted((HOME / "notebooks").glob("*.ipynb"))
    if not notebooks:
        print("no notebooks found", file=sys.stderr)
        return 2
    for nb in notebooks:
        if not nb.is_file():
            print(f"notebook not found: {nb}", file=sys.stderr)
            return 2
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["GAN4J_MODE"] = args.mode  # inherited by the kernel process
    cell_timeout = args.cell_timeout if args.cell_timeout is not None else (900 if args.mode == "quick" else None)
    exporter = HTMLExporter(template_name="lab")

    print(f"executing {len(notebooks)} notebook(s) in {args.mode} mode with kernel '{args.kernel}' -> {args.out}",
          flush=True)
    results = [execute(nb.resolve(), args.out, args.kernel, cell_timeout, exporter) for nb in notebooks]
    print(f"notebooks: {sum(results)} ok, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

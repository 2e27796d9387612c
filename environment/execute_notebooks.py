"""Execute gan4j notebooks headlessly through Jupyter with the gan4j kernel.

For every notebook, writes the executed notebook (<name>.ipynb) and its HTML rendering (<name>.html)
side by side in the output folder, each written to a temporary file and renamed into place. A notebook
whose cell raises an error is still written (so the error can be read in context) and makes the exit
status 1. One summary line per notebook: status, seconds, image outputs, error outputs; then the course's wall time.

Notebooks run in up to --jobs kernels at once (default: 2 on a machine with 2 or more cores). A notebook waits for
the notebooks named in its metadata "gan4j": {"after": [...]} (file names without .ipynb) when they are among those
executed: the ones whose saved results (the judge, a checkpoint) it loads. Among the notebooks ready to run, the one
with the longest chain of work still ahead (its own and that of the notebooks waiting for it, by the seconds each
declares in "gan4j": {"quickSeconds": ...}, 60 when it declares none) starts first, then the one first by name. Each
kernel keeps its own thread settings, so a notebook computes the same numbers whether it runs alone or beside another.

Run through environment/execute-notebooks, which sets the project-local Jupyter paths.
"""
import argparse
import asyncio
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


async def execute(path: Path, out_dir: Path, kernel: str, cell_timeout, exporter: HTMLExporter) -> bool:
    nb = nbformat.read(path, as_version=4)
    # store_widget_state=False: a widget's output then keeps its static HTML picture in the exported page instead of
    # a widget view that would need the widget JavaScript from a CDN (there is no live kernel behind an HTML file)
    client = NotebookClient(nb, kernel_name=kernel, timeout=cell_timeout, startup_timeout=120,
                            store_widget_state=False, resources={"metadata": {"path": str(path.parent)}})
    started = time.monotonic()
    failure = None
    try:
        await client.async_execute()
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


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text}")
    return value


def course_plan(notebooks):
    """For each notebook, the executed notebooks it waits for (its metadata gan4j.after among them) and the seconds
    it declares (gan4j.quickSeconds, 60 if none).

    Raises ValueError naming the notebook when the metadata is malformed or the waits form a cycle."""
    by_stem = {nb.stem: nb for nb in notebooks}
    after, seconds = {}, {}
    for nb in notebooks:
        declared = nbformat.read(nb, as_version=4).metadata.get("gan4j", {})
        wanted = declared.get("after", [])
        if not isinstance(wanted, list) or not all(isinstance(w, str) for w in wanted):
            raise ValueError(f"{nb}: metadata gan4j.after must be a list of notebook names without .ipynb, "
                             f"got {wanted!r}")
        cost = declared.get("quickSeconds", 60)
        if isinstance(cost, bool) or not isinstance(cost, (int, float)) or cost < 0:
            raise ValueError(f"{nb}: metadata gan4j.quickSeconds must be a number of seconds >= 0, got {cost!r}")
        after[nb] = [by_stem[w] for w in wanted if w in by_stem]
        seconds[nb] = cost
    state = {}

    def visit(nb, path):
        if state.get(nb) == "done":
            return
        if state.get(nb) == "visiting":
            raise ValueError("notebooks wait for each other in a cycle (metadata gan4j.after): "
                             + " -> ".join(p.stem for p in path + [nb]))
        state[nb] = "visiting"
        for dep in after[nb]:
            visit(dep, path + [nb])
        state[nb] = "done"

    for nb in notebooks:
        visit(nb, [])
    return after, seconds


async def schedule(after, seconds, jobs, run):
    """Runs run(notebook) for every notebook, at most jobs at once, each after those it waits for have finished
    (whether they succeeded or not: a notebook that needs a missing result shows its own error), the longest chain
    of remaining work first. Returns {notebook: result}."""
    waiting = {nb: [other for other in after if nb in after[other]] for nb in after}
    chain = {}

    def chain_of(nb):
        if nb not in chain:
            chain[nb] = seconds[nb] + max((chain_of(other) for other in waiting[nb]), default=0)
        return chain[nb]

    results, running = {}, {}
    pending = sorted(after, key=lambda nb: (-chain_of(nb), nb.name))
    while pending or running:
        ready = [nb for nb in pending if all(dep in results for dep in after[nb])]
        while ready and len(running) < jobs:
            nb = ready.pop(0)
            pending.remove(nb)
            running[asyncio.ensure_future(run(nb))] = nb
        done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            results[running.pop(task)] = task.result()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to execute (default: notebooks/*.ipynb)")
    parser.add_argument("--out", type=Path, default=HOME / "build" / "notebooks",
                        help="output folder for executed .ipynb and .html (default: build/notebooks)")
    parser.add_argument("--mode", choices=["quick", "full"], default=os.environ.get("GAN4J_MODE", "quick"),
                        help="quick: train just long enough to show the mechanics; full: train for real")
    parser.add_argument("--kernel", default="gan4j", help="kernelspec name (default: gan4j)")
    parser.add_argument("--jobs", type=positive_int, default=min(2, os.cpu_count() or 1),
                        help="notebooks executed at once, each in its own kernel (default: 2, or 1 on one core)")
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
    try:
        after, seconds = course_plan([nb.resolve() for nb in notebooks])
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2

    print(f"executing {len(notebooks)} notebook(s) in {args.mode} mode with kernel '{args.kernel}', "
          f"{args.jobs} at a time -> {args.out}", flush=True)
    started = time.monotonic()
    results = asyncio.run(schedule(after, seconds, args.jobs,
                                   lambda nb: execute(nb, args.out, args.kernel, cell_timeout, exporter)))
    ok = sum(results.values())
    print(f"notebooks: {ok} ok, {len(results) - ok} failed; course wall time {time.monotonic() - started:.1f} s "
          f"({args.jobs} at a time)", flush=True)
    return 0 if ok == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())

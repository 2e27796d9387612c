"""Unit tests of environment/execute_notebooks.py's course plan: which notebook waits for which, and the order and
concurrency in which they run. Run by CoursePlanTest (notebooks module) with /usr/bin/python3 -m unittest."""
import asyncio
import json
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat

PROJECT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(PROJECT / "environment"))
import execute_notebooks  # noqa: E402


def write_notebook(folder: Path, stem: str, gan4j_metadata) -> Path:
    nb = nbformat.v4.new_notebook()
    if gan4j_metadata is not None:
        nb.metadata["gan4j"] = gan4j_metadata
    path = folder / f"{stem}.ipynb"
    nbformat.write(nb, path)
    return path


class CommittedCourse(unittest.TestCase):
    def test_every_waited_for_notebook_exists_and_there_is_no_cycle(self):
        notebooks = sorted((PROJECT / "notebooks").glob("*.ipynb"))
        stems = {nb.stem for nb in notebooks}
        for nb in notebooks:
            declared = json.loads(nb.read_text(encoding="utf-8"))["metadata"].get("gan4j", {})
            for wanted in declared.get("after", []):
                self.assertIn(wanted, stems, f"{nb.name} waits for '{wanted}', which is not a notebook of the course")
        after, seconds = execute_notebooks.course_plan(notebooks)
        by_stem = {nb.stem: nb for nb in notebooks}
        # notebook 07 loads the judge (03), the conditional DCGAN (05) and the style-based generator (06)
        self.assertEqual({"03-dcgan-fashion", "05-conditional-interpolation", "06-style-based-generator"},
                         {dep.stem for dep in after[by_stem["07-style-transfer"]]})
        self.assertTrue(all(seconds[nb] > 0 for nb in notebooks), "every notebook declares its quick-mode seconds")


class Plan(unittest.TestCase):
    def setUp(self):
        self.folder_handle = tempfile.TemporaryDirectory()
        self.folder = Path(self.folder_handle.name)

    def tearDown(self):
        self.folder_handle.cleanup()

    def test_a_cycle_is_an_error_naming_the_notebooks(self):
        a = write_notebook(self.folder, "a", {"after": ["b"]})
        b = write_notebook(self.folder, "b", {"after": ["a"]})
        with self.assertRaises(ValueError) as raised:
            execute_notebooks.course_plan([a, b])
        self.assertIn("a -> b -> a", str(raised.exception))

    def test_malformed_metadata_is_an_error_naming_the_file(self):
        bad_after = write_notebook(self.folder, "bad-after", {"after": "a"})
        bad_seconds = write_notebook(self.folder, "bad-seconds", {"quickSeconds": -3})
        for path in (bad_after, bad_seconds):
            with self.assertRaises(ValueError) as raised:
                execute_notebooks.course_plan([path])
            self.assertIn(path.name, str(raised.exception))

    def test_waits_for_notebooks_outside_the_run_are_dropped_and_seconds_default_to_60(self):
        only = write_notebook(self.folder, "only", {"after": ["not-in-this-run"]})
        after, seconds = execute_notebooks.course_plan([only])
        self.assertEqual([], after[only])
        self.assertEqual(60, seconds[only])


class Schedule(unittest.TestCase):
    def run_schedule(self, after_by_name, seconds_by_name, jobs):
        """Runs the schedule with a fake notebook run that takes seconds[nb] of simulated time (an event loop with
        no real sleeping: each run yields until the simulated clock reaches its end). Returns ({name: result},
        events [(time, 'start'|'end', name)])."""
        after = {Path(name): [Path(dep) for dep in deps] for name, deps in after_by_name.items()}
        seconds = {Path(name): value for name, value in seconds_by_name.items()}
        events, clock = [], {"now": 0.0}
        running = {}

        async def fake_run(nb):
            events.append((clock["now"], "start", nb))
            finished = asyncio.get_running_loop().create_future()
            running[nb] = (clock["now"] + seconds[nb], finished)
            await finished
            events.append((clock["now"], "end", nb))
            return nb.name != "fails"

        async def driver():
            task = asyncio.ensure_future(execute_notebooks.schedule(after, seconds, jobs, fake_run))
            while not task.done():
                for _ in range(20):  # let the schedule react to the last end and start what is ready
                    await asyncio.sleep(0)
                if running and not task.done():
                    nb = min(running, key=lambda name: (running[name][0], name))
                    end, finished = running.pop(nb)
                    clock["now"] = end
                    finished.set_result(None)
            return task.result()

        results = asyncio.run(driver())
        return ({nb.name: ok for nb, ok in results.items()},
                [(t, kind, nb.name) for t, kind, nb in events])

    def test_dependencies_concurrency_and_longest_chain_first(self):
        # z waits for c; c -> z is the longest chain (10 + 50 s), so c starts first (by name it would be last),
        # beside a (30 s); when c ends, z (chain 50) goes before b (chain 20)
        after = {"a": [], "b": [], "c": [], "z": ["c"]}
        seconds = {"a": 30, "b": 20, "c": 10, "z": 50}
        results, events = self.run_schedule(after, seconds, jobs=2)
        self.assertEqual({"a": True, "b": True, "c": True, "z": True}, results)
        starts = [name for _, kind, name in events if kind == "start"]
        self.assertEqual(["c", "a", "z", "b"], starts)
        ended_at = {name: t for t, kind, name in events if kind == "end"}
        started_at = {name: t for t, kind, name in events if kind == "start"}
        for name, deps in after.items():
            for dep in deps:
                self.assertGreaterEqual(started_at[name], ended_at[dep], f"{name} started before {dep} ended")
        in_flight = peak = 0
        for _, kind, _ in sorted(events, key=lambda e: (e[0], e[1] == "start")):
            in_flight += 1 if kind == "start" else -1
            peak = max(peak, in_flight)
        self.assertEqual(2, peak)
        # c 0-10 then z 10-60 in one lane, a 0-30 then b 30-50 in the other
        self.assertEqual({"c": 10, "a": 30, "z": 60, "b": 50}, ended_at)

    def test_a_failed_notebook_still_releases_the_ones_waiting_for_it(self):
        after = {"fails": [], "next": ["fails"]}
        results, _ = self.run_schedule(after, {"fails": 5, "next": 5}, jobs=1)
        self.assertEqual({"fails": False, "next": True}, results)


if __name__ == "__main__":
    unittest.main()

"""Runs a generated Python project's tests for The Factory and writes one line per event to a results file.

Usage: python3 python_runner.py <results file> <project root> <heap cap in bytes>

Lines: STARTED<tab>name, PASSED<tab>name, FAILED<tab>name<tab>message, SKIPPED<tab>name<tab>reason,
UNCHECKED<tab>reason, and DONE at the end; tabs, line breaks and backslashes escaped. A test is named
tests.test_x.ClassName#test_method (the module's dotted path relative to the project root). pytest runs the tests
when the project uses it (conftest.py, pytest.ini, "pytest" in its metadata or tests); otherwise unittest does.
"""

import fnmatch
import importlib
import os
import sys
import traceback
import unittest

SKIPPED_DIRS = {"__pycache__", "node_modules", "venv", "env", "site-packages", "build", "dist"}
METADATA = ("pyproject.toml", "setup.cfg", "setup.py", "tox.ini", "pytest.ini", "requirements.txt",
            "requirements-dev.txt", "requirements_dev.txt", "requirements-test.txt", "dev-requirements.txt")


def escape(text):
    return str(text).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class Results:
    def __init__(self, path):
        self.file = open(path, "w", encoding="utf-8")

    def line(self, *fields):
        self.file.write("\t".join(escape(f) for f in fields) + "\n")
        self.file.flush()


def project_files(root):
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            yield os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/")


def uses_pytest(root, files):
    for rel in files:
        name = rel.rsplit("/", 1)[-1]
        if name in ("conftest.py", "pytest.ini"):
            return True
        if rel in METADATA or (name.endswith(".py") and is_test_file(name)):
            try:
                with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
                    if "pytest" in f.read():
                        return True
            except OSError:
                pass
    return False


def is_test_file(name):
    return fnmatch.fnmatch(name, "test*.py")


def where(tb, root):
    """The last frame of a traceback inside the project, as path:line."""
    found = None
    for frame in traceback.extract_tb(tb):
        path = os.path.abspath(frame.filename)
        if path.startswith(root + os.sep):
            found = os.path.relpath(path, root).replace(os.sep, "/") + ":" + str(frame.lineno)
    return found


def describe(err, root):
    kind, value, tb = err
    text = "".join(traceback.format_exception_only(kind, value)).strip()
    at = where(tb, root)
    return text + (" (at " + at + ")" if at else "")


class Recorder(unittest.TestResult):
    """Records one final status per test; a failed subtest fails its test."""

    def __init__(self, out, root, names):
        super().__init__()
        self.out = out
        self.root = root
        self.names = names
        self.status = {}

    def name(self, test):
        if isinstance(test, unittest.TestCase):
            module = self.names.get(type(test).__module__, type(test).__module__)
            return module + "." + type(test).__qualname__ + "#" + test._testMethodName
        return str(test.id())

    def startTest(self, test):
        super().startTest(test)
        self.out.line("STARTED", self.name(test))

    def set(self, test, status, message=""):
        name = self.name(test)
        if self.status.get(name, ("PASSED",))[0] != "FAILED":
            self.status[name] = (status, message)

    def stopTest(self, test):
        super().stopTest(test)
        name = self.name(test)
        status, message = self.status.get(name, ("PASSED", ""))
        self.out.line(status, name, message)

    def addSuccess(self, test):
        self.set(test, "PASSED")

    def addFailure(self, test, err):
        self.set(test, "FAILED", describe(err, self.root))
        if not isinstance(test, unittest.TestCase):
            self.out.line("FAILED", self.name(test), describe(err, self.root))

    def addError(self, test, err):
        self.addFailure(test, err)

    def addSkip(self, test, reason):
        self.set(test, "SKIPPED", reason)

    def addExpectedFailure(self, test, err):
        self.set(test, "PASSED")

    def addUnexpectedSuccess(self, test):
        self.set(test, "FAILED", "unexpected success of a test marked expectedFailure")

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self.set(test, "FAILED", str(subtest.id()) + ": " + describe(err, self.root))


def import_test_module(root, rel):
    """Imports a test file; returns (module, dotted name relative to the root)."""
    parts = rel[:-3].split("/")
    # parts[:start] is the deepest directory from which every directory down to the file is a package.
    start = len(parts) - 1
    while start > 0 and os.path.isfile(os.path.join(root, *parts[:start], "__init__.py")):
        start -= 1
    base = os.path.join(root, *parts[:start])
    if base not in sys.path:
        sys.path.insert(0, base)
    return importlib.import_module(".".join(parts[start:])), ".".join(parts)


def run_unittest(out, root, files):
    loader = unittest.TestLoader()
    names = {}
    for rel in files:
        name = rel.rsplit("/", 1)[-1]
        if not name.endswith(".py") or not is_test_file(name):
            continue
        dotted = ".".join(rel[:-3].split("/"))
        try:
            module, dotted = import_test_module(root, rel)
        except BaseException:  # noqa: a test file that cannot be imported fails
            out.line("FAILED", dotted + "#<import>", describe(sys.exc_info(), root))
            continue
        names[module.__name__] = dotted
        suite = loader.loadTestsFromModule(module)
        suite.run(Recorder(out, root, names))


def pytest_name(nodeid):
    parts = nodeid.split("::")
    path = parts[0]
    module = ".".join((path[:-3] if path.endswith(".py") else path).split("/"))
    rest = parts[1:]
    if not rest:
        return module
    if len(rest) == 1:
        return module + "#" + rest[0]
    return module + "." + ".".join(rest[:-1]) + "#" + rest[-1]


def pytest_message(report):
    text = getattr(report, "longreprtext", "") or str(report.longrepr or "")
    errors = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    location = lines[-1] if lines else ""
    return (" ".join(errors[:3]) + (" (at " + location + ")" if location else "")).strip() or location


class PytestRecorder:
    def __init__(self, out):
        self.out = out
        self.status = {}

    def pytest_runtest_logstart(self, nodeid, location):
        self.out.line("STARTED", pytest_name(nodeid))

    def pytest_runtest_logreport(self, report):
        name = pytest_name(report.nodeid)
        current = self.status.get(name)
        if current and current[0] == "FAILED":
            return
        if report.failed:
            self.status[name] = ("FAILED", pytest_message(report))
        elif report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr or "")
            self.status[name] = ("SKIPPED", reason)
        elif report.when == "call":
            self.status[name] = ("PASSED", "")

    def pytest_runtest_logfinish(self, nodeid, location):
        name = pytest_name(nodeid)
        status, message = self.status.get(name, ("PASSED", ""))
        self.out.line(status, name, message)

    def pytest_collectreport(self, report):
        if report.failed:
            self.out.line("FAILED", pytest_name(report.nodeid or "<collect>") + "#<collect>", pytest_message(report))


def main():
    results, root, heap = sys.argv[1], os.path.realpath(sys.argv[2]), int(sys.argv[3])
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_DATA, (heap, heap))
    except (ImportError, ValueError, OSError):
        pass
    os.chdir(root)
    for path in (root, os.path.join(root, "src")):
        if os.path.isdir(path):
            sys.path.insert(0, path)
    out = Results(results)
    files = list(project_files(root))
    if uses_pytest(root, files):
        try:
            import pytest
        except ImportError:
            out.line("UNCHECKED", "the project's tests use pytest, which " + sys.executable
                     + " cannot import; install pytest (pip install pytest) to run the generated Python tests")
            out.line("DONE")
            return 0
        code = int(pytest.main(["-q", "-p", "no:cacheprovider", "--rootdir", root, root],
                               plugins=[PytestRecorder(out)]))
        if code in (2, 3, 4):
            # interrupted, an internal error or a usage error: the tests did not all run; no DONE line
            return code
    else:
        run_unittest(out, root, files)
    out.line("DONE")
    return 0


if __name__ == "__main__":
    sys.exit(main())

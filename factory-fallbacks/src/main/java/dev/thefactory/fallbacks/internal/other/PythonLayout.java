package dev.thefactory.fallbacks.internal.other;

import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.layout.Guide;
import dev.thefactory.fallbacks.internal.layout.Ledger;
import dev.thefactory.fallbacks.internal.layout.Part;
import dev.thefactory.fallbacks.internal.layout.PlannedFile;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.fallbacks.internal.text.CodeBuilder;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Python 3 project (standard library only): a table of entities, a thread-safe in-memory store that
 * validates against it, a command-line entry point and unittest tests. Not compile-checked. Immutable and
 * thread-safe.
 */
public final class PythonLayout {

    private final ProjectInput in;
    private final String pkg;

    private PythonLayout(ProjectInput in) {
        this.in = in;
        this.pkg = Naming.pythonPackage(in.spec().name());
    }

    /**
     * @param in the project
     * @return its layout
     */
    public static ProjectLayout of(ProjectInput given) {
        ProjectInput in = Skeleton.withoutSecrets(given);
        PythonLayout python = new PythonLayout(in);
        return Skeleton.layout(in, python.plan(), python.run(), languageTests(in));
    }

    /** @return the command that runs the project, followed by a space */
    private String run() {
        return "python -m " + pkg + " ";
    }

    private List<PlannedFile> plan() {
        List<PlannedFile> list = new ArrayList<>();
        String src = "src/" + pkg + "/";
        Skeleton.add(list, "pyproject.toml", Part.BUILD, this::pyproject);
        Skeleton.add(list, ".gitignore", Part.BUILD, () -> Skeleton.gitignore("__pycache__/", "*.pyc", ".venv/",
                "dist/", "*.egg-info/"));
        Skeleton.add(list, src + "__init__.py", Part.CODE, () -> "\"\"\"" + Escape.comment(in.architecture()
                .displayName()) + ".\"\"\"\n");
        Skeleton.add(list, src + "models.py", Part.CODE, this::models);
        Skeleton.add(list, src + "store.py", Part.CODE, PythonLayout::store);
        Skeleton.add(list, src + "__main__.py", Part.CODE, this::main);
        Skeleton.add(list, "tests/__init__.py", Part.TESTS, () -> "\"\"\"Tests of the generated project.\"\"\"\n");
        Skeleton.add(list, "tests/test_store.py", Part.TESTS, this::tests);
        Skeleton.add(list, "tests/test_packaging.py", Part.TESTS, this::packagingTest);
        Entity e = in.domain().primary();
        Map<String, String> layout = new LinkedHashMap<>();
        layout.put("pyproject.toml", "the project metadata and its setuptools build, so `pip install .` installs it");
        layout.put(src + "models.py", "the kinds of items, their fields, and validation");
        layout.put(src + "store.py", "a thread-safe in-memory store");
        layout.put(src + "__main__.py", "the command-line entry point");
        layout.put("tests/", "unittest tests");
        Guide guide = Skeleton.guide("Python 3", List.of(), List.of("PYTHONPATH=src python -m unittest discover -s tests -t ."),
                List.of("PYTHONPATH=src " + run() + "help"), layout,
                "PYTHONPATH=src " + run() + "<<'EOF'\n" + Skeleton.kind(e) + " add --" + e.label().name()
                        + " \"First\"\n" + Skeleton.kind(e) + " list\nEOF");
        Skeleton.docs(list, in, guide, run(), languageTests(in));
        return list;
    }

    private String pyproject() {
        return "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
                + "[project]\nname = " + Escape.pythonString(in.architecture().artifactId()) + "\nversion = \"0.1.0\"\n"
                + "description = " + Escape.pythonString(Escape.line(in.spec().description())) + "\n"
                + "requires-python = \">=" + Ledger.declaredVersion(in) + "\"\n\n"
                + "[project.scripts]\n" + Escape.pythonString(in.architecture().artifactId()) + " = \"" + pkg
                + ".__main__:cli\"\n\n"
                + "[tool.setuptools.packages.find]\nwhere = [\"src\"]\n";
    }

    /** @return the test that pyproject.toml is a setuptools build of the package, with its command as a script */
    private String packagingTest() {
        return """
                import importlib
                import pathlib
                import unittest

                ROOT = pathlib.Path(__file__).resolve().parent.parent


                class PackagingTest(unittest.TestCase):

                    def test_pyproject_installs_with_pip(self):
                        try:
                            import tomllib
                        except ImportError:
                            self.skipTest("tomllib needs Python 3.11 or later")
                        with open(ROOT / "pyproject.toml", "rb") as f:
                            project = tomllib.load(f)
                        build = project["build-system"]
                        self.assertEqual("setuptools.build_meta", build["build-backend"])
                        self.assertTrue(any(r.startswith("setuptools") for r in build["requires"]))
                        self.assertEqual(${name}, project["project"]["name"])
                        self.assertEqual(["src"], project["tool"]["setuptools"]["packages"]["find"]["where"])
                        self.assertTrue((ROOT / "src" / ${pkg} / "__init__.py").is_file())
                        module, _, function = project["project"]["scripts"][${name}].partition(":")
                        self.assertTrue(callable(getattr(importlib.import_module(module), function)))

                    def test_no_runtime_dependencies(self):
                        text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
                        for line in text.splitlines():
                            self.assertFalse(line.strip().startswith(("dependencies", "optional-dependencies")), line)


                if __name__ == "__main__":
                    unittest.main()
                """.replace("${name}", Escape.pythonString(in.architecture().artifactId()))
                .replace("${pkg}", Escape.pythonString(pkg));
    }

    private String models() {
        CodeBuilder c = CodeBuilder.fourSpaces();
        c.line("\"\"\"The kinds of items, their fields, and the validation every stored item passes.\"\"\"");
        c.blank();
        c.line("import datetime");
        c.line("import decimal");
        c.blank();
        c.line("MAX_TEXT = 200");
        c.line("LEVELS = (\"LOW\", \"MEDIUM\", \"HIGH\")");
        c.blank();
        c.line("# kind -> field -> (type, required)");
        c.line("KINDS = {");
        c.indent();
        for (Entity e : in.domain().entities()) {
            c.line(Escape.pythonString(Skeleton.kind(e)) + ": {");
            c.indent();
            for (Field f : e.fields()) {
                c.line(Escape.pythonString(f.name()) + ": (" + Escape.pythonString(Skeleton.type(f)) + ", "
                        + (f.required() ? "True" : "False") + "),");
            }
            c.dedent();
            c.line("},");
        }
        c.dedent();
        c.line("}");
        c.blank();
        c.blank();
        c.line("""
                def validate(kind, values):
                    \"\"\"Returns the values of a new item of the kind, converted and checked; raises ValueError.\"\"\"
                    fields = KINDS[kind]
                    unknown = sorted(set(values) - set(fields))
                    if unknown:
                        raise ValueError(f"unknown field {unknown[0]!r}; known fields: {', '.join(fields)}")
                    clean = {}
                    for name, (type_, required) in fields.items():
                        value = values.get(name)
                        if value is None or str(value).strip() == "":
                            if required and type_ != "boolean":
                                raise ValueError(f"{name} is required")
                            clean[name] = False if type_ == "boolean" else None
                        else:
                            clean[name] = convert(name, type_, str(value).strip())
                    return clean


                def convert(name, type_, text):
                    \"\"\"Converts one value from text; raises ValueError naming the field.\"\"\"
                    if type_ == "string":
                        if len(text) > MAX_TEXT:
                            raise ValueError(f"{name} must be at most {MAX_TEXT} characters")
                        return text
                    if type_ == "date":
                        try:
                            return datetime.date.fromisoformat(text).isoformat()
                        except ValueError:
                            raise ValueError(f"{name} must be a date like 2030-01-15") from None
                    if type_ in ("int", "long", "decimal"):
                        try:
                            number = int(text) if type_ != "decimal" else decimal.Decimal(text)
                        except (ValueError, decimal.InvalidOperation):
                            raise ValueError(f"{name} must be a number") from None
                        if number < 0:
                            raise ValueError(f"{name} must be >= 0")
                        return number if type_ != "decimal" else str(number)
                    if type_ == "boolean":
                        if text.lower() in ("true", "yes", "1"):
                            return True
                        if text.lower() in ("false", "no", "0"):
                            return False
                        raise ValueError(f"{name} must be true or false")
                    if type_ == "level":
                        if text.upper() not in LEVELS:
                            raise ValueError(f"{name} must be one of {', '.join(LEVELS)}")
                        return text.upper()
                    raise ValueError(f"{name} has unknown type {type_}")""");
        return c.toString();
    }

    private static String store() {
        return """
                \"\"\"A thread-safe in-memory store of items by id.\"\"\"

                import threading

                from .models import validate


                class NotFound(KeyError):
                    \"\"\"No item has the id.\"\"\"


                class Store:
                    \"\"\"The items of one kind, kept in memory; safe to use from several threads.\"\"\"

                    def __init__(self, kind):
                        self.kind = kind
                        self._items = {}
                        self._last_id = 0
                        self._lock = threading.RLock()

                    def add(self, values):
                        clean = validate(self.kind, values)
                        with self._lock:
                            self._last_id += 1
                            item = dict(clean, id=self._last_id)
                            self._items[item["id"]] = item
                            return dict(item)

                    def list(self):
                        with self._lock:
                            return [dict(item) for _, item in sorted(self._items.items())]

                    def get(self, item_id):
                        with self._lock:
                            if item_id not in self._items:
                                raise NotFound(f"{self.kind} {item_id} not found")
                            return dict(self._items[item_id])

                    def update(self, item_id, changes):
                        with self._lock:
                            current = self.get(item_id)
                            del current["id"]
                            current.update(changes)
                            item = dict(validate(self.kind, current), id=item_id)
                            self._items[item_id] = item
                            return dict(item)

                    def delete(self, item_id):
                        with self._lock:
                            if self._items.pop(item_id, None) is None:
                                raise NotFound(f"{self.kind} {item_id} not found")
                """;
    }

    private String main() {
        return """
                \"\"\"The command line: <kind> add|list|get|update|delete [id] [--field value]...\"\"\"

                import shlex
                import sys

                from .models import KINDS
                from .store import NotFound, Store


                def run(words, stores):
                    \"\"\"Runs one command and returns what to print; raises ValueError or NotFound.\"\"\"
                    if not words or words[0] == "help":
                        return "commands: " + ", ".join(f"{k} add|list|get|update|delete" for k in KINDS)
                    kind, action, rest = words[0], (words[1] if len(words) > 1 else ""), words[2:]
                    if kind not in stores:
                        raise ValueError(f"unknown command {kind!r}")
                    store = stores[kind]
                    ids = [w for w in rest if not w.startswith("--")][:1]
                    options = {}
                    i = 0
                    while i < len(rest):
                        if rest[i].startswith("--"):
                            if i + 1 >= len(rest):
                                raise ValueError(f"option {rest[i]} needs a value")
                            options[rest[i][2:]] = rest[i + 1]
                            i += 2
                        else:
                            i += 1
                    if action == "add":
                        return str(store.add(options))
                    if action == "list":
                        return "\\n".join(str(item) for item in store.list()) or "(none)"
                    if not ids or not ids[0].isdigit():
                        raise ValueError(f"{action or 'a command'} needs a numeric id")
                    if action == "get":
                        return str(store.get(int(ids[0])))
                    if action == "update":
                        return str(store.update(int(ids[0]), options))
                    if action == "delete":
                        store.delete(int(ids[0]))
                        return f"deleted {kind} {ids[0]}"
                    raise ValueError(f"unknown action {action!r}")


                def main(argv):
                    stores = {kind: Store(kind) for kind in KINDS}
                    lines = [" ".join(shlex.quote(a) for a in argv)] if argv else sys.stdin
                    status = 0
                    for line in lines:
                        if not line.strip() or line.lstrip().startswith("#"):
                            continue
                        try:
                            print(run(shlex.split(line), stores))
                        except (ValueError, NotFound) as e:
                            print(f"error: {e}", file=sys.stderr)
                            status = 1
                    return status


                def cli():
                    \"\"\"The installed command: runs main with the process's arguments and exits with its status.\"\"\"
                    sys.exit(main(sys.argv[1:]))


                if __name__ == "__main__":
                    cli()
                """;
    }

    private String tests() {
        Entity e = in.domain().primary();
        Map<String, String> valid = new LinkedHashMap<>();
        for (Field f : e.fields()) {
            if (f.required()) {
                valid.put(f.name(), switch (f.type()) {
                    case STRING -> "First";
                    case DATE -> "2030-01-15";
                    case DATE_TIME -> "2030-01-15T09:30";
                    case INT, LONG -> "1";
                    case DECIMAL -> "1.50";
                    case BOOLEAN -> "false";
                    case LEVEL -> "LOW";
                });
            }
        }
        valid.putIfAbsent(e.label().name(), "First");
        StringBuilder dict = new StringBuilder("{");
        valid.forEach((k, v) -> dict.append(dict.length() > 1 ? ", " : "").append(Escape.pythonString(k)).append(": ")
                .append(Escape.pythonString(v)));
        dict.append('}');
        return """
                import threading
                import unittest

                from ${pkg}.store import NotFound, Store

                KIND = ${kind}
                VALID = ${valid}
                LABEL = ${label}


                class StoreTest(unittest.TestCase):

                    def test_adds_lists_and_gets(self):
                        store = Store(KIND)
                        item = store.add(VALID)
                        self.assertEqual(1, item["id"])
                        self.assertEqual([item], store.list())
                        self.assertEqual(item, store.get(1))

                    def test_rejects_invalid_values(self):
                        store = Store(KIND)
                        with self.assertRaises(ValueError):
                            store.add(dict(VALID, **{LABEL: "x" * 201}))
                        with self.assertRaises(ValueError):
                            store.add(dict(VALID, noSuchField="x"))
                        self.assertEqual([], store.list())

                    def test_updates_and_deletes(self):
                        store = Store(KIND)
                        store.add(VALID)
                        self.assertEqual("Changed", store.update(1, {LABEL: "Changed"})[LABEL])
                        store.delete(1)
                        with self.assertRaises(NotFound):
                            store.get(1)

                    def test_concurrent_adds_get_distinct_ids(self):
                        store = Store(KIND)
                        threads = [threading.Thread(target=lambda: [store.add(VALID) for _ in range(50)])
                                   for _ in range(4)]
                        for thread in threads:
                            thread.start()
                        for thread in threads:
                            thread.join()
                        self.assertEqual(200, len({item["id"] for item in store.list()}))


                if __name__ == "__main__":
                    unittest.main()
                """.replace("${pkg}", pkg).replace("${kind}", Escape.pythonString(Skeleton.kind(e)))
                .replace("${valid}", dict.toString()).replace("${label}", Escape.pythonString(e.label().name()));
    }

    /** @return the generated tests, as the language's runner names them, that run the store */
    static List<String> languageTests(ProjectInput in) {
        // the packaging test is not among them: it is skipped on a Python older than 3.11 (no tomllib)
        return List.of("tests.test_store.StoreTest#test_adds_lists_and_gets",
                "tests.test_store.StoreTest#test_rejects_invalid_values");
    }
}

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JavaScript project for Node.js 18+ (no dependencies): a table of entities, an in-memory store that
 * validates against it, a command-line entry point, and tests for the built-in {@code node:test} runner. Not
 * compile-checked. Immutable and thread-safe.
 */
public final class NodeLayout {

    /** The command that runs the project, followed by a space. */
    private static final String RUN = "node src/index.js ";

    private final ProjectInput in;

    private NodeLayout(ProjectInput in) {
        this.in = in;
    }

    /**
     * @param in the project
     * @return its layout
     */
    public static ProjectLayout of(ProjectInput given) {
        ProjectInput in = Skeleton.withoutSecrets(given);
        return Skeleton.layout(in, new NodeLayout(in).plan(), RUN, languageTests(in));
    }

    private List<PlannedFile> plan() {
        List<PlannedFile> list = new ArrayList<>();
        Skeleton.add(list, "package.json", Part.BUILD, this::packageJson);
        Skeleton.add(list, ".gitignore", Part.BUILD, () -> Skeleton.gitignore("node_modules/", "npm-debug.log*"));
        Skeleton.add(list, "src/models.js", Part.CODE, this::models);
        Skeleton.add(list, "src/store.js", Part.CODE, NodeLayout::store);
        Skeleton.add(list, "src/index.js", Part.CODE, NodeLayout::index);
        Skeleton.add(list, "test/store.test.js", Part.TESTS, this::tests);
        Skeleton.add(list, "test/packaging.test.js", Part.TESTS, NodeLayout::packagingTest);
        Entity e = in.domain().primary();
        Map<String, String> layout = new LinkedHashMap<>();
        layout.put("package.json", "the package, its scripts, no dependencies");
        layout.put("src/models.js", "the kinds of items, their fields, and validation");
        layout.put("src/store.js", "an in-memory store");
        layout.put("src/index.js", "the command-line entry point");
        layout.put("test/", "tests for node --test");
        Guide guide = Skeleton.guide("JavaScript (Node.js 18+)", List.of(), List.of("npm test"),
                List.of(RUN + "help"), layout, RUN + Skeleton.kind(e) + " add --" + e.label().name() + " \"First\"");
        Skeleton.docs(list, in, guide, RUN, languageTests(in));
        return list;
    }

    private String packageJson() {
        return "{\n  \"name\": " + Escape.jsonString(in.architecture().artifactId()) + ",\n  \"version\": \"0.1.0\",\n"
                + "  \"description\": " + Escape.jsonString(Escape.line(in.spec().description())) + ",\n"
                + "  \"private\": true,\n  \"main\": \"src/index.js\",\n  \"scripts\": {\n"
                + "    \"start\": \"node src/index.js\",\n    \"test\": \"node --test test/\"\n  },\n"
                + "  \"engines\": {\n    \"node\": \">=" + Ledger.declaredVersion(in) + "\"\n  }\n}\n";
    }

    /** The {@code node:test} title of the test that package.json has start and test scripts. */
    public static final String SCRIPTS_TEST = Ledger.NODE_SCRIPTS_TEST;

    /** The {@code node:test} title of the test that package.json declares no dependency. */
    public static final String NO_DEPENDENCIES_TEST = Ledger.NODE_NO_DEPENDENCIES_TEST;

    /** @return the tests that package.json runs the program and its tests, and declares no dependency */
    private static String packagingTest() {
        return """
                'use strict';

                const test = require('node:test');
                const assert = require('node:assert');
                const fs = require('node:fs');
                const path = require('node:path');

                const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

                test(${scripts}, () => {
                  assert.strictEqual(pkg.scripts.start, 'node src/index.js');
                  assert.ok(fs.existsSync(path.join(__dirname, '..', 'src', 'index.js')));
                  assert.strictEqual(pkg.scripts.test, 'node --test test/');
                });

                test(${none}, () => {
                  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
                    assert.deepStrictEqual(Object.keys(pkg[key] || {}), [], key);
                  }
                });
                """.replace("${scripts}", Escape.jsonString(SCRIPTS_TEST))
                .replace("${none}", Escape.jsonString(NO_DEPENDENCIES_TEST));
    }

    private String models() {
        CodeBuilder c = CodeBuilder.twoSpaces();
        c.line("'use strict';").blank();
        c.line("const MAX_TEXT = 200;");
        c.line("const LEVELS = ['LOW', 'MEDIUM', 'HIGH'];").blank();
        c.line("// kind -> field -> [type, required]");
        c.open("const KINDS =");
        for (Entity e : in.domain().entities()) {
            c.open(Escape.jsonString(Skeleton.kind(e)) + ":");
            for (Field f : e.fields()) {
                c.line(Escape.jsonString(f.name()) + ": [" + Escape.jsonString(Skeleton.type(f)) + ", "
                        + f.required() + "],");
            }
            c.close(",");
        }
        c.close(";");
        c.blank();
        c.line("""
                function convert(name, type, text) {
                  switch (type) {
                    case 'string':
                      if (text.length > MAX_TEXT) throw new Error(`${name} must be at most ${MAX_TEXT} characters`);
                      return text;
                    case 'date':
                      if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
                        throw new Error(`${name} must be a date like 2030-01-15`);
                      }
                      return text;
                    case 'int': case 'long': case 'decimal': {
                      const number = Number(text);
                      if (!Number.isFinite(number) || (type !== 'decimal' && !Number.isInteger(number))) {
                        throw new Error(`${name} must be a number`);
                      }
                      if (number < 0) throw new Error(`${name} must be >= 0`);
                      return number;
                    }
                    case 'boolean':
                      if (['true', 'yes', '1'].includes(text.toLowerCase())) return true;
                      if (['false', 'no', '0'].includes(text.toLowerCase())) return false;
                      throw new Error(`${name} must be true or false`);
                    case 'level':
                      if (!LEVELS.includes(text.toUpperCase())) throw new Error(`${name} must be one of ${LEVELS}`);
                      return text.toUpperCase();
                    default:
                      throw new Error(`${name} has unknown type ${type}`);
                  }
                }

                function validate(kind, values) {
                  const fields = KINDS[kind];
                  for (const name of Object.keys(values)) {
                    if (!Object.prototype.hasOwnProperty.call(fields, name)) {
                      throw new Error(`unknown field '${name}'; known fields: ${Object.keys(fields).join(', ')}`);
                    }
                  }
                  const clean = {};
                  for (const [name, [type, required]] of Object.entries(fields)) {
                    const value = values[name];
                    if (value === undefined || value === null || String(value).trim() === '') {
                      if (required && type !== 'boolean') throw new Error(`${name} is required`);
                      clean[name] = type === 'boolean' ? false : null;
                    } else {
                      clean[name] = convert(name, type, String(value).trim());
                    }
                  }
                  return clean;
                }

                module.exports = { KINDS, validate };""");
        return c.toString();
    }

    private static String store() {
        return """
                'use strict';

                const { validate } = require('./models');

                /** The items of one kind, kept in memory (Node runs one command at a time, so no locking). */
                class Store {
                  constructor(kind) {
                    this.kind = kind;
                    this.items = new Map();
                    this.lastId = 0;
                  }

                  add(values) {
                    const item = { id: this.lastId + 1, ...validate(this.kind, values) };
                    this.lastId = item.id;
                    this.items.set(item.id, item);
                    return { ...item };
                  }

                  list() {
                    return [...this.items.values()].map((item) => ({ ...item }));
                  }

                  get(id) {
                    const item = this.items.get(id);
                    if (!item) throw new Error(`${this.kind} ${id} not found`);
                    return { ...item };
                  }

                  update(id, changes) {
                    const { id: ignored, ...current } = this.get(id);
                    const item = { id: ignored, ...validate(this.kind, { ...current, ...changes }) };
                    this.items.set(id, item);
                    return { ...item };
                  }

                  delete(id) {
                    if (!this.items.delete(id)) throw new Error(`${this.kind} ${id} not found`);
                  }
                }

                module.exports = { Store };
                """;
    }

    private static String index() {
        return """
                'use strict';

                const readline = require('node:readline');
                const { KINDS } = require('./models');
                const { Store } = require('./store');

                function run(words, stores) {
                  if (words.length === 0 || words[0] === 'help') {
                    return 'commands: ' + Object.keys(KINDS).map((k) => `${k} add|list|get|update|delete`).join(', ');
                  }
                  const [kind, action, ...rest] = words;
                  const store = stores[kind];
                  if (!store) throw new Error(`unknown command '${kind}'`);
                  const options = {};
                  const positional = [];
                  for (let i = 0; i < rest.length; i++) {
                    if (rest[i].startsWith('--')) {
                      if (i + 1 >= rest.length) throw new Error(`option ${rest[i]} needs a value`);
                      options[rest[i].slice(2)] = rest[++i];
                    } else {
                      positional.push(rest[i]);
                    }
                  }
                  if (action === 'add') return JSON.stringify(store.add(options));
                  if (action === 'list') return store.list().map((item) => JSON.stringify(item)).join('\\n') || '(none)';
                  const id = Number(positional[0]);
                  if (!Number.isInteger(id)) throw new Error(`${action} needs a numeric id`);
                  if (action === 'get') return JSON.stringify(store.get(id));
                  if (action === 'update') return JSON.stringify(store.update(id, options));
                  if (action === 'delete') {
                    store.delete(id);
                    return `deleted ${kind} ${id}`;
                  }
                  throw new Error(`unknown action '${action}'`);
                }

                function split(line) {
                  return (line.match(/"[^"]*"|\\S+/g) || []).map((w) => w.replace(/^"(.*)"$/, '$1'));
                }

                if (require.main === module) {
                  const stores = Object.fromEntries(Object.keys(KINDS).map((k) => [k, new Store(k)]));
                  const execute = (words) => {
                    try {
                      console.log(run(words, stores));
                    } catch (e) {
                      console.error(`error: ${e.message}`);
                      process.exitCode = 1;
                    }
                  };
                  if (process.argv.length > 2) {
                    execute(process.argv.slice(2));
                  } else {
                    readline.createInterface({ input: process.stdin }).on('line', (line) => {
                      if (line.trim() && !line.trim().startsWith('#')) execute(split(line));
                    });
                  }
                }

                module.exports = { run, split };
                """;
    }

    private String tests() {
        Entity e = in.domain().primary();
        StringBuilder valid = new StringBuilder("{ ");
        valid.append(Escape.jsonString(e.label().name())).append(": 'First'");
        for (Field f : e.requiredFields()) {
            if (!f.equals(e.label())) {
                valid.append(", ").append(Escape.jsonString(f.name())).append(": ").append(switch (f.type()) {
                    case STRING -> "'First'";
                    case DATE -> "'2030-01-15'";
                    case DATE_TIME -> "'2030-01-15T09:30'";
                    case INT, LONG -> "'1'";
                    case DECIMAL -> "'1.50'";
                    case BOOLEAN -> "'false'";
                    case LEVEL -> "'LOW'";
                });
            }
        }
        valid.append(" }");
        return """
                'use strict';

                const test = require('node:test');
                const assert = require('node:assert');
                const { Store } = require('../src/store');
                const { run } = require('../src/index');

                const KIND = ${kind};
                const VALID = ${valid};
                const LABEL = ${label};

                test('adds, lists and gets items', () => {
                  const store = new Store(KIND);
                  const item = store.add(VALID);
                  assert.strictEqual(item.id, 1);
                  assert.deepStrictEqual(store.list(), [item]);
                  assert.deepStrictEqual(store.get(1), item);
                });

                test('rejects invalid values', () => {
                  const store = new Store(KIND);
                  assert.throws(() => store.add({ ...VALID, [LABEL]: 'x'.repeat(201) }));
                  assert.throws(() => store.add({ ...VALID, noSuchField: 'x' }));
                  assert.deepStrictEqual(store.list(), []);
                });

                test('updates and deletes items', () => {
                  const store = new Store(KIND);
                  store.add(VALID);
                  assert.strictEqual(store.update(1, { [LABEL]: 'Changed' })[LABEL], 'Changed');
                  store.delete(1);
                  assert.throws(() => store.get(1));
                });

                test('runs commands', () => {
                  const stores = { [KIND]: new Store(KIND) };
                  assert.match(run([KIND, 'add', ...Object.entries(VALID).flatMap(([k, v]) => ['--' + k, v])], stores), /"id":1/);
                  assert.throws(() => run(['bogus', 'list'], stores), /unknown command/);
                });
                """.replace("${kind}", Escape.jsonString(Skeleton.kind(e))).replace("${valid}", valid.toString())
                .replace("${label}", Escape.jsonString(e.label().name()));
    }

    /** @return the generated tests, as the language's runner names them, that run the store */
    static List<String> languageTests(ProjectInput in) {
        return List.of("test/store.test.js#adds, lists and gets items",
                "test/store.test.js#rejects invalid values");
    }
}

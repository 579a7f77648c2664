package dev.thefactory.fallbacks.internal.other;

import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.layout.Guide;
import dev.thefactory.fallbacks.internal.layout.Ledger;
import dev.thefactory.fallbacks.internal.layout.Part;
import dev.thefactory.fallbacks.internal.layout.PlannedFile;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.fallbacks.internal.text.Escape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Go project (standard library only): a table of entities, a mutex-guarded in-memory store that validates
 * against it, a command-line main, and tests. Not compile-checked. Immutable and thread-safe.
 */
public final class GoLayout {

    /** The command that runs the project, followed by a space. */
    private static final String RUN = "go run . ";

    private final ProjectInput in;

    private GoLayout(ProjectInput in) {
        this.in = in;
    }

    /**
     * @param in the project
     * @return its layout
     */
    public static ProjectLayout of(ProjectInput given) {
        ProjectInput in = Skeleton.withoutSecrets(given);
        return Skeleton.layout(in, new GoLayout(in).plan(), RUN, languageTests(in));
    }

    private List<PlannedFile> plan() {
        List<PlannedFile> list = new ArrayList<>();
        Skeleton.add(list, "go.mod", Part.BUILD, () -> "module example.com/" + in.architecture().artifactId()
                + "\n\ngo " + Ledger.declaredVersion(in) + "\n");
        Skeleton.add(list, ".gitignore", Part.BUILD, () -> Skeleton.gitignore("/" + in.architecture().artifactId(),
                "*.test", "*.out"));
        Skeleton.add(list, "models.go", Part.CODE, this::models);
        Skeleton.add(list, "store.go", Part.CODE, GoLayout::store);
        Skeleton.add(list, "main.go", Part.CODE, GoLayout::main);
        Skeleton.add(list, "store_test.go", Part.TESTS, this::tests);
        Skeleton.add(list, "gomod_test.go", Part.TESTS, () -> """
                package main

                import (
                \t"os"
                \t"strings"
                \t"testing"
                )

                func TestNoDependencies(t *testing.T) {
                \tbytes, err := os.ReadFile("go.mod")
                \tif err != nil {
                \t\tt.Fatal(err)
                \t}
                \tfor _, line := range strings.Split(string(bytes), "\\n") {
                \t\tif strings.HasPrefix(strings.TrimSpace(line), "require") {
                \t\t\tt.Errorf("go.mod requires a module: %q", line)
                \t\t}
                \t}
                }
                """);
        Entity e = in.domain().primary();
        Map<String, String> layout = new LinkedHashMap<>();
        layout.put("go.mod", "the module");
        layout.put("models.go", "the kinds of items, their fields, and validation");
        layout.put("store.go", "a mutex-guarded in-memory store");
        layout.put("main.go", "the command-line entry point");
        layout.put("store_test.go", "tests for go test");
        Guide guide = Skeleton.guide("Go", List.of("go build ./..."), List.of("go test ./..."), List.of(RUN + "help"),
                layout, RUN + Skeleton.kind(e) + " add --" + e.label().name() + " \"First\"");
        Skeleton.docs(list, in, guide, RUN, languageTests(in));
        return list;
    }

    private String models() {
        StringBuilder kinds = new StringBuilder();
        for (Entity e : in.domain().entities()) {
            kinds.append("\t").append(Escape.jsonString(Skeleton.kind(e))).append(": {\n");
            for (Field f : e.fields()) {
                kinds.append("\t\t{Name: ").append(Escape.jsonString(f.name())).append(", Type: ")
                        .append(Escape.jsonString(Skeleton.type(f))).append(", Required: ").append(f.required())
                        .append("},\n");
            }
            kinds.append("\t},\n");
        }
        return """
                package main

                import (
                \t"fmt"
                \t"strconv"
                \t"strings"
                \t"time"
                )

                // MaxText is the longest text a field may hold.
                const MaxText = 200

                // FieldSpec describes one field of a kind of item.
                type FieldSpec struct {
                \tName     string
                \tType     string
                \tRequired bool
                }

                // Kinds maps each kind of item to its fields.
                var Kinds = map[string][]FieldSpec{
                ${kinds}}

                // Validate converts and checks the values of a new item of the kind.
                func Validate(kind string, values map[string]string) (map[string]any, error) {
                \tfields, ok := Kinds[kind]
                \tif !ok {
                \t\treturn nil, fmt.Errorf("unknown kind %q", kind)
                \t}
                \tknown := map[string]bool{}
                \tfor _, f := range fields {
                \t\tknown[f.Name] = true
                \t}
                \tfor name := range values {
                \t\tif !known[name] {
                \t\t\treturn nil, fmt.Errorf("unknown field %q", name)
                \t\t}
                \t}
                \tclean := map[string]any{}
                \tfor _, f := range fields {
                \t\ttext := strings.TrimSpace(values[f.Name])
                \t\tif text == "" {
                \t\t\tif f.Required && f.Type != "boolean" {
                \t\t\t\treturn nil, fmt.Errorf("%s is required", f.Name)
                \t\t\t}
                \t\t\tclean[f.Name] = nil
                \t\t\tcontinue
                \t\t}
                \t\tvalue, err := convert(f, text)
                \t\tif err != nil {
                \t\t\treturn nil, err
                \t\t}
                \t\tclean[f.Name] = value
                \t}
                \treturn clean, nil
                }

                func convert(f FieldSpec, text string) (any, error) {
                \tswitch f.Type {
                \tcase "string":
                \t\tif len([]rune(text)) > MaxText {
                \t\t\treturn nil, fmt.Errorf("%s must be at most %d characters", f.Name, MaxText)
                \t\t}
                \t\treturn text, nil
                \tcase "date":
                \t\tif _, err := time.Parse("2006-01-02", text); err != nil {
                \t\t\treturn nil, fmt.Errorf("%s must be a date like 2030-01-15", f.Name)
                \t\t}
                \t\treturn text, nil
                \tcase "int", "long", "decimal":
                \t\tnumber, err := strconv.ParseFloat(text, 64)
                \t\tif err != nil || number < 0 {
                \t\t\treturn nil, fmt.Errorf("%s must be a number >= 0", f.Name)
                \t\t}
                \t\treturn number, nil
                \tcase "boolean":
                \t\treturn strconv.ParseBool(text)
                \tcase "level":
                \t\tupper := strings.ToUpper(text)
                \t\tif upper != "LOW" && upper != "MEDIUM" && upper != "HIGH" {
                \t\t\treturn nil, fmt.Errorf("%s must be LOW, MEDIUM or HIGH", f.Name)
                \t\t}
                \t\treturn upper, nil
                \t}
                \treturn nil, fmt.Errorf("%s has unknown type %s", f.Name, f.Type)
                }
                """.replace("${kinds}", kinds.toString());
    }

    private static String store() {
        return """
                package main

                import (
                \t"fmt"
                \t"sort"
                \t"sync"
                )

                // Item is one stored item: its id and its field values.
                type Item struct {
                \tID     int64
                \tValues map[string]any
                }

                // Store keeps the items of one kind in memory; safe for concurrent use.
                type Store struct {
                \tkind   string
                \tmu     sync.Mutex
                \titems  map[int64]Item
                \tlastID int64
                }

                // NewStore returns an empty store of the kind.
                func NewStore(kind string) *Store {
                \treturn &Store{kind: kind, items: map[int64]Item{}}
                }

                // Add validates and stores a new item.
                func (s *Store) Add(values map[string]string) (Item, error) {
                \tclean, err := Validate(s.kind, values)
                \tif err != nil {
                \t\treturn Item{}, err
                \t}
                \ts.mu.Lock()
                \tdefer s.mu.Unlock()
                \ts.lastID++
                \titem := Item{ID: s.lastID, Values: clean}
                \ts.items[item.ID] = item
                \treturn item, nil
                }

                // List returns every item by ascending id.
                func (s *Store) List() []Item {
                \ts.mu.Lock()
                \tdefer s.mu.Unlock()
                \titems := make([]Item, 0, len(s.items))
                \tfor _, item := range s.items {
                \t\titems = append(items, item)
                \t}
                \tsort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
                \treturn items
                }

                // Get returns the item with the id.
                func (s *Store) Get(id int64) (Item, error) {
                \ts.mu.Lock()
                \tdefer s.mu.Unlock()
                \titem, ok := s.items[id]
                \tif !ok {
                \t\treturn Item{}, fmt.Errorf("%s %d not found", s.kind, id)
                \t}
                \treturn item, nil
                }

                // Delete removes the item with the id.
                func (s *Store) Delete(id int64) error {
                \ts.mu.Lock()
                \tdefer s.mu.Unlock()
                \tif _, ok := s.items[id]; !ok {
                \t\treturn fmt.Errorf("%s %d not found", s.kind, id)
                \t}
                \tdelete(s.items, id)
                \treturn nil
                }
                """;
    }

    private static String main() {
        return """
                package main

                import (
                \t"fmt"
                \t"os"
                \t"strconv"
                \t"strings"
                )

                // Run runs one command: <kind> add|list|get|delete [id] [--field value]...
                func Run(args []string, stores map[string]*Store) (string, error) {
                \tif len(args) < 2 {
                \t\tkinds := []string{}
                \t\tfor kind := range Kinds {
                \t\t\tkinds = append(kinds, kind)
                \t\t}
                \t\treturn "usage: <kind> add|list|get|delete; kinds: " + strings.Join(kinds, ", "), nil
                \t}
                \tstore, ok := stores[args[0]]
                \tif !ok {
                \t\treturn "", fmt.Errorf("unknown command %q", args[0])
                \t}
                \toptions := map[string]string{}
                \tpositional := []string{}
                \tfor i := 2; i < len(args); i++ {
                \t\tif strings.HasPrefix(args[i], "--") && i+1 < len(args) {
                \t\t\toptions[args[i][2:]] = args[i+1]
                \t\t\ti++
                \t\t} else {
                \t\t\tpositional = append(positional, args[i])
                \t\t}
                \t}
                \tswitch args[1] {
                \tcase "add":
                \t\titem, err := store.Add(options)
                \t\treturn fmt.Sprint(item), err
                \tcase "list":
                \t\treturn fmt.Sprint(store.List()), nil
                \t}
                \tif len(positional) == 0 {
                \t\treturn "", fmt.Errorf("%s needs an id", args[1])
                \t}
                \tid, err := strconv.ParseInt(positional[0], 10, 64)
                \tif err != nil {
                \t\treturn "", fmt.Errorf("an id must be a number")
                \t}
                \tswitch args[1] {
                \tcase "get":
                \t\titem, err := store.Get(id)
                \t\treturn fmt.Sprint(item), err
                \tcase "delete":
                \t\treturn fmt.Sprintf("deleted %s %d", args[0], id), store.Delete(id)
                \t}
                \treturn "", fmt.Errorf("unknown action %q", args[1])
                }

                func main() {
                \tstores := map[string]*Store{}
                \tfor kind := range Kinds {
                \t\tstores[kind] = NewStore(kind)
                \t}
                \tout, err := Run(os.Args[1:], stores)
                \tif err != nil {
                \t\tfmt.Fprintln(os.Stderr, "error:", err)
                \t\tos.Exit(1)
                \t}
                \tfmt.Println(out)
                }
                """;
    }

    private String tests() {
        Entity e = in.domain().primary();
        StringBuilder valid = new StringBuilder();
        valid.append(Escape.jsonString(e.label().name())).append(": \"First\"");
        for (Field f : e.requiredFields()) {
            if (!f.equals(e.label())) {
                valid.append(", ").append(Escape.jsonString(f.name())).append(": ").append(switch (f.type()) {
                    case STRING -> "\"First\"";
                    case DATE -> "\"2030-01-15\"";
                    case DATE_TIME -> "\"2030-01-15T09:30\"";
                    case INT, LONG -> "\"1\"";
                    case DECIMAL -> "\"1.50\"";
                    case BOOLEAN -> "\"false\"";
                    case LEVEL -> "\"LOW\"";
                });
            }
        }
        return """
                package main

                import (
                \t"strings"
                \t"sync"
                \t"testing"
                )

                const kind = ${kind}

                func valid() map[string]string {
                \treturn map[string]string{${valid}}
                }

                func TestAddListGet(t *testing.T) {
                \tstore := NewStore(kind)
                \titem, err := store.Add(valid())
                \tif err != nil || item.ID != 1 {
                \t\tt.Fatalf("add failed: %v %v", item, err)
                \t}
                \tif len(store.List()) != 1 {
                \t\tt.Fatalf("expected one item")
                \t}
                \tif _, err := store.Get(1); err != nil {
                \t\tt.Fatal(err)
                \t}
                }

                func TestRejectsInvalidValues(t *testing.T) {
                \tstore := NewStore(kind)
                \tvalues := valid()
                \tvalues[${label}] = strings.Repeat("x", 201)
                \tif _, err := store.Add(values); err == nil {
                \t\tt.Fatal("expected an error for a long text")
                \t}
                \tvalues = valid()
                \tvalues["noSuchField"] = "x"
                \tif _, err := store.Add(values); err == nil {
                \t\tt.Fatal("expected an error for an unknown field")
                \t}
                }

                func TestConcurrentAddsGetDistinctIDs(t *testing.T) {
                \tstore := NewStore(kind)
                \tvar wg sync.WaitGroup
                \tfor i := 0; i < 4; i++ {
                \t\twg.Add(1)
                \t\tgo func() {
                \t\t\tdefer wg.Done()
                \t\t\tfor j := 0; j < 50; j++ {
                \t\t\t\tif _, err := store.Add(valid()); err != nil {
                \t\t\t\t\tt.Error(err)
                \t\t\t\t}
                \t\t\t}
                \t\t}()
                \t}
                \twg.Wait()
                \tif len(store.List()) != 200 {
                \t\tt.Fatalf("expected 200 items, got %d", len(store.List()))
                \t}
                }
                """.replace("${kind}", Escape.jsonString(Skeleton.kind(e))).replace("${valid}", valid.toString())
                .replace("${label}", Escape.jsonString(e.label().name()));
    }

    /** @return the generated tests, as the language's runner names them, that run the store */
    static List<String> languageTests(ProjectInput in) {
        return List.of("example.com/" + in.architecture().artifactId() + "#TestAddListGet",
                "example.com/" + in.architecture().artifactId() + "#TestRejectsInvalidValues");
    }
}

package dev.thefactory.fallbacks.internal.design;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.fallbacks.internal.text.Codes;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a generated project keeps its items by default: in memory, or in files under a data directory. A generated
 * Java project has both stores and lets {@code application.properties} or a system property choose; this decides
 * the default it ships with. Immutable and thread-safe.
 */
public enum Storage {
    /** Items live in memory and are lost when the process stops. */
    MEMORY,
    /** Items are kept in one file per kind of item under a data directory, written atomically. */
    FILE;

    /** The project types that run long enough for a file store to be the natural default. */
    private static final Set<ProjectType> LONG_RUNNING = EnumSet.of(ProjectType.WEB_APP, ProjectType.API_SERVICE,
            ProjectType.CLI_TOOL);

    /** Words that, in any section of a spec, ask for items to outlive the process. */
    private static final Set<String> DURABLE_WORDS = Set.of("persist", "persists", "persisted", "persistent",
            "persistence", "persisting", "restart", "restarts", "restarted", "restarting", "reboot", "reboots",
            "save", "saves", "saved", "saving", "durable", "durably", "durability", "disk", "database", "databases",
            "db", "sqlite", "storage", "store", "stores", "stored", "storing");

    /** Words that still ask for items to outlive the process in a text that names memory. */
    private static final Set<String> MEMORY_OVERRIDES = Set.of("persist", "persists", "persisted", "persistent",
            "persistence", "restart", "restarts", "restarted", "disk", "database", "databases", "db", "sqlite",
            "durable", "durably", "file", "files", "save", "saves", "saved");

    /** @return the lower-case code used in facts and in {@code application.properties} */
    public String code() {
        return Codes.of(this);
    }

    /**
     * @param code a code from {@link #code()}
     * @return the storage, if the code names one
     */
    public static Optional<Storage> fromCode(String code) {
        return Codes.parse(Storage.class, code);
    }

    /**
     * Decides the default store: {@link #FILE} for a command-line tool (it runs one process per command, so items
     * kept in memory would be gone before the next command) and for a web app or API service whose spec asks for
     * items to survive (it mentions persistence, restarts, saving, storing, a disk or a database in any section, the
     * tech stack included, other than in an entry that asks for memory such as "Storage: in-memory"), else
     * {@link #MEMORY}. Deterministic: the same spec always gives the same answer.
     *
     * @param spec the spec
     * @return the default store
     */
    public static Storage decide(ProjectSpec spec) {
        if (spec.type() == ProjectType.CLI_TOOL) {
            return FILE;
        }
        return LONG_RUNNING.contains(spec.type()) && durableWord(spec).isPresent() ? FILE : MEMORY;
    }

    /**
     * @param spec the spec
     * @return the first word, in section order, that asks for items to outlive the process
     */
    public static Optional<String> durableWord(ProjectSpec spec) {
        List<String> texts = new ArrayList<>();
        texts.add(spec.description());
        texts.addAll(spec.objectives());
        texts.addAll(spec.features().core());
        texts.addAll(spec.features().extended());
        texts.addAll(spec.architectureHints());
        texts.addAll(spec.technicalPreferences());
        texts.addAll(spec.qualityRequirements());
        texts.addAll(spec.outputExpectations());
        texts.addAll(spec.techStack());
        for (String text : texts) {
            List<String> words = Naming.words(text);
            if (words.contains("memory") && words.stream().noneMatch(MEMORY_OVERRIDES::contains)) {
                // "Storage: in-memory" asks for the memory store, not for items to outlive the process
                continue;
            }
            for (String word : words) {
                if (DURABLE_WORDS.contains(word)) {
                    return Optional.of(word);
                }
            }
        }
        return Optional.empty();
    }
}

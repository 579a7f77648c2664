package dev.thefactory.fallbacks.internal.design;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.ReservedNames;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The architecture decisions of a generated project: language, entry point, coordinates and names. Every name is
 * checked again when decoded from facts (facts come back from checkpoints, so they are input like any other).
 * Immutable and thread-safe; no component is null.
 *
 * @param language    the main language
 * @param entryPoint  how the project is used
 * @param displayName the project's name as one clean line, for documentation and messages
 * @param groupId     the Maven group id, also the Java base package
 * @param artifactId  the Maven artifact id and the project slug
 * @param basePackage the Java base package (also the Python package and Go module, in their own forms)
 * @param facadeClass the upper-camel name of the library facade; unique among the domain's entities
 * @param storage     where the generated project keeps its items unless its settings say otherwise
 */
public record Architecture(Language language, EntryPoint entryPoint, String displayName, String groupId,
        String artifactId, String basePackage, String facadeClass, Storage storage) {

    /** Prefix of every architecture fact. */
    public static final String PREFIX = "simple.design.";
    /** The group that prefixes every generated package. */
    public static final String GROUP_PREFIX = "com.example.";

    /** @throws IllegalArgumentException when a name is unsafe */
    public Architecture {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(entryPoint, "entryPoint");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(basePackage, "basePackage");
        Objects.requireNonNull(facadeClass, "facadeClass");
        Objects.requireNonNull(storage, "storage");
        if (!Naming.isPackage(groupId) || !Naming.isPackage(basePackage)) {
            throw new IllegalArgumentException("groupId and basePackage must be safe Java packages but were '"
                    + groupId + "' and '" + basePackage + "'");
        }
        if (!Naming.SLUG.matcher(artifactId).matches() || artifactId.length() > Naming.MAX_SLUG) {
            throw new IllegalArgumentException("artifactId must be a slug but was '" + artifactId + "'");
        }
        if (!Naming.isType(facadeClass) || ReservedNames.TYPES.contains(facadeClass)) {
            throw new IllegalArgumentException("facadeClass must be an unreserved type name but was '" + facadeClass
                    + "'");
        }
        if (!displayName.equals(Escape.line(displayName))) {
            throw new IllegalArgumentException("displayName must be one clean line");
        }
    }

    /**
     * Decides the architecture of a spec.
     *
     * @param spec   the spec
     * @param domain its domain
     * @return the decisions
     */
    public static Architecture design(ProjectSpec spec, Domain domain) {
        String segment = Naming.packageSegment(spec.name());
        String groupId = GROUP_PREFIX + segment;
        String facade = Naming.typeName(spec.name());
        boolean clash = ReservedNames.TYPES.contains(facade) || facade.endsWith("Service")
                || domain.entities().stream().map(Entity::name).anyMatch(facade::equals);
        if (clash) {
            facade = facade.length() > 33 ? facade.substring(0, 33) + "Library" : facade + "Library";
        }
        String display = Escape.line(spec.name());
        return new Architecture(Language.detect(spec), EntryPoint.of(spec.type()),
                display.isEmpty() ? "Project" : display, groupId, Naming.slug(spec.name()), groupId, facade,
                Storage.decide(spec));
    }

    /** @return the facts that carry the decisions, sorted by key */
    public Map<String, String> encode() {
        Map<String, String> facts = new TreeMap<>();
        facts.put(PREFIX + "language", language.code());
        facts.put(PREFIX + "entryPoint", entryPoint.code());
        facts.put(PREFIX + "displayName", displayName);
        facts.put(PREFIX + "groupId", groupId);
        facts.put(PREFIX + "artifactId", artifactId);
        facts.put(PREFIX + "basePackage", basePackage);
        facts.put(PREFIX + "facadeClass", facadeClass);
        facts.put(PREFIX + "storage", storage.code());
        return facts;
    }

    /**
     * @param facts the facts of a build
     * @return the decisions they carry
     * @throws IllegalArgumentException naming the fact when one is missing or malformed
     */
    public static Architecture decode(Map<String, String> facts) {
        Language language = Language.fromCode(require(facts, "language"))
                .orElseThrow(() -> new IllegalArgumentException("fact " + PREFIX + "language names no language"));
        EntryPoint entry = EntryPoint.fromCode(require(facts, "entryPoint"))
                .orElseThrow(() -> new IllegalArgumentException("fact " + PREFIX + "entryPoint names no entry point"));
        Storage storage = Storage.fromCode(require(facts, "storage"))
                .orElseThrow(() -> new IllegalArgumentException("fact " + PREFIX + "storage names no storage"));
        return new Architecture(language, entry, require(facts, "displayName"), require(facts, "groupId"),
                require(facts, "artifactId"), require(facts, "basePackage"), require(facts, "facadeClass"), storage);
    }

    private static String require(Map<String, String> facts, String name) {
        String value = facts.get(PREFIX + name);
        if (value == null) {
            throw new IllegalArgumentException("fact " + PREFIX + name + " is missing; the simple backend's task "
                    + "design/architecture must run before STRUCTURE and GENERATE");
        }
        return value;
    }

    /** @return the base package as a path, such as {@code com/example/todoapp} */
    public String packagePath() {
        return basePackage.replace('.', '/');
    }
}

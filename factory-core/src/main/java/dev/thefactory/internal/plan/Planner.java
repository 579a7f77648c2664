package dev.thefactory.internal.plan;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.internal.util.Sha256;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.StandardTasks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the {@link BuildPlan} of a validated spec. Deterministic: the plan depends on the spec alone, never on the
 * time, the machine or thread timing, so the same spec always yields the same task ids.
 *
 * <p>The plan holds the top-level tasks of {@link StandardTasks}: {@code analyze}, {@code design/architecture}, one
 * {@code design/feature/<key>} per feature (core first, then extended), {@code structure} and the four
 * {@code generate/...} tasks. A feature key is a slug of the feature's text (at most {@value #MAX_SLUG} characters)
 * plus 8 hex digits of a SHA-256 over the scope and the text, so ids are readable, safe as file names and unique even
 * when two features share a prefix.
 *
 * <p>Budget: the spec's complexity sets the agent budget ({@link AgentLimits#budget}). At least
 * {@value #RESERVE_PERCENT}% of it is reserved for children; when there are more features than the rest leaves room for,
 * neighbouring features of the same scope are grouped into fewer design tasks and a note says so. What remains after
 * the top-level tasks is pre-allocated as child allowances, first to the {@code GENERATE} tasks up to their role's
 * child cap, then to the others up to their cap, then to all of them up to three times their cap (for grandchildren),
 * round-robin in a fixed order, so the plan never exceeds the budget and never depends on timing.
 *
 * <p>Stateless and thread-safe.
 */
public final class Planner {

    /** Longest slug part of a feature key. */
    public static final int MAX_SLUG = 40;
    /** Share of the agent budget kept for children, in percent. */
    public static final int RESERVE_PERCENT = 30;

    private static final int FIXED_TASKS = 7;

    /**
     * @param spec a validated spec
     * @return its plan
     * @throws NullPointerException if {@code spec} or its complexity is null
     */
    public BuildPlan plan(ProjectSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(spec.complexity(), "spec.complexity");
        int budget = AgentLimits.budget(spec.complexity());
        int reserve = (budget * RESERVE_PERCENT + 99) / 100;
        int featureSlots = budget - FIXED_TASKS - reserve;
        List<String> notes = new ArrayList<>();
        List<FeatureGroup> groups = groupFeatures(spec.features().core(), spec.features().extended(), featureSlots);
        int featureCount = spec.features().core().size() + spec.features().extended().size();
        if (groups.size() < featureCount) {
            notes.add(groupingNote(spec, budget, featureCount, groups));
        }

        String name = spec.name();
        List<Draft> drafts = new ArrayList<>();
        drafts.add(new Draft(task(StandardTasks.ANALYZE, Phase.ANALYZE, AgentRole.ARCHITECT,
                "Analyze the spec of '" + name + "': its domain, entities and operations", Map.of()), 2));
        drafts.add(new Draft(task(StandardTasks.DESIGN_ARCHITECTURE, Phase.DESIGN, AgentRole.ARCHITECT,
                "Design the packages and components of '" + name + "'", Map.of()), 2));
        Set<String> ids = new HashSet<>();
        for (FeatureGroup group : groups) {
            String id = uniqueId(StandardTasks.DESIGN_FEATURE_PREFIX + featureKey(group.scope(), group.features()), ids);
            Map<String, String> parameters = Map.of(
                    StandardTasks.PARAM_FEATURES, String.join("\n", group.features()),
                    StandardTasks.PARAM_SCOPE, group.scope());
            drafts.add(new Draft(task(id, Phase.DESIGN, AgentRole.ARCHITECT, group.subject(), parameters),
                    group.features().size()));
        }
        drafts.add(new Draft(task(StandardTasks.STRUCTURE, Phase.STRUCTURE, AgentRole.BUILDER,
                "Lay out the files of '" + name + "'", Map.of()), 1));
        drafts.add(new Draft(task(StandardTasks.GENERATE_BUILD, Phase.GENERATE, AgentRole.BUILDER,
                "Build files and configuration of '" + name + "'", Map.of()), 2));
        drafts.add(new Draft(task(StandardTasks.GENERATE_CODE, Phase.GENERATE, AgentRole.DEVELOPER,
                "Production code of '" + name + "'", Map.of()), 4));
        drafts.add(new Draft(task(StandardTasks.GENERATE_TESTS, Phase.GENERATE, AgentRole.TESTER,
                "Tests of '" + name + "'", Map.of()), 3));
        drafts.add(new Draft(task(StandardTasks.GENERATE_DOCS, Phase.GENERATE, AgentRole.DOCUMENTER,
                "README and documentation of '" + name + "'", Map.of()), 2));

        Map<String, Integer> allowances = allocate(drafts, budget - drafts.size());
        List<PlannedTask> tasks = drafts.stream()
                .map(d -> new PlannedTask(d.task(), d.weight(), allowances.getOrDefault(d.task().id(), 0)))
                .toList();
        return new BuildPlan(spec.complexity(), budget, tasks, notes);
    }

    /**
     * The key of a feature design task: a slug of the first feature's text, {@code -and-N-more} when grouped, and 8
     * hex digits of SHA-256 over the scope and every feature of the group.
     *
     * @param scope    {@code core} or {@code extended}
     * @param features the features of the group, at least one
     * @return a key of letters, digits and {@code -}
     */
    static String featureKey(String scope, List<String> features) {
        String base = slug(features.get(0));
        if (features.size() > 1) {
            base = base + "-and-" + (features.size() - 1) + "-more";
        }
        return base + "-" + Sha256.hex(scope + "\n" + String.join("\n", features)).substring(0, 8);
    }

    /**
     * @param text any text
     * @return lower-case ASCII letters and digits, runs of anything else as one {@code -}, no {@code -} at either end,
     *         at most {@value #MAX_SLUG} characters; {@code feature} when nothing is left
     */
    static String slug(String text) {
        StringBuilder s = new StringBuilder();
        boolean dash = false;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && s.length() > 0) {
                    s.append('-');
                }
                dash = false;
                s.append(c);
            } else {
                dash = true;
            }
            if (s.length() >= MAX_SLUG) {
                break;
            }
        }
        String slug = s.length() > MAX_SLUG ? s.substring(0, MAX_SLUG) : s.toString();
        while (slug.endsWith("-")) {
            slug = slug.substring(0, slug.length() - 1);
        }
        return slug.isEmpty() ? "feature" : slug;
    }

    private static String uniqueId(String id, Set<String> ids) {
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private static AgentTask task(String id, Phase phase, AgentRole role, String subject, Map<String, String> params) {
        return new AgentTask(id, phase, role, subject, null, 0, params);
    }

    private static List<FeatureGroup> groupFeatures(List<String> core, List<String> extended, int slots) {
        int total = core.size() + extended.size();
        if (total == 0) {
            return List.of();
        }
        int coreSlots;
        int extendedSlots;
        if (total <= slots) {
            coreSlots = core.size();
            extendedSlots = extended.size();
        } else if (core.isEmpty()) {
            coreSlots = 0;
            extendedSlots = slots;
        } else if (extended.isEmpty()) {
            coreSlots = slots;
            extendedSlots = 0;
        } else {
            coreSlots = (int) Math.round((double) slots * core.size() / total);
            coreSlots = Math.max(1, Math.min(coreSlots, slots - 1));
            coreSlots = Math.min(coreSlots, core.size());
            extendedSlots = Math.min(slots - coreSlots, extended.size());
        }
        List<FeatureGroup> groups = new ArrayList<>(chunk("core", core, coreSlots));
        groups.addAll(chunk("extended", extended, extendedSlots));
        return groups;
    }

    private static List<FeatureGroup> chunk(String scope, List<String> features, int slots) {
        List<FeatureGroup> groups = new ArrayList<>();
        if (features.isEmpty()) {
            return groups;
        }
        int size = features.size() / slots;
        int larger = features.size() % slots;
        int from = 0;
        for (int i = 0; i < slots; i++) {
            int to = from + size + (i < larger ? 1 : 0);
            groups.add(new FeatureGroup(scope, features.subList(from, to)));
            from = to;
        }
        return groups;
    }

    private static String groupingNote(ProjectSpec spec, int budget, int featureCount, List<FeatureGroup> groups) {
        long coreTasks = groups.stream().filter(g -> g.scope().equals("core")).count();
        long extendedTasks = groups.size() - coreTasks;
        return "Grouped " + featureCount + " features into " + groups.size() + " design tasks to fit the agent budget "
                + "of " + budget + " for complexity " + spec.complexity().id() + " (core: "
                + spec.features().core().size() + " features in " + coreTasks + " tasks, extended: "
                + spec.features().extended().size() + " features in " + extendedTasks + " tasks); every feature is "
                + "still designed, several per task. Raise the spec's complexity for one task per feature.";
    }

    private static Map<String, Integer> allocate(List<Draft> drafts, int available) {
        List<Draft> generate = drafts.stream().filter(d -> d.task().phase() == Phase.GENERATE).toList();
        List<Draft> others = drafts.stream().filter(d -> d.task().phase() != Phase.GENERATE).toList();
        List<Draft> all = new ArrayList<>(generate);
        all.addAll(others);
        Map<String, Integer> allowance = new LinkedHashMap<>();
        int left = available;
        left = roundRobin(generate, allowance, left, 1);
        left = roundRobin(others, allowance, left, 1);
        roundRobin(all, allowance, left, 3);
        return allowance;
    }

    private static int roundRobin(List<Draft> drafts, Map<String, Integer> allowance, int available, int capFactor) {
        int left = available;
        boolean gave = true;
        while (left > 0 && gave) {
            gave = false;
            for (Draft d : drafts) {
                int current = allowance.getOrDefault(d.task().id(), 0);
                if (left > 0 && current < capFactor * AgentLimits.childCap(d.task().role())) {
                    allowance.put(d.task().id(), current + 1);
                    left--;
                    gave = true;
                }
            }
        }
        return left;
    }

    private record Draft(AgentTask task, double weight) {
    }

    private record FeatureGroup(String scope, List<String> features) {
        String subject() {
            if (features.size() == 1) {
                return features.get(0);
            }
            return features.size() + " " + scope + " features: " + String.join("; ", features);
        }
    }
}

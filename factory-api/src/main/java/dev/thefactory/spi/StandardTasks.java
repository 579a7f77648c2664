package dev.thefactory.spi;

/**
 * The top-level tasks of every build plan, which every backend must be able to perform. Children an agent
 * spawns are the backend's own business; their ids extend their parent's ({@code generate/code/model}).
 *
 * <table>
 *   <caption>Top-level tasks</caption>
 *   <tr><th>id</th><th>phase</th><th>role</th><th>does</th></tr>
 *   <tr><td>{@value #ANALYZE}</td><td>ANALYZE</td><td>ARCHITECT</td><td>derives the domain from the spec (facts)</td></tr>
 *   <tr><td>{@value #DESIGN_ARCHITECTURE}</td><td>DESIGN</td><td>ARCHITECT</td><td>decides packages and components (facts)</td></tr>
 *   <tr><td>{@value #DESIGN_FEATURE_PREFIX}{@code <key>}</td><td>DESIGN</td><td>ARCHITECT</td><td>designs the features in
 *       parameter {@value #PARAM_FEATURES} (one per line; several when the planner grouped them to fit the budget);
 *       parameter {@value #PARAM_SCOPE} is {@code core} or {@code extended}</td></tr>
 *   <tr><td>{@value #STRUCTURE}</td><td>STRUCTURE</td><td>BUILDER</td><td>lays out the project: its
 *       {@link TaskResult#plannedFiles() planned files}</td></tr>
 *   <tr><td>{@value #GENERATE_BUILD}</td><td>GENERATE</td><td>BUILDER</td><td>build files and configuration</td></tr>
 *   <tr><td>{@value #GENERATE_CODE}</td><td>GENERATE</td><td>DEVELOPER</td><td>production code</td></tr>
 *   <tr><td>{@value #GENERATE_TESTS}</td><td>GENERATE</td><td>TESTER</td><td>tests</td></tr>
 *   <tr><td>{@value #GENERATE_DOCS}</td><td>GENERATE</td><td>DOCUMENTER</td><td>README and documentation</td></tr>
 *   <tr><td>{@value #REPAIR}{@code /<round>}</td><td>VALIDATE_OUTPUT</td><td>DEVELOPER</td><td>replaces files that
 *       failed validation; only for a backend that {@linkplain OrchestratorBackend#supportsRepair() supports repair};
 *       what to fix is in {@link AgentContext#repair()}, the round also in parameter {@value #PARAM_ROUND}</td></tr>
 * </table>
 *
 * <p>Between them, the {@code GENERATE} tasks (and their children) must produce every planned file exactly once;
 * two tasks writing the same path is an error.
 */
public final class StandardTasks {

    /** Task id of the analysis. */
    public static final String ANALYZE = "analyze";
    /** Task id of the architecture design. */
    public static final String DESIGN_ARCHITECTURE = "design/architecture";
    /** Prefix of the per-feature design tasks. */
    public static final String DESIGN_FEATURE_PREFIX = "design/feature/";
    /** Task id of the layout. */
    public static final String STRUCTURE = "structure";
    /** Task id of the build files. */
    public static final String GENERATE_BUILD = "generate/build";
    /** Task id of the production code. */
    public static final String GENERATE_CODE = "generate/code";
    /** Task id of the tests. */
    public static final String GENERATE_TESTS = "generate/tests";
    /** Task id of the documentation. */
    public static final String GENERATE_DOCS = "generate/docs";
    /**
     * Prefix of the repair tasks of {@code VALIDATE_OUTPUT}: round {@code n} is the task {@code repair/n}. A repair
     * result's files replace files the backend's tasks generated (a path that is not one of them fails the task);
     * paths are confined exactly as for {@code GENERATE}.
     */
    public static final String REPAIR = "repair";
    /** Parameter of a repair task: its round, {@code 1} for the first. */
    public static final String PARAM_ROUND = "round";
    /** Parameter: the features a task covers, one per line. */
    public static final String PARAM_FEATURES = "features";
    /** Parameter: {@code core} or {@code extended}. */
    public static final String PARAM_SCOPE = "scope";

    private StandardTasks() {
    }
}

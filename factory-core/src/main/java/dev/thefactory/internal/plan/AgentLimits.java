package dev.thefactory.internal.plan;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Complexity;
import java.util.Objects;

/**
 * The bounds of the chain reaction: the total agent budget per complexity, the most children an agent of each role
 * may spawn, and the deepest a task may sit in the agent tree.
 *
 * <table>
 *   <caption>Budgets and caps</caption>
 *   <tr><th>complexity</th><th>agent budget</th></tr>
 *   <tr><td>simple</td><td>20</td></tr>
 *   <tr><td>moderate</td><td>50</td></tr>
 *   <tr><td>complex</td><td>100</td></tr>
 *   <tr><td>extreme</td><td>200</td></tr>
 * </table>
 * Child caps per role: architect 10, developer 8, builder 8, tester 3, documenter 3, reviewer 3. Top-level tasks have
 * depth 0; a child has its parent's depth + 1; no task deeper than {@value #MAX_DEPTH} exists.
 *
 * <p>Stateless and thread-safe.
 */
public final class AgentLimits {

    /** The deepest a task may sit: a task at this depth spawns no children. */
    public static final int MAX_DEPTH = 10;

    private AgentLimits() {
    }

    /**
     * @param complexity the spec's complexity
     * @return the most agents (tasks, children included) one build may run on one backend
     */
    public static int budget(Complexity complexity) {
        return switch (Objects.requireNonNull(complexity, "complexity")) {
            case SIMPLE -> 20;
            case MODERATE -> 50;
            case COMPLEX -> 100;
            case EXTREME -> 200;
        };
    }

    /**
     * @param role an agent's role
     * @return the most children an agent of that role may spawn
     */
    public static int childCap(AgentRole role) {
        return switch (Objects.requireNonNull(role, "role")) {
            case ARCHITECT -> 10;
            case DEVELOPER, BUILDER -> 8;
            case TESTER, DOCUMENTER, REVIEWER -> 3;
        };
    }

    /**
     * How many children a task may spawn: the smallest of its role's cap and the allowance left in its subtree, and 0
     * at the maximum depth.
     *
     * @param role      the task's role
     * @param depth     the task's depth, {@code >= 0}
     * @param allowance the agents its subtree may still add, {@code >= 0}
     * @return 0 or more
     * @throws IllegalArgumentException on a negative depth or allowance
     */
    public static int maxChildren(AgentRole role, int depth, int allowance) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0 but was " + depth);
        }
        if (allowance < 0) {
            throw new IllegalArgumentException("allowance must be >= 0 but was " + allowance);
        }
        if (depth >= MAX_DEPTH) {
            return 0;
        }
        return Math.min(childCap(role), allowance);
    }

    /**
     * Splits what is left of a parent's allowance after it spawned {@code children} children among them, in order:
     * each gets an equal share and the first ones one more, so the split depends only on the numbers.
     *
     * @param leftover what is left of the parent's allowance, {@code >= 0}
     * @param children how many children, {@code >= 1}
     * @param index    the child's position, {@code 0 <= index < children}
     * @return the child's own allowance
     * @throws IllegalArgumentException on out-of-range arguments
     */
    public static int childAllowance(int leftover, int children, int index) {
        if (leftover < 0 || children < 1 || index < 0 || index >= children) {
            throw new IllegalArgumentException("expected leftover >= 0, children >= 1 and 0 <= index < children but "
                    + "were " + leftover + ", " + children + ", " + index);
        }
        return leftover / children + (index < leftover % children ? 1 : 0);
    }
}

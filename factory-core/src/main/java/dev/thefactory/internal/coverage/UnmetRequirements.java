package dev.thefactory.internal.coverage;

import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Words what a {@link FeatureRequirement policy} found missing: the one-line reason a backend was refused (for the
 * fallback record), one line per unmet requirement, and what a library caller can do about it. Stateless and
 * thread-safe.
 */
public final class UnmetRequirements {

    /** The part of the spec format guide that says what the built-in backend can implement. */
    public static final String SPEC_FORMAT_ANCHOR = "docs/spec-format.md#what-the-built-in-backend-understands";

    private static final int MAX_IDS_IN_REASON = 20;

    private UnmetRequirements() {
    }

    /**
     * @param backend the backend whose validated output did not meet the policy
     * @param policy  the policy
     * @param unmet   the requirements the policy needs that are not implemented; not empty
     * @return one line naming the backend, the policy and the unmet ids, then one line per unmet requirement
     */
    public static String refusal(String backend, FeatureRequirement policy, List<RequirementOutcome> unmet) {
        Objects.requireNonNull(policy, "policy");
        List<String> ids = unmet.stream().map(RequirementOutcome::id).toList();
        String shown = ids.size() > MAX_IDS_IN_REASON
                ? String.join(", ", ids.subList(0, MAX_IDS_IN_REASON)) + " and " + (ids.size() - MAX_IDS_IN_REASON)
                        + " more"
                : String.join(", ", ids);
        return "The output of backend '" + backend + "' passed validation, but " + ids.size() + " requirement"
                + (ids.size() == 1 ? "" : "s") + " the feature requirement " + policy + " needs "
                + (ids.size() == 1 ? "is" : "are") + " not implemented: " + shown + "\n  " + lines(unmet);
    }

    /**
     * @param unmet requirements that are not implemented
     * @return one line per requirement, {@code core-2 "text": NOT_IMPLEMENTED — reason}, joined by a newline and
     *         two spaces
     */
    public static String lines(List<RequirementOutcome> unmet) {
        List<String> lines = new ArrayList<>();
        for (RequirementOutcome outcome : unmet) {
            lines.add(line(outcome));
        }
        return String.join("\n  ", lines);
    }

    /**
     * @param outcome a requirement's outcome
     * @return {@code core-2 "text": PARTIAL — reason (not honoured: a, b)}
     */
    public static String line(RequirementOutcome outcome) {
        StringBuilder line = new StringBuilder().append(outcome.id()).append(" \"").append(outcome.text())
                .append("\": ").append(outcome.status());
        if (outcome.reason() != null) {
            line.append(" — ").append(outcome.reason());
        }
        if (outcome.status() == RequirementStatus.PARTIAL && !outcome.gaps().isEmpty()) {
            line.append(" (not honoured: ").append(String.join(", ", outcome.gaps())).append(')');
        }
        return line.toString();
    }

    /**
     * @param testsRan whether the generated tests were run in this build (without them no feature can be proven)
     * @return what a library caller can do when the policy was not met, most useful first
     */
    public static List<String> recoveryOptions(boolean testsRan) {
        return recoveryOptions(testsRan, List.of());
    }

    /** {@code install Python 3.12 or later}, as a toolchain check words it. */
    private static final java.util.regex.Pattern INSTALL = java.util.regex.Pattern.compile(
            "install ([A-Za-z.]+ [0-9][0-9.]* or later)");

    /** What the built-in backend's reason for a feature it left to a Python, Node.js or Go skeleton says. */
    static final String SKELETON_REASON = "generates only a skeleton in ";

    /** Words that name a language the built-in backend writes only as a skeleton that implements no feature. */
    private static final java.util.regex.Pattern SKELETON_LANGUAGE = java.util.regex.Pattern.compile(
            "(?i)(?<![a-z])(python|go|golang|node(\\.js)?|javascript)(?![a-z])");

    /**
     * @param testsRan whether the generated tests were run in this build (without them no feature can be proven)
     * @param unmet    the requirements the policy needed that were not implemented
     * @return what a library caller can do when the policy was not met, most useful first: for a language whose
     *         toolchain is too old, installing the version asked for; for a language the built-in backend writes
     *         only as a skeleton, asking for Java
     */
    public static List<String> recoveryOptions(boolean testsRan, List<RequirementOutcome> unmet) {
        List<String> options = new ArrayList<>();
        boolean skeleton = false;
        for (RequirementOutcome outcome : unmet) {
            if (outcome.reason() == null) {
                continue;
            }
            // a feature the built-in backend left to its skeleton says so in its reason (see the simple backend)
            skeleton |= outcome.reason().contains(SKELETON_REASON);
            if (outcome.section() != RequirementSection.TECH_STACK) {
                continue;
            }
            java.util.regex.Matcher install = INSTALL.matcher(outcome.reason());
            if (install.find()) {
                options.add("install " + install.group(1) + " where The Factory runs, so the generated tests of "
                        + outcome.id() + " \"" + outcome.text() + "\" can run");
            }
            skeleton |= SKELETON_LANGUAGE.matcher(outcome.text()).find();
        }
        if (skeleton) {
            options.add("ask for Java (Language: Java 17): the built-in backend implements features only in "
                    + "Java output; its Python, Node.js and Go projects are skeletons that implement none");
        }
        if (!testsRan) {
            options.add("run the generated tests (Factory.Builder.runGeneratedTests(true), the default): without "
                    + "them no feature can be proven implemented");
        }
        options.add("configure an integrated backend (Mode.AUTO or Mode.INTEGRATED with one on the class path, such "
                + "as the LLM backend of factory-llm) that can implement these requirements");
        options.add("publish anyway with FeatureRequirement.NONE (Factory.Builder.requireFeatures): the project is "
                + "published with what was implemented, and its ledger says what was not");
        options.add("rephrase the unmet requirements in words the built-in backend understands: see "
                + SPEC_FORMAT_ANCHOR);
        return List.copyOf(options);
    }

    /**
     * @param ledgers the ledgers of the backends the policy refused, in cascade order; not empty
     * @return the ledger that implemented most requirements; of equals, the earliest
     */
    public static VerifiedLedger best(List<VerifiedLedger> ledgers) {
        if (ledgers.isEmpty()) {
            throw new IllegalArgumentException("ledgers must not be empty");
        }
        VerifiedLedger best = ledgers.get(0);
        for (VerifiedLedger ledger : ledgers) {
            if (ledger.coverage().implemented() > best.coverage().implemented()) {
                best = ledger;
            }
        }
        return best;
    }
}

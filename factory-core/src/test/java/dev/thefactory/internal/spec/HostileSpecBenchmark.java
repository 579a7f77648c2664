package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how long each hostile spec takes to be rejected, under the default limits. A harness, not a timed test: it
 * asserts only that each input ends in a {@link SpecValidationException}. The target is under 2 000 ms for every
 * input (see {@code docs/spec-format.md}, "Performance note"). Run it with
 * {@code mvn -B -ntp -pl factory-core -am test -Dfactory.excludedGroups= -Dgroups=benchmark
 * -Dtest=HostileSpecBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class HostileSpecBenchmark {

    private static final int DEEP = 200_000;
    private static final int ROUNDS = 3;

    private record Input(String label, SpecFormat format, String content) {
    }

    private static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        StringBuilder laughs = new StringBuilder("name: X\ntype: library\nl0: &l0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        for (int level = 1; level <= 9; level++) {
            laughs.append('l').append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                laughs.append(i > 0 ? "," : "").append("*l").append(level - 1);
            }
            laughs.append("]\n");
        }
        inputs.add(new Input("YAML billion laughs", SpecFormat.YAML, laughs.toString()));
        inputs.add(new Input("JSON 200 000 deep", SpecFormat.JSON, "[".repeat(DEEP) + "]".repeat(DEEP)));
        inputs.add(new Input("YAML 200 000 deep", SpecFormat.YAML, "[\n".repeat(DEEP) + "]\n".repeat(DEEP)));
        inputs.add(new Input("Markdown 200 000 '>'", SpecFormat.MARKDOWN, ">".repeat(DEEP) + " x\n"));
        inputs.add(new Input("Markdown 200 000 list markers", SpecFormat.MARKDOWN, "- ".repeat(DEEP) + "x\n"));
        inputs.add(new Input("30 MB string", SpecFormat.MARKDOWN, "x".repeat(30 << 20)));
        inputs.add(new Input("1 MB line", SpecFormat.MARKDOWN, "a".repeat(1_000_000)));
        inputs.add(new Input("YAML 1 MB line", SpecFormat.YAML, "description: " + "a".repeat(1_000_000)));
        inputs.add(new Input("Markdown 200 000 empty items", SpecFormat.MARKDOWN, "# X\n\n## Type: library\n\n## Objectives\n\n"
                + "- \n".repeat(DEEP)));
        inputs.add(new Input("YAML 200 000 empty items", SpecFormat.YAML, "name: X\ntype: library\nobjectives:\n"
                + "- ''\n".repeat(DEEP)));
        inputs.add(new Input("Markdown 4 990 items (parsed)", SpecFormat.MARKDOWN,
                "# X\n\n## Type: library\n\n## Objectives\n\n" + "- an objective\n".repeat(4_990)));
        inputs.add(new Input("YAML 9 990 items (parsed)", SpecFormat.YAML, "name: X\ntype: library\nobjectives:\n"
                + "- an objective\n".repeat(9_990)));
        inputs.add(new Input("paragraph of '<'", SpecFormat.MARKDOWN, "# X\n\n" + "<a \n".repeat(30_000)));
        inputs.add(new Input("9 999 '<' (parsed)", SpecFormat.MARKDOWN, "# X\n\n- " + "<a ".repeat(9_999) + "\n"));
        inputs.add(new Input("9 990 emphasis markers", SpecFormat.MARKDOWN, "# X\n\n- " + "_*".repeat(4_995) + "\n"));
        inputs.add(new Input("duplicate keys", SpecFormat.JSON, "{\"name\": \"a\", \"name\": \"b\"}"));
        inputs.add(new Input("!!java tag", SpecFormat.YAML, "name: !!java.net.URL [\"http://x\"]\ntype: library\n"));
        return inputs;
    }

    @Test
    void timeToRejectEachHostileSpec() {
        SpecLoader loader = new SpecLoader(SpecLimits.defaults());
        // pay the one-time start-up (class loading, Bean Validation bootstrap) before measuring
        catchThrowableOfType(SpecValidationException.class, () -> loader.load("# X\n", SpecFormat.MARKDOWN, "warm"));
        System.out.println("input                            best ms   worst ms   (" + ROUNDS + " rounds; target < 2000)");
        for (Input input : inputs()) {
            long best = Long.MAX_VALUE;
            long worst = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                        () -> loader.load(input.content(), input.format(), input.label()));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(e).as(input.label()).isNotNull();
                best = Math.min(best, millis);
                worst = Math.max(worst, millis);
            }
            System.out.printf(Locale.ROOT, "%-32s %7d   %8d%n", input.label(), best, worst);
        }
    }
}

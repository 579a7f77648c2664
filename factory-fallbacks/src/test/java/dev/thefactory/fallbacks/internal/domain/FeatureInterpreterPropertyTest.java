package dev.thefactory.fallbacks.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.Interpretation;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the interpreter on any sentence made of the words features are written in. */
class FeatureInterpreterPropertyTest {

    private final FeatureInterpreter interpreter = new FeatureInterpreter();

    @Provide
    Arbitrary<String> sentences() {
        return Arbitraries.of("Add", "list", "delete", "mark", "Filter", "export", "count", "log", "in", "sign",
                "tasks", "orders", "users", "password", "title", "due", "date", "status", "with", "by", "to", "per",
                "across", "all", "the", "a", "and", ",", "(open, completed)", "(admins only)", "(low, high)",
                "PDF", "CSV", "HTTP", "302", "redirect", "email", "only", "admins", "can", "be", "completed",
                "shipped", "below", "threshold", "order_id", "values", "files", "using", "embeddings", "hashed",
                "stored", "as", "done", "priorities", "Task")
                .list().ofMinSize(1).ofMaxSize(12).map(words -> String.join(" ", words));
    }

    private static Set<String> words(String sentence) {
        Set<String> words = new HashSet<>();
        for (String token : sentence.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!token.isEmpty()) {
                words.add(token);
                words.add(Inflector.singular(token));
            }
        }
        return words;
    }

    @Property(tries = 500)
    void theSameSentenceGivesTheSameInterpretation(@ForAll("sentences") String sentence) {
        assertThat(interpreter.interpret(sentence)).isEqualTo(interpreter.interpret(sentence));
    }

    @Property(tries = 500)
    void entitiesAndGapsAreMadeOfTheSentencesWords(@ForAll("sentences") String sentence) {
        Set<String> words = words(sentence);
        Interpretation it = interpreter.interpret(sentence);
        if (!it.understood()) {
            assertThat(it.reason()).isNotBlank();
            assertThat(it.gaps()).isEmpty();
            return;
        }
        assertThat(it.entityWords()).allMatch(words::contains);
        for (String gap : it.gaps()) {
            assertThat(words(gap)).as("gap '%s' of '%s'", gap, sentence).isSubsetOf(words);
        }
        Domain domain = new DomainBuilder().build(ProjectSpec.builder("Property", ProjectType.API_SERVICE)
                .features(List.of(sentence), List.of()).build());
        FeatureMapping mapping = domain.features().get(0);
        if (mapping.supported()) {
            assertThat(Naming.words(mapping.entity())).as("entity of '%s'", sentence)
                    .allMatch(word -> words.contains(word) || word.equals("item") || word.equals("property"));
            assertThat(mapping.gaps()).containsAll(it.gaps());
        }
    }
}

package dev.thefactory.fallbacks.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Untrusted text always becomes safe names and safe literals. */
class NamingAndEscapeTest {

    @Property(tries = 500)
    void anyTextGivesASafeSlugPackageSegmentAndTypeName(@ForAll String text) {
        assertThat(Naming.slug(text)).matches(Naming.SLUG).hasSizeLessThanOrEqualTo(Naming.MAX_SLUG);
        String segment = Naming.packageSegment(text);
        assertThat(Naming.isPackage("com.example." + segment)).as(segment).isTrue();
        assertThat(Naming.typeName(text)).matches("[A-Z][A-Za-z0-9]{0,42}");
        assertThat(Naming.pythonPackage(text)).matches("[a-z][a-z0-9_]*");
    }

    @Property(tries = 500)
    void javaLiteralsAndCommentsCannotBeEscaped(@ForAll String text) {
        String literal = Escape.javaString(text);
        assertThat(literal).startsWith("\"").endsWith("\"").matches("[\\x20-\\x7e]*");
        String body = literal.substring(1, literal.length() - 1).replace("\\\\", "");
        assertThat(body).as("no unescaped quote").doesNotContainPattern("(?<!\\\\)\"");
        assertThat(body.toLowerCase(java.util.Locale.ROOT)).as("no Unicode escape javac would turn into a line break,"
                + " quote or backslash").doesNotContain("\\u000a", "\\u000d", "\\u0022", "\\u005c");
        String comment = Escape.javadoc(text);
        assertThat(comment).doesNotContain("*/").doesNotContain("\\").doesNotContain("@").doesNotContain("\n");
        assertThat(Escape.xml(text)).doesNotContain("<").doesNotContain(">").doesNotContain("\"");
        assertThat(Escape.properties(text)).matches("[\\x20-\\x7e]*");
    }

    @Test
    void namesKeywordsDigitsAndUnicodeSafely() {
        assertThat(Naming.packageSegment("class")).isEqualTo("classapp");
        assertThat(Naming.packageSegment("123")).isEqualTo("app123");
        assertThat(Naming.packageSegment("Ünïcödé")).isEqualTo("unicode");
        assertThat(Naming.slug("../../etc")).isEqualTo("etc");
        assertThat(Naming.slug("日本語")).isEqualTo("project");
        assertThat(Naming.typeName("todo app")).isEqualTo("TodoApp");
        assertThat(Naming.typeName("9 lives")).isEqualTo("App9Lives");
        assertThat(Naming.kebab("dueDate")).isEqualTo("due-date");
    }
}

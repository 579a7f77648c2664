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

    @Test
    void escapesEachKindOfTextExactly() {
        String text = "a\"b\\c\n\t<&>\u00e9\u0001 x*/y @z";
        assertThat(Escape.line(" a \n\t b\u2028c ")).isEqualTo("a b c");
        assertThat(Escape.javaString(text)).isEqualTo("\"a\\\"b\\\\c\\n\\t<&>\\u00e9\\u0001 x*/y @z\"");
        assertThat(Escape.jsonString(text)).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u003c\\u0026\\u003e\\u00e9\\u0001 x*/y @z\"");
        assertThat(Escape.pythonString(text)).isEqualTo(Escape.javaString(text));
        assertThat(Escape.javadoc(text)).isEqualTo("a\"b&#92;c &lt;&amp;&gt;&#233; x*&#47;y &#64;z");
        assertThat(Escape.comment(text)).isEqualTo("a\"b?c <&>? x*/y @z");
        assertThat(Escape.xml(text)).isEqualTo("a&quot;b\\c\n\t&lt;&amp;&gt;\u00e9 x*/y @z");
        assertThat(Escape.properties("a=b:c#d!e\\f \u00e9")).isEqualTo("a\\=b\\:c\\#d\\!e\\\\f \\u00e9");
        assertThat(Escape.markdown("# a*b_c|d`e")).isEqualTo("\\# a\\*b\\_c\\|d\\`e");
        assertThat(Escape.markdown("1. first")).isEqualTo("\\1. first");
    }
}

package dev.thefactory.fallbacks.internal.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns untrusted text (project names, nouns from feature sentences) into safe names: ASCII words, slugs,
 * Java packages, type and member identifiers, and the snake and kebab forms other languages use.
 *
 * <p>Every result contains only ASCII letters, digits and the separator of its form, never starts with a digit
 * where the target language forbids it, and never equals a keyword. Stateless and thread-safe; no method
 * accepts or returns null.
 */
public final class Naming {

    /** A lower-camel identifier as the domain model stores it: ASCII, starting with a lower-case letter. */
    public static final Pattern MEMBER = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    /** An upper-camel type name as the domain model stores it. */
    public static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,59}");
    /** A Java package made of safe segments. */
    public static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]{0,39}(\\.[a-z][a-z0-9_]{0,39}){0,5}");
    /** A slug: lower-case ASCII words joined by {@code -}. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Longest slug produced. */
    public static final int MAX_SLUG = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    /** Java keywords, literals and restricted identifiers, none of which may name anything. */
    public static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "true", "false", "null", "var", "yield", "record", "sealed", "permits", "exports", "module", "open",
            "opens", "provides", "requires", "to", "transitive", "uses", "with");

    /** Python keywords and soft keywords, plus the names of built-ins generated code relies on. */
    public static final Set<String> PYTHON_KEYWORDS = Set.of(
            "false", "none", "true", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match",
            "case", "type", "self", "cls", "id", "json", "csv", "re", "os", "sys", "dataclasses", "datetime",
            "decimal", "threading", "typing", "unittest", "list", "dict", "str", "int", "bool", "object", "field",
            "fields", "values", "tests", "test");

    private Naming() {
    }

    /**
     * @param segment a path segment, such as a package segment or a file name
     * @return true if Windows reserves it as a device name ({@code con}, {@code nul}, {@code com1}, ...) whatever its
     *         case and extension, so that no generated path may contain it
     */
    public static boolean isDeviceName(String segment) {
        int dot = segment.indexOf('.');
        String base = (dot < 0 ? segment : segment.substring(0, dot)).toLowerCase(Locale.ROOT);
        return base.matches("con|prn|aux|nul|conin\\$|conout\\$|com[0-9]|lpt[0-9]");
    }

    /**
     * Splits text into lower-case ASCII words: accents are removed, camel case and every non-alphanumeric
     * character separate words, and characters with no ASCII form are dropped.
     *
     * @param text any text
     * @return the words, possibly none
     */
    public static List<String> words(String text) {
        Objects.requireNonNull(text, "text");
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String spaced = CAMEL_BOUNDARY.matcher(ascii).replaceAll(" ");
        List<String> words = new ArrayList<>();
        for (String part : NON_ALNUM.split(spaced)) {
            if (!part.isEmpty()) {
                words.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * @param text a project name
     * @return lower-case words joined by {@code -}, at most {@value #MAX_SLUG} characters; {@code project} when
     *         nothing usable is left
     */
    public static String slug(String text) {
        StringBuilder slug = new StringBuilder();
        for (String word : words(text)) {
            if (slug.length() + word.length() + 1 > MAX_SLUG) {
                if (slug.length() == 0) {
                    slug.append(word, 0, MAX_SLUG);
                }
                break;
            }
            if (slug.length() > 0) {
                slug.append('-');
            }
            slug.append(word);
        }
        return slug.length() == 0 ? "project" : slug.toString();
    }

    /**
     * @param text a project name
     * @return a valid Java package segment: the slug's words run together, prefixed with {@code app} when it
     *         would start with a digit and suffixed with {@code app} when it is a keyword or a Windows device name
     */
    public static String packageSegment(String text) {
        String segment = slug(text).replace("-", "");
        if (segment.length() > 30) {
            segment = segment.substring(0, 30);
        }
        if (Character.isDigit(segment.charAt(0))) {
            segment = "app" + segment;
        }
        if (JAVA_KEYWORDS.contains(segment) || isDeviceName(segment)) {
            segment = segment + "app";
        }
        return segment;
    }

    /**
     * @param words lower-case words
     * @return the words in upper camel case ({@code due date} → {@code DueDate}); empty for no words
     */
    public static String pascal(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String word : words) {
            sb.append(capitalize(word));
        }
        return sb.toString();
    }

    /**
     * @param words lower-case words
     * @return the words in lower camel case ({@code due date} → {@code dueDate}); empty for no words
     */
    public static String camel(List<String> words) {
        String pascal = pascal(words);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /**
     * @param word a word
     * @return the word with its first letter in upper case
     */
    public static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * @param word a word
     * @return the word with its first letter in lower case
     */
    public static String decapitalize(String word) {
        return word.isEmpty() ? word : Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * @param camel a camel-case identifier
     * @return its kebab form ({@code dueDate} → {@code due-date})
     */
    public static String kebab(String camel) {
        return String.join("-", words(camel));
    }

    /**
     * @param camel a camel-case identifier
     * @return its snake form ({@code dueDate} → {@code due_date})
     */
    public static String snake(String camel) {
        return String.join("_", words(camel));
    }

    /**
     * @param camel a camel-case identifier
     * @return its constant form ({@code dueDate} → {@code DUE_DATE})
     */
    public static String constant(String camel) {
        return snake(camel).toUpperCase(Locale.ROOT);
    }

    /**
     * @param camel a camel-case member name
     * @return a Python identifier: its snake form, suffixed with {@code _value} when it is a keyword or a name the
     *         generated code uses itself
     */
    public static String pythonName(String camel) {
        String snake = snake(camel);
        return PYTHON_KEYWORDS.contains(snake) ? snake + "_value" : snake;
    }

    /**
     * @param text a project name
     * @return a Python package name: the slug in snake form, prefixed with {@code app_} when it would start with
     *         a digit and suffixed with {@code _app} when it is a keyword
     */
    public static String pythonPackage(String text) {
        String name = slug(text).replace('-', '_');
        if (Character.isDigit(name.charAt(0))) {
            name = "app_" + name;
        }
        if (PYTHON_KEYWORDS.contains(name) || JAVA_KEYWORDS.contains(name) || isDeviceName(name)) {
            name = name + "_app";
        }
        return name;
    }

    /**
     * @param text a project name
     * @return an upper-camel class name for the project, at most 40 characters, prefixed with {@code App} when it
     *         would start with a digit; {@code Project} when nothing usable is left
     */
    public static String typeName(String text) {
        String pascal = pascal(words(text));
        if (pascal.length() > 40) {
            pascal = pascal.substring(0, 40);
        }
        if (pascal.isEmpty()) {
            return "Project";
        }
        return Character.isDigit(pascal.charAt(0)) ? "App" + pascal : pascal;
    }

    /**
     * @param name a candidate
     * @return true if it is a lower-camel member name that is not a keyword
     */
    public static boolean isMember(String name) {
        return MEMBER.matcher(name).matches() && !JAVA_KEYWORDS.contains(name);
    }

    /**
     * @param name a candidate
     * @return true if it is an upper-camel type name
     */
    public static boolean isType(String name) {
        return TYPE.matcher(name).matches();
    }

    /**
     * @param name a candidate
     * @return true if it is a Java package of safe segments, none a keyword
     */
    public static boolean isPackage(String name) {
        if (!PACKAGE.matcher(name).matches()) {
            return false;
        }
        for (String segment : name.split("\\.")) {
            if (JAVA_KEYWORDS.contains(segment)) {
                return false;
            }
        }
        return true;
    }
}

package dev.thefactory.internal.output;

import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a {@code .properties} file is UTF-8 and loads with {@link Properties#load(java.io.Reader)}, which refuses
 * malformed {@code \\uXXXX} escapes; the problem names the line of the first bad escape. Thread-safe (stateless).
 */
final class PropertiesOutputValidator implements OutputValidator {

    /** A backslash-u that is not itself escaped and is not followed by four hex digits. */
    private static final Pattern BAD_UNICODE_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u(?![0-9a-fA-F]{4})");

    @Override
    public String id() {
        return "properties";
    }

    @Override
    public boolean supports(String relativePath) {
        return ProjectFiles.extension(relativePath).equals("properties");
    }

    @Override
    public ValidationOutcome validate(Path projectRoot, String relativePath) {
        String text;
        try {
            text = ProjectFiles.decodeUtf8(ProjectFiles.read(projectRoot, relativePath));
        } catch (CharacterCodingException e) {
            return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, 0, "is not valid UTF-8")));
        } catch (IOException e) {
            return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, 0, "cannot be read: " + e)));
        }
        try {
            new Properties().load(new StringReader(text));
            return ValidationOutcome.passed();
        } catch (IllegalArgumentException e) {
            return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, lineOfBadEscape(text),
                    e.getMessage() + " Write a backslash-u escape as four hex digits, e.g. \\u00e9, or escape the "
                            + "backslash")));
        } catch (IOException e) {
            return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, 0, "cannot be parsed: " + e)));
        }
    }

    /** @return the 1-based line of the first malformed escape, or 0 when it cannot be located */
    static int lineOfBadEscape(String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = BAD_UNICODE_ESCAPE.matcher(lines[i]);
            if (matcher.find()) {
                return i + 1;
            }
        }
        return 0;
    }
}

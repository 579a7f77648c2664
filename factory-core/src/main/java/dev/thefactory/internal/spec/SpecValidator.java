package dev.thefactory.internal.spec;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecValidationException.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation of a {@link ProjectSpec} with Hibernate Validator. The {@link ValidatorFactory} is expensive, so it
 * is created once, lazily, on first use (holder idiom) and shared; Hibernate Validator's {@link Validator} is
 * thread-safe. Messages are interpolated with {@link ParameterMessageInterpolator} (no expression language is
 * evaluated) in English. Stateless and thread-safe.
 */
final class SpecValidator {

    private SpecValidator() {
    }

    /** Created on first use; never closed (it lives as long as the class loader). */
    private static final class Holder {
        private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ROOT), Locale.ROOT, false))
                .buildValidatorFactory();
        private static final Validator VALIDATOR = FACTORY.getValidator();
    }

    /**
     * Violations ordered by source line (unknown lines last), then by field with list indexes compared as numbers
     * ({@code objectives[2]} before {@code objectives[10]}), then as found.
     */
    static final Comparator<Violation> SOURCE_ORDER = Comparator.<Violation>comparingInt(
            v -> v.line() > 0 ? v.line() : Integer.MAX_VALUE).thenComparing(Violation::field, SpecValidator::compareFields);

    /** Compares field paths, runs of digits by their numeric value. */
    static int compareFields(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = i;
                while (endA < a.length() && isDigit(a.charAt(endA))) {
                    endA++;
                }
                int endB = j;
                while (endB < b.length() && isDigit(b.charAt(endB))) {
                    endB++;
                }
                // equal-length digit runs compare like numbers; a shorter run (without leading zeros) is smaller
                int byLength = Integer.compare(endA - i, endB - j);
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = a.substring(i, endA).compareTo(b.substring(j, endB));
                if (byDigits != 0) {
                    return byDigits;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * @param spec       the spec to check
     * @param lines      field path → 1-based source line; may be empty
     * @param skipFields fields already reported by the reader (their constraint violations would repeat it)
     * @return every constraint violation, in source order; empty when the spec is valid
     */
    static List<Violation> validate(ProjectSpec spec, Map<String, Integer> lines, Set<String> skipFields) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<ProjectSpec> cv : Holder.VALIDATOR.validate(spec)) {
            String field = path(cv.getPropertyPath());
            if (skipFields.contains(field)) {
                continue;
            }
            violations.add(new Violation(field, cv.getMessage() + hint(field, cv), display(cv.getInvalidValue()),
                    lineFor(field, lines)));
        }
        violations.sort(SOURCE_ORDER.thenComparing(Violation::message));
        return violations;
    }

    /**
     * Keeps the first {@link SpecDraft#MAX_VIOLATIONS} violations and sums up the rest in one more, on the field
     * {@code (document)}.
     *
     * @param violations all violations, in the order to report them
     * @return at most {@code MAX_VIOLATIONS + 1} violations
     */
    static List<Violation> capped(List<Violation> violations) {
        if (violations.size() <= SpecDraft.MAX_VIOLATIONS) {
            return violations;
        }
        List<Violation> kept = new ArrayList<>(violations.subList(0, SpecDraft.MAX_VIOLATIONS));
        int rest = violations.size() - SpecDraft.MAX_VIOLATIONS;
        kept.add(Violation.of(SpecDraft.DOCUMENT, "and " + rest + " more problem" + (rest == 1 ? "" : "s")
                + " not listed; fix the ones above and run again"));
        return kept;
    }

    /** {@code features.core[2]}, {@code name}, {@code extras[Notes]}. */
    static String path(Path propertyPath) {
        StringBuilder s = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                Object where = node.getIndex() != null ? node.getIndex() : node.getKey();
                s.append('[').append(where == null ? "" : where).append(']');
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY && node.getName() != null) {
                s.append(s.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return s.toString();
    }

    /** The line of a path, else of its nearest parent ({@code features.core[2]} → {@code features.core} → ...). */
    static int lineFor(String field, Map<String, Integer> lines) {
        String path = field;
        while (!path.isEmpty()) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            int cut = Math.max(path.lastIndexOf('['), path.lastIndexOf('.'));
            if (cut <= 0) {
                break;
            }
            path = path.substring(0, cut);
        }
        return 0;
    }

    private static String hint(String field, ConstraintViolation<?> cv) {
        Class<? extends Annotation> type = cv.getConstraintDescriptor().getAnnotation().annotationType();
        if (type == NotBlank.class) {
            return field.equals("name") ? "; give the project a name" : "; write some text or remove the entry";
        }
        if (type == Size.class) {
            return cv.getInvalidValue() instanceof String ? "; shorten it" : "; use fewer entries";
        }
        return "";
    }

    private static String display(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            return c.size() + " entries";
        }
        if (value instanceof Map<?, ?> m) {
            return m.size() + " entries";
        }
        return value.toString();
    }
}

package dev.thefactory.fallbacks.internal.domain;

import java.util.List;
import java.util.Set;

/**
 * The shapes of field a spec may ask for that the generated types cannot hold as asked: several values in one field
 * ("a list of ingredients", "several tags", "courses" when courses are items of their own) and a date with a time
 * of day ("a start time", "a timestamp", {@code created_at}). The generated code keeps both as one text, so a
 * feature that asks for them names them as gaps instead of claiming them. Immutable and thread-safe.
 */
final class FieldShapes {

    /** Words that, first in a field phrase, make it hold several values: "a list of ingredients". */
    private static final Set<String> SEVERAL = Set.of("list", "lists", "several", "multiple", "many", "set", "sets",
            "collection", "array", "series");

    /** Last words of a field phrase that name a moment with its time of day. */
    private static final Set<String> MOMENTS = Set.of("time", "timestamp", "datetime", "moment", "instant");

    private FieldShapes() {
    }

    /**
     * @param words    a field's lower-case words
     * @param entities the lower-case singular head words of the spec's other kinds of item
     * @return true if the field holds several values: it starts with "list of", "several", "multiple" and their
     *         kin, or it is a plural that names another kind of item ("courses" when courses are added elsewhere)
     */
    static boolean severalValues(List<String> words, Set<String> entities) {
        if (words.isEmpty()) {
            return false;
        }
        if (SEVERAL.contains(words.get(0)) && words.size() > 1) {
            return true;
        }
        String last = words.get(words.size() - 1);
        String singular = Inflector.singular(last);
        return words.size() == 1 && !singular.equals(last) && entities.contains(singular);
    }

    /**
     * @param words a field's lower-case words
     * @return true if the field names a moment with a time of day: "start time", "timestamp", "created at"
     *         ({@code created_at}, {@code createdAt}), "date and time"
     */
    static boolean momentWithTime(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        return MOMENTS.contains(last) || (last.equals("at") && words.size() > 1);
    }

    /**
     * @param words a field's lower-case words
     * @return the gap that names how a field of this shape is kept, or null when the generated type holds it
     */
    static String gap(List<String> words, Set<String> entities) {
        String phrase = String.join(" ", words);
        if (severalValues(words, entities)) {
            return phrase + " (stored as one text)";
        }
        if (momentWithTime(words)) {
            return phrase + " (stored as text)";
        }
        return null;
    }
}

package dev.thefactory.fallbacks.internal.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * English singular and plural forms of lower-case nouns: the regular rules plus the common irregular and
 * uncountable words. Stateless and thread-safe.
 */
public final class Inflector {

    private static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
            Map.entry("people", "person"), Map.entry("children", "child"), Map.entry("men", "man"),
            Map.entry("women", "woman"), Map.entry("mice", "mouse"), Map.entry("geese", "goose"),
            Map.entry("feet", "foot"), Map.entry("teeth", "tooth"), Map.entry("leaves", "leaf"),
            Map.entry("knives", "knife"), Map.entry("wives", "wife"), Map.entry("lives", "life"),
            Map.entry("shelves", "shelf"), Map.entry("wolves", "wolf"), Map.entry("halves", "half"),
            Map.entry("calves", "calf"), Map.entry("loaves", "loaf"), Map.entry("thieves", "thief"),
            Map.entry("heroes", "hero"), Map.entry("potatoes", "potato"), Map.entry("tomatoes", "tomato"),
            Map.entry("echoes", "echo"), Map.entry("vetoes", "veto"), Map.entry("indices", "index"),
            Map.entry("matrices", "matrix"), Map.entry("vertices", "vertex"), Map.entry("analyses", "analysis"),
            Map.entry("crises", "crisis"), Map.entry("theses", "thesis"), Map.entry("criteria", "criterion"),
            Map.entry("phenomena", "phenomenon"), Map.entry("quizzes", "quiz"), Map.entry("oxen", "ox"),
            Map.entry("buses", "bus"), Map.entry("statuses", "status"), Map.entry("viruses", "virus"),
            Map.entry("bonuses", "bonus"), Map.entry("campuses", "campus"), Map.entry("movies", "movie"),
            Map.entry("cookies", "cookie"), Map.entry("zombies", "zombie"), Map.entry("rookies", "rookie"),
            Map.entry("selfies", "selfie"), Map.entry("smoothies", "smoothie"), Map.entry("brownies", "brownie"),
            Map.entry("pies", "pie"), Map.entry("ties", "tie"), Map.entry("lies", "lie"),
            Map.entry("caches", "cache"), Map.entry("niches", "niche"), Map.entry("headaches", "headache"),
            Map.entry("avalanches", "avalanche"), Map.entry("cliches", "cliche"),
            Map.entry("moustaches", "moustache"), Map.entry("mustaches", "mustache"));

    private static final Map<String, String> IRREGULAR_SINGULARS = invert(IRREGULAR_PLURALS);

    private static final Set<String> UNCOUNTABLE = Set.of("news", "series", "species", "data", "information",
            "equipment", "software", "hardware", "feedback", "metadata", "analytics", "status", "progress",
            "money", "music", "advice", "furniture", "luggage", "rice", "sheep", "fish", "deer", "inventory",
            "history", "content", "media", "staff", "stuff", "mail", "email", "gas", "bus", "campus", "virus",
            "bonus", "analysis", "basis", "crisis", "thesis", "class", "address", "process", "access", "business",
            "glass", "boss", "chess", "canvas", "atlas", "lens", "corpus", "census", "focus", "genus", "apparatus");

    private Inflector() {
    }

    private static Map<String, String> invert(Map<String, String> map) {
        Map<String, String> inverted = new HashMap<>();
        map.forEach((plural, singular) -> inverted.put(singular, plural));
        return Map.copyOf(inverted);
    }

    /**
     * @param word a lower-case noun
     * @return its singular form: {@code tasks → task}, {@code categories → category}, {@code entries → entry},
     *         {@code boxes → box}, {@code people → person}; a singular word is returned unchanged
     */
    public static String singular(String word) {
        String irregular = IRREGULAR_PLURALS.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (UNCOUNTABLE.contains(word) || word.length() < 3 || IRREGULAR_SINGULARS.containsKey(word)) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")
                || word.endsWith("zzes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("s")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * @param word a lower-case singular noun
     * @return its plural form: {@code task → tasks}, {@code category → categories}, {@code box → boxes},
     *         {@code person → people}; it always differs from the singular, even for uncountable words
     *         ({@code data → datas}), so that generated names for one item and for many never clash
     */
    public static String plural(String word) {
        String irregular = IRREGULAR_SINGULARS.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.endsWith("y") && word.length() > 1 && !isVowel(word.charAt(word.length() - 2))) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch")
                || word.endsWith("sh")) {
            return word + "es";
        }
        return word + "s";
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}

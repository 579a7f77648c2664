package dev.thefactory.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic fault injection, for demonstrating and testing recovery. Every decision is a function of the
 * {@code seed}, the task id and the attempt number only, so the same settings make the same attempts fail
 * whatever the thread scheduling or the order tasks run in.
 *
 * <ul>
 *   <li>{@code transientRate}: each task attempt fails with a transient (retryable) error with this probability;</li>
 *   <li>{@code permanentRate}: each task fails with a permanent (never retried) error with this probability;</li>
 *   <li>{@code latency}: added before every task attempt (and counted in its timeout);</li>
 *   <li>{@code failBackends}: every task attempt on a backend with one of these ids fails with a transient
 *       "connection refused" I/O error, as an unreachable service would;</li>
 *   <li>{@code seed}: the seed of every random decision.</li>
 * </ul>
 *
 * <p>The command-line form is read by {@link #parse(String)} and written by {@link #toSpec()}:
 * <pre>{@code
 * FaultInjection faults = FaultInjection.parse("transient-rate=0.3,latency=50ms,fail-backend=simple,seed=42");
 * }</pre>
 *
 * <p>Immutable and thread-safe. No component may be null; {@code failBackends} is copied into an unmodifiable,
 * sorted set.
 *
 * @param transientRate probability that a task attempt fails transiently; {@code 0.0..1.0}
 * @param permanentRate probability that a task fails permanently; {@code 0.0..1.0}
 * @param latency       delay added before each task attempt; {@code >= 0}, whole milliseconds
 * @param failBackends  ids of backends that behave as unreachable; may be empty, elements not blank
 * @param seed          the random seed
 */
public record FaultInjection(double transientRate, double permanentRate, Duration latency, Set<String> failBackends,
                             long seed) {

    private static final FaultInjection NONE = new FaultInjection(0.0, 0.0, Duration.ZERO, Set.of(), 0L);

    private static final String VALID_FORMS = "valid keys: transient-rate=<0.0..1.0>, permanent-rate=<0.0..1.0>, "
            + "latency=<n>ms or <n>s, fail-backend=<backend id> (may repeat), seed=<integer>; "
            + "pairs are separated by commas, e.g. 'transient-rate=0.3,latency=50ms,seed=42', or 'none'";

    private static final Pattern LATENCY = Pattern.compile("(\\d{1,12})\\s*(ms|s)");
    private static final Pattern BACKEND_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * @throws NullPointerException     when {@code latency} or {@code failBackends} (or one of its elements) is null
     * @throws IllegalArgumentException when a rate is outside {@code 0.0..1.0}, the latency is negative or not
     *                                  whole milliseconds, or a backend id is blank
     */
    public FaultInjection {
        requireRate(transientRate, "transientRate");
        requireRate(permanentRate, "permanentRate");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(failBackends, "failBackends");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0 but was " + latency);
        }
        if (!latency.equals(Duration.ofMillis(latency.toMillis()))) {
            throw new IllegalArgumentException("latency must be a whole number of milliseconds but was " + latency);
        }
        SortedSet<String> backends = new TreeSet<>();
        for (String backend : failBackends) {
            Objects.requireNonNull(backend, "failBackends element");
            if (backend.isBlank()) {
                throw new IllegalArgumentException("failBackends must not contain a blank backend id but was "
                        + failBackends);
            }
            backends.add(backend);
        }
        failBackends = Collections.unmodifiableSortedSet(backends);
    }

    /** @return no faults at all */
    public static FaultInjection none() {
        return NONE;
    }

    /** @return true when this injects nothing: both rates 0, no latency and no failing backend */
    public boolean isNone() {
        return transientRate == 0.0 && permanentRate == 0.0 && latency.isZero() && failBackends.isEmpty();
    }

    /**
     * Reads the command-line form: comma-separated {@code key=value} pairs, for example
     * {@code transient-rate=0.3,permanent-rate=0.1,latency=50ms,fail-backend=simple,seed=42}. Keys are
     * {@code transient-rate} and {@code permanent-rate} (numbers from 0.0 to 1.0), {@code latency} (a whole number
     * of {@code ms} or {@code s}), {@code fail-backend} (a backend id; may repeat) and {@code seed} (a long). Omitted
     * keys are 0, none or empty. Keys are case-insensitive and blanks around keys, values and pairs are ignored.
     * The single word {@code none} means {@link #none()}.
     *
     * @param spec the text to read
     * @return the settings it describes
     * @throws NullPointerException     when {@code spec} is null
     * @throws IllegalArgumentException naming the key, the value, and the valid keys and forms, when {@code spec}
     *                                  is blank, a pair has no {@code =}, a key is unknown or given twice, or a value
     *                                  is malformed or out of range
     */
    public static FaultInjection parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String text = spec.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("fault injection spec must not be blank; " + VALID_FORMS);
        }
        if (text.equalsIgnoreCase("none")) {
            return NONE;
        }
        Map<String, String> single = new LinkedHashMap<>();
        SortedSet<String> backends = new TreeSet<>();
        for (String pair : text.split(",", -1)) {
            String item = pair.strip();
            int eq = item.indexOf('=');
            if (item.isEmpty()) {
                throw new IllegalArgumentException("fault injection spec '" + spec
                        + "' has an empty pair (two commas in a row, or a comma at an end); " + VALID_FORMS);
            }
            if (eq < 0) {
                throw new IllegalArgumentException("fault injection pair '" + item + "' has no '=' (expected key=value); "
                        + VALID_FORMS);
            }
            String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).strip();
            switch (key) {
                case "transient-rate", "permanent-rate", "latency", "seed" -> {
                    if (single.putIfAbsent(key, value) != null) {
                        throw new IllegalArgumentException("fault injection key '" + key + "' is given twice (values '"
                                + single.get(key) + "' and '" + value + "'); give it once. " + VALID_FORMS);
                    }
                }
                case "fail-backend" -> {
                    if (!BACKEND_ID.matcher(value).matches()) {
                        throw new IllegalArgumentException("fault injection key 'fail-backend' has invalid value '"
                                + value + "': expected a backend id such as 'simple' or 'minimal' (letters, digits, "
                                + "'.', '_', '-'); " + VALID_FORMS);
                    }
                    backends.add(value);
                }
                default -> throw new IllegalArgumentException("fault injection key '" + key + "' (value '" + value
                        + "') is unknown; " + VALID_FORMS);
            }
        }
        double transientRate = parseRate("transient-rate", single.get("transient-rate"));
        double permanentRate = parseRate("permanent-rate", single.get("permanent-rate"));
        Duration latency = parseLatency(single.get("latency"));
        long seed = parseSeed(single.get("seed"));
        return new FaultInjection(transientRate, permanentRate, latency, backends, seed);
    }

    /**
     * Writes the command-line form {@link #parse(String)} reads, keys in a fixed order, omitting keys at their
     * default; {@code none} when {@link #isNone()} and the seed is 0.
     *
     * @return the command-line form; {@code parse(toSpec())} equals this
     */
    public String toSpec() {
        StringBuilder out = new StringBuilder();
        if (transientRate != 0.0) {
            append(out, "transient-rate=" + transientRate);
        }
        if (permanentRate != 0.0) {
            append(out, "permanent-rate=" + permanentRate);
        }
        if (!latency.isZero()) {
            append(out, "latency=" + latency.toMillis() + "ms");
        }
        for (String backend : failBackends) {
            append(out, "fail-backend=" + backend);
        }
        if (seed != 0L) {
            append(out, "seed=" + seed);
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    private static void append(StringBuilder out, String pair) {
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(pair);
    }

    private static double parseRate(String key, String value) {
        if (value == null) {
            return 0.0;
        }
        double rate;
        try {
            rate = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault injection key '" + key + "' has invalid value '" + value
                    + "': expected a number from 0.0 to 1.0, e.g. 0.3; " + VALID_FORMS, e);
        }
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("fault injection key '" + key + "' has invalid value '" + value
                    + "': expected a number from 0.0 to 1.0, e.g. 0.3; " + VALID_FORMS);
        }
        return rate;
    }

    private static Duration parseLatency(String value) {
        if (value == null) {
            return Duration.ZERO;
        }
        Matcher matcher = LATENCY.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("fault injection key 'latency' has invalid value '" + value
                    + "': expected a whole number followed by ms or s, e.g. 50ms or 2s; " + VALID_FORMS);
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    private static long parseSeed(String value) {
        if (value == null) {
            return 0L;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault injection key 'seed' has invalid value '" + value
                    + "': expected a whole number (a long), e.g. 42; " + VALID_FORMS, e);
        }
    }

    private static void requireRate(double rate, String name) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0.0 and 1.0 but was " + rate);
        }
    }
}

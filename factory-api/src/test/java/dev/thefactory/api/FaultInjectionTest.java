package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultInjectionTest {

    private static final String VALID_KEYS = "valid keys: transient-rate=<0.0..1.0>, permanent-rate=<0.0..1.0>, "
            + "latency=<n>ms or <n>s, fail-backend=<backend id> (may repeat), seed=<integer>";

    @Test
    void parsesTheFullCommandLineForm() {
        FaultInjection faults = FaultInjection.parse(
                "transient-rate=0.3,permanent-rate=0.1,latency=50ms,fail-backend=simple,seed=42");

        assertThat(faults).isEqualTo(new FaultInjection(0.3, 0.1, Duration.ofMillis(50), Set.of("simple"), 42));
        assertThat(faults.isNone()).isFalse();
    }

    @Test
    void omittedKeysAreZeroAndFailBackendMayRepeat() {
        FaultInjection faults = FaultInjection.parse("fail-backend=simple, fail-backend=minimal");

        assertThat(faults.transientRate()).isZero();
        assertThat(faults.permanentRate()).isZero();
        assertThat(faults.latency()).isZero();
        assertThat(faults.seed()).isZero();
        assertThat(faults.failBackends()).containsExactly("minimal", "simple");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latency=50ms | PT0.05S",
            "latency=2s | PT2S",
            "latency=0ms | PT0S",
            "LATENCY = 7 MS | PT0.007S"})
    void latencyAcceptsMillisecondsAndSeconds(String spec, String expected) {
        assertThat(FaultInjection.parse(spec).latency()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void keysAreCaseInsensitiveAndBlanksAreIgnored() {
        assertThat(FaultInjection.parse("  Transient-Rate = 1 ,SEED=-3 "))
                .isEqualTo(new FaultInjection(1.0, 0.0, Duration.ZERO, Set.of(), -3));
    }

    @Test
    void noneMeansNoFaults() {
        assertThat(FaultInjection.parse("none")).isEqualTo(FaultInjection.none());
        assertThat(FaultInjection.none().isNone()).isTrue();
        assertThat(FaultInjection.parse("seed=5").isNone()).as("a seed alone injects nothing").isTrue();
    }

    @Test
    void anUnknownKeyIsNamedWithItsValueAndTheValidKeys() {
        assertThatThrownBy(() -> FaultInjection.parse("transient-rate=0.1,crash=yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fault injection key 'crash' (value 'yes') is unknown; " + VALID_KEYS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "transient-rate=1.5 | key 'transient-rate' has invalid value '1.5': expected a number from 0.0 to 1.0",
            "transient-rate=abc | key 'transient-rate' has invalid value 'abc': expected a number from 0.0 to 1.0",
            "permanent-rate=-0.1 | key 'permanent-rate' has invalid value '-0.1': expected a number from 0.0 to 1.0",
            "permanent-rate=NaN | key 'permanent-rate' has invalid value 'NaN': expected a number from 0.0 to 1.0",
            "latency=50 | key 'latency' has invalid value '50': expected a whole number followed by ms or s",
            "latency=1.5s | key 'latency' has invalid value '1.5s': expected a whole number followed by ms or s",
            "latency=5m | key 'latency' has invalid value '5m': expected a whole number followed by ms or s",
            "latency=-5ms | key 'latency' has invalid value '-5ms': expected a whole number followed by ms or s",
            "seed=4.2 | key 'seed' has invalid value '4.2': expected a whole number (a long)",
            "seed= | key 'seed' has invalid value '': expected a whole number (a long)",
            "fail-backend= | key 'fail-backend' has invalid value '': expected a backend id",
            "fail-backend=../x | key 'fail-backend' has invalid value '../x': expected a backend id"})
    void aBadValueIsNamedWithItsKeyAndTheValidForms(String spec, String expected) {
        assertThatThrownBy(() -> FaultInjection.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fault injection " + expected)
                .hasMessageContaining(VALID_KEYS);
    }

    @Test
    void aKeyGivenTwiceIsRejected() {
        assertThatThrownBy(() -> FaultInjection.parse("seed=1,seed=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fault injection key 'seed' is given twice (values '1' and '2'); give it once.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankSpecIsRejected(String spec) {
        assertThatThrownBy(() -> FaultInjection.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fault injection spec must not be blank; " + VALID_KEYS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed=1,", ",seed=1", "seed=1,,latency=1s"})
    void anEmptyPairIsRejected(String spec) {
        assertThatThrownBy(() -> FaultInjection.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has an empty pair")
                .hasMessageContaining(VALID_KEYS);
    }

    @Test
    void aPairWithoutEqualsIsRejected() {
        assertThatThrownBy(() -> FaultInjection.parse("seed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fault injection pair 'seed' has no '=' (expected key=value); " + VALID_KEYS);
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> FaultInjection.parse(null))
                .isInstanceOf(NullPointerException.class).hasMessage("spec");
    }

    @Test
    void theConstructorChecksItsArguments() {
        assertThatThrownBy(() -> new FaultInjection(1.1, 0, Duration.ZERO, Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transientRate must be between 0.0 and 1.0 but was 1.1");
        assertThatThrownBy(() -> new FaultInjection(0, -1, Duration.ZERO, Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permanentRate must be between 0.0 and 1.0 but was -1.0");
        assertThatThrownBy(() -> new FaultInjection(0, 0, Duration.ofMillis(-1), Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("latency must be >= 0 but was PT-0.001S");
        assertThatThrownBy(() -> new FaultInjection(0, 0, Duration.ofNanos(1), Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latency must be a whole number of milliseconds but was PT0.000000001S");
        assertThatThrownBy(() -> new FaultInjection(0, 0, null, Set.of(), 0))
                .isInstanceOf(NullPointerException.class).hasMessage("latency");
        assertThatThrownBy(() -> new FaultInjection(0, 0, Duration.ZERO, null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("failBackends");
        assertThatThrownBy(() -> new FaultInjection(0, 0, Duration.ZERO, Set.of(" "), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failBackends must not contain a blank backend id but was [ ]");
    }

    @Test
    void failBackendsIsACopyThatCannotBeChanged() {
        Set<String> backends = new HashSet<>(Set.of("simple"));
        FaultInjection faults = new FaultInjection(0, 0, Duration.ZERO, backends, 0);
        backends.add("minimal");

        assertThat(faults.failBackends()).containsExactly("simple");
        assertThatThrownBy(() -> faults.failBackends().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "none",
            "transient-rate=0.3",
            "transient-rate=0.3,permanent-rate=0.1,latency=50ms,fail-backend=simple,seed=42",
            "latency=2000ms,fail-backend=a,fail-backend=b,seed=-9"})
    void toSpecWritesWhatParseReads(String spec) {
        FaultInjection faults = FaultInjection.parse(spec);

        assertThat(faults.toSpec()).isEqualTo(spec);
        assertThat(FaultInjection.parse(faults.toSpec())).isEqualTo(faults);
    }
}

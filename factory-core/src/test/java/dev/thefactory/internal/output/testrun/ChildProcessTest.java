package dev.thefactory.internal.output.testrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a test process prints is kept only in part; lines reach a listener as they come. */
class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void boundedOutputKeepsTheStartAndTheEndAndCountsTheRest() {
        BoundedOutput output = new BoundedOutput(4, 6);
        byte[] text = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);

        output.append(text, 0, 12);
        output.append(text, 12, 8);

        assertThat(output.total()).isEqualTo(20);
        assertThat(output.toString()).isEqualTo("0123\n[... 10 bytes of output omitted ...]\nefghij");
        assertThatThrownBy(() -> new BoundedOutput(-1, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("headLimit must be >= 0 and tailLimit >= 1 but were -1 and 6");
    }

    @Test
    void aProcessThatPrintsTwentyMegabytesIsKeptToTheLimits() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();

        ChildProcess.Outcome outcome = ChildProcess.run(List.of("sh", "-c",
                "head -c 20000000 /dev/zero | tr '\\0' x; echo; echo last line; exit 3"), dir,
                ChildEnvironment.of(System.getenv()).variables(), Duration.ofSeconds(60), lines::add);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.output().total()).isEqualTo(20_000_000L + 1 + 10);
        assertThat(outcome.output().toString()).hasSizeLessThan(ChildProcess.HEAD_BYTES + ChildProcess.TAIL_BYTES + 100)
                .endsWith("last line\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(ChildProcess.MAX_LINE);
        assertThat(lines.get(1)).isEqualTo("last line");
    }
}

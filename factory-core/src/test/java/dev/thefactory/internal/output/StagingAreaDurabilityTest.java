package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.internal.util.RecordingDisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: staged files are durable, including their directory entries (bug 5), and Unicode twins (bug 8). */
class StagingAreaDurabilityTest {

    @TempDir
    Path output;

    @Test
    void aStagedFileAndEveryDirectoryEntryOnTheWayAreForced() throws IOException {
        RecordingDisk disk = new RecordingDisk(output);
        StagingArea staging = StagingArea.open(output, "b1", OutputQuotas.defaults(), disk.files());
        assertThat(disk.steps()).containsExactly("force dir .", "force dir .staging");
        disk.clear();

        staging.write("src/App.java", "class App {}".getBytes(StandardCharsets.UTF_8));

        assertThat(disk.steps()).hasSize(4);
        assertThat(disk.steps().get(0)).isEqualTo("force dir .staging/b1");
        assertThat(disk.steps().get(1)).isEqualTo("force file");
        assertThat(disk.steps().get(3)).isEqualTo("force dir .staging/b1/src");
        disk.clear();
        staging.write("src/Other.java", "class Other {}".getBytes(StandardCharsets.UTF_8));
        assertThat(disk.count("force")).as("one file force, one directory force").isEqualTo(2);
    }

    @Test
    void aFailedDirectoryForceFailsTheWrite() {
        RecordingDisk disk = new RecordingDisk(output);
        StagingArea staging = StagingArea.open(output, "b1", OutputQuotas.defaults(), disk.files());
        disk.failing((step, from, to, count) -> step.equals("forceDirectory") ? new IOException("simulated: EIO")
                : null);

        assertThatThrownBy(() -> staging.write("a.txt", new byte[] {1})).isInstanceOf(FactoryException.class)
                .hasMessageContaining("a.txt").hasMessageContaining("simulated: EIO");
    }

    @Test
    void nfcAndNfdSpellingsOfOneNameAreOneFileAndTheSecondSpellingIsRefused() {
        StagingArea staging = StagingArea.open(output, "b1", OutputQuotas.defaults());
        String nfc = "docs/caf\u00e9.txt";
        String nfd = "docs/cafe\u0301.txt";
        assertThat(SafePaths.normalize(nfd)).isEqualTo(nfc);

        staging.write(nfc, new byte[] {1});
        assertThatThrownBy(() -> staging.write(nfd, new byte[] {2})).isInstanceOf(UnsafePathException.class)
                .hasMessageContaining(nfc).hasMessageContaining(nfd).hasMessageContaining("NFD");
        staging.write(nfc, new byte[] {3});

        assertThat(staging.files()).containsOnlyKeys(nfc);
        assertThat(staging.files().get(nfc).size()).isEqualTo(1);
        assertThat(TreeSnapshot.of(staging.root().resolve("docs"))).as("one file on disk").hasSize(2);
    }

    @Test
    void anNfdNameIsStagedUnderItsNfcName() {
        StagingArea staging = StagingArea.open(output, "b1", OutputQuotas.defaults());
        staging.write("cafe\u0301.txt", new byte[] {1});
        assertThat(staging.files()).containsOnlyKeys("caf\u00e9.txt");
        assertThat(TreeSnapshot.exists(staging.root().resolve("caf\u00e9.txt"))).isTrue();
    }
}

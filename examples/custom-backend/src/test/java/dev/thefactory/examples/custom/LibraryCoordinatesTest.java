package dev.thefactory.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LibraryCoordinatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Text Stats!          | text-stats   | com.example.textstats  | TextStats",
            "123 go               | 123-go       | com.example.lib123go   | Library123Go",
            "String               | string       | com.example.string     | StringLibrary",
            "List                 | list         | com.example.list       | ListLibrary",
            "Feature              | feature      | com.example.feature    | FeatureLibrary",
            "class                | class        | com.example.libclass   | ClassLibrary",
            "'!!! ../../etc ***'  | etc          | com.example.etc        | Etc",
            "Ünïcödé Tööls        | n-c-d-t-ls   | com.example.ncdtls     | NCDTLs",
            "'***'                | library      | com.example.library    | Library"
    })
    void derivesSafeNamesFromTheProjectName(String name, String artifactId, String packageName, String className) {
        LibraryCoordinates c = LibraryCoordinates.of(ProjectSpec.builder(name, ProjectType.LIBRARY).build());

        assertThat(c).isEqualTo(new LibraryCoordinates("com.example", artifactId, packageName, className));
    }

    @Test
    void travelsThroughFacts() {
        LibraryCoordinates c = LibraryCoordinates.of(ProjectSpec.builder("Text Stats", ProjectType.LIBRARY).build());

        assertThat(LibraryCoordinates.fromFacts(c.toFacts())).isEqualTo(c);
        assertThat(c.packagePath()).isEqualTo("com/example/textstats");
    }

    @Test
    void aMissingFactIsAPermanentFailureNamingIt() {
        assertThatThrownBy(() -> LibraryCoordinates.fromFacts(Map.of()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("fact 'library.groupId' is missing");
    }

    @Test
    void rejectsNamesThatAreNotJavaNames() {
        assertThatThrownBy(() -> new LibraryCoordinates("g", "a", "com.example.1x", "A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("packageName must be a valid Java package name but was 'com.example.1x'");
        assertThatThrownBy(() -> new LibraryCoordinates("g", "a", "p", "class"))
                .hasMessage("className must be a valid Java identifier but was 'class'");
        assertThatThrownBy(() -> new LibraryCoordinates("g", "A_b", "p", "A"))
                .hasMessage("artifactId must be lower-case letters and digits joined by '-' but was 'A_b'");
    }
}

package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.design.EntryPoint;
import dev.thefactory.fallbacks.internal.text.Escape;

/** Generates the Maven build, the ignore file and the settings of a Java project. Stateless and thread-safe. */
final class BuildTemplates {

    /** The JUnit version the generated project tests with. */
    static final String JUNIT = "5.14.1";
    /** The Surefire version the generated project pins. */
    static final String SUREFIRE = "3.5.4";
    /** The compiler plugin version the generated project pins. */
    static final String COMPILER = "3.14.0";
    /** The jar plugin version the generated project pins. */
    static final String JAR = "3.4.2";
    /** The clean plugin version the generated project pins. */
    static final String CLEAN = "3.4.1";
    /** The resources plugin version the generated project pins. */
    static final String RESOURCES = "3.3.1";
    /** The install plugin version the generated project pins. */
    static final String INSTALL = "3.1.4";

    private BuildTemplates() {
    }

    static String pom(Architecture a, String description, int release) {
        String mainClass = a.entryPoint() == EntryPoint.LIBRARY ? null : a.basePackage() + ".Main";
        StringBuilder jar = new StringBuilder();
        if (mainClass != null) {
            jar.append("""
                          <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-jar-plugin</artifactId>
                            <configuration>
                              <archive>
                                <manifest>
                                  <mainClass>${main}</mainClass>
                                </manifest>
                              </archive>
                            </configuration>
                          </plugin>
                    """.replace("${main}", mainClass));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>

                  <groupId>${groupId}</groupId>
                  <artifactId>${artifactId}</artifactId>
                  <version>0.1.0-SNAPSHOT</version>
                  <packaging>jar</packaging>

                  <name>${name}</name>
                  <description>${description}</description>

                  <properties>
                    <maven.compiler.release>${release}</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <project.reporting.outputEncoding>UTF-8</project.reporting.outputEncoding>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>${junit}</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>

                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin>
                          <groupId>org.apache.maven.plugins</groupId>
                          <artifactId>maven-clean-plugin</artifactId>
                          <version>${clean}</version>
                        </plugin>
                        <plugin>
                          <groupId>org.apache.maven.plugins</groupId>
                          <artifactId>maven-resources-plugin</artifactId>
                          <version>${resources}</version>
                        </plugin>
                        <plugin>
                          <groupId>org.apache.maven.plugins</groupId>
                          <artifactId>maven-jar-plugin</artifactId>
                          <version>${jarVersion}</version>
                        </plugin>
                        <plugin>
                          <groupId>org.apache.maven.plugins</groupId>
                          <artifactId>maven-install-plugin</artifactId>
                          <version>${install}</version>
                        </plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>${compiler}</version>
                        <configuration>
                          <release>${release}</release>
                          <compilerArgs>
                            <arg>-Xlint:all</arg>
                          </compilerArgs>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>${surefire}</version>
                      </plugin>
                ${jar}    </plugins>
                  </build>
                </project>
                """.replace("${groupId}", a.groupId()).replace("${artifactId}", a.artifactId())
                .replace("${name}", Escape.xml(a.displayName()))
                .replace("${description}", Escape.xml(Escape.line(description)))
                .replace("${junit}", JUNIT).replace("${compiler}", COMPILER).replace("${surefire}", SUREFIRE)
                .replace("${clean}", CLEAN).replace("${resources}", RESOURCES).replace("${jarVersion}", JAR)
                .replace("${install}", INSTALL).replace("${jar}", jar.toString())
                .replace("${release}", Integer.toString(release));
    }

    static String gitignore() {
        return """
                target/
                data/
                *.class
                *.log
                .idea/
                *.iml
                .vscode/
                .DS_Store
                """;
    }

    static String properties(Architecture a) {
        StringBuilder text = new StringBuilder();
        text.append("# Settings of ").append(Escape.properties(a.displayName())).append('\n');
        text.append("app.name=").append(Escape.properties(a.displayName())).append('\n');
        text.append("app.version=0.1.0-SNAPSHOT\n");
        if (a.entryPoint().http()) {
            text.append("server.port=8080\n");
        }
        text.append("# Where items are kept: memory (lost on exit) or file (one file per kind of item under\n")
                .append("# storage.directory). A system property of the same name wins: -Dstorage=memory\n");
        text.append("storage=").append(a.storage().code()).append('\n');
        text.append("storage.directory=data\n");
        return text.toString();
    }
}

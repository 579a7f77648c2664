package dev.thefactory.examples.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The CLI is a user of the library like any other: it uses the public API only. */
@AnalyzeClasses(packages = "dev.thefactory.examples", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTest {

    @ArchTest
    static final ArchRule noInternals = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.thefactory.internal..")
            .because("the CLI must be buildable from the public API (dev.thefactory, .api, .spi)");
}

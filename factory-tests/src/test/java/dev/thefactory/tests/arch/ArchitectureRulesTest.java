package dev.thefactory.tests.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering DESIGN.md promises, kept true by tests rather than by hope.
 */
@AnalyzeClasses(packages = "dev.thefactory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    @ArchTest
    static final ArchRule apiAndSpiDependOnNothingInternal = classes()
            .that().resideInAnyPackage("dev.thefactory.api..", "dev.thefactory.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "jakarta.validation..", "dev.thefactory.api..", "dev.thefactory.spi..")
            .because("the public API and SPI must not leak implementation types or third-party libraries");

    @ArchTest
    static final ArchRule fallbacksUseOnlyThePublicSpi = noClasses()
            .that().resideInAPackage("dev.thefactory.fallbacks..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.thefactory.internal..", "dev.thefactory")
            .because("the simple backend is built exactly as a third-party backend would be");

    @ArchTest
    static final ArchRule minimalBackendUsesOnlyThePublicSpi = classes()
            .that().resideInAPackage("dev.thefactory.internal.minimal..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "dev.thefactory.api..", "dev.thefactory.spi..", "dev.thefactory.internal.minimal..",
                    "org.slf4j..", "javax.lang.model..")
            .because("the minimal backend is the reference implementation of the backend SPI (the JDK's javax.lang.model tells Java keywords)");

    @ArchTest
    static final ArchRule failsafeStaysInsideCore = noClasses()
            .that().resideOutsideOfPackage("dev.thefactory.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.failsafe..")
            .because("Failsafe types stay out of the public API; our settings records are translated inside core");

    @ArchTest
    static final ArchRule noImplClassesOutsideInternal = noClasses()
            .that().resideOutsideOfPackages("dev.thefactory.internal..", "dev.thefactory.fallbacks.internal..")
            .should().haveSimpleNameEndingWith("Impl");
}

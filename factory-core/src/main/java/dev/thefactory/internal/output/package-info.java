/**
 * Where generated files go before and after validation: {@link dev.thefactory.internal.output.SafePaths} normalizes
 * and confines untrusted generated paths, {@link dev.thefactory.internal.output.StagingArea} writes them under
 * {@code <outputRoot>/.staging/<buildId>/} within {@link dev.thefactory.internal.output.OutputQuotas},
 * {@link dev.thefactory.internal.output.OutputValidation} checks the staged project (confinement, planned files,
 * content by type) and then runs its generated tests in separate processes (see
 * {@link dev.thefactory.internal.output.testrun}), and {@link dev.thefactory.internal.output.Publisher} moves a validated
 * project to {@code <outputRoot>/<slug>/} in one rename, replacing an earlier output only then.
 */
package dev.thefactory.internal.output;

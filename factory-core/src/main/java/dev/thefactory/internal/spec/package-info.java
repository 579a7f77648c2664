/**
 * The spec front door: reads a project specification from Markdown, YAML or JSON under hostile-input limits,
 * maps it onto {@link dev.thefactory.api.ProjectSpec} with the source line of every field, validates it with
 * Bean Validation and reports all problems at once as one {@link dev.thefactory.api.SpecValidationException};
 * also writes a spec back out ({@link dev.thefactory.internal.spec.SpecWriter}) and renders the normalized JSON the
 * CLI prints ({@link dev.thefactory.internal.spec.SpecJson}).
 */
package dev.thefactory.internal.spec;

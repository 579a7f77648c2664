/**
 * The public model of The Factory: the project specification ({@link dev.thefactory.api.ProjectSpec}), modes,
 * phases and roles, the build result, parser limits, and the exception hierarchy under
 * {@link dev.thefactory.api.FactoryException}. Everything here is immutable and free of implementation types.
 */
package dev.thefactory.api;

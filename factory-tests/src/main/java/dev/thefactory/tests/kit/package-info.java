/**
 * Contract test kits for implementers of The Factory's SPIs: extend the abstract class, supply your
 * implementation, and run it with JUnit 5 in your own build.
 */
package dev.thefactory.tests.kit;

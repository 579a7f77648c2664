/**
 * Modest project skeletons in languages other than Java (Python, JavaScript, Go). Their content is not
 * compile-checked by the simple backend, and every layout says so in its notes.
 */
package dev.thefactory.fallbacks.internal.other;

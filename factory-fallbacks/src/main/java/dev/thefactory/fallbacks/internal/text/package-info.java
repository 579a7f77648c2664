/**
 * Text helpers of the simple backend: turning untrusted names into safe identifiers, slugs and packages,
 * escaping text for each target language and format, the lower-case codes facts give enum constants, and an
 * indenting source builder. Nothing here touches the file system.
 */
package dev.thefactory.fallbacks.internal.text;

/** Small helpers shared by the core's internal packages. */
package dev.thefactory.internal.util;

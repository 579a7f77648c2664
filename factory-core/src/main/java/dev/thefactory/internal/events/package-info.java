/**
 * Delivery of build events: the dispatcher that fans each {@link dev.thefactory.api.event.BuildEvent} out to the
 * registered listeners (a listener that throws is logged and never fails the build) and the small factory that stamps
 * events with the build id and the build's clock. Internal: not part of the public API.
 */
package dev.thefactory.internal.events;

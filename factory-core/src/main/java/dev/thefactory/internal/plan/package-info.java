/**
 * The planner: turns a validated spec into a deterministic {@link dev.thefactory.internal.plan.BuildPlan} — the
 * top-level tasks of every phase with stable ids and progress weights, the agent budget of the spec's complexity,
 * and a child allowance per task that bounds the chain reaction (per-role child caps, a maximum depth and the total
 * budget). Work that does not fit the budget is grouped and reported, never dropped. Internal: not part of the
 * public API.
 */
package dev.thefactory.internal.plan;

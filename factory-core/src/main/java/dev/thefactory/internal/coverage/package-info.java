/**
 * The requirement ledger: {@link dev.thefactory.internal.coverage.RequirementLedger} turns the requirement claims a
 * backend's tasks made into the verified {@link dev.thefactory.api.Coverage} of the build (each file of a claim's
 * evidence must be in the validated output, each test must have run and passed; claims whose evidence fails are
 * downgraded, unclaimed requirements are not implemented), and
 * {@link dev.thefactory.internal.coverage.UnmetRequirements} words what a
 * {@link dev.thefactory.api.FeatureRequirement policy} found missing. Internal: not part of the public API.
 */
package dev.thefactory.internal.coverage;

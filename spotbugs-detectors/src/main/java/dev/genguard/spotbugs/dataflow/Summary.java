package dev.genguard.spotbugs.dataflow;

/**
 * What a helper method returns, from the caller's point of view: the value (a constant, or a type) and, when
 * every return hands back an object the helper tracked, that object's state at the returns (so a factory
 * configured by the helper arrives in the caller with its facts).
 */
record Summary(AbstractValue value, ObjectState state) {
}

package dev.genguard.engine.spotbugs;

/** Test classes: {@link Child} is analysed without {@link Parent}, as with a dependency missing from the class path. */
final class MissingSuper {

    private MissingSuper() {
    }

    static class Parent {
    }

    static class Child extends Parent {
    }
}

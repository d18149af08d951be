package dev.gilsim.interpreter;

/** G10: the default build has a GIL; a free-threaded build (3.13t, 3.14t) has none. */
public enum Build {
    GIL,
    FREE_THREADED
}

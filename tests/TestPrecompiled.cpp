// Compiled once to build the precompiled header that every Qt Test executable
// reuses (tests/CMakeLists.txt, cardlink_add_test): parsing <QTest> and the
// standard headers is most of a small test's compile time.

#ifndef QANDA_FUZZER_ENTRY_H
#define QANDA_FUZZER_ENTRY_H

/// Runs libFuzzer's driver on the target's LLVMFuzzerTestOneInput.
///
/// SwiftPM links every Swift executable with `--defsym main=<Module>_main` (so tests can link executables), and
/// a fuzz target built with `-parse-as-library` has no such symbol: each target defines `<Module>_main` with
/// @_cdecl and calls this, which is what libFuzzer's own main() does.
int qanda_fuzzer_main(int argc, char **argv);

#endif

#pragma once
// Spreading independent pieces of work over all cores: store-wide commands
// parse thousands of files, and yaml-cpp is slow enough for it to matter.
#include <cstddef>
#include <functional>

namespace caseload {

// Runs work(i) once for every i < count, on as many threads as there are
// cores (the calling thread among them). Once all are done, the exception
// of the lowest i that threw, if any, is rethrown: the one a loop in order
// would have met first.
void run_parallel(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace caseload

// The cold-load baseline of issue 7: a plain, single-threaded yaml-cpp load
// of every .yaml file under a store, as the program did before its cache and
// its threads. bench/run compares `caseload followups` (cold) against it.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: baseline_load STORE\n");
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  size_t maps = 0;
  for (const auto& path : files) {
    if (YAML::LoadFile(path.string()).IsMap()) ++maps;
  }
  std::printf("%zu files, %zu mappings\n", files.size(), maps);
  return 0;
}

#include "caseload/cli/editing.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "caseload/cli/common.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/validate.hpp"

namespace caseload {
namespace {
namespace fs = std::filesystem;

// The edited copy, read like any record: a regular file, never through a
// link, within the record size limit (the check then names an oversize copy).
std::string slurp(const fs::path& path) {
  FileRead r = read_regular_file(path, k_max_file_bytes);
  if (r.status != FileRead::ok)
    throw Error(fmt::format("cannot read the editing copy {}: {}", path.string(),
                            r.status == FileRead::failed ? std::strerror(r.error) : file_kind_name(path) + " stands there"),
                "run `caseload edit` again");
  return std::move(r.bytes);
}

// The copy lives under .caseload/ (untracked, owner-only), named by nothing
// but a random suffix, and ends in .yaml so editors highlight it.
fs::path make_copy(const Store& store, const std::string& bytes) {
  const fs::path dir = local_state_dir(store.root(), "edit");
  std::string tmpl = (dir / "record-XXXXXX.yaml").string();
  int fd = ::mkstemps(tmpl.data(), 5);
  if (fd < 0) throw Error(fmt::format("cannot create the editing copy under .caseload/edit: {}", std::strerror(errno)));
  ::close(fd);
  try {
    atomic_write(tmpl, bytes);
  } catch (const Error&) {  // a full disk: no empty copy is left behind
    ::unlink(tmpl.c_str());
    throw;
  }
  return tmpl;
}

Diagnostics problems(const Store& store, const std::string& path, const std::string& bytes, const Schema& schema) {
  Diagnostics found;
  try {
    Document doc = parse_document(path, bytes, schema);
    StoreFacts facts{&store.settings(), store.resource_ids()};
    validate_record(doc, facts, found);
  } catch (const DataError& e) {
    found.push_back({e.where(), Severity::Error, e.message()});
  }
  sort_diagnostics(found);
  return found;
}

bool ask_again(Context& ctx) {
  if (!ctx.can_prompt()) return false;
  ctx.err << "Re-open the editor to fix it? [Y/n] " << std::flush;
  std::string answer;
  if (!std::getline(ctx.in, answer)) return false;
  return answer.empty() || answer[0] == 'y' || answer[0] == 'Y';
}

}  // namespace

int edit_record(Context& ctx, const Store& store, const std::string& path, const Schema& schema) {
  const fs::path full = store.root() / path;
  if (!fs::is_regular_file(fs::symlink_status(full))) throw Error(fmt::format("no file {} in the store", path));
  const std::string original = read_store_file(store.root(), path);  // never through a link
  const fs::path copy = make_copy(store, original);
  for (;;) {
    run_editor(ctx, copy.string());
    const std::string edited = slurp(copy);
    if (edited == original) {
      fs::remove(copy);
      if (!ctx.global.quiet) ctx.out << "No changes.\n";
      return k_exit_ok;
    }
    Diagnostics found = problems(store, path, edited, schema);
    for (const auto& d : found) ctx.err << d.str() << '\n';
    if (found.empty()) break;
    // A warning may be a typo that loses a value (`rsik:` for `risk:`) or
    // may be meant: the worker decides, and without a terminal it is saved.
    if (!has_errors(found)) {
      if (ask_again(ctx)) continue;
      break;
    }
    if (!ask_again(ctx)) {
      throw Error(fmt::format("{} was not changed: the edited copy has errors", path),
                  fmt::format("your edit is kept in {}; fix it there and copy it over, or run `caseload edit` again",
                              copy.string()));
    }
  }
  Transaction tx(store, ctx.lock_wait());
  if (read_store_file(store.root(), path) != original) {
    throw Error(fmt::format("{} was changed by another command while you edited it; it was not replaced", path),
                fmt::format("your edit is kept in {}", copy.string()));
  }
  try {
    tx.write_raw(path, slurp(copy));  // as the user wrote it: hand edits are first-class
  } catch (const Error& e) {
    const std::string kept = fmt::format("your edit is kept in {}", copy.string());
    throw Error(e.what(), e.hint().empty() ? kept : kept + "; " + e.hint());
  }
  fs::remove(copy);
  if (!ctx.global.quiet) ctx.out << fmt::format("Saved {}\n", path);
  return k_exit_ok;
}

}  // namespace caseload

#pragma once
// The error hierarchy: thrown where a failure is found, caught once in main,
// which prints it and turns it into the exit code of SPEC 3.
#include <stdexcept>
#include <string>

namespace caseload {

enum ExitCode : int { k_exit_ok = 0, k_exit_error = 1, k_exit_usage = 2, k_exit_findings = 3 };

// A place in a file; line and col are 1-based, 0 when unknown.
struct Location {
  std::string path;
  int line = 0;
  int col = 0;
  std::string str() const;  // "path:line:col", "path:line" or "path"
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, std::string hint = {})
      : std::runtime_error(what), hint_(std::move(hint)) {}
  virtual int exit_code() const { return k_exit_error; }
  const std::string& hint() const { return hint_; }

 private:
  std::string hint_;
};

// Bad command line: exit 2.
class UsageError : public Error {
 public:
  using Error::Error;
  int exit_code() const override { return k_exit_usage; }
};

// A record on disk is broken; what() starts with path:line:col.
class DataError : public Error {
 public:
  DataError(const Location& where, const std::string& message, std::string hint = {})
      : Error(where.str() + ": " + message, std::move(hint)), where_(where), message_(message) {}
  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }  // without the location

 private:
  Location where_;
  std::string message_;
};

}  // namespace caseload

#pragma once
// A fast reader for the plain YAML that caseload and hand edits write:
// block maps and lists, one-line flow lists and maps, plain and quoted
// one-line scalars, `|` blocks. Store-wide commands read every file of the
// store when the cache is cold, and yaml-cpp takes ~80 µs a record (issue 7).
//
// It is a shortcut, never a second opinion: it accepts a file only when it
// is sure yaml-cpp reads the same tree from it and parse_document() finds
// nothing wrong (no duplicate key, no second document, no tab, no comment
// after a value ...). Anything else gives nullopt and the caller takes the
// full path, which reads the file or reports its error exactly as before.
// tests/unit/test_store_fast_yaml.cpp and fuzz/fuzz_fast_yaml.cpp hold it to
// that, by comparing the two readers' trees.
#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/core/diagnostic.hpp"

namespace caseload {

struct FastTree {
  enum class Kind : unsigned char { Null, Scalar, Map, Sequence };
  struct Node {
    Kind kind = Kind::Null;
    int line = 0, column = 0;  // 0-based, as YAML::Mark
    std::string_view key;      // when the node is a value in a map
    std::string value;         // when a scalar
    int first = -1, next = -1; // first child; next sibling
  };
  std::vector<Node> nodes;  // nodes[0] is the root
};

class FastNode;

// A map entry or a list item, as yaml-cpp's iterators give them: the item
// itself, or `first` (the key) and `second` (the value).
struct FastKey {
  std::string_view key;
  bool IsScalar() const { return true; }
  std::string Scalar() const { return std::string(key); }
};

// A read-only handle with the part of YAML::Node's interface that the
// decoders use, so that decode.cpp serves both readers.
class FastNode {
 public:
  FastNode() = default;
  FastNode(const FastTree* tree, int index) : tree_(tree), index_(index) {}

  bool IsDefined() const { return index_ >= 0; }
  bool IsNull() const { return IsDefined() && node().kind == FastTree::Kind::Null; }
  bool IsScalar() const { return IsDefined() && node().kind == FastTree::Kind::Scalar; }
  bool IsMap() const { return IsDefined() && node().kind == FastTree::Kind::Map; }
  bool IsSequence() const { return IsDefined() && node().kind == FastTree::Kind::Sequence; }
  const std::string& Scalar() const;
  YAML::Mark Mark() const;

  class iterator;
  iterator begin() const;
  iterator end() const;

 private:
  const FastTree::Node& node() const { return tree_->nodes[static_cast<size_t>(index_)]; }
  const FastTree* tree_ = nullptr;
  int index_ = -1;
};

struct FastEntry : FastNode {
  FastKey first;
  FastNode second;
};

class FastNode::iterator {
 public:
  iterator(const FastTree* tree, int index) : tree_(tree), index_(index) { fill(); }
  const FastEntry& operator*() const { return entry_; }
  const FastEntry* operator->() const { return &entry_; }
  iterator& operator++();
  bool operator==(const iterator& o) const { return index_ == o.index_; }
  bool operator!=(const iterator& o) const { return index_ != o.index_; }

 private:
  void fill();
  const FastTree* tree_;
  int index_;
  FastEntry entry_;
};

// The fast reader's counterparts of the functions of document.hpp.
FastNode child(const FastNode& map, std::string_view key);
std::optional<std::string> get_string(const FastNode& map, std::string_view key);
std::vector<std::string> get_strings(const FastNode& map, std::string_view key);

// A record file read by the fast reader; decode.hpp decodes it as it does a
// Document.
struct FastDocument {
  std::string path;
  std::string text;  // the nodes' keys point into it
  FastTree tree;

  FastNode root() const { return FastNode(&tree, 0); }
  Location where(const FastNode& node) const;
};

// The document, or null when the text is not in the subset described above
// (the caller then uses parse_document). On success the document takes the
// text (its keys point into it); on failure `text` is left as it was.
std::unique_ptr<FastDocument> parse_fast(const std::string& path, std::string& text);

// The tree as one line of text (kinds, keys, scalars with their line and
// column), for tests that compare the two readers.
std::string outline(const YAML::Node& node);
std::string outline(const FastNode& node);

}  // namespace caseload

#include "caseload/store/merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "caseload/core/plan.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/emit.hpp"
#include "caseload/store/record_types.hpp"
#include "record_hooks.hpp"

namespace caseload {
namespace {

using Side = MergeSide;

// The merge runs twice when there are conflicts: once giving each conflict
// our value, once their value. The two results differ exactly at the
// conflicts, so a line diff of the two emitted texts puts the markers around
// just those fields, with the rest of the record in canonical form.
struct Pass {
  Side resolve = Side::Ours;
  std::vector<std::string> conflicts;
  std::map<std::string, Side> decided;  // as MergeVersions::decided
};

// What the schema says about a value: its kind and, for maps and lists of
// maps, the nested record. Users' own keys have kind Any and no schema.
struct Shape {
  FieldKind kind = FieldKind::Any;
  const Schema* nested = nullptr;
};

Shape shape_of(const Schema* schema, const std::string& key) {
  const Field* f = schema ? schema->find(key) : nullptr;
  return f ? Shape{f->kind, f->nested} : Shape{};
}

YAML::Node absent() { return YAML::Node(YAML::NodeType::Undefined); }

std::string field_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// Deep equality of content (scalars by text, maps whatever their key order).
bool same(const YAML::Node& a, const YAML::Node& b) {
  if (!a.IsDefined() || !b.IsDefined()) return a.IsDefined() == b.IsDefined();
  if (a.Type() != b.Type()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (a.size() != b.size()) return false;
  if (a.IsSequence()) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (!same(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.IsMap()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!it->first.IsScalar() || !same(it->second, child(b, it->first.Scalar()))) return false;
    }
  }
  return true;
}

YAML::Node side_value(Side side, const YAML::Node& ours, const YAML::Node& theirs) {
  return side == Side::Ours ? ours : theirs;
}

YAML::Node conflict(const YAML::Node& ours, const YAML::Node& theirs, const std::string& path, Pass& pass) {
  if (auto d = pass.decided.find(path); d != pass.decided.end()) return side_value(d->second, ours, theirs);
  pass.conflicts.push_back(path);
  return side_value(pass.resolve, ours, theirs);
}

// Result order of keys (or list items): ours' order, with each one only
// theirs has placed before the next one theirs has after it that is already
// placed, or at the end. So additions stay where their author put them, and
// where both sides appended, ours' come first.
std::vector<std::string> merged_order(const std::vector<std::string>& ours, const std::vector<std::string>& theirs) {
  std::vector<std::string> order = ours;
  auto placed = [&](const std::string& k) { return std::find(order.begin(), order.end(), k); };
  for (size_t i = 0; i < theirs.size(); ++i) {
    if (placed(theirs[i]) != order.end()) continue;
    auto at = order.end();
    for (size_t j = i + 1; j < theirs.size() && at == order.end(); ++j) at = placed(theirs[j]);
    order.insert(at, theirs[i]);
  }
  return order;
}

std::optional<YAML::Node> merge_both_changed(const YAML::Node& base, const YAML::Node& ours,
                                             const YAML::Node& theirs, Shape shape, const std::string& path,
                                             Pass& pass);

// The three-way rule for one value; an absent value (undefined node) is a
// deleted or never-added key.
YAML::Node merge_value(const YAML::Node& base, const YAML::Node& ours, const YAML::Node& theirs, Shape shape,
                       const std::string& path, Pass& pass) {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (auto merged = merge_both_changed(base, ours, theirs, shape, path, pass)) return *merged;
  return conflict(ours, theirs, path, pass);
}

// ---- maps ------------------------------------------------------------------

bool scalar_keys(const YAML::Node& map) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) return false;
  }
  return true;
}

std::vector<std::string> keys_of(const YAML::Node& map) {
  std::vector<std::string> keys;
  for (auto it = map.begin(); it != map.end(); ++it) keys.push_back(it->first.Scalar());
  return keys;
}

// The key node as written (its style survives), from whichever side has it.
YAML::Node key_node(const YAML::Node& ours, const YAML::Node& theirs, const std::string& key) {
  for (const YAML::Node* map : {&ours, &theirs}) {
    for (auto it = map->begin(); it != map->end(); ++it) {
      if (it->first.Scalar() == key) return it->first;
    }
  }
  return YAML::Node(key);
}

std::optional<YAML::Node> merge_map(const YAML::Node& base, const YAML::Node& ours, const YAML::Node& theirs,
                                    const Schema* schema, const std::string& path, Pass& pass) {
  if (!scalar_keys(base) || !scalar_keys(ours) || !scalar_keys(theirs)) return std::nullopt;
  YAML::Node out(YAML::NodeType::Map);
  for (const auto& key : merged_order(keys_of(ours), keys_of(theirs))) {
    YAML::Node v = merge_value(child(base, key), child(ours, key), child(theirs, key), shape_of(schema, key),
                               field_path(path, key), pass);
    if (v.IsDefined()) out.force_insert(key_node(ours, theirs, key), v);
  }
  return out;
}

// ---- lists of scalars: sets -------------------------------------------------

bool all_scalars(const YAML::Node& seq) {
  return std::all_of(seq.begin(), seq.end(), [](const YAML::Node& n) { return n.IsScalar(); });
}

bool holds(const YAML::Node& seq, const std::string& value) {
  return std::any_of(seq.begin(), seq.end(), [&](const YAML::Node& n) { return n.Scalar() == value; });
}

// Base order without what either side removed, then ours' additions, then theirs'.
YAML::Node merge_set(const YAML::Node& base, const YAML::Node& ours, const YAML::Node& theirs) {
  YAML::Node out(YAML::NodeType::Sequence);
  auto add = [&](const YAML::Node& n) {
    if (!holds(out, n.Scalar())) out.push_back(n);
  };
  for (const auto& n : base) {
    if (holds(ours, n.Scalar()) && holds(theirs, n.Scalar())) add(n);
  }
  for (const YAML::Node* side : {&ours, &theirs}) {
    for (const auto& n : *side) {
      if (!holds(base, n.Scalar())) add(n);
    }
  }
  return out;
}

// ---- lists of records, by a natural key -------------------------------------

struct ListKey {
  std::vector<std::string_view> fields;
  bool printable;  // false when the key is personal data (a household member's name)
};

std::optional<ListKey> list_key(const Schema* nested) {
  if (!nested) return std::nullopt;
  if (!nested->merge_key.empty()) return ListKey{nested->merge_key, !nested->merge_key_is_personal};
  if (nested->find("id")) return ListKey{{"id"}, true};  // goals, tasks, workers, domains, programs
  return std::nullopt;
}

using Keyed = std::vector<std::pair<std::string, YAML::Node>>;

// The items by key; none when an item is not a record, lacks a key field,
// or two items share a key (the list cannot be merged item by item then).
std::optional<Keyed> by_key(const YAML::Node& seq, const ListKey& key) {
  Keyed items;
  for (const auto& item : seq) {
    std::string k;
    for (auto f : key.fields) {
      auto v = get_string(item, f);
      if (!v) return std::nullopt;
      k += (k.empty() ? "" : " ") + *v;
    }
    if (std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.first == k; })) return std::nullopt;
    items.emplace_back(k, item);
  }
  return items;
}

YAML::Node item(const Keyed& items, const std::string& key) {
  for (const auto& [k, node] : items) {
    if (k == key) return node;
  }
  return absent();
}

std::vector<std::string> keys_of(const Keyed& items) {
  std::vector<std::string> keys;
  for (const auto& i : items) keys.push_back(i.first);
  return keys;
}

std::optional<YAML::Node> merge_keyed(const YAML::Node& base, const YAML::Node& ours, const YAML::Node& theirs,
                                      const ListKey& key, const Schema* nested, const std::string& path,
                                      Pass& pass) {
  auto b = by_key(base, key), o = by_key(ours, key), t = by_key(theirs, key);
  if (!b || !o || !t) return std::nullopt;
  YAML::Node out(YAML::NodeType::Sequence);
  for (const auto& k : merged_order(keys_of(*o), keys_of(*t))) {
    const std::string label = key.printable ? k : std::to_string(out.size() + 1);
    YAML::Node v = merge_value(item(*b, k), item(*o, k), item(*t, k), Shape{FieldKind::Map, nested},
                               path + "[" + label + "]", pass);
    if (v.IsDefined()) out.push_back(v);
  }
  return out;
}

// ---- append-only histories --------------------------------------------------

struct MergedHistory {
  YAML::Node entries;
  std::optional<Side> last_from;  // the side whose entry ends the merged history
};

// The entries `side` appended to `base`; none when it changed base's entries.
std::optional<std::vector<YAML::Node>> appended(const YAML::Node& base, const YAML::Node& side) {
  if (!side.IsSequence() || side.size() < base.size()) return std::nullopt;
  for (size_t i = 0; i < base.size(); ++i) {
    if (!same(base[i], side[i])) return std::nullopt;
  }
  std::vector<YAML::Node> added;
  for (size_t i = base.size(); i < side.size(); ++i) added.push_back(side[i]);
  return added;
}

// Every move of the merged history must still be one the lifecycle allows:
// two sides moving on from the same status (accepted here, declined there)
// is a true conflict, not something to merge.
bool lifecycle_holds(const YAML::Node& entries) {
  std::optional<std::string> from;
  for (const auto& e : entries) {
    auto to = get_string(e, "status");
    if (!to) return false;
    if (from && *from != *to && !referral_transition_allowed(*from, *to)) return false;
    from = to;
  }
  return true;
}

// Base's entries, then what each side appended, in date order (stable: ours
// first on the same day); an entry both sides appended alike is kept once.
std::optional<MergedHistory> merge_history(const YAML::Node& base, const YAML::Node& ours, const YAML::Node& theirs) {
  const YAML::Node b = base.IsSequence() ? base : YAML::Node(YAML::NodeType::Sequence);
  auto o = appended(b, ours), t = appended(b, theirs);
  if (!o || !t) return std::nullopt;
  std::vector<std::pair<YAML::Node, Side>> tail;
  for (const auto& e : *o) tail.emplace_back(e, Side::Ours);
  for (const auto& e : *t) {
    auto twin = std::find_if(tail.begin(), tail.end(), [&](const auto& x) { return x.second == Side::Ours && same(x.first, e); });
    if (twin == tail.end()) tail.emplace_back(e, Side::Theirs);
  }
  // Sorted by index: assigning a YAML::Node would overwrite the node it refers to.
  std::vector<size_t> order(tail.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto date = [&](size_t i) { return get_string(tail[i].first, "date").value_or(""); };
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return date(x) < date(y); });
  MergedHistory merged{YAML::Node(YAML::NodeType::Sequence), std::nullopt};
  for (const auto& e : b) merged.entries.push_back(e);
  for (size_t i : order) merged.entries.push_back(tail[i].first);
  if (!order.empty()) merged.last_from = tail[order.back()].second;
  if (!lifecycle_holds(merged.entries)) return std::nullopt;
  return merged;
}

// A referral's status and follow-up describe its latest step. When both
// sides changed them, the side whose history entry comes last in the merged
// history (the later step) supplies both, so the status agrees with the
// history's last entry, as `check` requires.
MergeVersions decide_referral(const MergeVersions& v) {
  MergeVersions out = v;
  auto h = merge_history(child(v.base, "history"), child(v.ours, "history"), child(v.theirs, "history"));
  if (!h || !h->last_from) return out;
  out.decided["status"] = *h->last_from;
  out.decided["follow_up"] = *h->last_from;
  return out;
}

// ---- dispatch ----------------------------------------------------------------

// A value of another type in base (a null, a scalar) counts as an empty one.
YAML::Node base_as(const YAML::Node& base, YAML::NodeType::value type) {
  return base.IsDefined() && base.Type() == type ? base : YAML::Node(type);
}

std::optional<YAML::Node> merge_list(const YAML::Node& base, const YAML::Node& ours, const YAML::Node& theirs,
                                     Shape shape, const std::string& path, Pass& pass) {
  const YAML::Node b = base_as(base, YAML::NodeType::Sequence);
  if (shape.nested && shape.nested->append_only) {
    auto h = merge_history(b, ours, theirs);
    return h ? std::optional<YAML::Node>(h->entries) : std::nullopt;
  }
  if (auto key = list_key(shape.nested)) return merge_keyed(b, ours, theirs, *key, shape.nested, path, pass);
  if (all_scalars(b) && all_scalars(ours) && all_scalars(theirs)) return merge_set(b, ours, theirs);
  return std::nullopt;  // users' own lists of records: order and identity unknown
}

std::optional<YAML::Node> merge_both_changed(const YAML::Node& base, const YAML::Node& ours,
                                             const YAML::Node& theirs, Shape shape, const std::string& path,
                                             Pass& pass) {
  if (ours.IsMap() && theirs.IsMap())
    return merge_map(base_as(base, YAML::NodeType::Map), ours, theirs, shape.nested, path, pass);
  if (ours.IsSequence() && theirs.IsSequence()) return merge_list(base, ours, theirs, shape, path, pass);
  return std::nullopt;  // scalars changed differently, or deleted on one side and changed on the other
}

// ---- plan IDs ----------------------------------------------------------------

std::vector<YAML::Node> goals_of(const YAML::Node& plan) {
  std::vector<YAML::Node> goals;
  for (const auto& g : child(plan, "goals")) {
    if (g.IsMap()) goals.push_back(g);
  }
  return goals;
}

// Every task of the plan with the ID of its goal.
std::vector<std::pair<std::string, YAML::Node>> tasks_of(const YAML::Node& plan) {
  std::vector<std::pair<std::string, YAML::Node>> tasks;
  for (const auto& g : goals_of(plan)) {
    for (const auto& t : child(g, "tasks")) {
      if (t.IsMap()) tasks.emplace_back(get_string(g, "id").value_or(""), t);
    }
  }
  return tasks;
}

std::vector<std::string> ids_of(const std::vector<YAML::Node>& items) {
  std::vector<std::string> ids;
  for (const auto& i : items) ids.push_back(get_string(i, "id").value_or(""));
  return ids;
}

std::vector<std::string> goal_ids_of(const YAML::Node& plan) { return ids_of(goals_of(plan)); }

std::vector<std::string> task_ids_of(const YAML::Node& plan) {
  std::vector<std::string> ids;
  for (const auto& [goal, t] : tasks_of(plan)) ids.push_back(get_string(t, "id").value_or(""));
  return ids;
}

// Every ID the three versions use is taken: IDs are never reused.
std::vector<std::string> all_ids(std::vector<std::string> (*ids)(const YAML::Node&), const YAML::Node& base,
                                 const YAML::Node& ours, const YAML::Node& theirs) {
  std::vector<std::string> all = ids(base);
  for (const YAML::Node* side : {&ours, &theirs}) {
    for (auto& id : ids(*side)) all.push_back(std::move(id));
  }
  return all;
}

void renumber_goals(const YAML::Node& base, const YAML::Node& ours, YAML::Node& theirs) {
  std::vector<std::string> taken = all_ids(goal_ids_of, base, ours, theirs);
  for (auto g : goals_of(theirs)) {
    const std::string id = get_string(g, "id").value_or("");
    if (id.empty() || contains(goal_ids_of(base), id)) continue;
    auto twin = goals_of(ours);
    auto o = std::find_if(twin.begin(), twin.end(), [&](const YAML::Node& x) { return get_string(x, "id") == id; });
    if (o == twin.end() || same(*o, g)) continue;
    taken.push_back(next_plan_id(taken, 'g'));
    set_scalar(g, "id", taken.back());
  }
}

// Task IDs are unique in the whole plan, so a clash can span two goals.
void renumber_tasks(const YAML::Node& base, const YAML::Node& ours, YAML::Node& theirs) {
  std::vector<std::string> taken = all_ids(task_ids_of, base, ours, theirs);
  const auto ours_tasks = tasks_of(ours);
  for (auto [goal, t] : tasks_of(theirs)) {
    const std::string id = get_string(t, "id").value_or("");
    if (id.empty() || contains(task_ids_of(base), id)) continue;
    auto o = std::find_if(ours_tasks.begin(), ours_tasks.end(),
                          [&](const auto& x) { return get_string(x.second, "id") == id; });
    if (o == ours_tasks.end() || (o->first == goal && same(o->second, t))) continue;
    taken.push_back(next_plan_id(taken, 't'));
    set_scalar(t, "id", taken.back());
  }
}

// In a sync, git replays the local commits one by one. When an earlier one
// added a goal or task whose ID the merge gave to another (theirs' g1 became
// g2), the later commits still call it g1, in their base too. Such an item is
// recognised by its text: base's g1 is not ours' g1 but ours' new g2 with the
// same text, so base and theirs are renamed to match before the merge.
std::string text_of(const YAML::Node& item) { return get_string(item, "text").value_or(""); }

std::optional<std::string> renamed_to(const std::vector<YAML::Node>& base_items, const std::vector<YAML::Node>& ours_items,
                                      const YAML::Node& item) {
  const std::string id = get_string(item, "id").value_or("");
  const auto base_ids = ids_of(base_items);
  for (const auto& o : ours_items) {
    if (get_string(o, "id") == id && text_of(o) == text_of(item)) return std::nullopt;  // the same item
  }
  std::optional<std::string> found;
  for (const auto& o : ours_items) {
    if (contains(base_ids, get_string(o, "id").value_or("")) || text_of(o) != text_of(item)) continue;
    if (found) return std::nullopt;  // two candidates: do not guess
    found = get_string(o, "id");
  }
  return found;
}

void rename_item(std::vector<YAML::Node> items, const std::string& from, const std::string& to) {
  for (auto& i : items) {
    if (get_string(i, "id") == from) set_scalar(i, "id", to);
  }
}

std::vector<YAML::Node> task_nodes(const YAML::Node& plan) {
  std::vector<YAML::Node> out;
  for (auto& [goal, t] : tasks_of(plan)) out.push_back(t);
  return out;
}

void follow_renumbered(YAML::Node& base, const YAML::Node& ours, YAML::Node& theirs) {
  for (const auto& g : goals_of(base)) {
    const std::string id = get_string(g, "id").value_or("");
    if (auto to = renamed_to(goals_of(base), goals_of(ours), g)) {
      rename_item(goals_of(theirs), id, *to);
      rename_item(goals_of(base), id, *to);
    }
  }
  for (const auto& t : task_nodes(base)) {
    const std::string id = get_string(t, "id").value_or("");
    if (auto to = renamed_to(task_nodes(base), task_nodes(ours), t)) {
      rename_item(task_nodes(theirs), id, *to);
      rename_item(task_nodes(base), id, *to);
    }
  }
}

// Goals and tasks both sides added under the same new ID are different
// items (each clone chose the next free ID on its own): both are kept and
// theirs' gets the next ID free in all three versions.
YAML::Node renumber_plan_ids(const YAML::Node& base, const YAML::Node& ours, const YAML::Node& theirs) {
  YAML::Node out = YAML::Clone(theirs);
  renumber_goals(base, ours, out);
  renumber_tasks(base, ours, out);
  return out;
}

// ---- conflict markers --------------------------------------------------------

using Lines = std::vector<std::string>;

// Lines of a and b in a diff order: 0 common, 1 only in a, 2 only in b.
// Longest common subsequence; past a size no record reaches, the whole
// middle is one difference (coarser markers, nothing lost).
std::vector<std::pair<int, std::string>> diff_lines(const Lines& a, const Lines& b) {
  std::vector<std::pair<int, std::string>> ops;
  const size_t n = a.size(), m = b.size();
  if (n * m > 4'000'000) {
    for (const auto& l : a) ops.emplace_back(1, l);
    for (const auto& l : b) ops.emplace_back(2, l);
    return ops;
  }
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.emplace_back(0, a[i++]);
      ++j;
    } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.emplace_back(1, a[i++]);
    } else {
      ops.emplace_back(2, b[j++]);
    }
  }
  return ops;
}

std::string with_markers(const std::string& ours, const std::string& theirs) {
  std::string out, a, b;
  auto flush = [&] {
    if (a.empty() && b.empty()) return;
    out += "<<<<<<< ours\n" + a + "=======\n" + b + ">>>>>>> theirs\n";
    a.clear();
    b.clear();
  };
  for (const auto& [op, line] : diff_lines(split_lines(ours), split_lines(theirs))) {
    if (op == 0) flush();
    (op == 0 ? out : op == 1 ? a : b) += line + "\n";
  }
  flush();
  return out;
}

// ---- the whole record ----------------------------------------------------------

YAML::Node parse_side(const std::string& path, const std::string& text, const Schema& schema, const char* side) {
  try {
    return parse_document(path, text, schema).root;
  } catch (const DataError& e) {
    // Not e.message(): a syntax message may quote the text, and the driver's
    // messages go to logs where personal data must not.
    throw DataError(e.where(), fmt::format("{} version does not parse as a record", side), e.hint());
  }
}

YAML::Node merge_root(const std::string& path, const MergeVersions& v, const Schema& schema, Pass& pass) {
  auto merged = merge_map(v.base, v.ours, v.theirs, &schema, "", pass);
  // Records have plain keys; one that is a list or a map is no record we
  // know how to merge by structure.
  if (!merged) throw DataError({path, 0, 0}, "a top-level key is not a plain name");
  return *merged;
}

}  // namespace

namespace hooks {
MergeVersions prepare_plan_merge(const MergeVersions& v) {
  YAML::Node base = YAML::Clone(v.base), theirs = YAML::Clone(v.theirs);
  follow_renumbered(base, v.ours, theirs);
  return MergeVersions{base, v.ours, renumber_plan_ids(base, v.ours, theirs), v.decided};
}
MergeVersions prepare_referral_merge(const MergeVersions& v) { return decide_referral(v); }
}  // namespace hooks

MergeResult merge_records(const std::string& path, const std::string& base, const std::string& ours,
                          const std::string& theirs, const Schema& schema) {
  const YAML::Node b = parse_side(path, base, schema, "the common");
  const YAML::Node o = parse_side(path, ours, schema, "our");
  const YAML::Node t = parse_side(path, theirs, schema, "their");
  const MergeVersions parsed{b, o, t, {}};
  const RecordType* type = record_type_of(schema);
  const MergeVersions v = type && type->prepare_merge ? type->prepare_merge(parsed) : parsed;
  Pass first{Side::Ours, {}, v.decided};
  const std::string ours_text = emit_canonical(merge_root(path, v, schema, first), schema);
  if (first.conflicts.empty()) return {ours_text, {}};
  Pass second{Side::Theirs, {}, first.decided};
  const std::string theirs_text = emit_canonical(merge_root(path, v, schema, second), schema);
  if (ours_text == theirs_text) return {ours_text, {}};  // differed only in form
  return {with_markers(ours_text, theirs_text), first.conflicts};
}

}  // namespace caseload

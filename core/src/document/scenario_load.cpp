// Strict validation of scenario files (SPEC §2) with one-line errors that name the place (SPEC §4).
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string_view>

#include "divlab/coding/message.hpp"
#include "divlab/common/names.hpp"
#include "divlab/document/input_file.hpp"
#include "divlab/document/scenario.hpp"
#include "divlab/fit/fit.hpp"
#include "divlab/fit/optimizer.hpp"
#include "document/scenario_json.hpp"

namespace divlab {

using nlohmann::json;
using scenario_json::child_path;
using scenario_json::describe;
using scenario_json::printable_path;
using scenario_json::quote_json;

namespace {

using Keys = std::initializer_list<std::string_view>;

// The most components a mixture in a file may have (1000 normals against 143: ~2.5 s of quadrature).
constexpr std::size_t kMaxComponents = 1000;

std::string join(Keys keys) {
  std::string out;
  for (auto k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

// Validates one parsed document; every check throws ScenarioError naming the file and JSON path.
class Validator {
 public:
  explicit Validator(const std::string& filename) : file_(filename) {}

  [[noreturn]] void fail(std::string_view path, const std::string& what) const {
    throw ScenarioError(file_ + ": " + printable_path(path) + ": " + what);
  }
  [[noreturn]] void expected(std::string_view path, const std::string& what, const json& got) const {
    fail(path, "expected " + what + ", got " + describe(got));
  }

  const json& object(const json& v, std::string_view path, const std::string& what = "an object") const {
    if (!v.is_object()) expected(path, what, v);
    return v;
  }

  // Rejects keys outside `allowed`.
  void only_keys(const json& obj, std::string_view path, Keys allowed) const {
    for (const auto& [key, value] : obj.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
        fail(path, "unknown key " + quote_json(key) + " (expected: " + join(allowed) + ")");
    }
  }

  const json& required(const json& obj, std::string_view path, std::string_view key, Keys all) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(path, "missing key " + quote_json(key) + " (expected: " + join(all) + ")");
    return *it;
  }

  const json* optional(const json& obj, std::string_view key) const {
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }

  std::string string(const json& v, std::string_view path, const std::string& what = "a string") const {
    if (!v.is_string()) expected(path, what, v);
    return v.get<std::string>();
  }

  // One of the names of E (common/names.hpp), not an alias; the message lists them quoted.
  template <class E>
  E choice(const json& v, std::string_view path) const {
    const std::vector<std::string_view> choices = names<E>();
    if (v.is_string())
      if (const std::optional<E> e = parse_name<E>(v.get<std::string>()); e && to_name(*e) == v.get<std::string>())
        return *e;
    std::string what;
    for (std::size_t i = 0; i < choices.size(); ++i) {
      if (i > 0) what += (i + 1 == choices.size()) ? (choices.size() == 2 ? " or " : ", or ") : ", ";
      what += quote_json(choices[i]);
    }
    if (choices.size() > 2) what = "one of " + what;
    expected(path, what, v);
  }

  // Numbers are finite here: the strict parser rejects overflow.
  double number(const json& v, std::string_view path) const {
    if (!v.is_number()) expected(path, "a finite number", v);
    return v.get<double>();
  }
  double nonnegative(const json& v, std::string_view path) const {
    if (!v.is_number() || v.get<double>() < 0) expected(path, "a finite number >= 0", v);
    return v.get<double>();
  }
  double positive(const json& v, std::string_view path) const {
    if (!v.is_number() || !(v.get<double>() > 0)) expected(path, "a number > 0", v);
    return v.get<double>();
  }

  const json& array(const json& v, std::string_view path, const std::string& what) const {
    if (!v.is_array()) expected(path, what, v);
    return v;
  }

  // A non-empty array of masses (finite, >= 0, not all zero).
  std::vector<double> masses(const json& v, std::string_view path) const {
    const std::string what = "a non-empty array of finite numbers >= 0";
    array(v, path, what);
    if (v.empty()) expected(path, what, v);
    std::vector<double> out;
    out.reserve(v.size());
    bool any_positive = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const json& e = v[i];
      if (!e.is_number() || e.get<double>() < 0) expected(child_path(path, i), "a finite number >= 0", e);
      out.push_back(e.get<double>());
      any_positive = any_positive || out.back() > 0;
    }
    if (!any_positive) fail(path, "expected at least one mass > 0, got all zeros");
    return out;
  }

  Scenario scenario(const json& root) const {
    const Keys kRootKeys = {"format", "version", "title", "kind", "base",
                                       "support", "p", "q", "view", "fit", "coding"};
    const Keys kJointRootKeys = {"format", "version", "title", "kind", "base", "joint", "view"};
    object(root, "", "a JSON object (a divlab scenario)");
    // format and version first: they tell "not a scenario at all" from "a broken scenario".
    const json& format = required(root, "", "format", kRootKeys);
    if (!format.is_string() || format.get<std::string>() != "divlab.scenario")
      expected("format", "\"divlab.scenario\"", format);
    const json& version = required(root, "", "version", kRootKeys);
    if (!version.is_number() || version.get<double>() != 1) expected("version", "1", version);
    const json* kind_given = optional(root, "kind");
    const bool joint_kind = kind_given && *kind_given == to_name(Kind::joint);
    root_keys(root, joint_kind ? kJointRootKeys : kRootKeys, kind_given);

    Scenario s;
    if (const json* t = optional(root, "title")) s.title = string(*t, "title");
    s.kind = choice<Kind>(required(root, "", "kind", kRootKeys), "kind");
    if (const json* b = optional(root, "base")) {
      s.base = choice<Base>(*b, "base");
      s.base_given = true;
    }
    if (s.kind == Kind::joint) {
      s.joint = joint(required(root, "", "joint", kJointRootKeys));
      if (const json* v = optional(root, "view")) s.view = view(*v);
      return s;
    }
    const json& p = object(required(root, "", "p", kRootKeys), "p");
    const json& q = object(required(root, "", "q", kRootKeys), "q");
    if (s.kind == Kind::discrete) {
      discrete(root, p, q, s);
    } else {
      if (const json* sup = optional(root, "support"))
        expected("support", "no \"support\" (it is for kind \"discrete\")", *sup);
      if (const json* c = optional(root, "coding"))
        expected("coding", "no \"coding\" (it is for kind \"discrete\")", *c);
      s.p_mix = mixture(p, "p");
      s.q_mix = mixture(q, "q");
    }
    if (const json* v = optional(root, "view")) s.view = view(*v);
    if (const json* f = optional(root, "fit")) s.fit = fit(*f);
    return s;
  }

 private:
  // Rejects top-level keys outside `allowed` (the keys of the file's kind). A key of another kind
  // ("p" in a joint file, "joint" in a discrete one) is named as such when the kind is known.
  void root_keys(const json& root, Keys allowed, const json* kind) const {
    const bool known_kind = kind && kind->is_string() && parse_name<Kind>(kind->get<std::string>());
    for (const auto& [key, value] : root.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      const bool of_another_kind =
          key == "support" || key == "p" || key == "q" || key == "fit" || key == "joint" || key == "coding";
      if (known_kind && of_another_kind)
        fail("", "key " + quote_json(key) + " is not allowed in a " + quote_json(kind->get<std::string>()) +
                     " scenario (expected: " + join(allowed) + ")");
      fail("", "unknown key " + quote_json(key) + " (expected: " + join(allowed) + ")");
    }
  }

  // SPEC §5: R >= 1 rows of C >= 1 masses (finite, >= 0, not all zero), every row as long as the
  // first; x_labels (R strings) and y_labels (C strings) optional.
  JointTable joint(const json& v) const {
    const Keys kJointKeys = {"mass", "x_labels", "y_labels"};
    object(v, "joint");
    only_keys(v, "joint", kJointKeys);
    const json& rows = required(v, "joint", "mass", kJointKeys);
    const std::string what = "a non-empty array of rows (arrays of finite numbers >= 0)";
    array(rows, "joint.mass", what);
    if (rows.empty()) expected("joint.mass", what, rows);
    JointTable t;
    t.mass.reserve(rows.size());
    bool any_positive = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string path = child_path("joint.mass", i);
      const json& row = rows[i];
      const std::string row_what = "a non-empty array of finite numbers >= 0";
      array(row, path, row_what);
      if (row.empty()) expected(path, row_what, row);
      if (const std::size_t cols = t.mass.empty() ? row.size() : t.mass[0].size(); row.size() != cols)
        fail(path, "expected " + std::to_string(cols) + (cols == 1 ? " number" : " numbers") +
                       " (as many as joint.mass[0]), got " + std::to_string(row.size()));
      std::vector<double>& cells = t.mass.emplace_back();
      cells.reserve(row.size());
      for (std::size_t j = 0; j < row.size(); ++j) {
        const json& e = row[j];
        if (!e.is_number() || e.get<double>() < 0) expected(child_path(path, j), "a finite number >= 0", e);
        cells.push_back(e.get<double>());
        any_positive = any_positive || cells.back() > 0;
      }
    }
    if (!any_positive) fail("joint.mass", "expected at least one mass > 0, got all zeros");
    t.x_labels = joint_labels(v, "x_labels", t.mass.size(), "row");
    t.y_labels = joint_labels(v, "y_labels", t.mass[0].size(), "column");
    return t;
  }

  // joint.x_labels / joint.y_labels: absent, or exactly `n` strings (one per row or column).
  std::vector<std::string> joint_labels(const json& joint, std::string_view key, std::size_t n,
                                        const char* per) const {
    std::vector<std::string> out;
    const json* l = optional(joint, key);
    if (!l) return out;
    const std::string path = child_path("joint", key), count = std::to_string(n);
    array(*l, path, "an array of " + count + (n == 1 ? " string" : " strings"));
    if (l->size() != n)
      fail(path, "expected " + count + (n == 1 ? " label" : " labels") + " (one per " + per +
                     " of joint.mass), got " + std::to_string(l->size()));
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(string((*l)[i], child_path(path, i)));
    return out;
  }

  void discrete(const json& root, const json& p, const json& q, Scenario& s) const {
    only_keys(p, "p", {"mass"});
    only_keys(q, "q", {"mass"});
    s.p_mass = masses(required(p, "p", "mass", {"mass"}), "p.mass");
    s.q_mass = masses(required(q, "q", "mass", {"mass"}), "q.mass");
    const std::size_t n = s.p_mass.size();
    const std::string count = std::to_string(n);
    if (s.q_mass.size() != n)
      fail("q.mass", "expected " + count + " masses (as many as p.mass), got " + std::to_string(s.q_mass.size()));
    const json* sup = optional(root, "support");
    if (sup) support(*sup, s);
    if (const json* c = optional(root, "coding")) coding(*c, s);
  }

  // SPEC §6: "coding": {"message": text over the support's labels (or indices), at most
  // kMaxMessageBytes bytes and kMaxMessageSymbols symbols}.
  void coding(const json& v, Scenario& s) const {
    object(v, "coding");
    only_keys(v, "coding", {"message"});
    const json* m = optional(v, "message");
    if (!m) return;
    if (!m->is_string()) expected("coding.message", "a string (symbols over the support's labels)", *m);
    const std::string& text = m->get_ref<const std::string&>();
    if (text.size() > kMaxMessageBytes)
      fail("coding.message", "expected at most " + std::to_string(kMaxMessageBytes) + " bytes, got " + std::to_string(text.size()));
    std::string why;
    if (!parse_message(text, message_labels(s.labels, s.p_mass.size()), &why)) fail("coding.message", why);
    s.message = text;
  }

  void support(const json& sup_json, Scenario& s) const {
    const json* sup = &sup_json;
    const std::size_t n = s.p_mass.size();
    const std::string count = std::to_string(n);
    object(*sup, "support");
    only_keys(*sup, "support", {"x", "labels"});
    if (const json* x = optional(*sup, "x")) {
      array(*x, "support.x", "an array of " + count + " finite numbers");
      if (x->size() != n)
        fail("support.x", "expected " + count + " numbers (as many as p.mass), got " + std::to_string(x->size()));
      s.support_x.reserve(n);
      for (std::size_t i = 0; i < n; ++i) s.support_x.push_back(number((*x)[i], child_path("support.x", i)));
    }
    if (const json* l = optional(*sup, "labels")) {
      array(*l, "support.labels", "an array of " + count + " strings");
      if (l->size() != n)
        fail("support.labels",
             "expected " + count + " labels (as many as p.mass), got " + std::to_string(l->size()));
      s.labels.reserve(n);
      for (std::size_t i = 0; i < n; ++i) s.labels.push_back(string((*l)[i], child_path("support.labels", i)));
    }
  }

  Mixture mixture(const json& dist, const std::string& path) const {
    only_keys(dist, path, {"components"});
    const std::string cpath = path + ".components";
    const json& list = array(required(dist, path, "components", {"components"}), cpath,
                             "a non-empty array of components");
    if (list.empty()) expected(cpath, "a non-empty array of components", list);
    // Limits before work: the measures cost grows with components × breakpoints (10⁴ took minutes).
    if (list.size() > kMaxComponents)
      fail(cpath, "expected at most " + std::to_string(kMaxComponents) + " components, got " + std::to_string(list.size()));
    Mixture m;
    bool any_positive = false;
    for (std::size_t i = 0; i < list.size(); ++i) {
      m.components.push_back(component(list[i], child_path(cpath, i)));
      any_positive = any_positive || m.components.back().weight > 0;
    }
    if (!any_positive) fail(cpath, "expected at least one weight > 0, got all zeros");
    return m;
  }

  Component component(const json& v, const std::string& path) const {
    object(v, path, "a component object");
    const json* fam = optional(v, "family");
    if (!fam) fail(path, "missing key \"family\" (expected one of " + name_list<Family>(", ") + ")");
    Component c;
    c.family = choice<Family>(*fam, child_path(path, "family"));
    auto param = [&](std::string_view key, Keys keys) -> const json& {
      return required(v, path, key, keys);
    };
    auto at = [&](std::string_view key) { return child_path(path, key); };
    if (c.family == Family::normal) {
      const Keys k = {"family", "weight", "mean", "sd"};
      only_keys(v, path, k);
      c.weight = nonnegative(param("weight", k), at("weight"));
      c.mean = number(param("mean", k), at("mean"));
      c.scale = positive(param("sd", k), at("sd"));
    } else if (c.family == Family::laplace) {
      const Keys k = {"family", "weight", "mean", "scale"};
      only_keys(v, path, k);
      c.weight = nonnegative(param("weight", k), at("weight"));
      c.mean = number(param("mean", k), at("mean"));
      c.scale = positive(param("scale", k), at("scale"));
    } else if (c.family == Family::student_t) {
      const Keys k = {"family", "weight", "mean", "scale", "df"};
      only_keys(v, path, k);
      c.weight = nonnegative(param("weight", k), at("weight"));
      c.mean = number(param("mean", k), at("mean"));
      c.scale = positive(param("scale", k), at("scale"));
      c.df = positive(param("df", k), at("df"));
    } else {
      const Keys k = {"family", "weight", "low", "high"};
      only_keys(v, path, k);
      c.weight = nonnegative(param("weight", k), at("weight"));
      const json& low = param("low", k);
      c.low = number(low, at("low"));
      const json& high = param("high", k);
      if (!high.is_number() || !(high.get<double>() > c.low))
        expected(at("high"), "a number > low (" + describe(low) + ")", high);
      c.high = high.get<double>();
    }
    if (const std::optional<LimitError> e = component_limits(c)) fail(at(e->key), e->what);
    return c;
  }

  json view(const json& v) const {
    object(v, "view");
    if (const json* r = optional(v, "x_range")) {
      const std::string what = "[low, high], two finite numbers with low < high";
      if (!r->is_array() || r->size() != 2 || !(*r)[0].is_number() || !(*r)[1].is_number() ||
          !((*r)[0].get<double>() < (*r)[1].get<double>()))
        expected("view.x_range", what, *r);
      // A window the plots can sample: ends within ±1e300, so high − low and its steps are finite.
      if (!coordinate_in_range((*r)[0].get<double>()) || !coordinate_in_range((*r)[1].get<double>()))
        expected("view.x_range", "[low, high] within ±1e300 (the range the numerics resolve)", *r);
    }
    return v;
  }

  FitSpec fit(const json& v) const {
    const Keys kFitKeys = {"model",         "objective", "start",    "optimizer",
                                      "learning_rate", "max_steps", "tolerance"};
    object(v, "fit");
    only_keys(v, "fit", kFitKeys);
    FitSpec f;
    // The models, objectives and optimizers of divlab/fit/fit.hpp and optimizer.hpp.
    const ModelKind model = choice<ModelKind>(required(v, "fit", "model", kFitKeys), "fit.model");
    f.model = to_name(model);
    f.objective = to_name(choice<FitObjective>(required(v, "fit", "objective", kFitKeys), "fit.objective"));
    const json& start = object(required(v, "fit", "start", kFitKeys), "fit.start");
    // A parameter left out is derived from P by the fit (its mean and sd), so each one is optional.
    // Names and ranges: the same check as `divlab fit --start` (check_start, fit.hpp).
    for (const auto& [name, value] : start.items()) f.start[name] = number(value, child_path("fit.start", name));
    if (const std::optional<StartError> e = check_start(model, f.start)) {
      if (e->unknown) fail("fit.start", "unknown key " + quote_json(e->name) + " (expected: " + e->what + ")");
      fail(child_path("fit.start", e->name), e->what);
    }
    if (const json* o = optional(v, "optimizer"))
      f.optimizer = to_name(choice<OptimizerKind>(*o, "fit.optimizer"));
    if (const json* lr = optional(v, "learning_rate")) f.learning_rate = positive(*lr, "fit.learning_rate");
    if (const json* m = optional(v, "max_steps")) {
      // The same cap as `divlab fit --max-steps` (kMaxFitSteps): 2147483647 steps ran for hours.
      const std::string what = "an integer from 1 to " + std::to_string(kMaxFitSteps);
      if (!m->is_number() || m->get<double>() != std::floor(m->get<double>()) || m->get<double>() < 1 ||
          m->get<double>() > kMaxFitSteps)
        expected("fit.max_steps", what, *m);
      f.max_steps = static_cast<int>(m->get<double>());
    }
    if (const json* t = optional(v, "tolerance")) f.tolerance = nonnegative(*t, "fit.tolerance");
    return f;
  }

  const std::string& file_;
};

}  // namespace

Scenario parse_scenario(const std::string& text, const std::string& filename) {
  const json root = scenario_json::parse_strict(text, filename);
  return Validator(filename).scenario(root);
}

Scenario load_scenario(const std::string& path) {
  return parse_scenario(read_input_file(path, "a scenario"), path);
}

}  // namespace divlab

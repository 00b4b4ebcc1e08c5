#include "divlab/document/document.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <utility>

#include "divlab/coding/message.hpp"

namespace divlab {

namespace {

constexpr std::size_t kMaxUndo = 1000;

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

// Normalises in place; an all-zero (or non-finite) vector becomes uniform.
void normalise_in_place(std::vector<double>& v) {
  if (v.empty()) return;
  for (double& x : v)
    if (!std::isfinite(x) || x < 0) x = 0;
  const double s = sum(v);
  if (!(s > 0) || !std::isfinite(s)) {
    std::fill(v.begin(), v.end(), 1.0 / static_cast<double>(v.size()));
    return;
  }
  for (double& x : v) x /= s;
}

double finite_or(double x, double fallback) { return std::isfinite(x) ? x : fallback; }

}  // namespace

Component sanitized(Component c) {
  c.weight = std::max(0.0, finite_or(c.weight, 0.0));
  c.mean = std::clamp(finite_or(c.mean, 0.0), -1e6, 1e6);
  c.scale = std::clamp(finite_or(c.scale, 1.0), 1e-3, 1e6);
  c.df = std::clamp(finite_or(c.df, 1.0), 0.05, 1e6);
  c.low = std::clamp(finite_or(c.low, 0.0), -1e6, 1e6);
  c.high = std::clamp(finite_or(c.high, 1.0), -1e6, 1e6);
  if (!(c.high - c.low >= 1e-3)) c.high = c.low + 1e-3;
  return c;
}

ViewState view_from_json(const nlohmann::json& j) {
  ViewState v;
  if (!j.is_object()) return v;
  if (auto it = j.find("show_m"); it != j.end() && it->is_boolean()) v.show_m = it->get<bool>();
  if (auto it = j.find("show_jsd"); it != j.end() && it->is_boolean()) v.show_jsd = it->get<bool>();
  if (auto it = j.find("x_range"); it != j.end() && it->is_array() && it->size() == 2 && (*it)[0].is_number() &&
                                   (*it)[1].is_number()) {
    const double lo = (*it)[0].get<double>(), hi = (*it)[1].get<double>();
    if (std::isfinite(lo) && std::isfinite(hi) && hi > lo) {
      v.has_x_range = true;
      v.x_lo = lo;
      v.x_hi = hi;
    }
  }
  return v;
}

nlohmann::json view_to_json(const ViewState& v, const nlohmann::json& base) {
  nlohmann::json j = base.is_object() ? base : nlohmann::json::object();
  j["show_m"] = v.show_m;
  j["show_jsd"] = v.show_jsd;
  if (v.has_x_range)
    j["x_range"] = {v.x_lo, v.x_hi};
  else
    j.erase("x_range");
  return j;
}

Document::Document() : Document(default_scenario()) {}

Document::Document(Scenario s) { reset(std::move(s)); }

void Document::reset(Scenario s) {
  view_ = view_from_json(s.view);
  scn_ = std::move(s);
  saved_ = scn_;
  undo_.clear();
  redo_.clear();
  gesture_ = false;
  gesture_snapshot_taken_ = false;
  ++revision_;
  ++generation_;
}

Scenario Document::to_scenario() const {
  Scenario s = scn_;
  s.view = view_to_json(view_, scn_.view);
  return s;
}

// [SECTION] undo / redo

void Document::before_edit() {
  if (gesture_) {
    if (gesture_snapshot_taken_) return;
    gesture_snapshot_taken_ = true;
  }
  undo_.push_back(scn_);
  if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
  redo_.clear();
}

void Document::after_edit() { ++revision_; }

bool Document::undo() {
  if (undo_.empty()) return false;
  redo_.push_back(std::move(scn_));
  scn_ = std::move(undo_.back());
  undo_.pop_back();
  gesture_snapshot_taken_ = false;
  ++revision_;
  return true;
}

bool Document::redo() {
  if (redo_.empty()) return false;
  undo_.push_back(std::move(scn_));
  scn_ = std::move(redo_.back());
  redo_.pop_back();
  gesture_snapshot_taken_ = false;
  ++revision_;
  return true;
}

void Document::begin_gesture() {
  gesture_ = true;
  gesture_snapshot_taken_ = false;
}

void Document::end_gesture() {
  // A gesture that changed nothing in the end leaves no undo step.
  if (gesture_ && gesture_snapshot_taken_ && !undo_.empty() && undo_.back() == scn_) undo_.pop_back();
  gesture_ = false;
  gesture_snapshot_taken_ = false;
}

// [SECTION] whole scenario

void Document::set_base(Base b) {
  if (scn_.base == b && scn_.base_given) return;
  before_edit();
  scn_.base = b;
  scn_.base_given = true;
  after_edit();
}

void Document::set_title(const std::string& t) {
  if (scn_.title && *scn_.title == t) return;
  before_edit();
  scn_.title = t;
  after_edit();
}

void Document::copy_p_to_q() {
  if (joint()) return;
  before_edit();
  scn_.q_mass = scn_.p_mass;
  scn_.q_mix = scn_.p_mix;
  after_edit();
}

void Document::swap_p_q() {
  if (joint()) return;
  before_edit();
  std::swap(scn_.p_mass, scn_.q_mass);
  std::swap(scn_.p_mix, scn_.q_mix);
  after_edit();
}

// [SECTION] discrete

double Document::probability(Which w, int i) const {
  const auto& m = mass(w);
  if (i < 0 || i >= static_cast<int>(m.size())) return 0;
  const double s = sum(m);
  return s > 0 ? m[static_cast<std::size_t>(i)] / s : 1.0 / static_cast<double>(m.size());
}

std::vector<double> Document::probabilities(Which w) const {
  std::vector<double> v = mass(w);
  normalise_in_place(v);
  return v;
}

void Document::set_probability(Which w, int i, double prob) {
  if (!discrete() || i < 0 || i >= bins() || !std::isfinite(prob)) return;
  prob = std::clamp(prob, 0.0, 1.0);
  before_edit();
  auto& m = mass(w);
  normalise_in_place(m);
  const auto n = m.size();
  const auto k = static_cast<std::size_t>(i);
  const double rest = 1.0 - m[k];
  if (n == 1) {
    m[0] = 1.0;
  } else if (rest > 1e-15) {
    for (std::size_t j = 0; j < n; ++j) m[j] = j == k ? prob : m[j] * (1.0 - prob) / rest;
  } else {  // all mass was in bin i: share the remainder evenly
    for (std::size_t j = 0; j < n; ++j) m[j] = j == k ? prob : (1.0 - prob) / static_cast<double>(n - 1);
  }
  after_edit();
}

void Document::paint(Which w, int i0, double m0, int i1, double m1) {
  if (!discrete()) return;
  if (i0 > i1) {
    std::swap(i0, i1);
    std::swap(m0, m1);
  }
  i0 = std::max(i0, 0);
  i1 = std::min(i1, bins() - 1);
  if (i0 > i1) return;
  before_edit();
  auto& m = mass(w);
  for (int i = i0; i <= i1; ++i) {
    const double t = i1 == i0 ? 1.0 : static_cast<double>(i - i0) / (i1 - i0);
    const double v = m0 + t * (m1 - m0);
    m[static_cast<std::size_t>(i)] = std::isfinite(v) ? std::max(0.0, v) : 0.0;
  }
  after_edit();
}

void Document::normalise(Which w) {
  if (!discrete()) return;
  auto m = mass(w);
  normalise_in_place(m);
  if (m == mass(w)) return;
  before_edit();
  mass(w) = std::move(m);
  after_edit();
}

void Document::set_masses(Which w, std::vector<double> masses) {
  if (!discrete() || static_cast<int>(masses.size()) != bins()) return;
  normalise_in_place(masses);
  before_edit();
  mass(w) = std::move(masses);
  after_edit();
}

void Document::uniform(Which w) { set_masses(w, std::vector<double>(static_cast<std::size_t>(bins()), 1.0)); }

void Document::temper(Which w, double temperature) {
  if (!discrete() || !(temperature > 0) || !std::isfinite(temperature)) return;
  std::vector<double> p = probabilities(w);
  // In the log domain, relative to the largest mass, so tiny masses and T → 0 do not underflow to 0/0.
  const double top = *std::max_element(p.begin(), p.end());
  for (double& x : p) x = x > 0 ? std::exp((std::log(x) - std::log(top)) / temperature) : 0.0;
  set_masses(w, std::move(p));
}

void Document::smooth(Which w, double eps) {
  if (!discrete() || !std::isfinite(eps)) return;
  eps = std::clamp(eps, 0.0, 1.0);
  std::vector<double> p = probabilities(w);
  const double u = 1.0 / static_cast<double>(p.size());
  for (double& x : p) x = (1 - eps) * x + eps * u;
  set_masses(w, std::move(p));
}

void Document::shift(Which w, int k) {
  if (!discrete() || bins() == 0) return;
  std::vector<double> p = mass(w);
  const int n = bins();
  const int r = ((k % n) + n) % n;
  std::rotate(p.begin(), p.end() - r, p.end());
  set_masses(w, std::move(p));
}

void Document::flip(Which w) {
  if (!discrete()) return;
  std::vector<double> p = mass(w);
  std::reverse(p.begin(), p.end());
  set_masses(w, std::move(p));
}

void Document::dirichlet(Which w, double alpha, std::uint64_t seed) {
  if (!discrete() || !(alpha > 0) || !std::isfinite(alpha)) return;
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> gamma(alpha, 1.0);
  std::vector<double> p(static_cast<std::size_t>(bins()));
  for (double& x : p) x = gamma(rng);
  set_masses(w, std::move(p));
}

void Document::set_bins(int n) {
  if (!discrete()) return;
  n = std::clamp(n, kMinBins, kMaxBins);
  const int old = bins();
  if (n == old) return;
  before_edit();
  const auto un = static_cast<std::size_t>(n);
  for (auto* m : {&scn_.p_mass, &scn_.q_mass}) {
    normalise_in_place(*m);
    m->resize(un, 1.0 / static_cast<double>(old));  // a new bin gets the mean mass
    normalise_in_place(*m);
  }
  if (!scn_.support_x.empty()) {
    auto& x = scn_.support_x;
    const double step = x.size() >= 2 ? x[x.size() - 1] - x[x.size() - 2] : 1.0;
    while (x.size() < un) x.push_back(x.back() + (step != 0 && std::isfinite(step) ? step : 1.0));
    x.resize(un);
  }
  if (!scn_.labels.empty()) scn_.labels.resize(un);
  drop_unreadable_message();
  after_edit();
}

void Document::set_label(int i, const std::string& label) {
  if (!discrete() || i < 0 || i >= bins()) return;
  if (!scn_.labels.empty() && scn_.labels[static_cast<std::size_t>(i)] == label) return;
  before_edit();
  if (scn_.labels.empty()) scn_.labels.resize(static_cast<std::size_t>(bins()));
  scn_.labels[static_cast<std::size_t>(i)] = label;
  drop_unreadable_message();
  after_edit();
}

std::string Document::set_message(const std::string& text) {
  if (!discrete()) return "a message needs a discrete scenario";
  std::optional<std::string> next;
  if (!text.empty()) {
    std::string why;
    if (!parse_message(text, message_labels(scn_.labels, scn_.p_mass.size()), &why)) return why;
    next = text;
  }
  if (scn_.message == next) return "";
  before_edit();
  scn_.message = std::move(next);
  after_edit();
  return "";
}

void Document::drop_unreadable_message() {
  std::string why;
  if (scn_.message && !parse_message(*scn_.message, message_labels(scn_.labels, scn_.p_mass.size()), &why))
    scn_.message.reset();
}

// [SECTION] mixtures

void Document::set_component(Which w, int i, Component c) {
  auto& m = mix(w);
  if (!continuous() || i < 0 || i >= static_cast<int>(m.components.size())) return;
  c = sanitized(c);
  auto& slot = m.components[static_cast<std::size_t>(i)];
  if (slot == c) return;
  // The last positive weight may not drop to 0 (the mixture would be empty).
  double others = 0;
  for (int j = 0; j < static_cast<int>(m.components.size()); ++j)
    if (j != i) others += m.components[static_cast<std::size_t>(j)].weight;
  if (!(others > 0) && !(c.weight > 0)) c.weight = 1e-3;
  before_edit();
  slot = c;
  after_edit();
}

void Document::add_component(Which w, Component c) {
  auto& m = mix(w);
  if (!continuous() || static_cast<int>(m.components.size()) >= kMaxComponents) return;
  c = sanitized(c);
  if (!(c.weight > 0)) c.weight = 1;
  before_edit();
  m.components.push_back(c);
  after_edit();
}

void Document::remove_component(Which w, int i) {
  auto& m = mix(w);
  if (!continuous() || m.components.size() <= 1 || i < 0 || i >= static_cast<int>(m.components.size())) return;
  before_edit();
  m.components.erase(m.components.begin() + i);
  double total = 0;
  for (const auto& c : m.components) total += c.weight;
  if (!(total > 0))
    for (auto& c : m.components) c.weight = 1;
  after_edit();
}

void Document::set_family(Which w, int i, Family f) {
  auto& m = mix(w);
  if (!continuous() || i < 0 || i >= static_cast<int>(m.components.size())) return;
  Component c = m.components[static_cast<std::size_t>(i)];
  if (c.family == f) return;
  const double sqrt3 = std::sqrt(3.0);
  if (c.family == Family::uniform) {  // to a location-scale family with the same mean and sd
    c.mean = 0.5 * (c.low + c.high);
    c.scale = (c.high - c.low) / (2 * sqrt3);
  } else if (f == Family::uniform) {
    c.low = c.mean - sqrt3 * c.scale;
    c.high = c.mean + sqrt3 * c.scale;
  }
  if (f == Family::student_t && !(c.df > 0)) c.df = 3;
  c.family = f;
  set_component(w, i, c);
}

}  // namespace divlab

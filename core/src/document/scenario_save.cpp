// Writing scenarios: canonical text whose numbers round-trip exactly, atomic saves, the default.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "divlab/document/scenario.hpp"

namespace divlab {

namespace {

using ojson = nlohmann::ordered_json;

bool is_scalar(const ojson& v) { return !v.is_object() && !v.is_array(); }

// Shortest text that reads back as the same double (std::to_chars); non-finite → null, which the
// loader rejects (a Scenario built in memory with NaN is a bug to surface, not to hide).
void write_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  if (v == 0 && std::signbit(v)) {
    out += "-0.0";  // "-0" would read back as the integer 0
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void write_scalar(std::string& out, const ojson& v) {
  if (v.is_number_float())
    write_double(out, v.get<double>());
  else
    out += v.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

bool is_flat_array(const ojson& v) {
  if (!v.is_array()) return false;
  for (const auto& e : v)
    if (!is_scalar(e)) return false;
  return true;
}

void write(std::string& out, const ojson& v, int indent);

// Arrays of scalars go on one line; so do small objects of scalars and flat arrays when the line
// stays short (mixture components, support, p.mass of a coin).
bool fits_one_line(const ojson& v, int indent) {
  if (v.is_array()) return is_flat_array(v);
  std::size_t scalars = 0;
  for (const auto& [key, e] : v.items()) {
    if (!is_scalar(e) && !is_flat_array(e)) return false;
    scalars += e.is_array() ? e.size() : 1;
  }
  if (scalars > 16) return false;
  std::string line;
  line += "{ ";
  bool first = true;
  for (const auto& [key, e] : v.items()) {
    if (!first) line += ", ";
    first = false;
    line += ojson(key).dump(-1, ' ', false, ojson::error_handler_t::replace) + ": ";
    write(line, e, 0);
  }
  return static_cast<std::size_t>(indent) + line.size() + 2 <= 90;
}

void write(std::string& out, const ojson& v, int indent) {
  if (is_scalar(v)) {
    write_scalar(out, v);
    return;
  }
  const bool obj = v.is_object();
  const char open = obj ? '{' : '[', close = obj ? '}' : ']';
  if (v.empty()) {
    out += open;
    out += close;
    return;
  }
  const bool inline_ = fits_one_line(v, indent);
  out += open;
  if (inline_ && obj) out += ' ';
  bool first = true;
  for (const auto& [key, e] : v.items()) {
    if (!first) out += inline_ ? ", " : ",";
    first = false;
    if (!inline_) {
      out += '\n';
      out.append(indent + 2, ' ');
    }
    if (obj) {
      out += ojson(key).dump(-1, ' ', false, ojson::error_handler_t::replace);
      out += ": ";
    }
    write(out, e, indent + 2);
  }
  if (!inline_) {
    out += '\n';
    out.append(indent, ' ');
  } else if (obj) {
    out += ' ';
  }
  out += close;
}

ojson doubles(const std::vector<double>& v) {
  ojson a = ojson::array();
  a.get_ref<ojson::array_t&>().reserve(v.size());
  for (double d : v) a.push_back(d);
  return a;
}

ojson component_json(const Component& c) {
  ojson o;
  o["family"] = std::string(to_name(c.family));
  o["weight"] = c.weight;
  switch (c.family) {
    case Family::normal:
      o["mean"] = c.mean;
      o["sd"] = c.scale;
      break;
    case Family::laplace:
      o["mean"] = c.mean;
      o["scale"] = c.scale;
      break;
    case Family::student_t:
      o["mean"] = c.mean;
      o["scale"] = c.scale;
      o["df"] = c.df;
      break;
    case Family::uniform:
      o["low"] = c.low;
      o["high"] = c.high;
      break;
  }
  return o;
}

ojson mixture_json(const Mixture& m) {
  ojson list = ojson::array();
  for (const Component& c : m.components) list.push_back(component_json(c));
  return ojson{{"components", std::move(list)}};
}

ojson fit_json(const FitSpec& f) {
  ojson o;
  o["model"] = f.model;
  o["objective"] = f.objective;
  ojson start = ojson::object();
  // The model's parameters in their conventional order (mean before sd), then any others.
  for (const char* name : {"mean", "sd"})
    if (auto it = f.start.find(name); it != f.start.end()) start[name] = it->second;
  for (const auto& [name, value] : f.start)
    if (!start.contains(name)) start[name] = value;
  o["start"] = std::move(start);
  if (f.optimizer) o["optimizer"] = *f.optimizer;
  if (f.learning_rate) o["learning_rate"] = *f.learning_rate;
  if (f.max_steps) o["max_steps"] = *f.max_steps;
  if (f.tolerance) o["tolerance"] = *f.tolerance;
  return o;
}

ojson joint_json(const JointTable& t) {
  ojson rows = ojson::array();
  for (const std::vector<double>& row : t.mass) rows.push_back(doubles(row));
  ojson o = ojson::object();
  o["mass"] = std::move(rows);
  if (!t.x_labels.empty()) o["x_labels"] = t.x_labels;
  if (!t.y_labels.empty()) o["y_labels"] = t.y_labels;
  return o;
}

std::string errno_text(int err) { return std::strerror(err); }

}  // namespace

std::string to_json_text(const Scenario& s) {
  ojson o;
  o["format"] = "divlab.scenario";
  o["version"] = 1;
  if (s.title) o["title"] = *s.title;
  o["kind"] = std::string(to_name(s.kind));
  if (s.base_given) o["base"] = std::string(to_name(s.base));
  if (s.kind == Kind::joint) {
    o["joint"] = joint_json(s.joint);
  } else if (s.kind == Kind::discrete) {
    if (!s.support_x.empty() || !s.labels.empty()) {
      ojson sup = ojson::object();
      if (!s.support_x.empty()) sup["x"] = doubles(s.support_x);
      if (!s.labels.empty()) sup["labels"] = s.labels;
      o["support"] = std::move(sup);
    }
    o["p"] = ojson{{"mass", doubles(s.p_mass)}};
    o["q"] = ojson{{"mass", doubles(s.q_mass)}};
    if (s.message) o["coding"] = ojson{{"message", *s.message}};
  } else {
    o["p"] = mixture_json(s.p_mix);
    o["q"] = mixture_json(s.q_mix);
  }
  if (!s.view.is_null()) o["view"] = ojson(s.view);
  if (s.fit && s.kind != Kind::joint) o["fit"] = fit_json(*s.fit);
  std::string out;
  write(out, o, 0);
  out += '\n';
  return out;
}

void save_scenario(const Scenario& s, const std::string& path) {
  namespace fs = std::filesystem;
  const std::string text = to_json_text(s);
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw ScenarioError(path + ": cannot save: " + errno_text(errno));
  auto give_up = [&](int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw ScenarioError(path + ": cannot save: " + errno_text(err));
  };
  // Keep the mode of the file being replaced; a new file gets rw-r--r-- (mkstemp makes 0600).
  struct stat st {};
  const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  if (::fchmod(fd, mode) != 0) give_up(errno);
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) give_up(errno);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) give_up(errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw ScenarioError(path + ": cannot save: " + errno_text(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw ScenarioError(path + ": cannot save: " + errno_text(err));
  }
}

Scenario default_scenario() {
  Scenario s;
  s.title = "A bimodal mixture vs one Gaussian";
  s.kind = Kind::continuous;
  s.base = Base::e;
  s.base_given = true;
  auto normal = [](double weight, double mean, double sd) {
    Component c;
    c.family = Family::normal;
    c.weight = weight;
    c.mean = mean;
    c.scale = sd;
    return c;
  };
  s.p_mix.components = {normal(0.5, -2, 0.6), normal(0.5, 2, 0.6)};
  s.q_mix.components = {normal(1, 0, 1)};
  s.view = nlohmann::json{{"x_range", {-6, 6}}};
  FitSpec fit;
  fit.model = "normal";
  fit.objective = "reverse_kl";
  fit.start = {{"mean", 1.0}, {"sd", 1.0}};
  s.fit = fit;
  return s;
}

}  // namespace divlab

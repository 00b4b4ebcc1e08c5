#include "shell/settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "divlab/document/session_store.hpp"

namespace divlab::gui {

std::optional<std::filesystem::path> config_home_from(const char* xdg_config_home, const char* home) {
  if (xdg_config_home && *xdg_config_home && std::filesystem::path(xdg_config_home).is_absolute())
    return std::filesystem::path(xdg_config_home);
  if (home && *home && std::filesystem::path(home).is_absolute()) return std::filesystem::path(home) / ".config";
  return std::nullopt;
}

std::optional<std::filesystem::path> settings_path_from(const char* xdg_config_home, const char* home) {
  const auto config = config_home_from(xdg_config_home, home);
  if (!config) return std::nullopt;
  return *config / "divlab" / "settings.json";
}

std::optional<std::filesystem::path> settings_path() {
  return settings_path_from(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
}

namespace {

bool known_format(const std::string& f) { return f == "png" || f == "svg" || f == "pdf" || f == "csv" || f == "tex"; }

// The export section: each field that is missing or of the wrong kind keeps its default.
ExportSettings export_settings_from_json(const nlohmann::json& j) {
  ExportSettings e;
  if (auto it = j.find("folder"); it != j.end() && it->is_string()) e.folder = it->get<std::string>();
  if (auto it = j.find("format"); it != j.end() && it->is_string() && known_format(it->get<std::string>()))
    e.format = it->get<std::string>();
  if (auto it = j.find("scale"); it != j.end() && it->is_number()) e.scale = std::clamp(it->get<double>(), 1.0, 4.0);
  if (auto it = j.find("transparent"); it != j.end() && it->is_boolean()) e.transparent = it->get<bool>();
  auto strings = [&](const char* key, std::map<std::string, std::string>& out) {
    if (auto it = j.find(key); it != j.end() && it->is_object())
      for (const auto& [k, v] : it->items())
        if (v.is_string() && v.get<std::string>().size() < 256) out[k] = v.get<std::string>();
  };
  strings("theme", e.theme);
  strings("figure", e.figure);
  if (auto it = j.find("size"); it != j.end() && it->is_object())
    for (const auto& [k, v] : it->items())
      if (v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number())
        e.size[k] = {static_cast<int>(std::clamp(v[0].get<double>(), 16.0, 8192.0)),
                     static_cast<int>(std::clamp(v[1].get<double>(), 16.0, 8192.0))};
  return e;
}

nlohmann::json export_settings_to_json(const ExportSettings& e) {
  nlohmann::json size = nlohmann::json::object();
  for (const auto& [k, v] : e.size) size[k] = {v[0], v[1]};
  return {{"folder", e.folder}, {"format", e.format}, {"scale", e.scale}, {"transparent", e.transparent},
          {"theme", e.theme},   {"figure", e.figure}, {"size", size}};
}

}  // namespace

Settings settings_from_json(const std::string& text) {
  Settings s;
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return s;
  auto string = [&](const char* key, std::string& out) {
    if (auto it = j.find(key); it != j.end() && it->is_string()) out = it->get<std::string>();
  };
  auto number = [&](const char* key, auto& out, double lo, double hi) {
    if (auto it = j.find(key); it != j.end() && it->is_number())
      out = static_cast<std::decay_t<decltype(out)>>(std::clamp(it->get<double>(), lo, hi));
  };
  string("theme", s.theme);
  string("lab", s.lab);
  string("units", s.units);
  if (s.units != "bits" && s.units != "nats") s.units = "file";
  number("presentation_scale", s.presentation_scale, 1.0, 3.0);
  number("window_width", s.window_width, 320, 16384);
  number("window_height", s.window_height, 240, 16384);
  if (auto it = j.find("export"); it != j.end() && it->is_object()) s.export_ = export_settings_from_json(*it);
  return s;
}

std::string settings_to_json(const Settings& s) {
  const nlohmann::json j = {{"theme", s.theme},
                            {"presentation_scale", s.presentation_scale},
                            {"lab", s.lab},
                            {"units", s.units},
                            {"window_width", s.window_width},
                            {"window_height", s.window_height},
                            {"export", export_settings_to_json(s.export_)}};
  return j.dump(2) + "\n";
}

std::optional<Base> Settings::units_base() const {
  if (units == "bits") return Base::two;
  if (units == "nats") return Base::e;
  return std::nullopt;
}

Settings load_settings(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return settings_from_json(text.str());
}

std::optional<std::string> save_settings(const Settings& s, const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return path.parent_path().string() + ": " + ec.message();
  return write_file_atomic(path, settings_to_json(s));
}

}  // namespace divlab::gui

// Fonts and the ImGui style that matches the plot theme.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include "shell/app.hpp"
#include "widgets/plot_area.hpp"
#include "labs/divergence/explain_panel.hpp"
#include "widgets/imgui_canvas.hpp"
#include "shell/style.hpp"

namespace divlab::gui {

float base_scale(float monitor_scale, ImVec2 display) {
  const float by_size = std::floor(2 * std::min(display.x / 1920, display.y / 1080)) / 2;
  return by_size > 1 ? std::max(monitor_scale, by_size) : monitor_scale;
}

float ui_scale(const App& app) {
  return std::clamp(app.content_scale, 0.5f, 4.0f) * std::clamp(app.settings.presentation_scale, 1.0f, 3.0f);
}

plot::Theme current_theme(const App& app) {
  plot::Theme t = plot::theme_by_name(app.settings.theme).value_or(plot::light_theme());
  t.scale = ui_scale(app);
  return t;
}

ImGuiCanvas make_canvas(const App& app, const PlotArea& area) {
  return ImGuiCanvas(ImGui::GetWindowDrawList(), app.fonts.regular, app.fonts.bold, area.rect,
                     current_theme(app).background);
}

bool load_fonts(App& app, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Latin-1, Greek, punctuation (‖ – …), super/subscripts (⁰-⁹ ₀-₉), arrows, maths operators
  // (∑ ∫ ∞ ≥ ≈ √ − ·), geometric shapes (▶ ◀ ■), plus every character of the teaching text.
  // ImWchar is 16-bit in Debian's build.
  static constexpr ImWchar kRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2000, 0x206F, 0x2070, 0x209F,
                                        0x2190, 0x21FF, 0x2200, 0x22FF, 0x2300, 0x23FF, 0x25A0, 0x25FF,
                                        0};
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(kRanges);
  add_teaching_glyphs(builder, app.actions);
  ImVector<ImWchar> ranges;
  builder.BuildRanges(&ranges);
  const float size = std::round(15.0f * scale);
  const std::string dir = DIVLAB_FONT_DIR;
  const std::string regular = dir + "/DejaVuSans.ttf", bold = dir + "/DejaVuSans-Bold.ttf";
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  // Field by field: ImVector's copy of an empty vector calls memcpy(nullptr, …), which UBSan rejects.
  app.fonts.regular = app.fonts.bold = nullptr;
  app.fonts.ranges.swap(ranges);
  if (std::filesystem::exists(regular)) {
    app.fonts.regular = io.Fonts->AddFontFromFileTTF(regular.c_str(), size, &cfg, app.fonts.ranges.Data);
    if (std::filesystem::exists(bold)) app.fonts.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), size, &cfg, app.fonts.ranges.Data);
  }
  const bool ok = app.fonts.regular != nullptr;
  if (!ok) {
    ImFontConfig def;
    def.SizePixels = size;
    app.fonts.regular = io.Fonts->AddFontDefault(&def);
  }
  if (!app.fonts.bold) app.fonts.bold = app.fonts.regular;
  app.fonts.size_px = size;
  app.fonts_built_scale = scale;
  io.Fonts->Build();
  return ok;
}

void apply_style(const App& app) {
  const plot::Theme t = current_theme(app);
  ImGuiStyle style;
  const bool dark = std::string_view(t.name) == to_name(plot::ThemeId::dark);
  if (dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.WindowBorderSize = 1;
  style.FrameBorderSize = dark ? 0 : 1;
  style.WindowPadding = {8, 6};
  style.FramePadding = {6, 3};
  style.ItemSpacing = {6, 5};
  style.ItemInnerSpacing = {5, 4};
  style.ScaleAllSizes(ui_scale(app));
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = to_imvec4(t.background);
  c[ImGuiCol_ChildBg] = to_imvec4(t.background);
  c[ImGuiCol_Text] = to_imvec4(t.text);
  c[ImGuiCol_TextDisabled] = to_imvec4(t.text_dim);
  c[ImGuiCol_Border] = to_imvec4(t.grid);
  c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = to_imvec4(dark ? plot::Color{0.16f, 0.18f, 0.22f, 1}
                                                                      : plot::Color{0.92f, 0.93f, 0.95f, 1});
  c[ImGuiCol_TitleBgCollapsed] = c[ImGuiCol_TitleBg];
  c[ImGuiCol_MenuBarBg] = c[ImGuiCol_TitleBg];
  if (std::string_view(t.name) == to_name(plot::ThemeId::high_contrast)) {
    c[ImGuiCol_Border] = {0, 0, 0, 1};
    c[ImGuiCol_FrameBg] = {1, 1, 1, 1};
    c[ImGuiCol_Button] = {0.85f, 0.88f, 1.0f, 1};
  }
  ImGui::GetStyle() = style;
}

}  // namespace divlab::gui

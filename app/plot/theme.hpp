// Colours, line widths and font sizes shared by the screen and the exported figures.
#pragma once
#include <optional>
#include <string_view>

#include "divlab/common/names.hpp"
#include "plot/canvas.hpp"

namespace divlab::plot {

// The themes by name (settings, --theme, the View menu).
enum class ThemeId { light, dark, print, high_contrast };
inline constexpr EnumName<ThemeId> kThemeNames[] = {{ThemeId::light, "light"},
                                                    {ThemeId::dark, "dark"},
                                                    {ThemeId::print, "print"},
                                                    {ThemeId::high_contrast, "high_contrast"},
                                                    {ThemeId::high_contrast, "high-contrast", true}};
constexpr std::span<const EnumName<ThemeId>> enum_names(ThemeId) { return kThemeNames; }

struct Theme {
  const char* name = "light";
  Color background;     // figure background
  Color plot_bg;        // inside the axes
  Color text;           // labels, titles
  Color text_dim;       // tick labels, secondary text
  Color axis;           // axis lines and ticks
  Color grid;           // grid lines
  Color p, q, m;        // the three distributions
  Color positive;       // contributions above zero (when not coloured by P/Q)
  Color negative;       // contributions below zero
  Color infinite;       // the ∞ markers
  Dash p_dash = Dash::solid, q_dash = Dash::solid, m_dash = Dash::dotted;
  float line_width = 2.0f;    // data lines, at scale 1
  float grid_width = 1.0f;
  float fill_alpha = 0.28f;   // shaded areas
  float font_px = 15.0f;      // base text size at scale 1
  float scale = 1.0f;         // multiplies every size above (presentation / export scale)

  float px(float v) const { return v * scale; }
  float font(float rel = 1.0f) const { return font_px * scale * rel; }
  Stroke p_stroke() const { return {p, px(line_width), p_dash}; }
  Stroke q_stroke() const { return {q, px(line_width), q_dash}; }
  Stroke m_stroke() const { return {m, px(line_width), m_dash}; }
};

Theme light_theme();
Theme dark_theme();
// White background, thin dark lines, a colour-blind-safe palette that reads in grayscale;
// P solid, Q dashed, M dotted.
Theme print_theme();
// For projectors: black on white, thick lines, saturated colours.
Theme high_contrast_theme();
Theme theme(ThemeId id);
// The theme named `name` (kThemeNames, aliases included); nullopt otherwise.
std::optional<Theme> theme_by_name(std::string_view name);

}  // namespace divlab::plot

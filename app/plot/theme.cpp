#include "plot/theme.hpp"

namespace divlab::plot {

namespace {
constexpr Color rgb(int hex, float a = 1.0f) {
  return {((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f, a};
}
}  // namespace

// Colours for P, Q, M come from the Okabe–Ito palette (distinguishable with colour-vision deficiency).
Theme light_theme() {
  Theme t;
  t.name = to_name(ThemeId::light).data();  // a literal: NUL-terminated
  t.background = rgb(0xffffff);
  t.plot_bg = rgb(0xfbfbfd);
  t.text = rgb(0x1f2328);
  t.text_dim = rgb(0x5b6270);
  t.axis = rgb(0x8a919c);
  t.grid = rgb(0xe6e8ec);
  t.p = rgb(0x0072b2);
  t.q = rgb(0xd55e00);
  t.m = rgb(0x009e73);
  t.positive = rgb(0x0072b2);
  t.negative = rgb(0xcc3311);
  t.infinite = rgb(0xb00020);
  return t;
}

Theme dark_theme() {
  Theme t;
  t.name = to_name(ThemeId::dark).data();  // a literal: NUL-terminated
  t.background = rgb(0x1b1d22);
  t.plot_bg = rgb(0x202329);
  t.text = rgb(0xe8eaed);
  t.text_dim = rgb(0xa0a6b0);
  t.axis = rgb(0x6b717c);
  t.grid = rgb(0x30343c);
  t.p = rgb(0x56b4e9);
  t.q = rgb(0xe69f00);
  t.m = rgb(0x33c9a0);
  t.positive = rgb(0x56b4e9);
  t.negative = rgb(0xff7a5c);
  t.infinite = rgb(0xff5370);
  t.fill_alpha = 0.32f;
  return t;
}

Theme print_theme() {
  Theme t;
  t.name = to_name(ThemeId::print).data();  // a literal: NUL-terminated
  t.background = rgb(0xffffff);
  t.plot_bg = rgb(0xffffff);
  t.text = rgb(0x000000);
  t.text_dim = rgb(0x333333);
  t.axis = rgb(0x000000);
  t.grid = rgb(0xe0e0e0);
  // Blue (dark in grayscale) vs a dark orange (lighter in grayscale), plus different dashes. Both
  // are read as text on white too (labels, legends): contrast ≥ 4.5:1 (WCAG AA), Q's is 4.83:1.
  t.p = rgb(0x0a3d91);
  t.q = rgb(0xb35900);
  t.m = rgb(0x444444);
  t.positive = rgb(0x0a3d91);
  t.negative = rgb(0xb35900);
  t.infinite = rgb(0x000000);
  t.p_dash = Dash::solid;
  t.q_dash = Dash::dashed;
  t.m_dash = Dash::dotted;
  t.line_width = 1.4f;
  t.grid_width = 0.6f;
  t.fill_alpha = 0.22f;
  return t;
}

Theme high_contrast_theme() {
  Theme t;
  t.name = to_name(ThemeId::high_contrast).data();  // a literal: NUL-terminated
  t.background = rgb(0xffffff);
  t.plot_bg = rgb(0xffffff);
  t.text = rgb(0x000000);
  t.text_dim = rgb(0x1a1a1a);
  t.axis = rgb(0x000000);
  t.grid = rgb(0xbdbdbd);
  t.p = rgb(0x0044cc);
  t.q = rgb(0xd43d00);
  t.m = rgb(0x007a3d);
  t.positive = rgb(0x0044cc);
  t.negative = rgb(0xd43d00);
  t.infinite = rgb(0xc00000);
  t.q_dash = Dash::dashed;
  t.line_width = 3.0f;
  t.grid_width = 1.2f;
  t.fill_alpha = 0.35f;
  t.font_px = 16.0f;
  return t;
}

Theme theme(ThemeId id) {
  switch (id) {
    case ThemeId::light: return light_theme();
    case ThemeId::dark: return dark_theme();
    case ThemeId::print: return print_theme();
    case ThemeId::high_contrast: return high_contrast_theme();
  }
  return light_theme();
}

std::optional<Theme> theme_by_name(std::string_view name) {
  const std::optional<ThemeId> id = parse_name<ThemeId>(name);
  return id ? std::optional<Theme>(theme(*id)) : std::nullopt;
}

}  // namespace divlab::plot

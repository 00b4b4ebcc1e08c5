// The layout of every lab at the sizes a lecturer meets (1280×720, 1600×900, 1920×1080 and
// 3840×2160), at normal and presentation scale, with the side panels folded and (where a lab has
// them) open: real frames of draw_frame() on the frame driver's "none" backend, then the frame's
// draw data read back:
//   - no text is clipped: every glyph lies inside its draw command's clip rect (its window, its table
//     cell, its button) and none was cut by ImGui's CPU clipping (a glyph whose texture rectangle is
//     not a whole glyph of the atlas: "Randon" for "Random"), unless its window scrolls;
//   - no two texts overlap (glyphs of different text runs);
//   - the tiled panels overlap no other panel and stay on the screen;
//   - every plot is at least kMinPlotHeight × ui scale tall where its window shows it, the rect its
//     axes leave for data at least kMinDataHeight × ui scale (docs/layout.md), and no plot overlaps
//     another.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "labs/coding/coding_lab.hpp"
#include "labs/divergence/divergence_lab.hpp"
#include "labs/fit/fit_lab.hpp"
#include "shell/app.hpp"
#include "shell/frame_driver.hpp"
#include "plot/axes.hpp"
#include "widgets/plot_area.hpp"

namespace divlab::gui {
namespace {

// The least height of a plot, in logical pixels (× the UI scale on the screen), and of the rect its
// axes leave for data (below the title and legend, above the ticks): docs/layout.md.
constexpr float kMinPlotHeight = 100;
constexpr float kMinDataHeight = 50;

struct Box {
  float x0, y0, x1, y1;
  float w() const { return x1 - x0; }
  float h() const { return y1 - y0; }
};
bool overlap(const Box& a, const Box& b, float slack) {
  return a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1;
}
std::string str(const Box& b) {
  std::ostringstream o;
  o << "[" << b.x0 << ", " << b.x1 << "] × [" << b.y0 << ", " << b.y1 << "]";
  return o.str();
}

struct Plot {
  std::string id;
  Box rect, visible;
};
std::vector<Plot> plots;
struct Data {
  std::string title;
  Box rect;
};
std::vector<Data> data_rects;  // each axes' rect left for data (plot::axes_observer)

struct Glyph {
  Box box;
  std::string window;  // its draw list's owner
  int run = 0;         // glyphs of one text drawn in one go share a run
  bool cut = false;    // trimmed by CPU clipping
  bool outside = false;  // beyond its clip rect (the GPU scissor cuts it)
  Box clip;
  std::string ch;  // its character ("?" when cut)
};

// The whole glyph rectangles of the atlas (u0, v0) → (u1, v1): a glyph quad that matches none was
// trimmed by ImGui's fine clipping.
struct AtlasGlyph {
  float u1, v1;
  unsigned codepoint;
};
std::map<std::pair<float, float>, AtlasGlyph> atlas_glyphs() {
  std::map<std::pair<float, float>, AtlasGlyph> m;
  for (const ImFont* f : ImGui::GetIO().Fonts->Fonts)
    for (const ImFontGlyph& g : f->Glyphs) m[{g.U0, g.V0}] = {g.U1, g.V1, g.Codepoint};
  return m;
}

// UTF-8 of a code point (for the messages).
std::string utf8(unsigned c) {
  std::string s;
  if (c < 0x80) s += static_cast<char>(c);
  else if (c < 0x800) s += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
  else
    s += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
  return s;
}

// Every glyph quad of the frame's draw data (quads in the font texture whose texture rectangle
// is not the white pixel), grouped into runs: consecutive glyphs on one line, left to right.
// `slack`: how far a glyph's quad may reach past its clip rect (1.5 px × scale: a glyph's ink may overhang its pen
// position by a pixel: the left bearing of "W", a descender at a cell's edge).
std::vector<Glyph> glyphs_of_frame(float slack) {
  const auto whole = atlas_glyphs();
  const ImDrawData* dd = ImGui::GetDrawData();
  const ImTextureID font_tex = ImGui::GetIO().Fonts->TexID;
  std::vector<Glyph> out;
  int run = 0;
  for (int l = 0; l < dd->CmdListsCount; ++l) {
    const ImDrawList* list = dd->CmdLists[l];
    const std::string owner = list->_OwnerName ? list->_OwnerName : "";
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback || cmd.TextureId != font_tex) continue;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
      const Box clip{cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w};
      ++run;
      const Glyph* prev = nullptr;
      for (unsigned i = 0; i + 6 <= cmd.ElemCount;) {
        const ImDrawIdx a = idx[i];
        const bool quad = idx[i + 1] == a + 1 && idx[i + 2] == a + 2 && idx[i + 3] == a && idx[i + 4] == a + 2 &&
                          idx[i + 5] == a + 3;
        if (!quad) {
          i += 3;
          continue;
        }
        const ImDrawVert &tl = vtx[a], &tr = vtx[a + 1], &br = vtx[a + 2], &bl = vtx[a + 3];
        const bool textured = tl.uv.x < tr.uv.x && tl.uv.y < bl.uv.y && tl.pos.y == tr.pos.y && tl.pos.x == bl.pos.x &&
                              br.pos.x == tr.pos.x && br.pos.y == bl.pos.y;
        if (!textured) {
          i += 3;
          continue;
        }
        i += 6;
        Glyph g;
        g.box = {tl.pos.x, tl.pos.y, br.pos.x, br.pos.y};
        g.window = owner;
        g.clip = clip;
        const auto it = whole.find({tl.uv.x, tl.uv.y});
        g.cut = it == whole.end() || it->second.u1 != br.uv.x || it->second.v1 != br.uv.y;
        g.ch = g.cut ? "?" : utf8(it->second.codepoint);
        g.outside = g.box.x0 < clip.x0 - slack || g.box.x1 > clip.x1 + slack || g.box.y0 < clip.y0 - slack ||
                    g.box.y1 > clip.y1 + slack;
        // A new run unless it follows the last glyph on the same line, close to its right.
        const bool same_line = prev && g.box.x0 >= prev->box.x0 && g.box.x0 - prev->box.x1 < 2 * prev->box.h() + 4 &&
                               std::min(g.box.y1, prev->box.y1) - std::max(g.box.y0, prev->box.y0) >
                                   0.3f * std::min(g.box.h(), prev->box.h());
        if (!same_line) ++run;
        g.run = run;
        out.push_back(g);
        prev = &out.back();
      }
    }
  }
  return out;
}

struct Case {
  std::string lab;
  int w, h;
  float scale;
  bool tools;  // the side panel of the compact layout shown
};

std::string case_name(const Case& c);
void PrintTo(const Case& c, std::ostream* os) { *os << case_name(c); }

std::string case_name(const Case& c) {
  return c.lab + "_" + std::to_string(c.w) + "x" + std::to_string(c.h) + (c.scale > 1 ? "_presentation" : "_normal") +
         (c.tools ? "_tools" : "");
}

class Layout : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    const Case& c = GetParam();
    app = std::make_unique<App>();
    ASSERT_TRUE(app->switch_lab(c.lab));
    if (c.scale > 1) {
      app->settings.presentation_scale = c.scale;
      app->settings.theme = "high_contrast";
    }
    Lab& lab = app->lab();
    if (auto* d = dynamic_cast<DivergenceLab*>(&lab)) d->show_tools = c.tools;
    if (auto* f = dynamic_cast<FitLab*>(&lab)) f->show_tools = c.tools;
    if (auto* k = dynamic_cast<CodingLab*>(&lab)) k->show_tools = c.tools;
    std::string error;
    backend = make_frame_backend("none", c.w, c.h, &error);
    ASSERT_TRUE(backend) << error;
    driver = std::make_unique<FrameDriver>(*app, *backend);
    ASSERT_TRUE(driver->ok()) << driver->error();
    ASSERT_TRUE(driver->fonts_found()) << "DejaVu Sans missing";
    ImGui::GetIO().MousePos = {-1000, -1000};  // no hover readouts, no tooltips
    plot_observer = [](const char* id, plot::Rect r, plot::Rect v) {
      plots.push_back({id, {r.x0, r.y0, r.x1, r.y1}, {v.x0, v.y0, v.x1, v.y1}});
    };
    plot::axes_observer = [](std::string_view title, plot::Rect r) {
      data_rects.push_back({std::string(title), {r.x0, r.y0, r.x1, r.y1}});
    };
    // A few frames: ImGui sizes windows and tab bars from the frame before, and the axes ease in.
    for (int i = 0; i < 4; ++i) {
      plots.clear();
      data_rects.clear();
      driver->frame();
    }
  }
  void TearDown() override {
    plot_observer = nullptr;
    plot::axes_observer = nullptr;
    driver.reset();
    app.reset();
    backend.reset();
  }
  std::unique_ptr<App> app;
  std::unique_ptr<FrameBackend> backend;
  std::unique_ptr<FrameDriver> driver;
};

// Whether the window `name` (a draw list's owner) or a window it is in scrolls: what it clips can
// be scrolled to.
bool scrolls(const std::string& name) {
  for (const ImGuiWindow* w = ImGui::FindWindowByName(name.c_str()); w; w = w->ParentWindow)
    if (w->ScrollbarY || w->ScrollbarX) return true;
  return false;
}

void expect_texts_fit(float scale) {
  const std::vector<Glyph> glyphs = glyphs_of_frame(1.5f * scale);
  ASSERT_GT(glyphs.size(), 100u);  // the frame did draw its texts
  std::map<int, std::string> text;  // each run's characters, for the messages
  for (const Glyph& g : glyphs) text[g.run] += g.ch;
  int reported = 0;
  for (const Glyph& g : glyphs) {
    if ((g.cut || g.outside) && !scrolls(g.window) && reported < 8) {
      ++reported;
      ADD_FAILURE() << "text '" << text[g.run] << "' clipped in '" << g.window << "': glyph " << str(g.box)
                    << (g.cut ? " cut" : "")
                    << " in clip rect " << str(g.clip);
    }
  }
  // Overlaps: glyphs of different runs (a grid of 64 px cells keeps it linear).
  std::map<std::pair<int, int>, std::vector<std::size_t>> grid;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const Box& b = glyphs[i].box;
    for (int gx = static_cast<int>(b.x0) / 64; gx <= static_cast<int>(b.x1) / 64; ++gx)
      for (int gy = static_cast<int>(b.y0) / 64; gy <= static_cast<int>(b.y1) / 64; ++gy) grid[{gx, gy}].push_back(i);
  }
  reported = 0;
  for (const auto& [cell, members] : grid)
    for (std::size_t a = 0; a < members.size(); ++a)
      for (std::size_t b = a + 1; b < members.size(); ++b) {
        const Glyph &ga = glyphs[members[a]], &gb = glyphs[members[b]];
        if (ga.run == gb.run || !overlap(ga.box, gb.box, 1.5f)) continue;
        // Only where both are shown (a glyph hidden by its clip rect overlaps nothing).
        if (ga.outside || gb.outside) continue;
        if (reported++ < 8)
          ADD_FAILURE() << "texts overlap: '" << text[ga.run] << "' in '" << ga.window << "' at " << str(ga.box)
                        << " and '" << text[gb.run] << "' in '" << gb.window << "' at " << str(gb.box);
      }
}

void expect_panels_tile() {
  const ImGuiContext& g = *GImGui;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  std::vector<const ImGuiWindow*> panels;
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->Active || w->Hidden) continue;
    if (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)) continue;
    EXPECT_TRUE(w->Pos.x >= -0.5f && w->Pos.y >= -0.5f && w->Pos.x + w->Size.x <= display.x + 0.5f &&
                w->Pos.y + w->Size.y <= display.y + 0.5f)
        << "'" << w->Name << "' leaves the screen: at (" << w->Pos.x << ", " << w->Pos.y << ") size (" << w->Size.x
        << ", " << w->Size.y << ")";
    for (const ImGuiWindow* o : panels)
      EXPECT_FALSE(overlap({w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y},
                           {o->Pos.x, o->Pos.y, o->Pos.x + o->Size.x, o->Pos.y + o->Size.y}, 0.5f))
          << "'" << w->Name << "' overlaps '" << o->Name << "'";
    panels.push_back(w);
  }
  EXPECT_GE(panels.size(), 3u);  // the menu bar, the status bar and the lab's panels
}

void expect_plots_tall_enough(float scale) {
  ASSERT_FALSE(plots.empty());
  const float min_h = std::floor(kMinPlotHeight * scale);
  for (std::size_t i = 0; i < plots.size(); ++i) {
    const Plot& p = plots[i];
    EXPECT_GE(p.visible.h(), min_h) << p.id << " " << str(p.rect) << " shows " << str(p.visible);
    EXPECT_GE(p.visible.w(), min_h) << p.id << " " << str(p.rect) << " shows " << str(p.visible);
    for (std::size_t j = i + 1; j < plots.size(); ++j)
      EXPECT_FALSE(overlap(p.visible, plots[j].visible, 0.5f)) << p.id << " overlaps " << plots[j].id;
  }
}

// One test per case (the set-up, fonts and frames, is most of its time).
TEST_P(Layout, TextsFitNothingOverlapsPlotsAreTallEnough) {
  expect_texts_fit(ui_scale(*app));
  expect_panels_tile();
  expect_plots_tall_enough(ui_scale(*app));
  // The rect each axes leaves for data, below its title and legend and above its ticks.
  for (const Data& d : data_rects)
    EXPECT_GE(d.rect.h(), std::floor(kMinDataHeight * ui_scale(*app)))
        << "the data of '" << d.title << "' get " << d.rect.h() << " px: " << str(d.rect);
}

std::vector<Case> cases() {
  std::vector<Case> out;
  const std::pair<int, int> sizes[] = {{1280, 720}, {1600, 900}, {1920, 1080}, {3840, 2160}};
  for (const char* lab : {"divergence", "fit", "joint", "coding"})
    for (const auto& [w, h] : sizes)
      for (const float scale : {1.0f, 2.0f}) {
        out.push_back({lab, w, h, scale, false});
        // The side panel of the compact layouts: the labs that fold their tools away.
        if (std::string(lab) != "joint") out.push_back({lab, w, h, scale, true});
      }
  return out;
}

INSTANTIATE_TEST_SUITE_P(EveryLab, Layout, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return case_name(info.param); });

}  // namespace
}  // namespace divlab::gui

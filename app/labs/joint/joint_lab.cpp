// The joint lab: data sync, the layout of its panels, direct editing of the table, its actions.
#include "labs/joint/joint_lab.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // IMGUI_TABLE_MAX_COLUMNS
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <exception>

#include "divlab/teaching/joint_explain.hpp"
#include "plot/axes.hpp"
#include "shell/app.hpp"
#include "shell/export_menu.hpp"
#include "shell/panel.hpp"
#include "widgets/imgui_canvas.hpp"
#include "widgets/metric_tooltip.hpp"
#include "widgets/plot_area.hpp"

namespace divlab::gui {

namespace {

constexpr std::string_view kFigures[] = {"joint_table", "joint_vs_product", "pointwise_mi", "information_diagram"};

std::string unit(Base b) { return unit_text(QuantityUnit::information, b); }

// The hover text of a cell: its probability, the independent product, pmi and its share of I.
void cell_tooltip(const plot::JointFigureData& d, std::size_t i, std::size_t j) {
  const double p = d.cell(i, j), q = d.analysis.marginals.x[i] * d.analysis.marginals.y[j];
  const auto pmi = d.pmi_at(i, j);
  ImGui::BeginTooltip();
  ImGui::Text("X = %s, Y = %s", d.x_labels[i].c_str(), d.y_labels[j].c_str());
  ImGui::Separator();
  ImGui::Text("p(x,y) = %s", plot::format_value(p, 4).c_str());
  ImGui::Text("p(x)·p(y) = %s · %s = %s", plot::format_value(d.analysis.marginals.x[i], 3).c_str(),
              plot::format_value(d.analysis.marginals.y[j], 3).c_str(), plot::format_value(q, 4).c_str());
  if (pmi) {
    ImGui::Text("pmi = log p(x,y)/(p(x)p(y)) = %s %s", plot::format_value(*pmi, 4).c_str(), unit(d.base).c_str());
    if (std::isfinite(*pmi))
      ImGui::TextDisabled(*pmi >= 0 ? "together more often than if independent" : "together less often than if independent");
    else
      ImGui::TextDisabled("never together, though each happens: that pair is ruled out");
    ImGui::Text("its term p·pmi in I: %s %s", plot::format_value(p > 0 ? p * *pmi : 0.0, 4).c_str(), unit(d.base).c_str());
  } else {
    ImGui::TextDisabled("pmi undefined: its row or column has no mass");
  }
  ImGui::EndTooltip();
}

void quantity_tooltip(std::string_view key, const JointMeasures& m) {
  const JointExplanation* e = joint_explanation(key);
  if (!e) return;
  explanation_tooltip(e->formula, e->meaning, joint_sentence(key, m));
}

}  // namespace

Scenario default_joint_scenario() {
  Scenario s;
  s.kind = Kind::joint;
  s.base = Base::two;
  s.base_given = true;
  s.title = "Weather and transport";
  s.joint.mass = {{30, 10, 5}, {5, 20, 30}};
  s.joint.x_labels = {"rain", "sun"};
  s.joint.y_labels = {"bus", "bike", "walk"};
  return s;
}

std::optional<Scenario> joint_as_pq(const Scenario& joint, std::string* error) {
  const plot::JointFigureData d = plot::joint_figure_data(joint);
  if (d.rows * d.cols > static_cast<std::size_t>(kMaxBins)) {
    *error = "the table has " + std::to_string(d.rows * d.cols) + " cells; the divergence lab takes at most " +
             std::to_string(kMaxBins) + " bins";
    return std::nullopt;
  }
  Scenario s;
  s.kind = Kind::discrete;
  s.base = joint.base;
  s.base_given = true;
  s.title = joint.title.value_or("Joint table") + ": P_XY vs P_X ⊗ P_Y";
  for (std::size_t i = 0; i < d.rows; ++i)
    for (std::size_t j = 0; j < d.cols; ++j) {
      const double q = d.analysis.marginals.x[i] * d.analysis.marginals.y[j];
      if (d.cell(i, j) > 0 && !(q > 0)) {  // p(x)p(y) below the double range: D(P‖Q) would be ∞ while I is finite
        *error = "p(x)·p(y) of cell (" + d.x_labels[i] + ", " + d.y_labels[j] +
                 ") is below the smallest double, so the cells cannot be shown as bins";
        return std::nullopt;
      }
      s.p_mass.push_back(d.cell(i, j));
      s.q_mass.push_back(q);
      s.labels.push_back(d.x_labels[i] + "," + d.y_labels[j]);
    }
  return s;
}

JointLab::JointLab() : Lab(default_joint_scenario()) {}

std::span<const std::string_view> JointLab::figures() const { return kFigures; }

void JointLab::reset_view() {
  drag.reset();
  hovered.reset();
}

void JointLab::sync() {
  if (doc.revision() == data_revision && shown_base() == data_shown_base) return;
  data_revision = doc.revision();
  data_shown_base = shown_base();
  try {
    plot::refresh_joint_figure_data(data, doc.scenario(), shown_base());
  } catch (const std::exception& e) {
    data = {};  // nothing drawn from a stale table of another size
    error = std::string("Could not compute the joint measures: ") + e.what();
  }
}

std::string JointLab::status_hint() const {
  return lock_marginals ? "Marginals locked (L): edits keep H(X) and H(Y)" : "Drag a cell up or down; Shift+drag paints";
}

nlohmann::json JointLab::layout() const {
  const auto& g = table_grid.grid;
  return {{"table_grid", {g.x0, g.y0, g.x1, g.y1}}, {"rows", table_grid.rows}, {"cols", table_grid.cols}};
}

void JointLab::view_menu(App&) { ImGui::MenuItem("Lock marginals", "L", &lock_marginals); }

namespace {

// Continues the row with the next item when it fits, else starts a new row (presentation scale).
void flow(const char* next_label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(next_label).x + style.FramePadding.x * 2;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right) ImGui::SameLine();
}

// The toolbar above the table: lock, rows and columns, the way to the divergence lab.
void table_toolbar(App& app, JointLab& lab) {
  Document& d = lab.doc;
  ImGui::Checkbox("Lock marginals (L)", &lab.lock_marginals);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Edits move mass only along directions that keep every row sum P(X) and column sum P(Y):\n"
                      "H(X) and H(Y) stay put while I(X;Y) changes.");
  flow("+ row");
  ImGui::BeginDisabled(d.joint_rows() >= kMaxJointSide);
  if (ImGui::Button("+ row")) d.insert_joint_row(d.joint_rows());
  ImGui::EndDisabled();
  flow("− row");
  ImGui::BeginDisabled(d.joint_rows() <= 1);
  if (ImGui::Button("− row")) d.remove_joint_row(d.joint_rows() - 1);
  ImGui::EndDisabled();
  flow("+ column");
  ImGui::BeginDisabled(d.joint_cols() >= kMaxJointSide);
  if (ImGui::Button("+ column")) d.insert_joint_col(d.joint_cols());
  ImGui::EndDisabled();
  flow("− column");
  ImGui::BeginDisabled(d.joint_cols() <= 1);
  if (ImGui::Button("− column")) d.remove_joint_col(d.joint_cols() - 1);
  ImGui::EndDisabled();
  flow("Open as P vs Q");
  if (ImGui::Button("Open as P vs Q"))
    if (const std::string error = run_action(app, "joint.open_as_pq"); !error.empty()) app.error_message = error;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The divergence lab with P = P_XY and Q = P_X ⊗ P_Y (the cells as bins):\nthere D(P‖Q) is I(X;Y).");
}

// The editable heatmap: drag a cell up or down to change its probability; Shift+drag paints.
void table_plot(App& app, JointLab& lab, float height) {
  const plot::Theme t = current_theme(app);
  const PlotArea area = plot_area("##jointtable", height);
  ImGuiCanvas canvas = make_canvas(app, area);
  plot::JointTableOptions o;
  if (lab.drag) o.highlight = lab.drag->cell;
  else o.highlight = lab.hovered;
  lab.table_grid = plot::figure_joint_table(canvas, t, area.rect, lab.data, o);
  const auto under = lab.table_grid.hit({area.mouse.x, area.mouse.y});
  Document& d = lab.doc;
  if (area.clicked && under) {
    const ImGuiIO& io = ImGui::GetIO();
    lab.drag = JointLab::Drag{*under, lab.data.cell(under->first, under->second), area.mouse.y,
                              std::max(1.0f, lab.table_grid.grid.height()), io.KeyShift,
                              d.scenario().joint.mass[under->first][under->second]};
    d.begin_gesture();
  }
  if (lab.drag && area.active) {
    JointLab::Drag& g = *lab.drag;
    if (g.paint) {
      if (under && *under != g.cell) d.paint_joint(static_cast<int>(under->first), static_cast<int>(under->second), g.brush);
    } else {
      // A drag over the whole grid height moves the probability by 1: the mapping is frozen at the press.
      // Short of 1: a cell at exactly 1 would leave the others all 0 and lose their ratios.
      const double target = std::clamp(g.start_prob + (g.start_y - area.mouse.y) / g.grid_height, 0.0, 1.0 - 1e-6);
      const int i = static_cast<int>(g.cell.first), j = static_cast<int>(g.cell.second);
      if (lab.lock_marginals) d.set_cell_keep_marginals(i, j, target);
      else d.set_joint_probability(i, j, target);
    }
  }
  if (lab.drag && !area.active) {
    if (lab.drag->paint) d.normalise_joint();
    d.end_gesture();
    lab.drag.reset();
  }
  if (area.hovered && under) {
    lab.hovered = under;
    if (!lab.drag) cell_tooltip(lab.data, under->first, under->second);
  }
}

// Exact values: a probability per cell (typing rescales the others, or with the lock moves along the
// direction that keeps the marginals), and the row and column labels.
void values_table(JointLab& lab) {
  Document& d = lab.doc;
  const int R = static_cast<int>(lab.data.rows), C = static_cast<int>(lab.data.cols);  // as sync() saw them
  if (C + 1 > IMGUI_TABLE_MAX_COLUMNS || R != d.joint_rows() || C != d.joint_cols()) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##jointvalues", C + 1, flags, ImGui::GetContentRegionAvail())) return;
  const float w = ImGui::GetFontSize() * 4.2f;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextDisabled("X \\ Y");
  for (int j = 0; j < C; ++j) {
    ImGui::TableSetColumnIndex(j + 1);
    ImGui::PushID(1000 + j);
    std::string label = j < static_cast<int>(d.scenario().joint.y_labels.size()) ? d.scenario().joint.y_labels[j] : "";
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputTextWithHint("##y", lab.data.y_labels[static_cast<std::size_t>(j)].c_str(), &label,
                                 ImGuiInputTextFlags_EnterReturnsTrue) ||
        ImGui::IsItemDeactivatedAfterEdit())
      d.set_joint_y_label(j, label);
    ImGui::PopID();
  }
  for (int i = 0; i < R; ++i) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(2000 + i);
    std::string label = i < static_cast<int>(d.scenario().joint.x_labels.size()) ? d.scenario().joint.x_labels[i] : "";
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputTextWithHint("##x", lab.data.x_labels[static_cast<std::size_t>(i)].c_str(), &label,
                                 ImGuiInputTextFlags_EnterReturnsTrue) ||
        ImGui::IsItemDeactivatedAfterEdit())
      d.set_joint_x_label(i, label);
    ImGui::PopID();
    for (int j = 0; j < C; ++j) {
      ImGui::TableSetColumnIndex(j + 1);
      ImGui::PushID(i * C + j);
      double p = d.joint_probability(i, j);
      ImGui::SetNextItemWidth(w);
      // What was typed is kept until the field loses focus, whatever takes the focus (a click on the
      // heatmap drawn before this table would otherwise discard it).
      if (ImGui::InputDouble("##p", &p, 0, 0, "%.4f")) lab.typing = JointLab::Typed{i, j, p};
      if (ImGui::IsItemDeactivated() && lab.typing && lab.typing->row == i && lab.typing->col == j) {
        const double typed = lab.typing->value;
        lab.typing.reset();
        if (std::isfinite(typed)) {
          if (lab.lock_marginals) d.set_cell_keep_marginals(i, j, std::clamp(typed, 0.0, 1.0));
          else d.set_joint_probability(i, j, std::clamp(typed, 0.0, 1.0 - 1e-6));
        }
      }
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(lab.lock_marginals ? "P(%s, %s): typing moves it as far as the locked marginals allow"
                                             : "P(%s, %s): typing a probability rescales the other cells to share the rest",
                          lab.data.x_labels[static_cast<std::size_t>(i)].c_str(),
                          lab.data.y_labels[static_cast<std::size_t>(j)].c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

void pmi_panel(App& app, JointLab& lab) {
  const PlotArea area = plot_area("##pmi");
  ImGuiCanvas canvas = make_canvas(app, area);
  const plot::CellGrid g = plot::figure_pointwise_mi(canvas, current_theme(app), area.rect, lab.data, lab.hovered);
  if (area.hovered)
    if (const auto c = g.hit({area.mouse.x, area.mouse.y})) {
      lab.hovered = c;
      cell_tooltip(lab.data, c->first, c->second);
    }
}

void product_panel(App& app, JointLab& lab) {
  const PlotArea area = plot_area("##product");
  ImGuiCanvas canvas = make_canvas(app, area);
  plot::figure_joint_vs_product(canvas, current_theme(app), area.rect, lab.data);
  if (area.hovered) quantity_tooltip("mutual_information", lab.data.analysis.measures);
}

void diagram_panel(App& app, JointLab& lab) {
  const PlotArea area = plot_area("##diagram");
  ImGuiCanvas canvas = make_canvas(app, area);
  const auto segments = plot::figure_information_diagram(canvas, current_theme(app), area.rect, lab.data);
  if (!area.hovered) return;
  for (const plot::InfoSegment& s : segments)
    if (s.rect.contains({area.mouse.x, area.mouse.y})) {
      quantity_tooltip(s.key, lab.data.analysis.measures);
      break;
    }
}

}  // namespace

void JointLab::draw(App& app, const LabArea& area) {
  sync();
  if (!error.empty()) app.error_message = std::exchange(error, {});
  if (data.rows == 0) return;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) hovered.reset();  // set again by whichever panel is hovered
  const float s = ui_scale(app);
  const float W = area.size.x, H = area.size.y;
  compact_layout = W / s < 1250 || H / s < 680;
  const float left = std::round(W * (compact_layout ? 0.5f : 0.44f));
  const float rx = area.pos.x + left, rw = W - left;
  const ImVec2 p0 = area.pos;
  // The values table fits below the heatmap (and in an ImGui table: at most 64 columns).
  const bool small = data.rows * data.cols <= 144 && data.cols + 1 <= IMGUI_TABLE_MAX_COLUMNS;

  if (begin_panel(compact_layout ? "Joint table P(X,Y)###jointtable" : "Joint table P(X,Y): drag a cell, Shift+drag to paint###jointtable",
                  p0, {left, H})) {
    table_toolbar(app, *this);
    sync();  // the toolbar may have added or removed a row or column this frame
    const float avail = ImGui::GetContentRegionAvail().y;
    const float table_h = small && !compact_layout
                              ? std::min(avail * 0.4f, ImGui::GetFrameHeightWithSpacing() * (static_cast<float>(data.rows) + 1.6f))
                              : 0.0f;
    table_plot(app, *this, table_h > 0 ? avail - table_h - ImGui::GetStyle().ItemSpacing.y : 0.0f);
    export_context_menu(app, "joint_table", figure_source());
    if (table_h > 0) values_table(*this);
  }
  ImGui::End();
  if (compact_layout) {
    if (begin_panel("###jointright", {rx, p0.y}, {rw, H}, ImGuiWindowFlags_NoTitleBar)) {
      if (ImGui::BeginTabBar("##jointtabs")) {
        if (ImGui::BeginTabItem("P vs P⊗P")) {
          product_panel(app, *this);
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("pmi")) {
          pmi_panel(app, *this);
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Diagram")) {
          diagram_panel(app, *this);
          ImGui::EndTabItem();
        }
        if (small && ImGui::BeginTabItem("Values")) {
          values_table(*this);
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
    }
    ImGui::End();
    return;
  }
  const float h1 = std::round(H * 0.36f), h2 = std::round(H * 0.34f), h3 = H - h1 - h2;
  if (begin_panel("I(X;Y) = D(P_XY ‖ P_X ⊗ P_Y)###jointproduct", {rx, p0.y}, {rw, h1})) {
    product_panel(app, *this);
    export_context_menu(app, "joint_vs_product", figure_source());
  }
  ImGui::End();
  if (begin_panel("Pointwise mutual information###jointpmi", {rx, p0.y + h1}, {rw, h2})) {
    pmi_panel(app, *this);
    export_context_menu(app, "pointwise_mi", figure_source());
  }
  ImGui::End();
  if (begin_panel("Information diagram: hover a bar###jointdiagram", {rx, p0.y + h1 + h2}, {rw, h3})) {
    diagram_panel(app, *this);
    export_context_menu(app, "information_diagram", figure_source());
  }
  ImGui::End();
}

void JointLab::register_actions(ActionRegistry& r) {
  r.add({"joint.lock_marginals", "Joint", "Lock the marginals: edits keep H(X) and H(Y), only I changes", "joint",
         {{GLFW_KEY_L}}, false, "on: true | false (default: toggle)", [this](App&, const nlohmann::json& args) {
           const auto on = args.find("on");
           if (on != args.end() && !on->is_boolean()) return std::string("on: expected true or false, got ") + on->dump();
           lock_marginals = on != args.end() ? on->get<bool>() : !lock_marginals;
           return std::string();
         }});
  r.add({"joint.open_as_pq", "Joint", "Open as P vs Q: P = P_XY, Q = P_X ⊗ P_Y in the divergence lab", "joint",
         {{GLFW_KEY_D}}, false, "", [this](App& app, const nlohmann::json&) {
           sync();
           if (data.rows == 0) return std::string("no table to open");
           std::string error;
           std::optional<Scenario> pq = joint_as_pq(doc.scenario(), &error);
           if (!pq) return error;
           open_scenario(app, "divergence", std::move(*pq));
           return std::string();
         }});
  r.add({"joint.set_cell", "Joint", "Set one cell's probability", "joint", {}, false,
         "row, col: from 0; p: 0–1 (keeps the marginals while they are locked)", [this](App&, const nlohmann::json& args) {
           std::string error;
           const auto i = int_arg(args, "row", 0, doc.joint_rows() - 1, &error);
           const auto j = i ? int_arg(args, "col", 0, doc.joint_cols() - 1, &error) : std::nullopt;
           const auto p = j ? number_arg(args, "p", 0, 1, &error) : std::nullopt;
           if (!p) return error;
           if (lock_marginals) doc.set_cell_keep_marginals(*i, *j, *p);
           else doc.set_joint_probability(*i, *j, *p);
           return std::string();
         }});
  r.add({"joint.add_row", "Joint", "Add a row (a value of X)", "joint", {}, false, "",
         [this](App&, const nlohmann::json&) { return doc.insert_joint_row(doc.joint_rows()), std::string(); }});
  r.add({"joint.add_column", "Joint", "Add a column (a value of Y)", "joint", {}, false, "",
         [this](App&, const nlohmann::json&) { return doc.insert_joint_col(doc.joint_cols()), std::string(); }});
}

}  // namespace divlab::gui

#include "figures/registry.hpp"

#include <array>

#include "figures/figures_coding.hpp"
#include "figures/figures_fit.hpp"
#include "figures/figures_joint.hpp"

namespace divlab::plot {

namespace {

// A P-vs-Q figure from the screen's data, else computed from the scenario.
template <void (*Draw)(Canvas&, const Theme&, Rect, const FigureData&, const FigureOptions&)>
std::string pq_figure(Canvas& c, const Theme& t, Rect r, const FigureSource& s) {
  if (s.data) return Draw(c, t, r, *s.data, {}), std::string();
  if (!s.scenario) return "no scenario to draw";
  if (s.scenario->kind == Kind::joint) return "a joint scenario has no P and Q (see the joint figures)";
  return Draw(c, t, r, compute_figure_data(*s.scenario, 801, {}, s.base), {}), std::string();
}

// The axes-returning figures, as the same shape.
template <Axes (*Draw)(Canvas&, const Theme&, Rect, const FigureData&, const FigureOptions&)>
void discard_axes(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o) {
  Draw(c, t, r, d, o);
}

// A fit figure: the fit lab's screen when given (its settings and runs so far), else the scenario's
// fit section run to the end.
template <const char* Name>
std::string fit_figure(Canvas& c, const Theme& t, Rect r, const FigureSource& s) {
  if (s.fit) {
    if (!draw_fit_screen(Name, c, t, r, *s.fit)) return "the landscapes are not computed yet";
    return {};
  }
  if (!s.scenario) return "the fit figures run the scenario's fit: no scenario given";
  if (s.scenario->kind == Kind::joint) return "a joint scenario has no P to fit";
  std::string error;
  if (!draw_fit_figure(Name, c, t, r, *s.scenario, &error)) return error;
  return {};
}
constexpr char kFit[] = "fit", kFitOverlay[] = "fit_overlay", kFitLoss[] = "fit_loss", kLandscape[] = "landscape",
               kLandscapeForward[] = "landscape_forward", kLandscapeReverse[] = "landscape_reverse";

// A joint figure, from the scenario's table (SPEC §5).
template <void (*Draw)(Canvas&, const Theme&, Rect, const JointFigureData&)>
std::string joint_figure(Canvas& c, const Theme& t, Rect r, const FigureSource& s) {
  if (!s.scenario || s.scenario->kind != Kind::joint) return "needs a joint scenario (\"kind\": \"joint\")";
  Draw(c, t, r, joint_figure_data(*s.scenario, s.base));
  return {};
}

void joint_table(Canvas& c, const Theme& t, Rect r, const JointFigureData& d) { figure_joint_table(c, t, r, d); }
void pointwise_mi(Canvas& c, const Theme& t, Rect r, const JointFigureData& d) { figure_pointwise_mi(c, t, r, d); }
void information_diagram(Canvas& c, const Theme& t, Rect r, const JointFigureData& d) {
  figure_information_diagram(c, t, r, d);
}

// A coding figure (SPEC §6), from the scenario's discrete P and Q.
template <std::vector<SymbolHit> (*Draw)(Canvas&, const Theme&, Rect, const CodingFigureData&, std::optional<int>)>
std::string coding_figure(Canvas& c, const Theme& t, Rect r, const FigureSource& s) {
  if (!s.scenario || s.scenario->kind != Kind::discrete) return "needs a discrete scenario (codes are built for discrete P and Q)";
  Draw(c, t, r, coding_figure_data(*s.scenario), std::nullopt);
  return {};
}

constexpr std::array<FigureSpec, 19> kFigures{{
    {"densities", "divergence", "P and Q (masses or densities)", {800, 480}, true,
     pq_figure<discard_axes<figure_densities>>},
    {"contributions", "divergence", "where each divergence comes from (pointwise integrands)", {800, 480}, true,
     pq_figure<discard_axes<figure_contributions>>},
    {"cdf", "divergence", "the CDFs and W₁ as the area between them", {800, 480}, true,
     pq_figure<discard_axes<figure_cdf>>},
    {"metrics", "divergence", "every quantity of SPEC §1", {900, 520}, true, pq_figure<figure_metrics>},
    {"identities", "divergence", "H(P,Q) = H(P) + D(P‖Q) and the perplexity identities", {900, 520}, true,
     pq_figure<figure_identities>},
    {"dashboard", "divergence", "the whole divergence lab on one page", {1400, 900}, true, pq_figure<figure_dashboard>},
    {"fit", "fit", "forward and reverse KL fits of P with their loss curves", {1200, 500}, false, fit_figure<kFit>},
    {"fit_overlay", "fit", "P with the forward and reverse KL fits and the start", {800, 480}, false,
     fit_figure<kFitOverlay>},
    {"fit_loss", "fit", "the objective of both fits against the step", {600, 420}, false, fit_figure<kFitLoss>},
    {"landscape", "fit", "the forward and reverse KL objective landscapes", {1200, 500}, false, fit_figure<kLandscape>},
    {"landscape_forward", "fit", "the forward KL landscape D(P‖Q) over (μ, log σ)", {640, 520}, false,
     fit_figure<kLandscapeForward>},
    {"landscape_reverse", "fit", "the reverse KL landscape D(Q‖P) over (μ, log σ)", {640, 520}, false,
     fit_figure<kLandscapeReverse>},
    {"joint_table", "joint", "the joint table P(X,Y) with its marginals", {800, 600}, false, joint_figure<joint_table>},
    {"joint_vs_product", "joint", "P_XY beside P_X ⊗ P_Y on one colour scale, and I(X;Y)", {1000, 480}, false,
     joint_figure<figure_joint_vs_product>},
    {"pointwise_mi", "joint", "the pointwise mutual information on a diverging scale", {800, 560}, false,
     joint_figure<pointwise_mi>},
    {"information_diagram", "joint", "H(X), H(Y), H(X,Y), the conditional entropies and I as stacked bars",
     {900, 360}, false, joint_figure<information_diagram>},
    {"code_trees", "coding", "the Huffman code trees of P and of Q", {1200, 560}, false, coding_figure<figure_code_trees>},
    {"code_table", "coding", "the codes table: p, q, both codewords, lengths and ideal lengths (.tex/.csv too)",
     {1000, 520}, true, coding_figure<figure_code_table>},
    {"code_area", "coding", "bars p(x) wide and ℓ(x) tall: P's code and Q's code on P's data, the difference shaded",
     {1200, 480}, false, coding_figure<figure_code_area>},
}};

}  // namespace

std::span<const FigureSpec> figure_registry() { return kFigures; }

const FigureSpec* find_figure(std::string_view name) {
  for (const FigureSpec& f : kFigures)
    if (f.name == name) return &f;
  return nullptr;
}

std::string figure_list() {
  std::string out;
  for (const FigureSpec& f : kFigures) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

}  // namespace divlab::plot

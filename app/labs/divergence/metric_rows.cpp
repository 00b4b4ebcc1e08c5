#include "labs/divergence/metric_rows.hpp"

#include <cmath>

#include "divlab/measures/quantities.hpp"
#include "plot/axes.hpp"

namespace divlab::gui {

namespace {

// The panel's layout (its words are the registry's): the colour of each row and where a group starts.
struct Layout {
  std::string_view key;
  Tint tint = Tint::neutral;
  bool group_start = false;  // a separator goes above this row
};

constexpr Layout kLayout[] = {
    {"entropy_p", Tint::p, true},      {"entropy_q", Tint::q},         {"cross_entropy_pq", Tint::p, true},
    {"cross_entropy_qp", Tint::q},     {"kl_pq", Tint::p, true},       {"kl_qp", Tint::q},
    {"jsd", Tint::m},                  {"js_distance", Tint::m},       {"wasserstein_1", Tint::neutral, true},
    {"perplexity_p", Tint::p, true},   {"perplexity_q", Tint::q},      {"perplexity_pq", Tint::p},
    {"perplexity_qp", Tint::q},
};

Layout layout_of(std::string_view key) {
  for (const Layout& l : kLayout)
    if (l.key == key) return l;
  return {key};
}

}  // namespace

std::vector<MetricRow> metric_rows(const Measures& m, bool discrete) {
  const QuantityContext ctx{.continuous = !discrete};
  std::vector<MetricRow> rows;
  for (const Quantity& q : kQuantities) {
    const double value = m.*q.value;
    std::string why(q.infinite_reason(m));
    // A perplexity b^H is finite whenever H is, even past the largest double: shown as the power.
    std::string shown = shown_value(q, m);
    if (std::isinf(value) && shown.find('^') != std::string::npos) why.clear();
    else if (!std::isfinite(value) && why.empty()) why = "infinite";
    const Layout l = layout_of(q.key);
    rows.push_back({std::string(q.key), std::string(q.symbol), std::string(q.name), value, std::move(shown),
                    q.unit_in(m.base, ctx), shown_quantity(q, m, ctx), std::string(q.formula), q.sentence(m, ctx), why, l.tint, l.group_start});
  }
  return rows;
}

}  // namespace divlab::gui

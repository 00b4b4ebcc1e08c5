// The data behind a figure as CSV: one row per x (or bin), the columns the figure plots.
// Numbers carry 17 significant digits; +∞ is "inf" (as in `metrics --json`).
#pragma once
#include <string>
#include <string_view>

#include "figures/figures.hpp"

namespace divlab::exporting {

// True when the path ends in .csv (case-insensitive).
bool is_csv_path(std::string_view path);

// densities: x, p, q, m · contributions: x, contrib_pq, contrib_qp, jsd_integrand · cdf: x, cdf_p,
// cdf_q, cdf_absdiff · metrics/identities: the metrics table (key, symbol, value, unit) · any other
// figure (dashboard): every curve column. Discrete data gets a leading "label" column when labelled.
std::string figure_csv(std::string_view figure, const plot::FigureData& data);

}  // namespace divlab::exporting

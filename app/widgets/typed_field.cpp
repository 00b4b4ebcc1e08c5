#include "widgets/typed_field.hpp"

#include <cmath>

namespace divlab::gui {

std::optional<double> typed_double(const char* label, double shown, float width, std::optional<TypedValue>& typing,
                                   const char* format) {
  const ImGuiID id = ImGui::GetID(label);
  double v = typing && typing->id == id ? typing->value : shown;
  ImGui::SetNextItemWidth(width);
  // A single click selects the whole number, so typing replaces it.
  if (ImGui::InputDouble(label, &v, 0, 0, format, ImGuiInputTextFlags_AutoSelectAll)) typing = TypedValue{id, v};
  if (ImGui::IsItemDeactivated() && typing && typing->id == id) {
    const double typed = typing->value;
    typing.reset();
    if (std::isfinite(typed) && typed != shown) return typed;
  }
  return std::nullopt;
}

}  // namespace divlab::gui

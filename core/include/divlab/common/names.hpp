// Enum ↔ name in files, flags and messages, from one table per enum: to_name(E) and parse_name<E>(text),
// and the list of names an error message expects. Header-only and below every other module, so the
// enums of distributions, document, fit and the app's themes all use it.
//
// An enum opts in with a table and an enum_names(E) overload next to it (found by argument-dependent
// lookup), e.g.
//   inline constexpr EnumName<Base> kBaseNames[] = {{Base::e, "e"}, {Base::two, "2"}};
//   constexpr std::span<const EnumName<Base>> enum_names(Base) { return kBaseNames; }
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace divlab {

// One value and its name. An alias is accepted by parse_name but never printed nor listed.
template <class E>
struct EnumName {
  E value;
  std::string_view name;
  bool alias = false;
};

// The name of e: the first entry of its table that is not an alias; "?" for a value not in the table.
template <class E>
constexpr std::string_view to_name(E e) {
  for (const EnumName<E>& n : enum_names(E{}))
    if (n.value == e && !n.alias) return n.name;
  return "?";
}

// The value named `text` (exactly, aliases included), or nullopt.
template <class E>
constexpr std::optional<E> parse_name(std::string_view text) {
  for (const EnumName<E>& n : enum_names(E{}))
    if (n.name == text) return n.value;
  return std::nullopt;
}

// Every name in table order, aliases left out: what a file, a flag or a menu offers.
template <class E>
std::vector<std::string_view> names() {
  std::vector<std::string_view> out;
  for (const EnumName<E>& n : enum_names(E{}))
    if (!n.alias) out.push_back(n.name);
  return out;
}

// The names for a message: "forward_kl, reverse_kl or jsd"; with last = ", ": "light, dark, print"; with
// both " | ": "light | dark | print".
template <class E>
std::string name_list(std::string_view last = " or ", std::string_view separator = ", ") {
  const std::vector<std::string_view> all = names<E>();
  std::string out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0) out += i + 1 == all.size() ? last : separator;
    out += all[i];
  }
  return out;
}

}  // namespace divlab

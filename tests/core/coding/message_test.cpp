// coding/message.hpp: reading a message over the support's labels (one character per symbol, or
// labels separated by white space or commas), case folding, UTF-8 characters named whole in errors,
// the limits, and message_text reading back.
#include "divlab/coding/message.hpp"

#include <gtest/gtest.h>

namespace divlab {
namespace {

TEST(Message, ReadsOneCharacterPerSymbolOrSeparatedLabels) {
  std::string error;
  const std::vector<std::string> letters{"a", "b", "c"};
  EXPECT_EQ(parse_message("ab c A", letters, &error), (std::optional<std::vector<int>>{{0, 1, 2, 0}}));
  EXPECT_EQ(parse_message("", letters, &error), (std::optional<std::vector<int>>{std::vector<int>{}}));
  const std::vector<std::string> words{"page", "image", "x1"};
  EXPECT_EQ(parse_message("image,page  X1\nimage", words, &error), (std::optional<std::vector<int>>{{1, 0, 2, 1}}));
  EXPECT_EQ(message_text({2, 0, 1}, letters), "cab");
  EXPECT_EQ(message_text({1, 0}, words), "image page");
  EXPECT_TRUE(one_character_labels(letters));
  EXPECT_FALSE(one_character_labels(words));
  EXPECT_FALSE(one_character_labels({"a", " "}));
}

TEST(Message, ErrorsNameTheSymbolAndItsPlace) {
  std::string error;
  EXPECT_FALSE(parse_message("abd", {"a", "b", "c"}, &error));
  EXPECT_EQ(error, "unknown symbol 'd' at 3 (the symbols are the support's labels)");
  EXPECT_FALSE(parse_message("aä", {"a", "b"}, &error));  // the whole UTF-8 character, not one byte of it
  EXPECT_EQ(error, "unknown symbol 'ä' at 2 (the symbols are the support's labels)");
  EXPECT_FALSE(parse_message("page " + std::string(100, 'x'), {"page", "api"}, &error));
  EXPECT_EQ(error, "unknown symbol '" + std::string(37, 'x') + "...' at 2 (the symbols are the support's labels)");
}

TEST(Message, Limits) {
  std::string error;
  EXPECT_TRUE(parse_message(std::string(kMaxMessageSymbols, 'a'), {"a"}, &error));
  EXPECT_FALSE(parse_message(std::string(kMaxMessageSymbols + 1, 'a'), {"a"}, &error));
  EXPECT_EQ(error, "the message has 100001 symbols; at most 100000");
  EXPECT_FALSE(parse_message(std::string(kMaxMessageBytes + 1, ' '), {"a"}, &error));
  EXPECT_EQ(error, "the message has 1048577 bytes; at most 1048576");
}

TEST(Message, IndicesWhenThereAreNoLabels) {
  EXPECT_EQ(message_labels({}, 3), (std::vector<std::string>{"0", "1", "2"}));
  EXPECT_EQ(message_labels({"x", "y"}, 2), (std::vector<std::string>{"x", "y"}));
  std::string error;
  EXPECT_EQ(parse_message("2 0 1", message_labels({}, 3), &error), (std::optional<std::vector<int>>{{2, 0, 1}}));
}

}  // namespace
}  // namespace divlab

#include "http/check_request.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

namespace nearmiss::http {
namespace {

using ::testing::HasSubstr;

ParsedCheck Parse(std::string_view body, CheckLimits limits = {}) {
  return ParseCheckRequest(body, limits);
}

TEST(CheckRequestTest, FullRequest) {
  ParsedCheck p = Parse(R"({"from": "Alice <alice@mod.gov.uk>",
      "to": ["Bob Smith <bob@army.ml>", "carol@army.mil, dave@example.com"],
      "cc": "erin@navy.mil", "bcc": [], "subject": "SECRET: plan", "body": "text",
      "attachments": [{"name": "plan.docx", "content_type": "application/x", "size": 10}],
      "headers": {"msip_labels": "x"}})");
  ASSERT_TRUE(p.ok) << p.problem.detail;
  const CheckRequest& r = p.request;
  EXPECT_EQ(r.from, "Alice <alice@mod.gov.uk>");
  ASSERT_EQ(r.recipients.size(), 4u);
  EXPECT_EQ(r.recipients[0].address, "Bob Smith <bob@army.ml>");
  EXPECT_EQ(r.recipients[1].address, "carol@army.mil");
  EXPECT_EQ(r.recipients[2].address, "dave@example.com");
  EXPECT_EQ(r.recipients[3].field, RecipientField::kCc);
  ASSERT_EQ(r.attachments.size(), 1u);
  EXPECT_EQ(r.attachments[0].size, 10);
  ASSERT_EQ(r.headers.size(), 1u);
}

TEST(CheckRequestTest, RecipientsOnly) {
  ParsedCheck p = Parse(R"({"bcc": ["x@army.mil"]})");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.request.recipients[0].field, RecipientField::kBcc);
}

// An entry pasted from Outlook's address box (the console's Check view
// posts what was typed): "Okafor, Chidi <c@x>" is one recipient, not an
// invalid "Okafor" beside it (the issue-14 tester, round 41, item 12).
TEST(CheckRequestTest, OutlookLastFirstIsOneRecipient) {
  ParsedCheck p = Parse(R"({"to": ["Okafor, Chidi <c.okafor2@nhs.example>; Doe, Jane <j@x.org>"]})");
  ASSERT_TRUE(p.ok);
  ASSERT_EQ(p.request.recipients.size(), 2u);
  EXPECT_EQ(p.request.recipients[0].address, "\"Okafor, Chidi\" <c.okafor2@nhs.example>");
  EXPECT_EQ(p.request.recipients[1].address, "\"Doe, Jane\" <j@x.org>");
}

// A display name typed without brackets ("John Smith x@gmail.com") or a
// "# note" after the address is one recipient, not invalid "John" and
// "Smith" that block the message (round 57b's tester 15, finding 2).
TEST(CheckRequestTest, LooseWordsAroundOneAddressAreOneRecipient) {
  ParsedCheck p = Parse(R"({"to": ["John Smith x@gmail.com", "y@gmail.com # note"]})");
  ASSERT_TRUE(p.ok);
  ASSERT_EQ(p.request.recipients.size(), 2u);
  EXPECT_EQ(p.request.recipients[0].address, "x@gmail.com");
  EXPECT_EQ(p.request.recipients[1].address, "y@gmail.com");
}

// Round 58's tester 15, finding 3: a name's comma piece, words after '>'
// and a no-break space after the address are no recipients of their own.
TEST(CheckRequestTest, NameFragmentsAndUnicodeSpacesAreNoRecipients) {
  ParsedCheck p = Parse(
      "{\"to\": [\"x@gmail.com, John Smith\", \"Smith, John a@gmail.com\", \"b@gmail.com; "
      "John\"], \"cc\": [\"<c@gmail.com> John\", \"d@gmial.com\u00a0John\"]}");
  ASSERT_TRUE(p.ok) << p.problem.detail;
  ASSERT_EQ(p.request.recipients.size(), 5u);
  EXPECT_EQ(p.request.recipients[0].address, "x@gmail.com");
  EXPECT_EQ(p.request.recipients[1].address, "a@gmail.com");
  EXPECT_EQ(p.request.recipients[2].address, "b@gmail.com");
  EXPECT_EQ(p.request.recipients[3].address, "<c@gmail.com>");
  EXPECT_EQ(p.request.recipients[4].address, "d@gmial.com");
}

// A new user's walk-around: one entry naming no recipient made the request
// a 400, the Bcc look-alike beside it went unjudged, and an add-in failing
// open sent the message.
TEST(CheckRequestTest, AnEntryNamingNoRecipientIsSkippedNotFatal) {
  ParsedCheck p =
      Parse(R"({"to": ["undisclosed-recipients:;", ""], "bcc": ["bob@army.ml", ";;"]})");
  ASSERT_TRUE(p.ok) << p.problem.detail;
  ASSERT_EQ(p.request.recipients.size(), 1u);
  EXPECT_EQ(p.request.recipients[0].address, "bob@army.ml");
  EXPECT_EQ(p.request.recipients[0].field, RecipientField::kBcc);
}

// A key given twice would let the last list silently replace the first.
TEST(CheckRequestTest, AKeyGivenTwiceIs400) {
  ParsedCheck p = Parse(R"({"to": ["eve@army.ml"], "to": ["bob@army.mil"]})");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.problem.status, 400);
  EXPECT_THAT(p.problem.detail, HasSubstr("\"to\" is given twice"));
  EXPECT_TRUE(Parse(R"({"to": ["a@b.com"], "attachments": [{"name": "x"}, {"name": "y"}]})").ok);
}

// The issue-14 tester, round 45, N2 b: every error names its field's JSON
// pointer (RFC 6901), nested ones in full; an unknown key gets the known
// key it is near; the body-level errors have the same shape.
TEST(CheckRequestTest, EachErrorNamesItsPointer) {
  auto one = [](std::string_view body) {
    ParsedCheck p = Parse(body);
    EXPECT_FALSE(p.ok) << body;
    EXPECT_EQ(p.problem.status, 400) << body;
    EXPECT_EQ(p.problem.errors.size(), 1u) << body << ": " << p.problem.detail;
    return p.problem.errors.empty() ? FieldError{"?", p.problem.detail} : p.problem.errors[0];
  };
  const std::string to = R"("from": "alice@mod.example", "to": ["jon@x.example"], )";
  FieldError e = one("{" + to + R"("acknowledge": {"justification": 5}})");
  EXPECT_EQ(e.pointer, "/acknowledge/justification");
  e = one("{" + to + R"("acknowledge": {"justifcation": "mine"}})");
  EXPECT_EQ(e.pointer, "/acknowledge/justifcation");
  EXPECT_EQ(e.detail, "unknown field 'justifcation'; did you mean 'justification'?");
  e = one("{" + to + R"("subjet": "x"})");
  EXPECT_EQ(e.pointer, "/subjet");
  EXPECT_THAT(e.detail, HasSubstr("did you mean 'subject'?"));
  e = one("{" + to + R"("zzzzzzzz": 1})");
  EXPECT_EQ(e.detail, "unknown field 'zzzzzzzz'") << "nothing near: no guess";
  e = one("{" + to + R"("attachments": [{"name": "a"}, {"name": 7}]})");
  EXPECT_EQ(e.pointer, "/attachments/1/name");
  e = one("{" + to + R"("attachments": [{"nmae": "a"}]})");
  EXPECT_EQ(e.pointer, "/attachments/0/nmae");
  EXPECT_THAT(e.detail, HasSubstr("did you mean 'name'?"));
  e = one("{" + to + R"("headers": {"X-A/B~C": 1}})");
  EXPECT_EQ(e.pointer, "/headers/X-A~1B~0C");
  e = one("{" + to + R"("acknowledge": {"scope": "a", "scope": "b"}})");
  EXPECT_EQ(e.pointer, "/acknowledge/scope");
  e = one("{" + to + R"("attachments": [{"name": "a"}, {"name": "b", "name": "c"}]})");
  EXPECT_EQ(e.pointer, "/attachments/1/name");
  e = one("{\"to\": [");
  EXPECT_EQ(e.pointer, "");
  EXPECT_THAT(e.detail, HasSubstr("not JSON"));
  // The detail a person reads says where, too.
  EXPECT_THAT(Parse("{" + to + R"("acknowledge": {"justification": 5}})").problem.detail,
              HasSubstr("'justification' must be a string (at /acknowledge/justification)"));
}

TEST(CheckRequestTest, NoRecipientIs400) {
  ParsedCheck p = Parse(R"({"from": "a@b.c", "subject": "hi"})");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.problem.status, 400);
  EXPECT_EQ(p.problem.type, "urn:nearmiss:problem:invalid-request");
  ASSERT_EQ(p.problem.errors.size(), 1u);
  EXPECT_EQ(p.problem.errors[0].pointer, "/to");
}

TEST(CheckRequestTest, EveryFieldErrorWithItsPointer) {
  ParsedCheck p = Parse(R"({"to": ["ok@a.com", 7], "subject": 3, "too": [], "attachments": [{"size": -1}]})");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.problem.status, 400);
  std::vector<std::string> pointers;
  for (const FieldError& e : p.problem.errors) pointers.push_back(e.pointer);
  EXPECT_THAT(pointers, ::testing::UnorderedElementsAre("/too", "/to/1", "/subject",
                                                        "/attachments/0/size"));
}

// Issue 14, found by its tester: acknowledgements were recorded for senders
// that are not an address. `from` is checked as `check --from` checks it.
TEST(CheckRequestTest, FromMustBeOneSenderAddress) {
  for (const char* from : {"not an address", "<>", "a@x.example, b@y.example"}) {
    ParsedCheck p = Parse(std::string(R"({"to": ["bob@army.mil"], "acknowledge": true, "from": ")") +
                          from + R"("})");
    ASSERT_FALSE(p.ok) << from;
    EXPECT_EQ(p.problem.status, 400) << from;
    ASSERT_EQ(p.problem.errors.size(), 1u) << from;
    EXPECT_EQ(p.problem.errors[0].pointer, "/from");
    EXPECT_THAT(p.problem.errors[0].detail, HasSubstr("not an envelope sender address")) << from;
  }
  EXPECT_TRUE(Parse(R"({"to": ["bob@army.mil"], "from": "Alice <alice@mod.gov.uk>"})").ok);
}

// Found by the issue-14 tester: a justification with a line break wrote a
// forged "revoke ... by Ann Admin" line into `audit --events`. Any
// character that breaks or reorders a line is refused, with where.
TEST(CheckRequestTest, JustificationIsOneLineOfText) {
  for (const char* why : {R"(new colleague\n  2026-12-01 09:00:00 UTC  revoke)", R"(a\rb)",
                          R"(\u001b[2K)", R"(x\u2028y)", R"(\u202enimda)", R"(\u0085)"}) {
    ParsedCheck p = Parse(std::string(R"({"from": "alice@mod.example", "to": ["jon@x.example"], )"
                                      R"("acknowledge": {"justification": ")") +
                          why + R"("}})");
    ASSERT_FALSE(p.ok) << why;
    EXPECT_EQ(p.problem.status, 400) << why;
    ASSERT_EQ(p.problem.errors.size(), 1u) << why;
    EXPECT_EQ(p.problem.errors[0].pointer, "/acknowledge/justification");
    EXPECT_THAT(p.problem.errors[0].detail, HasSubstr("one line of text")) << why;
  }
  EXPECT_TRUE(Parse(R"({"from": "alice@mod.example", "to": ["jon@x.example"], )"
                    R"("acknowledge": {"justification": "Jos\u00e9's new \"desk\" - ok"}})")
                  .ok);
}

// Issue 14 breaker, round 6, item 7: invisible format characters (Unicode
// category Cf) were kept: two justifications that look alike differed, and
// RLM/ALM reorder a line as the overrides do. Each is refused with its code
// point and byte.
TEST(CheckRequestTest, JustificationHasNoInvisibleFormatCharacters) {
  for (const auto& [why, named] : std::initializer_list<std::pair<const char*, const char*>>{
           {R"(a\u200bb)", "U+200B at byte 1"}, {R"(ok \u200f)", "U+200F at byte 3"},
           {R"(\u061c)", "U+061C at byte 0"}, {R"(\ufeffx)", "U+FEFF at byte 0"},
           {R"(co\u00adop)", "U+00AD at byte 2"}, {R"(\u180e)", "U+180E at byte 0"},
           {R"(a\u2060b)", "U+2060 at byte 1"}, {R"(x\u200dy)", "U+200D at byte 1"}}) {
    ParsedCheck p = Parse(std::string(R"({"from": "alice@mod.example", "to": ["jon@x.example"], )"
                                      R"("acknowledge": {"justification": ")") +
                          why + R"("}})");
    ASSERT_FALSE(p.ok) << why;
    ASSERT_EQ(p.problem.errors.size(), 1u) << why;
    EXPECT_EQ(p.problem.errors[0].pointer, "/acknowledge/justification");
    EXPECT_THAT(p.problem.errors[0].detail, HasSubstr(named)) << why;
  }
  // Visible text outside ASCII stays: accents, CJK, Arabic letters, emoji.
  for (const char* why : {R"(Jos\u00e9)", R"(\u738b\u79c0\u82f1)",
                          R"(\u0645\u0631\u062d\u0628\u0627)", R"(\ud83d\udc4d ok)"}) {
    EXPECT_TRUE(Parse(std::string(R"({"from": "alice@mod.example", "to": ["jon@x.example"], )"
                                  R"("acknowledge": {"justification": ")") +
                      why + R"("}})")
                    .ok)
        << why;
  }
}

TEST(CheckRequestTest, NotJsonOrNotAnObject) {
  EXPECT_THAT(Parse("{\"to\": [").problem.detail, HasSubstr("not JSON"));
  EXPECT_EQ(Parse("[1,2]").problem.status, 400);
  EXPECT_EQ(Parse("").problem.status, 400);
}

TEST(CheckRequestTest, DeepNestingRefusedBeforeParsing) {
  std::string deep(10000, '[');
  ParsedCheck p = Parse(deep);
  EXPECT_EQ(p.problem.status, 400);
  EXPECT_THAT(p.problem.detail, HasSubstr("nested deeper"));
  // Brackets inside strings do not count.
  EXPECT_TRUE(Parse(R"({"to": ["a@b.com"], "subject": "[[[[[[[[[[[[[[[[[[[[[[[[[["})").ok);
}

TEST(CheckRequestTest, TooManyRecipientsIs413) {
  CheckLimits limits;
  limits.max_recipients = 3;
  EXPECT_EQ(Parse(R"({"to": ["a@b.com","c@d.com","e@f.com","g@h.com"]})", limits).problem.status, 413);
  EXPECT_EQ(Parse(R"({"to": "a@b.com, c@d.com", "cc": "e@f.com, g@h.com"})", limits).problem.status, 413);
  EXPECT_TRUE(Parse(R"({"to": ["a@b.com","c@d.com","e@f.com"]})", limits).ok);
}

TEST(CheckRequestTest, OverlongAddressIs400) {
  std::string body = R"({"to": [")" + std::string(2000, 'a') + R"(@b.com"]})";
  ParsedCheck p = Parse(body);
  EXPECT_EQ(p.problem.status, 400);
  EXPECT_EQ(p.problem.errors[0].pointer, "/to/0");
}

TEST(CheckRequestTest, ProblemBodyIsRfc9457) {
  ParsedCheck p = Parse(R"({"to": [1]})");
  nlohmann::json j = nlohmann::json::parse(ProblemBody(p.problem));
  EXPECT_EQ(j["status"], 400);
  EXPECT_EQ(j["type"], "urn:nearmiss:problem:invalid-request");
  EXPECT_TRUE(j["title"].is_string());
  EXPECT_TRUE(j["detail"].is_string());
  EXPECT_EQ(j["errors"][0]["pointer"], "/to/0");
}

}  // namespace
}  // namespace nearmiss::http

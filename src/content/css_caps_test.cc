// Capitals set by an HTML page's style sheets (css_caps.h), read through
// HtmlToText as a message's HTML body is (issue 13, b13t defect 1).
#include "content/css_caps.h"

#include <gtest/gtest.h>

#include <string>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

std::string Shown(std::string_view sheet, std::string_view body) {
  return HtmlToText("<html><head><style>" + std::string(sheet) + "</style></head><body>" +
                    std::string(body) + "</body></html>")
      .text;
}

TEST(CssCapsTest, DeclarationsLaterWinsImportantWinsOverLater) {
  EXPECT_EQ(DeclarationCaps("color: red; TEXT-TRANSFORM : Uppercase"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("text-transform: uppercase; text-transform: none"), Caps::kNone);
  EXPECT_EQ(DeclarationCaps("text-transform: uppercase !important; text-transform: none"),
            Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("font: small-caps bold 12px Arial"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("font-variant-caps: all-small-caps"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("color: red"), Caps::kInherit);
}

TEST(CssCapsTest, ClassTypeIdAndMediaRules) {
  EXPECT_NE(Shown(".banner{text-transform:uppercase}", "<p class='x banner'>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Shown("h1 { font-variant: small-caps }", "<h1>uk secret</h1>").find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Shown("#top{text-transform:uppercase}", "<div id='top'>uk secret</div>")
                .find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Shown("@media screen { p.m { text-transform: uppercase } }",
                  "<p class='m'>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  // Inherited by the element's descendants, as CSS inherits the property.
  EXPECT_NE(Shown("div.m{text-transform:uppercase}", "<div class='m'><b>uk secret</b></div>")
                .find("UK SECRET"),
            std::string::npos);
}

TEST(CssCapsTest, CombinatorsAreFollowed) {
  std::string sheet = "#page .top > span { text-transform: uppercase }";
  EXPECT_NE(Shown(sheet, "<div id='page'><p class='top'><span>uk secret</span></p></div>")
                .find("UK SECRET"),
            std::string::npos);
  // Not a child of .top, not under #page.
  EXPECT_NE(Shown(sheet, "<div id='page'><p class='top'><i><span>uk secret</span></i></p></div>")
                .find("uk secret"),
            std::string::npos);
  EXPECT_NE(Shown(sheet, "<div><p class='top'><span>uk secret</span></p></div>").find("uk secret"),
            std::string::npos);
  EXPECT_NE(Shown("h2 + p { text-transform: uppercase }", "<h2>x</h2><p>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Shown("h2 ~ p { text-transform: uppercase }", "<p>uk secret</p><h2>x</h2>")
                .find("uk secret"),
            std::string::npos);
}

TEST(CssCapsTest, CascadeSpecificityOrderAndInlineStyle) {
  // Equal specificity: the later rule.
  EXPECT_NE(Shown(".a{text-transform:uppercase} .b{text-transform:none}",
                  "<p class='a b'>uk secret</p>")
                .find("uk secret"),
            std::string::npos);
  // Higher specificity wins over a later rule.
  EXPECT_NE(Shown("p.a{text-transform:uppercase} .b{text-transform:none}",
                  "<p class='a b'>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  // The style attribute wins over the sheet.
  EXPECT_NE(Shown("p{text-transform:uppercase}", "<p style='text-transform:none'>uk secret</p>")
                .find("uk secret"),
            std::string::npos);
}

TEST(CssCapsTest, StatesGeneratedContentAndCommentsDoNotApply) {
  EXPECT_NE(Shown("p:hover{text-transform:uppercase}", "<p>uk secret</p>").find("uk secret"),
            std::string::npos);
  EXPECT_NE(Shown("p::before{text-transform:uppercase}", "<p>uk secret</p>").find("uk secret"),
            std::string::npos);
  EXPECT_NE(Shown("/* p{text-transform:uppercase} */", "<p>uk secret</p>").find("uk secret"),
            std::string::npos);
  EXPECT_NE(Shown("@font-face { p { text-transform: uppercase } } q{color:red}",
                  "<p>uk secret</p>")
                .find("uk secret"),
            std::string::npos);
  // A structural pseudo-class is taken as matching.
  EXPECT_NE(Shown("p:first-child{text-transform:uppercase}", "<p>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  // The sheet itself is never text.
  EXPECT_EQ(Shown(".secret{text-transform:uppercase}", "").find("secret"), std::string::npos);
}


// Issue 13, round 37 item 5: CSS escapes (CSS Syntax 3, 4.3.7) and var()
// references to custom properties in the declarations that set capitals.
TEST(CssCapsTest, EscapesAndCustomProperties) {
  EXPECT_EQ(UnescapeCss("\\75ppercase"), "uppercase");
  EXPECT_EQ(UnescapeCss("\\000075 ppercase"), "uppercase");  // one blank ends it
  EXPECT_EQ(UnescapeCss("up\\per\\63 ase"), "uppercase");
  EXPECT_EQ(UnescapeCss("\\0"), "\xEF\xBF\xBD");
  EXPECT_EQ(DeclarationCaps("text-transform: \\75ppercase"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("text-tr\\61nsform: UPPERCASE"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("font-variant: sm\\61ll-caps"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("--t: uppercase; text-transform: var(--t)"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("text-transform: var(--t); --t: uppercase"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("text-transform: var(--missing, uppercase)"), Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("--a: var(--b); --b: upper\\63 ase; text-transform: var(--a)"),
            Caps::kUpper);
  EXPECT_EQ(DeclarationCaps("--t: none; text-transform: var(--t)"), Caps::kNone);
  EXPECT_EQ(DeclarationCaps("text-transform: var(--missing)"), Caps::kInherit);
  // A reference to itself resolves to nothing, as CSS makes it invalid.
  EXPECT_EQ(DeclarationCaps("--t: var(--t); text-transform: var(--t)"), Caps::kInherit);
  // Through a page: a rule using the root's property, a later rule
  // defining it, an inline style using the sheet's, an escaped class.
  EXPECT_NE(Shown(":root { --mark: uppercase } .b { text-transform: var(--mark) }",
                  "<p class='b'>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Shown(".b { font-variant: var(--v) } html { --v: small-caps }",
                  "<p class='b'>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Shown(":root { --t: uppercase }", "<p style='text-transform: var(--t)'>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Shown(".b { text-transform: \\75ppercase }", "<p class='b'>uk secret</p>")
                .find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Shown(":root { --t: none } .b { text-transform: var(--t) }",
                  "<p class='b'>uk secret</p>")
                .find("uk secret"),
            std::string::npos);
}

// Issue 13, round 38 (repro 29): capitals a table's style shows on a
// lower-case cell of a row of cells are put back to the typed case; a
// one-cell row, a paragraph and an image's alt text on its own line keep
// them.
TEST(CssCapsTest, CellRowsKeepTheirTypedCase) {
  EXPECT_EQ(Shown("th { text-transform: uppercase }",
                  "<table><tr><th>Recipe</th><th>secret</th><th>Serves 4</th></tr></table>")
                .find("SECRET"),
            std::string::npos);
  EXPECT_EQ(Shown("", "<table><tr style='text-transform:uppercase'><td>Dish</td>"
                      "<td>top secret</td></tr></table>")
                .find("SECRET"),
            std::string::npos);
  EXPECT_NE(Shown("td { text-transform: uppercase }",
                  "<table><tr><td>uk secret</td></tr></table>")
                .find("UK SECRET"),
            std::string::npos);
}

// Text a style sheet's class hides is read apart without it, as an inline
// style's (round 45 note 45: "<style>.x{display:none}</style>" ... "<span
// class="x">" was read as shown only).
std::string WithoutHidden(std::string_view sheet, std::string_view body) {
  Extracted e = HtmlToText("<html><head><style>" + std::string(sheet) + "</style></head><body>" +
                           std::string(body) + "</body></html>");
  return e.hidden.empty() ? "(nothing hidden)" : e.hidden.front().text;
}

TEST(CssCapsTest, StyleSheetRulesHideTextAsInlineStylesDo) {
  const std::string_view body = "<p>UK SEC<span class=\"z\">xq</span>RET</p>";
  for (std::string_view sheet :
       {".z{font-size:0}", ".z { display : none }", "p .z{visibility:hidden}",
        "span.z{font-size:0px !important}", ".z{font:0/0 a}", "@media screen{.z{display:none}}"}) {
    EXPECT_NE(WithoutHidden(sheet, body).find("UK SECRET"), std::string::npos) << sheet;
  }
  for (std::string_view sheet : {".z{font-size:0.5em}", ".y{display:none}", ".z{color:red}",
                                 ".z:hover{display:none}"}) {
    EXPECT_EQ(WithoutHidden(sheet, body), "(nothing hidden)") << sheet;
  }
  // Inline, the same declarations.
  EXPECT_NE(WithoutHidden("", "<p>UK SEC<span style=\"FONT-SIZE: 0pt\">xq</span>RET</p>")
                .find("UK SECRET"),
            std::string::npos);
}

}  // namespace
}  // namespace nearmiss::content

// Text boxes and shapes in Office XML parts: the blocks of text a page
// draws apart from the paragraph they are anchored in, and the
// markup-compatibility choices that hold one box twice.
//
// A text box's paragraphs are lines of their own, before or after the text
// of the paragraph that anchors it, never glued to it: a header paragraph
// holding a box "UK SECRET" and then the run "Ministry of Defence" is two
// lines, not "UK SECRETMinistry of Defence" (round 45 tester 13, finding
// 2). The containers (local names, any prefix):
//   - WordprocessingML w:txbxContent (ECMA-376 Part 1, 17.17.1.1), inside
//     DrawingML wps:txbx and VML v:textbox alike;
//   - VML v:textbox (ECMA-376 Part 4, 19.1.2.22);
//   - ODF draw:text-box (ODF 1.3 Part 3, 10.4.3) inside draw:frame, and the
//     drawing shapes that hold text:p themselves (10.3: draw:rect,
//     draw:ellipse, draw:custom-shape, draw:polygon ... draw:caption).
// Markup compatibility (ECMA-376 Part 3, 10.2.1 mc:AlternateContent): a
// reader takes one mc:Choice or else the mc:Fallback. Word writes a text
// box twice, as DrawingML in the Choice and as VML in the Fallback; the
// box is read once, from the Choice, when the Choice holds text.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_TEXT_BOXES_H_
#define NEARMISS_CONTENT_TEXT_BOXES_H_

#include <pugixml.hpp>

namespace nearmiss::content {

// Whether an element (its local name) is a text box or shape whose text is
// a block of its own.
bool IsTextBoxElement(const char* local);

// Removes every mc:Fallback whose mc:AlternateContent has an mc:Choice
// holding text, so that the one box is read once.
void DropAnsweredFallbacks(pugi::xml_node root);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_TEXT_BOXES_H_

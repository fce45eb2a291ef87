// The places of an Office package's parts (part_places.h).
#include "content/part_places.h"

#include <pugixml.hpp>

#include <cstring>
#include <vector>

#include "content/xml_names.h"

namespace nearmiss::content {
namespace {

// Reads the member named `path` (exactly), under the budget; false when
// there is none or it cannot be read.
bool ReadNamed(ZipArchive& zip, std::string_view path, ExtractBudget& budget,
               std::size_t* used, std::string* out) {
  for (zip_int64_t i = 0; i < zip.size() && !zip.stopped(); ++i) {
    const char* name = zip.Name(i);
    if (name == nullptr || path != name || zip.Encrypted(i)) continue;
    return zip.Read(i, budget, used, out);
  }
  return false;
}

const char* Attribute(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (std::strcmp(XmlLocalName(a.name()), local) == 0) return a.value();
  }
  return "";
}

// `target` of a relationship of a part in `folder` ("xl/"), as a package
// path: "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml",
// "../slides/slide1.xml" from "ppt/notesSlides/" -> "ppt/slides/slide1.xml",
// "/xl/worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml".
std::string Resolve(std::string_view folder, std::string_view target) {
  std::string path;
  if (target.starts_with('/')) {
    target.remove_prefix(1);
  } else {
    path = folder;
  }
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    if (!path.empty()) path.pop_back();  // the folder's '/'
    std::size_t slash = path.rfind('/');
    path.resize(slash == std::string::npos ? 0 : slash + 1);
  }
  path += target;
  return path;
}

// The relationships of the part `part` ("xl/workbook.xml"): id -> target
// path, read from "<folder>_rels/<file>.rels".
std::map<std::string, std::string> Relationships(ZipArchive& zip, std::string_view part,
                                                 ExtractBudget& budget, std::size_t* used) {
  std::map<std::string, std::string> out;
  std::size_t slash = part.rfind('/');
  std::string_view folder = part.substr(0, slash == std::string_view::npos ? 0 : slash + 1);
  std::string rels(folder);
  rels += "_rels/";
  rels += part.substr(folder.size());
  rels += ".rels";
  std::string xml;
  pugi::xml_document doc;
  if (!ReadNamed(zip, rels, budget, used, &xml) || !doc.load_buffer(xml.data(), xml.size())) {
    return out;
  }
  for (pugi::xml_node r : doc.document_element().children()) {
    if (r.type() != pugi::node_element) continue;
    out[Attribute(r, "Id")] = Resolve(folder, Attribute(r, "Target"));
  }
  return out;
}

// Every element of local name `local` under `node`, in document order.
void Collect(const pugi::xml_node& node, const char* local, std::vector<pugi::xml_node>* out) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::strcmp(XmlLocalName(c.name()), local) == 0) out->push_back(c);
    Collect(c, local, out);
  }
}

// A listing element's relationship id (r:id): the "id" attribute with a
// prefix, as p:sldId has an id of its own beside it.
const char* RelId(const pugi::xml_node& node) {
  for (pugi::xml_attribute a : node.attributes()) {
    const char* name = a.name();
    if (std::strchr(name, ':') != nullptr && std::strcmp(XmlLocalName(name), "id") == 0) {
      return a.value();
    }
  }
  return "";
}

// The elements `local` of the listing part `part`, each with the target of
// its r:id.
std::vector<std::pair<pugi::xml_node, std::string>> Listed(ZipArchive& zip, std::string_view part,
                                                           const char* local,
                                                           pugi::xml_document* doc,
                                                           ExtractBudget& budget,
                                                           std::size_t* used) {
  std::vector<std::pair<pugi::xml_node, std::string>> out;
  std::string xml;
  if (!ReadNamed(zip, part, budget, used, &xml) || !doc->load_buffer(xml.data(), xml.size())) {
    return out;
  }
  std::map<std::string, std::string> rels = Relationships(zip, part, budget, used);
  std::vector<pugi::xml_node> nodes;
  Collect(doc->document_element(), local, &nodes);
  for (const pugi::xml_node& n : nodes) {
    auto it = rels.find(RelId(n));
    if (it != rels.end()) out.emplace_back(n, it->second);
  }
  return out;
}

// The kinds of part named by their path alone.
struct KindPlace {
  const char* prefix;
  const char* place;
};
constexpr KindPlace kKinds[] = {
    {"word/header", "page header"},        {"word/footer", "page footer"},
    {"word/footnotes", "footnotes"},       {"word/endnotes", "endnotes"},
    {"word/comments", "comments"},         {"word/glossary/", "building blocks"},
    {"docProps/", "document properties"},  {"customXml/", "custom XML data"},
    {"xl/comments", "cell comments"},      {"xl/threadedComments/", "cell comments"},
    {"xl/drawings/", "drawings"},          {"xl/charts/", "charts"},
    {"ppt/comments/", "slide comments"},   {"ppt/slideMasters/", "slide master"},
    {"ppt/slideLayouts/", "slide layout"}, {"ppt/notesMasters/", "notes master"},
    {"ppt/handoutMasters/", "handout master"}, {"meta.xml", "document properties"},
    {"styles.xml", "page styles (headers and footers)"},
    {"visio/pages/", "drawing page"},      {"visio/masters/", "drawing master"},
    {"ppt/diagrams/", "SmartArt"},         {"word/diagrams/", "SmartArt"},
    {"xl/diagrams/", "SmartArt"},
};

}  // namespace

PartPlaces PartPlaces::Read(DocType type, ZipArchive& zip, ExtractBudget& budget,
                            std::size_t* used) {
  PartPlaces places;
  if (type != DocType::kOoxml) return places;
  pugi::xml_document workbook;
  for (const auto& [sheet, path] :
       Listed(zip, "xl/workbook.xml", "sheet", &workbook, budget, used)) {
    std::string place = "sheet \"";
    places.sheet_names_.emplace_back(Attribute(sheet, "name"));
    place += places.sheet_names_.back();
    place += '"';
    std::string_view state = Attribute(sheet, "state");
    if (state == "hidden" || state == "veryHidden") {
      place += state == "hidden" ? " (hidden)" : " (very hidden)";
    }
    places.named_[path] = std::move(place);
  }
  pugi::xml_document presentation;
  int number = 0;
  for (const auto& listed :
       Listed(zip, "ppt/presentation.xml", "sldId", &presentation, budget, used)) {
    const std::string& path = listed.second;
    std::string place = "slide ";
    place += std::to_string(++number);
    places.named_[path] = place;
    // The slide's notes (its relationship of type notesSlide) and its
    // SmartArt graphics' text (diagramData and the diagramDrawing Office
    // draws from it, ppt/diagrams/; ECMA-376 Part 1, 21.4).
    for (const auto& rel : Relationships(zip, path, budget, used)) {
      const std::string& target = rel.second;
      if (target.find("/notesSlides/") != std::string::npos) {
        places.named_[target] = "notes of " + place;
      } else if (target.find("/diagrams/") != std::string::npos) {
        places.named_[target] = "SmartArt on " + place;
      }
    }
  }
  return places;
}

std::string PartPlaces::Of(std::string_view member) const {
  if (auto it = named_.find(member); it != named_.end()) return it->second;
  for (const KindPlace& k : kKinds) {
    if (member.starts_with(k.prefix)) return k.place;
  }
  return "";
}

}  // namespace nearmiss::content
